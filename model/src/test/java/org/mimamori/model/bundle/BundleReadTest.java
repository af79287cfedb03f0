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

    @Test
    void aSoundIsotonicBundleReadsBackAndAnIdenticalReadGivesTheSameVersion() {
        ModelBundle b = ValidBundle.isotonic();
        assertThat(b.calibrator().kind()).isEqualTo("isotonic");
        ModelBundle again = ModelBundle.read(b.bytes());
        assertThat(again.version()).isEqualTo(b.version());
        assertThat(again.warnings()).isEmpty();
    }

    @Test
    void anEmptyOptionalCheckEntryIsRefused() {
        BundleZipTest.assertRefused(ValidBundle.withBytes("probes.json", new byte[0]), "probes.json", "is empty");
    }
}
