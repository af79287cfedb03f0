package org.mimamori.api.database;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Identifiers whose order follows the time they were made: RFC 9562 UUID version 7 (48 bits of Unix milliseconds,
 * then 74 random bits). Rows keyed by them (scores, and the indexes that hold a score's id or a request's id) are
 * appended at the end of their B-trees instead of at random places: a table far larger than the buffer pool is
 * then written page by page as it fills, not read back and split for every insert (docs/scaling.md, "Request
 * throughput"). The random part comes from {@link SecureRandom}, so an id cannot be guessed from another one; the
 * time part says when the record was made, as its own timestamp column already does.
 */
public final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long MAX_MILLIS = (1L << 48) - 1;

    private TimeOrderedIds() {
    }

    /**
     * @param at when the record is made (the service's {@link java.time.Clock}; from 1970 to the year 10889)
     * @return a new version 7 UUID for that millisecond, with 74 random bits
     */
    public static UUID next(Instant at) {
        long millis = at.toEpochMilli();
        if (millis < 0 || millis > MAX_MILLIS) {
            throw new IllegalArgumentException("a version 7 UUID holds a time from 1970 to the year 10889, not " + at);
        }
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long high = millis << 16 | 0x7000L | (random[0] & 0x0fL) << 8 | random[1] & 0xffL;
        long low = 0;
        for (int i = 2; i < 10; i++) {
            low = low << 8 | random[i] & 0xffL;
        }
        return new UUID(high, low & 0x3fff_ffff_ffff_ffffL | 0x8000_0000_0000_0000L);
    }
}
