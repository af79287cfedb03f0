package org.mimamori.training.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mimamori.model.data.Case;
import org.mimamori.model.data.ValueParser;
import org.mimamori.model.metrics.FairnessAudit;
import org.mimamori.model.metrics.FairnessReport;
import org.mimamori.model.metrics.ScoreBands;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.Item;
import org.mimamori.model.schema.Role;
import org.mimamori.model.value.Value;

/**
 * The fairness audit of the holdout by the schema's audit groups, and how many flagged cases were not
 * already supported. A case counts as flagged from the second-highest band up (e.g. "high" of five bands).
 *
 * @param threshold the flagging threshold on the calibrated probability
 * @param fairness  the audit
 * @param unmarked  flagged cases not already supported
 */
record HoldoutAudit(double threshold, FairnessReport fairness, TrainingReport.Unmarked unmarked) {

    static HoldoutAudit of(FeatureSchema schema, List<Case> holdout, double[] p, boolean[] labels, ScoreBands bands) {
        double threshold = bands.outreachThreshold();
        Map<String, String[]> groups = new LinkedHashMap<>();
        for (Item item : schema.withRole(Role.AUDIT_GROUP)) {
            String[] values = new String[holdout.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = ValueParser.toText(holdout.get(i).get(item.id()));
            }
            groups.put(item.id(), values);
        }
        FairnessReport fairness = groups.isEmpty() ? null : FairnessAudit.at(threshold).run(p, labels, groups);
        int flagged = 0;
        int notKnown = 0;
        List<Item> known = schema.withRole(Role.ALREADY_KNOWN);
        for (int i = 0; i < p.length; i++) {
            if (p[i] >= threshold) {
                flagged++;
                Value v = known.isEmpty() ? Value.UNKNOWN : holdout.get(i).get(known.get(0).id());
                notKnown += Value.YES.equals(v) ? 0 : 1;
            }
        }
        return new HoldoutAudit(threshold, fairness, new TrainingReport.Unmarked(flagged, notKnown));
    }
}
