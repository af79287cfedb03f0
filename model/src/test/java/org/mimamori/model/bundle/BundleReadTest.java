package org.mimamori.model.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BundleReadTest {

    @Test
    void aSoundBundleReadsBackWithoutWarningsAndWithItsProbes() {
        ModelBundle b = ModelBundle.read(ValidBundle.bytes());
        assertThat(b.warnings()).isEmpty();
        assertThat(b.entryNames()).contains("probes.json", "metrics.json");
        assertThat(b.version()).hasSize(16);
    }
}
