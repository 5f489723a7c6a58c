package io.commitmentsledger.embedded;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The smallest service that uses this module as the real services do (auto-configuration, a DataSource from
 * properties): {@link ChildService} runs it in a JVM of its own, so tests can kill that JVM.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class ServiceWithEmbeddedPostgres {

    public static void main(String[] args) throws InterruptedException {
        SpringApplication.run(ServiceWithEmbeddedPostgres.class, args);
        // nothing else keeps a service without a web server alive; it ends by signal or by its launcher watch
        Thread.currentThread().join();
    }
}
