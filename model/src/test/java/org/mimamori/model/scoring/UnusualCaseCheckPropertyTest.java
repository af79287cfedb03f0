package org.mimamori.model.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.mimamori.model.encoding.EncodedCase;

/**
 * The unusual-case check takes a logarithm only for a state rarer, or a pair more surprising, than the best so far
 * (a speed-up: it runs for every screened child). Its findings must be exactly those of taking the logarithm of
 * every state and pair, ties included: compact screening entries keep a fingerprint of the explanation, and the
 * explanation re-derived on read must equal the one first computed.
 */
class UnusualCaseCheckPropertyTest {

    @Property(tries = 500)
    void findsWhatScoringEveryStateAndPairFinds(@ForAll long seed) {
        Random r = new Random(seed);
        int m = 2 + r.nextInt(30);
        int[] features = new int[m];
        for (int i = 0, f = 0; i < m; i++) {
            f += 1 + r.nextInt(3);
            features[i] = f;
        }
        int cases = 1 + r.nextInt(r.nextBoolean() ? 5 : 100_000);
        int bound = r.nextBoolean() ? 3 : cases + 1; // few distinct counts: many ties
        int[] states = new int[m];
        for (int i = 0; i < m; i++) {
            states[i] = r.nextInt(bound);
        }
        int[] pairs = new int[m * (m - 1) / 2];
        for (int i = 0; i < pairs.length; i++) {
            pairs[i] = r.nextInt(bound);
        }
        UnusualCaseCheck check = new UnusualCaseCheck(cases, features, states, pairs, 0.5, 0.5, 0.01);
        int active = 1 + r.nextInt(m + 3);
        int[] indices = r.ints(active, 0, features[m - 1] + 3).distinct().sorted().toArray();
        EncodedCase e = new EncodedCase(indices, new double[indices.length]);

        assertThat(check.rarestValue(e)).isEqualTo(everyState(check, e));
        assertThat(check.rarestPair(e)).isEqualTo(everyPair(check, e));
    }

    /** The check's rare value as first written: the logarithm of every state. */
    private static UnusualCaseCheck.Finding everyState(UnusualCaseCheck u, EncodedCase e) {
        int[] pos = positions(u, e);
        UnusualCaseCheck.Finding best = new UnusualCaseCheck.Finding(-1, -1, 0);
        for (int p : pos) {
            double s = -Math.log((u.stateCounts()[p] + 1.0) / (u.cases() + 1.0));
            if (s > best.score()) {
                best = new UnusualCaseCheck.Finding(u.valueFeatures()[p], -1, s);
            }
        }
        return best;
    }

    /** The check's rare combination as first written: the logarithm of every pair. */
    private static UnusualCaseCheck.Finding everyPair(UnusualCaseCheck u, EncodedCase e) {
        int m = u.valueFeatures().length;
        int[] pos = positions(u, e);
        UnusualCaseCheck.Finding best = new UnusualCaseCheck.Finding(-1, -1, 0);
        for (int a = 0; a < pos.length; a++) {
            for (int b = a + 1; b < pos.length; b++) {
                double expected = (double) u.stateCounts()[pos[a]] * u.stateCounts()[pos[b]] / Math.max(1, u.cases());
                int pair = pos[a] * m - pos[a] * (pos[a] + 1) / 2 + (pos[b] - pos[a] - 1);
                double s = Math.log((expected + 1) / (u.pairCounts()[pair] + 1.0));
                if (s > best.score()) {
                    best = new UnusualCaseCheck.Finding(u.valueFeatures()[pos[a]], u.valueFeatures()[pos[b]], s);
                }
            }
        }
        return best;
    }

    private static int[] positions(UnusualCaseCheck u, EncodedCase e) {
        return java.util.Arrays.stream(e.indices()).map(f -> java.util.Arrays.binarySearch(u.valueFeatures(), f))
                .filter(p -> p >= 0).sorted().toArray();
    }
}
