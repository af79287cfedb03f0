package org.mimamori.api.cluster;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** This instance's {@link InstanceId}, logged once and exposed as {@code mimamori_instance_info{instance} 1}. */
@Configuration(proxyBeanMethods = false)
class ClusterConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterConfiguration.class);
    static final Pattern ID = Pattern.compile("^[A-Za-z0-9._:-]{1,100}$");

    @Bean
    InstanceId instanceId(@Value("${mimamori.instance-id:}") String configured, MeterRegistry registry) {
        String id = configured.isBlank() ? generated() : configured.trim();
        if (!ID.matcher(id).matches()) {
            throw new IllegalStateException("mimamori.instance-id must be 1 to 100 letters, digits, '.', '_', ':' "
                    + "or '-' (it was " + configured + ")");
        }
        LOG.info("This instance is {}{}", id, configured.isBlank() ? " (set mimamori.instance-id to name it)" : "");
        Gauge.builder("mimamori.instance.info", () -> 1).description("This instance's id (mimamori.instance-id)")
                .tag("instance", id).register(registry);
        return () -> id;
    }

    /** {@code <host>-<pid>-<6 hex>}: unique even for two processes of one host that reuse a pid after a restart. */
    static String generated() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "host";
        }
        host = host.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
        if (host.length() > 60) {
            host = host.substring(0, 60);
        }
        byte[] random = new byte[3];
        new SecureRandom().nextBytes(random);
        return host + "-" + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(random);
    }
}
