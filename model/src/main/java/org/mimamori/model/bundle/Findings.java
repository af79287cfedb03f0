package org.mimamori.model.bundle;

import java.util.ArrayList;
import java.util.List;

import org.mimamori.model.schema.LocalizedText;

/** Collects the problems and warnings of one bundle check; not thread-safe, used by one check only. */
final class Findings {

    /** The most problems listed per entry; a thoroughly broken entry need not list thousands. */
    static final int PER_ENTRY = 25;

    private final List<BundleProblem> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final java.util.Map<String, Integer> perEntry = new java.util.HashMap<>();

    /** Records a problem of an entry (beyond {@value #PER_ENTRY} per entry, only that there are more). */
    void add(String entry, LocalizedText text) {
        int n = perEntry.merge(entry, 1, Integer::sum);
        if (n <= PER_ENTRY) {
            problems.add(new BundleProblem(entry, text));
        } else if (n == PER_ENTRY + 1) {
            problems.add(new BundleProblem(entry, new LocalizedText("ほかにも問題がありますが、表示を省略しています",
                    "has further problems, not listed")));
        }
    }

    /** Records a problem of an entry, in Japanese and English. */
    void add(String entry, String ja, String en) {
        add(entry, new LocalizedText(ja, en));
    }

    /** Records a warning: the bundle is usable, but something could not be checked. */
    void warn(String message) {
        warnings.add(message);
    }

    boolean ok() {
        return problems.isEmpty();
    }

    int count() {
        return problems.size();
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Throws every problem found so far, if any. */
    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidBundleException(problems);
        }
    }
}
