package org.mimamori.api.monitoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.mimamori.api.scoring.ScoreListener;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.Item;
import org.mimamori.model.schema.ItemType;
import org.mimamori.model.schema.Role;
import org.mimamori.model.value.Value;
import org.springframework.stereotype.Service;

/**
 * Writes the audit-group values of every score the active model records into {@code score_audit_group}, in the
 * transaction that records the score: a score and its audit-group values are stored together or not at all.
 * Only recorded values are written (yes/no items as {@code yes}/{@code no}, categories as their code, numbers as
 * written by {@link Value#formatNumber}); an unknown or not-applicable value has no row.
 */
@Service
class AuditGroupRecorder implements ScoreListener {

    private final MonitoringStore store;

    AuditGroupRecorder(MonitoringStore store) {
        this.store = store;
    }

    @Override
    public void recorded(List<Recorded> scores, FeatureSchema schema, Instant at) {
        List<Item> groups = schema.withRole(Role.AUDIT_GROUP);
        if (groups.isEmpty()) {
            return;
        }
        List<MonitoringStore.GroupValue> values = new ArrayList<>();
        for (Recorded r : scores) {
            for (Item item : groups) {
                String v = text(item, r.input().get(item.id()));
                if (v != null) {
                    values.add(new MonitoringStore.GroupValue(r.scoreId().toString(), item.id(), v));
                }
            }
        }
        store.insert(values);
    }

    /** The stored text of a value, or null when it is not recorded. */
    static String text(Item item, Value v) {
        if (v.kind() == Value.Kind.CATEGORY) {
            return v.category();
        }
        if (v.kind() != Value.Kind.NUMBER) {
            return null;
        }
        if (item.type() == ItemType.YES_NO) {
            return v.number() == 1.0 ? "yes" : "no";
        }
        return Value.formatNumber(v.number());
    }
}
