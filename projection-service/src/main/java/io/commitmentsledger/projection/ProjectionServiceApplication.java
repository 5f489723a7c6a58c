package io.commitmentsledger.projection;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** projection-service: builds queryable timelines of each commitment from the Kafka event stream. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ProjectionServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ProjectionServiceApplication.class, args);
    }

    /** Server time in UTC: "today" for overdue, "now" for ages. Tests replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
