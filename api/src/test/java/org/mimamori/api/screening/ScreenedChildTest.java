package org.mimamori.api.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mimamori.model.data.Case;
import org.mimamori.model.data.ValueParser;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.SchemaLoader;
import org.mimamori.model.value.Value;

/** A screened child's inputs as a score request's items, and whether it is already supported. */
class ScreenedChildTest {

    private final FeatureSchema schema = SchemaLoader.loadDefault();

    @Test
    void itemsCarryTheRecordedInputsAsJsonAndReadBackTheSame() {
        Map<String, Value> m = new HashMap<>();
        m.put("child_ref", Value.category("C0001"));
        m.put("age_years", Value.of(3));
        m.put("absence_days_term", Value.of(12)); // not applicable at 3
        m.put("single_parent", Value.YES);
        m.put("already_supported", Value.NO);
        m.put("need_confirmed_12m", Value.YES);
        m.put("need_type_poverty", Value.YES);
        Case c = Case.resolve(schema, m);

        Map<String, Object> items = ScreenedChild.items(c, schema);
        assertThat(items).containsEntry("age_years", 3L).containsEntry("single_parent", true)
                .containsEntry("already_supported", false).containsEntry("absence_days_term", "not_applicable")
                .doesNotContainKeys("child_ref", "need_confirmed_12m", "need_type_poverty");
        items.forEach((id, json) -> assertThat(ValueParser.fromJson(schema.item(id).orElseThrow(), json))
                .as(id).isEqualTo(c.get(id)));
        assertThat(ScreenedChild.alreadySupported(c, schema)).isFalse();

        m.put("already_supported", Value.YES);
        assertThat(ScreenedChild.alreadySupported(Case.resolve(schema, m), schema)).isTrue();
    }
}
