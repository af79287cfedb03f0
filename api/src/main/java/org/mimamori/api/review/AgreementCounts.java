package org.mimamori.api.review;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts decisions that agree with the band and decisions that override it, by band (highest first) and by
 * ISO week (oldest first). A decision agrees unless it goes against the band.
 */
final class AgreementCounts {

    /** One row: a band id or an ISO week such as {@code 2026-W48}. */
    record Row(String key, long n, long agreeing, long overriding) {

        double share() {
            return n == 0 ? 0 : (double) agreeing / n;
        }
    }

    private AgreementCounts() {
    }

    static List<Row> byBand(List<ReviewStore.Decided> decided) {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, Integer> ranks = new TreeMap<>();
        for (ReviewStore.Decided d : decided) {
            add(counts, d.band(), d.againstBand());
            ranks.merge(d.band(), d.bandRank(), Math::max);
        }
        List<Row> rows = rows(counts);
        rows.sort(Comparator.comparing((Row r) -> -ranks.get(r.key())).thenComparing(Row::key));
        return rows;
    }

    static List<Row> byWeek(List<ReviewStore.Decided> decided) {
        Map<String, long[]> counts = new TreeMap<>();
        for (ReviewStore.Decided d : decided) {
            add(counts, week(d), d.againstBand());
        }
        return rows(counts);
    }

    private static String week(ReviewStore.Decided d) {
        ZonedDateTime t = d.decidedAt().atZone(ZoneOffset.UTC);
        return String.format("%d-W%02d", t.get(IsoFields.WEEK_BASED_YEAR), t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private static void add(Map<String, long[]> counts, String key, boolean against) {
        long[] c = counts.computeIfAbsent(key, k -> new long[2]);
        c[against ? 1 : 0]++;
    }

    private static List<Row> rows(Map<String, long[]> counts) {
        List<Row> rows = new ArrayList<>();
        counts.forEach((k, c) -> rows.add(new Row(k, c[0] + c[1], c[0], c[1])));
        return rows;
    }
}
