package org.mimamori.model.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The stored form of an observation ({@link Observation#packed()}) gives back exactly what was stored. */
class ObservationPropertyTest {

    @Property
    void packedThenUnpackedIsTheSame(@ForAll("observations") Observation o) {
        byte[] packed = o.packed();

        assertThat(packed).hasSize(2 * o.states().length);
        assertThat(Observation.unpacked(packed, o.states().length)).isEqualTo(o);
    }

    @Property
    void aStoredFormOfAnotherLengthIsNotRead(@ForAll("observations") Observation o) {
        int items = o.states().length;

        assertThat(Observation.unpacked(o.packed(), items + 1)).isNull();
        assertThat(Observation.unpacked(null, items)).isNull();
    }

    @Test
    void statesTheStoredFormCannotHoldAreRefused() {
        assertThatThrownBy(() -> new Observation(new int[] {Observation.MAX_STATE + 1}, new boolean[1]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Observation(new int[] {-1}, new boolean[1]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Observation(new int[2], new boolean[1]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Provide
    Arbitrary<Observation> observations() {
        return Arbitraries.integers().between(0, 60).flatMap(n -> Combinators.combine(
                Arbitraries.integers().between(0, Observation.MAX_STATE).list().ofSize(n),
                Arbitraries.of(true, false).list().ofSize(n)).as((states, outside) -> {
                    boolean[] flags = new boolean[n];
                    for (int k = 0; k < n; k++) {
                        flags[k] = outside.get(k);
                    }
                    return new Observation(states.stream().mapToInt(Integer::intValue).toArray(), flags);
                }));
    }
}
