package org.uprflow.operations;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OperationsConfiguration {

    /** Static: a post-processor must exist before the data source it waits for. */
    @Bean
    static StartupLock startupLock() {
        return new StartupLock();
    }
}
