package org.mimamori.api.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Version 7 ids: their text sorts as their time does (as MariaDB orders a CHAR(36) key), and they do not repeat. */
class TimeOrderedIdsTest {

    private static final long YEAR_10889 = (1L << 48) - 1;

    @Property
    void anIdIsAVersion7UuidHoldingItsMillisecond(@ForAll @LongRange(min = 0, max = YEAR_10889) long millis) {
        UUID id = TimeOrderedIds.next(Instant.ofEpochMilli(millis));
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
        assertThat(UUID.fromString(id.toString())).isEqualTo(id);
    }

    @Property
    void aLaterMillisecondSortsAfterAsText(@ForAll @LongRange(min = 0, max = YEAR_10889 - 1) long millis,
                                          @ForAll @LongRange(min = 1, max = 1_000_000) long later) {
        long second = Math.min(YEAR_10889, millis + later);
        String first = TimeOrderedIds.next(Instant.ofEpochMilli(millis)).toString();
        String next = TimeOrderedIds.next(Instant.ofEpochMilli(second)).toString();
        assertThat(first).isLessThan(next);
    }

    @Test
    void idsOfOneMillisecondDifferInTheirRandomBits() {
        Instant at = Instant.parse("2026-12-02T10:15:30.123Z");
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(TimeOrderedIds.next(at));
        }
        assertThat(ids).hasSize(100_000);
        assertThat(ids).allSatisfy(id -> assertThat(id.toString()).startsWith("01a23640-8e4b-7"));
    }

    @Test
    void aTimeOutsideWhatTheIdHoldsIsRefused() {
        assertThatThrownBy(() -> TimeOrderedIds.next(Instant.ofEpochMilli(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimeOrderedIds.next(Instant.ofEpochMilli(YEAR_10889 + 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
