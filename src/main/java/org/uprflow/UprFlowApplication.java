package org.uprflow;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class UprFlowApplication {

    /**
     * The platform's one time source, in UTC: every service that stamps or compares a time takes it
     * (tests move it, ADR 0022). "Today" is the UTC day; a day a user states stays the calendar day
     * stated (ADR 0015).
     */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        SpringApplication.run(UprFlowApplication.class, args);
    }
}
