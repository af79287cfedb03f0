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

/**
 * Version 7 ids: their text sorts as their time does and, within one millisecond, as they were made (as MariaDB orders
 * a CHAR(36) key), and they do not repeat.
 */
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

    @Property
    void textOrderIsTheOrderOfTheirText(@ForAll @LongRange(min = 0, max = YEAR_10889) long a,
                              @ForAll @LongRange(min = 0, max = YEAR_10889) long b) {
        UUID x = TimeOrderedIds.next(Instant.ofEpochMilli(a));
        UUID y = TimeOrderedIds.next(Instant.ofEpochMilli(b));
        assertThat(Integer.signum(TimeOrderedIds.TEXT_ORDER.compare(x, y))).as(x + " " + y)
                .isEqualTo(Integer.signum(x.toString().compareTo(y.toString())));
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

    @Property
    void idsMadeOneAfterAnotherSortAsTextInTheOrderTheyWereMade(
            @ForAll @LongRange(min = 0, max = YEAR_10889 - 1000) long millis,
            @ForAll @net.jqwik.api.constraints.Size(max = 300) java.util.List<@net.jqwik.api.constraints.IntRange(
                    min = 0, max = 3) Integer> steps) {
        long at = millis;
        String previous = TimeOrderedIds.next(Instant.ofEpochMilli(at)).toString();
        for (int step : steps) { // most in the same millisecond, some in a later one
            at += step == 3 ? 1 : 0;
            String id = TimeOrderedIds.next(Instant.ofEpochMilli(at)).toString();
            assertThat(id).isGreaterThan(previous);
            assertThat(UUID.fromString(id).getMostSignificantBits() >>> 16).isEqualTo(at);
            previous = id;
        }
    }

    @Test
    void anIdAfterAnotherOfTheSameMillisecondIsNotTheNextNumber() {
        Instant at = Instant.parse("2026-12-03T10:15:30.123Z");
        Set<Long> steps = new HashSet<>();
        UUID previous = TimeOrderedIds.next(at);
        for (int i = 0; i < 1000; i++) {
            UUID id = TimeOrderedIds.next(at);
            steps.add(id.getLeastSignificantBits() - previous.getLeastSignificantBits());
            previous = id;
        }
        assertThat(steps).as("random increments (a carry into the high bits aside)").hasSizeGreaterThan(990);
    }

    @Test
    void anIdForAnEarlierMillisecondStillHoldsItsOwnMillisecond() {
        TimeOrderedIds.next(Instant.parse("2026-12-03T10:15:31Z"));
        UUID earlier = TimeOrderedIds.next(Instant.parse("2026-12-03T10:15:30Z")); // the clock set back
        assertThat(earlier.getMostSignificantBits() >>> 16)
                .isEqualTo(Instant.parse("2026-12-03T10:15:30Z").toEpochMilli());
        assertThat(earlier.version()).isEqualTo(7);
    }

    @Test
    void aTimeOutsideWhatTheIdHoldsIsRefused() {
        assertThatThrownBy(() -> TimeOrderedIds.next(Instant.ofEpochMilli(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimeOrderedIds.next(Instant.ofEpochMilli(YEAR_10889 + 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
