package io.commitmentsledger.ledger;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CommitmentsServiceApplication {

    static final String AXON_UPDATE_CHECKER_DISABLED = "axoniq.update-checker.disabled";

    public static void main(String[] args) {
        // Axon's update checker reports usage to AxonIQ at start-up; a government ledger does not phone home.
        if (System.getProperty(AXON_UPDATE_CHECKER_DISABLED) == null) {
            System.setProperty(AXON_UPDATE_CHECKER_DISABLED, "true");
        }
        SpringApplication.run(CommitmentsServiceApplication.class, args);
    }
}
