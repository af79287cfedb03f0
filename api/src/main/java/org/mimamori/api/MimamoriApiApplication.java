package org.mimamori.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the scoring service. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MimamoriApiApplication {

    /** Not instantiated by hand; Spring creates it. */
    protected MimamoriApiApplication() {
    }

    /**
     * Runs the service. Without a configured datasource it starts an embedded MariaDB on
     * {@code mimamori.data-dir} (default {@code ./data}).
     *
     * @param args Spring Boot command-line arguments, e.g. {@code --server.port=8080}
     */
    public static void main(String[] args) {
        SpringApplication.run(MimamoriApiApplication.class, args);
    }
}
