package org.mimamori.api.models;

import org.mimamori.model.bundle.BundleLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How large an uploaded or stored model bundle may be ({@code mimamori.bundle-limits.*}); the defaults are
 * {@link BundleLimits#DEFAULT}'s.
 *
 * @param file    the zip file itself
 * @param entry   any one entry once inflated
 * @param total   all entries together once inflated
 * @param entries the number of entries
 */
@ConfigurationProperties("mimamori.bundle-limits")
record BundleLimitProperties(@DefaultValue("64MB") DataSize file, @DefaultValue("64MB") DataSize entry,
                             @DefaultValue("256MB") DataSize total, @DefaultValue("1000") int entries) {

    BundleLimits limits() {
        return new BundleLimits(file.toBytes(), entry.toBytes(), total.toBytes(), entries);
    }
}
