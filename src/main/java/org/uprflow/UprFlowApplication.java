package org.uprflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class UprFlowApplication {

    public static void main(String[] args) {
        SpringApplication.run(UprFlowApplication.class, args);
    }
}
