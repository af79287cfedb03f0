package org.mimamori.model.value;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean" for misspelt names and codes: the closest candidate by edit distance (insertions, deletions,
 * substitutions and swaps of neighbours each count one), ignoring case, when it is close enough to be a slip.
 */
public final class Spelling {

    private Spelling() {
    }

    /**
     * The candidate closest to {@code word}, if one is at most a third of the word's length away (at least 1,
     * at most 3 edits) and no other candidate is as close.
     */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        if (word == null || word.isBlank()) {
            return Optional.empty();
        }
        String w = word.strip().toLowerCase(Locale.ROOT);
        int limit = Math.max(1, Math.min(3, w.length() / 3));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        boolean tie = false;
        for (String c : candidates) {
            int d = distance(w, c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
                tie = false;
            } else if (d == bestDistance && !c.equals(best)) {
                tie = true;
            }
        }
        return best != null && bestDistance <= limit && !tie && !best.equals(word) ? Optional.of(best)
                : Optional.empty();
    }

    /** {@code " (did you mean 'x'?)"} for the closest candidate, or an empty text. */
    public static String didYouMean(String word, Collection<String> candidates) {
        return closest(word, candidates).map(c -> " (did you mean '" + c + "'?)").orElse("");
    }

    /** The optimal-string-alignment distance between two texts. */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
