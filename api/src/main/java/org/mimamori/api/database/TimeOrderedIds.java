package org.mimamori.api.database;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

/**
 * Identifiers whose order follows the time they were made: RFC 9562 UUID version 7 (48 bits of Unix milliseconds,
 * then 74 bits: random, or within one millisecond the previous id's plus a random increment). Rows keyed by them
 * (scores, and the indexes that hold a score's id or a request's id) are appended at the end of their B-trees
 * instead of at random places: a table far larger than the buffer pool is then written page by page as it fills, not
 * read back and split for every insert (docs/scaling.md, "Request throughput"). The random bits and increments come
 * from {@link SecureRandom}, so an id cannot be guessed from another one; the time part says when the record was
 * made, as its own timestamp column already does.
 */
public final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long MAX_MILLIS = (1L << 48) - 1;
    private static final long LOW_BITS = 1L << 62;
    private static final int HIGH_BITS = 1 << 12;

    /** The newest id made: its millisecond and its 74 random bits (12 high, 62 low). */
    private static long lastMillis = -1;
    private static int lastHigh;
    private static long lastLow;

    /**
     * Ids in the order of their text, which is the order MariaDB keeps a CHAR(36) key in ({@link UUID#compareTo}
     * compares the halves as signed numbers, so it differs for ids of the year 6429 on), without making the text.
     */
    public static final Comparator<UUID> TEXT_ORDER = (a, b) -> {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };

    private TimeOrderedIds() {
    }

    /**
     * Ids made one after another in one millisecond (or in later ones) sort in the order they were made (RFC 9562,
     * 6.2, method 2 with a random increment): the id after one of the same millisecond is that one plus a random
     * number from 1 to 2^32, so the inserts of one instance go to the very end of their B-trees, filling each page
     * before the next is begun (random bits alone would put ids of one millisecond in any order, and each insert
     * before the newest splits the last page in two halves that stay half empty), while an id still cannot be
     * guessed from another. An id for another millisecond than the newest's gets fresh random bits (after the clock
     * was set back, ids hold the earlier time they were made at and sort before the ones made before the change).
     *
     * @param at when the record is made (the service's {@link java.time.Clock}; from 1970 to the year 10889)
     * @return a new version 7 UUID for that millisecond
     */
    public static UUID next(Instant at) {
        long millis = at.toEpochMilli();
        if (millis < 0 || millis > MAX_MILLIS) {
            throw new IllegalArgumentException("a version 7 UUID holds a time from 1970 to the year 10889, not " + at);
        }
        int high;
        long low;
        synchronized (TimeOrderedIds.class) {
            if (millis == lastMillis) { // the newest id plus 1 to 2^32, carried into the high bits
                long sum = lastLow + 1 + (RANDOM.nextInt() & 0xffff_ffffL);
                lastHigh += (int) (sum >>> 62);
                lastLow = sum & (LOW_BITS - 1);
            }
            if (millis != lastMillis || lastHigh >= HIGH_BITS) { // another millisecond, or 2^43 ids in this one
                lastMillis = millis;
                lastHigh = RANDOM.nextInt(HIGH_BITS);
                lastLow = RANDOM.nextLong() & (LOW_BITS - 1);
            }
            high = lastHigh;
            low = lastLow;
        }
        return new UUID(millis << 16 | 0x7000L | high, low | 0x8000_0000_0000_0000L);
    }
}
