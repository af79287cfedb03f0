package org.mimamori.model.bundle;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.mimamori.model.metrics.ScoreBand;
import org.mimamori.model.schema.LocalizedText;

/**
 * Checks that the stored holdout metrics are internally consistent and belong to this bundle. The holdout
 * cases are not in the bundle (it holds no case records), so the AUC cannot be re-measured; but what follows
 * from the stored tables is recomputed exactly: the counts of the calibration table and the bands add up to
 * the holdout's, the ECE is what the calibration table gives, each band's rates (selection, TPR, FPR, PPV, NPV
 * when flagging from it up) are what its counts give, every metric is a number in [0, 1], and the case counts,
 * calibration kind, schema and bands are those of the bundle.
 */
final class MetricsCheck {

    private static final String E = ModelBundle.METRICS;
    private static final double TOLERANCE = 1e-9;

    private MetricsCheck() {
    }

    /** Records every inconsistency of {@code metrics.json}. */
    static void check(byte[] json, BundleCheck.Parts parts, Findings f) {
        JsonNode root;
        try {
            root = BundleJson.MAPPER.readTree(json);
        } catch (IOException ex) {
            f.add(E, EntryJson.describe(ex));
            return;
        }
        JsonNode h = root == null ? null : root.get("holdout");
        if (h == null || !h.isObject()) {
            f.add(E, "検証データでの評価がありません", "has no holdout evaluation");
            return;
        }
        long n = count(h, "n");
        long positives = count(h, "positives");
        if (n < 1 || positives < 0 || positives > n) {
            f.add(E, "検証データの件数（" + n + " 件、うち陽性 " + positives + " 件）が成り立ちません",
                    "the holdout counts (" + n + " cases, " + positives + " positive) are not possible");
            return;
        }
        for (String metric : List.of("auc", "pr_auc", "brier", "ece")) {
            double x = number(h.get(metric));
            if (!Double.isNaN(x) && !Numbers.share(x)) {
                f.add(E, "検証データの " + metric + " " + x + " は [0, 1] の範囲の数値ではありません",
                        "the holdout " + metric + " " + x + " is not a number in [0, 1]");
            }
        }
        JsonNode ci = h.get("auc_ci");
        if (ci != null && ci.isArray() && ci.size() == 2 && number(ci.get(0)) > number(ci.get(1))) {
            f.add(E, "検証データの AUC の区間の下限が上限を上回っています", "the holdout AUC interval runs backwards");
        }
        calibration(h, n, positives, f);
        bands(h.get("bands"), n, positives, parts, f);
        long trained = count(root, "training_cases");
        if (trained >= 0 && trained + n != parts.reference().cases()) {
            // A model refitted on all labelled rows (train --refit-all) counts training split and holdout.
            expect(f, "training_cases", trained, parts.reference().cases(),
                    new LocalizedText("reference.json の学習事例", "reference.json"));
        }
        expect(f, "holdout_cases", count(root, "holdout_cases"), n,
                new LocalizedText("検証データでの評価", "the holdout evaluation"));
        JsonNode kind = root.get("calibration");
        if (kind != null && kind.isTextual() && !kind.asText().equals(parts.calibrator().kind())) {
            f.add(E, "較正を " + kind.asText() + " としていますが、calibration.json は " + parts.calibrator().kind()
                    + " です", "says the calibration is " + kind.asText() + ", but calibration.json is "
                    + parts.calibrator().kind());
        }
        JsonNode schema = root.get("schema");
        if (schema != null && schema.isTextual() && !schema.asText().equals(parts.schema().id())) {
            f.add(E, "スキーマ " + schema.asText() + " についての評価ですが、バンドルのスキーマは " + parts.schema().id()
                    + " です", "is about schema " + schema.asText() + ", but the bundle's is " + parts.schema().id());
        }
        JsonNode histogram = root.get("score_histogram");
        if (histogram != null && histogram.isObject()
                && (sum(histogram.get("positives")) != positives || sum(histogram.get("negatives")) != n - positives)) {
            f.add(E, "スコアのヒストグラムの件数が、検証データの陽性 " + positives + " 件・陰性 " + (n - positives)
                    + " 件と一致しません", "the score histogram does not count the holdout's " + positives
                    + " positive and " + (n - positives) + " negative cases");
        }
    }

    private static void calibration(JsonNode h, long n, long positives, Findings f) {
        JsonNode bins = h.path("calibration").get("bins");
        if (bins == null || !bins.isArray() || bins.isEmpty()) {
            f.add(E, "検証データの較正表がありません", "has no holdout calibration table");
            return;
        }
        long cases = 0;
        long pos = 0;
        double weighted = 0;
        for (int b = 0; b < bins.size(); b++) {
            JsonNode bin = bins.get(b);
            long bn = count(bin, "n");
            long bp = count(bin, "positives");
            double predicted = number(bin.get("mean_predicted"));
            double observed = number(bin.get("observed_rate"));
            if (bn < 1 || bp < 0 || bp > bn || !Numbers.share(predicted) || !close(observed, (double) bp / bn)
                    || !(number(bin.get("min_score")) <= predicted + TOLERANCE)
                    || !(predicted <= number(bin.get("max_score")) + TOLERANCE)) {
                f.add(E, "較正ビン " + (b + 1) + " が整合していません（件数、割合、スコアが食い違っています）",
                        "calibration bin " + (b + 1) + " is not consistent (its counts, rates and scores disagree)");
                return;
            }
            cases += bn;
            pos += bp;
            weighted += bn * Math.abs(predicted - observed);
        }
        if (cases != n || pos != positives) {
            f.add(E, "較正表の件数は " + cases + " 件（うち陽性 " + pos + " 件）ですが、検証データは " + n + " 件（"
                    + positives + " 件）です", "the calibration table counts " + cases + " cases (" + pos
                    + " positive), but the holdout has " + n + " (" + positives + ")");
        } else if (!close(number(h.get("ece")), weighted / n)) {
            f.add(E, "検証データの ECE " + number(h.get("ece")) + " が、較正表から求まる値（" + weighted / n
                    + "）と一致しません", "the holdout ECE " + number(h.get("ece")) + " is not what its calibration "
                    + "table gives (" + weighted / n + ")");
        }
    }

    private static void bands(JsonNode stats, long n, long positives, BundleCheck.Parts parts, Findings f) {
        List<ScoreBand> bands = parts.bands().bands();
        if (stats == null || !stats.isArray() || stats.size() != bands.size()) {
            f.add(E, "bands.json の " + bands.size() + " 個の区分それぞれの統計がありません",
                    "does not hold statistics for each of the " + bands.size() + " bands of bands.json");
            return;
        }
        long[] bn = new long[bands.size()];
        long[] bp = new long[bands.size()];
        for (int b = 0; b < bn.length; b++) {
            JsonNode s = stats.get(b);
            if (!bands.get(b).id().equals(s.path("id").asText()) || !close(number(s.get("lower")), bands.get(b).lower())) {
                f.add(E, "区分 " + (b + 1) + " は " + number(s.get("lower")) + " からの " + s.path("id").asText()
                        + " ですが、bands.json では " + bands.get(b).lower() + " からの " + bands.get(b).id() + " です",
                        "band " + (b + 1) + " is " + s.path("id").asText() + " from " + number(s.get("lower"))
                        + ", but in bands.json it is " + bands.get(b).id() + " from " + bands.get(b).lower());
                return;
            }
            bn[b] = count(s, "n");
            bp[b] = count(s, "positives");
        }
        long cases = 0;
        long pos = 0;
        for (int b = 0; b < bn.length; b++) {
            cases += bn[b];
            pos += bp[b];
        }
        if (cases != n || pos != positives) {
            f.add(E, "区分の件数の合計は " + cases + " 件（うち陽性 " + pos + " 件）ですが、検証データは " + n + " 件（"
                    + positives + " 件）です", "the bands count " + cases + " cases (" + pos + " positive), but the "
                    + "holdout has " + n + " (" + positives + ")");
            return;
        }
        long flagged = 0;
        long tp = 0;
        for (int b = bn.length - 1; b >= 0; b--) {
            flagged += bn[b];
            tp += bp[b];
            long fp = flagged - tp;
            long tn = n - positives - fp;
            long fn = positives - tp;
            JsonNode s = stats.get(b);
            if (!close(number(s.get("observed_rate")), rate(bp[b], bn[b]))
                    || !close(number(s.get("selection_rate")), rate(flagged, n))
                    || !close(number(s.get("tpr")), rate(tp, positives))
                    || !close(number(s.get("fpr")), rate(fp, n - positives))
                    || !close(number(s.get("ppv")), rate(tp, flagged))
                    || !close(number(s.get("npv")), rate(tn, tn + fn))) {
                f.add(E, "区分 " + bands.get(b).id() + " の各割合が、その件数から求まる値と一致しません",
                        "the rates of band " + bands.get(b).id() + " are not what its counts give");
            }
        }
    }

    private static void expect(Findings f, String field, long stored, long actual, LocalizedText source) {
        if (stored >= 0 && stored != actual) {
            f.add(E, field + " は " + stored + " ですが、" + source.ja() + "では " + actual + " 件です",
                    field + " is " + stored + ", but " + source.en() + " counts " + actual);
        }
    }

    private static long count(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.canConvertToLong() && v.isIntegralNumber() ? v.asLong() : -1;
    }

    private static long sum(JsonNode array) {
        long s = 0;
        if (array == null || !array.isArray()) {
            return -1;
        }
        for (JsonNode v : array) {
            s += v.asLong();
        }
        return s;
    }

    /** A number, or NaN for null, missing or not a number (the metrics' convention for undefined). */
    private static double number(JsonNode v) {
        return v != null && v.isNumber() ? v.asDouble() : Double.NaN;
    }

    private static double rate(long a, long b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }

    private static boolean close(double a, double b) {
        return Double.isNaN(a) && Double.isNaN(b) || Math.abs(a - b) <= TOLERANCE;
    }
}
