package io.commitmentsledger.ledger;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CommitmentsServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommitmentsServiceApplication.class, args);
    }
}
