package org.mimamori.model.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class MetricsJsonTest {

    private final ObjectMapper json = MetricsJson.mapper();

    private static FairnessReport report() {
        Map<String, String[]> groups = new LinkedHashMap<>();
        groups.put("area", new String[] {"a", "a", "a", "b", "b"});
        // Group b has no negatives: its FPR and AUC are undefined.
        return FairnessAudit.at(0.5).run(new double[] {0.9, 0.1, 0.3, 0.8, 0.2},
                new boolean[] {true, false, true, true, true}, groups);
    }

    @Test
    void writesSnakeCaseNamesAndUndefinedNumbersAsNull() throws Exception {
        JsonNode tree = json.readTree(json.writeValueAsString(report()));
        assertThat(tree.get("tolerance").toString()).isEqualTo("[0.8,1.25]");
        JsonNode b = tree.get("groups").get(1);
        assertThat(b.get("value").asText()).isEqualTo("b");
        assertThat(b.get("base_rate").asDouble()).isEqualTo(1.0);
        assertThat(b.get("too_small").asBoolean()).isTrue();
        assertThat(b.get("fpr").isNull()).isTrue();
        assertThat(b.get("auc").isNull()).isTrue();
        assertThat(b.get("disparities").get("selection_rate").get("ratio").asDouble()).isEqualTo(1.5);
        assertThat(b.get("disparities").get("fpr").get("ratio").isNull()).isTrue();
    }

    @Test
    void writesAnInfiniteRatioAsNullWithItsFlagKept() throws Exception {
        Disparity d = Disparity.of(0.2, 0, Tolerance.DEFAULT);
        assertThat(json.writeValueAsString(d)).isEqualTo("{\"ratio\":null,\"difference\":0.2,\"flag\":true}");
    }

    @Test
    void readsNullBackAsNaNSoReportsRoundTrip() throws Exception {
        FairnessReport r = report();
        assertThat(json.readValue(json.writeValueAsString(r), FairnessReport.class)).isEqualTo(r);
        assertThat(json.readValue("{\"ratio\":null,\"difference\":0.5,\"flag\":false}", Disparity.class).ratio())
                .isNaN();
    }
}
