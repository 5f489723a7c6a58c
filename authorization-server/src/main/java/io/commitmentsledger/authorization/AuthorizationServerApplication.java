package io.commitmentsledger.authorization;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The ledger's local authorization server: issues the bearer tokens that commitments-service and projection-service
 * accept, to the clients named in {@code ledger.authorization.clients}. A deployment points the services at its own
 * issuer instead.
 */
// Clients authenticate here, users never do: no user store, and no generated password in the log.
@SpringBootApplication(
        excludeName = "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration")
@ConfigurationPropertiesScan
public class AuthorizationServerApplication {

    public static void main(String[] args) {
        SpringApplication.run(AuthorizationServerApplication.class, args);
    }
}
