package org.mimamori.api.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mimamori.api.support.Cases;
import org.mimamori.api.support.IntegrationTestBase;
import org.mimamori.client.model.Score;

/**
 * A score's band, probability and red-flag count are stored as columns as the service gives them, and the
 * backfill of {@code V5__score_columns.sql} computes the same values from the stored responses.
 */
class ScoreColumnsIntegrationTest extends IntegrationTestBase {

    private static final String COLUMNS = "SELECT id, band_id, probability, red_flag_count FROM score ORDER BY id";

    @Test
    void columnsHoldWhatTheResponseSaysAndTheBackfillAgrees() throws Exception {
        Score high = clients().scores("demo-caseworker").createScore(Cases.high("C-SC-0001"), "en");
        Score flagged = clients().scores("demo-caseworker").createScore(Cases.lowWithRedFlag("C-SC-0002"), "ja");
        Map<String, Object> row = jdbc.queryForMap("SELECT band_id, probability, red_flag_count FROM score "
                + "WHERE id = ?", high.getId().toString());
        assertThat(row.get("band_id")).isEqualTo(high.getBand() == null ? null : high.getBand().getId());
        assertThat(row.get("probability")).isEqualTo(high.getProbability());
        assertThat(((Number) row.get("red_flag_count")).intValue()).isZero();
        assertThat(jdbc.queryForObject("SELECT red_flag_count FROM score WHERE id = ?", Integer.class,
                flagged.getId().toString())).isEqualTo(flagged.getRedFlags().size()).isPositive();

        List<Map<String, Object>> stored = jdbc.queryForList(COLUMNS);
        // the backfill ran on rows stored before V21, which held their response: give these two theirs
        for (Score s : List.of(high, flagged)) {
            jdbc.update("UPDATE score SET response_json = ? WHERE id = ?",
                    http().get("/api/v1/scores/" + s.getId(), "demo-caseworker").body(), s.getId().toString());
        }
        jdbc.update("UPDATE score SET band_id = NULL, probability = NULL, red_flag_count = 0 WHERE id IN (?, ?)",
                high.getId().toString(), flagged.getId().toString());
        for (String statement : backfill()) { // on these two rows only (the others hold no response since V21)
            jdbc.update(statement + " WHERE id IN (?, ?)", high.getId().toString(), flagged.getId().toString());
        }
        assertThat(jdbc.queryForList(COLUMNS)).isEqualTo(stored);
    }

    /** The UPDATE statements of the migration, as Flyway ran them. */
    private static List<String> backfill() throws Exception {
        String sql = Files.readString(Path.of("src/main/resources/db/migration/V5__score_columns.sql"));
        return Arrays.stream(sql.split(";")).map(s -> s.replaceAll("(?m)^--.*$", "").strip())
                .filter(s -> s.startsWith("UPDATE score ")).toList();
    }
}
