package org.mimamori.api.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** A kept response (V22) is read back exactly as it was kept, and a cut-off one is refused, never half-served. */
class KeptResponsePropertyTest {

    @Property
    void whatIsKeptIsWhatIsRead(@ForAll @Size(max = 70_000) byte[] response) {
        assertThat(StoredResponsesService.unkept("s", StoredResponsesService.kept(response)))
                .isEqualTo(response);
    }

    @Property
    void aCutOffResponseIsRefused(@ForAll @Size(min = 1, max = 20_000) byte[] response,
                                  @ForAll @IntRange(min = 0, max = 1_000_000) int cut) {
        byte[] kept = StoredResponsesService.kept(response);
        byte[] prefix = Arrays.copyOf(kept, cut % kept.length);
        assertThatThrownBy(() -> StoredResponsesService.unkept("s", prefix))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("damaged");
    }
}
