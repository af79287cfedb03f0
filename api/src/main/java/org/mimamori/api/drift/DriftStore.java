package org.mimamori.api.drift;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mimamori.model.drift.DriftWindow;
import org.mimamori.model.drift.Observation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Plain SQL on {@code drift_observation} (migrations V13, V20: one row per score, its items' states packed in
 * {@code item_states}) and {@code drift_item_state} (the items of rows written before V20, still read).
 */
@Repository
class DriftStore {

    private static final String OBSERVATION = "INSERT INTO drift_observation (score_id, model_version, screening_id, "
            + "recorded_at, band_id, item_states) VALUES (?,?,?,?,?,?)";

    /** The newest observations of a model version, at most :n, from :since on. */
    private static final String WINDOW = "SELECT score_id, band_id, item_states FROM drift_observation "
            + "WHERE model_version = :version AND recorded_at >= :since ORDER BY recorded_at DESC, score_id DESC "
            + "LIMIT :n";
    /** One screening's observations by one model version. */
    private static final String SCREENING = "SELECT score_id, band_id, item_states FROM drift_observation "
            + "WHERE screening_id = :screening AND model_version = :version";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    DriftStore(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /** One score's row: its items' states are {@link Observation#packed()} of the scoring model's encoder. */
    record Row(String scoreId, String modelVersion, String screeningId, Instant at, String band,
               Observation observation) {
    }

    /** Writes rows in the caller's transaction, in one batch. */
    void insert(List<Row> rows) {
        List<Object[]> observations = new ArrayList<>(rows.size());
        for (Row r : rows) {
            observations.add(new Object[] {r.scoreId(), r.modelVersion(), r.screeningId(), Timestamp.from(r.at()),
                    r.band(), r.observation().packed()});
        }
        jdbc.batchUpdate(OBSERVATION, observations);
    }

    /** Adds the newest observations of a version (at most n, since an instant) to the window's counts. */
    void window(DriftWindow into, String version, Instant since, int n) {
        fill(into, WINDOW, Map.of("version", version, "since", Timestamp.from(since), "n", n));
    }

    /** Adds one screening's observations by a version to the window's counts. */
    void screening(DriftWindow into, String screeningId, String version) {
        fill(into, SCREENING, Map.of("screening", screeningId, "version", version));
    }

    /** The model version that scored most of a screening's observed scores, if any. */
    Optional<String> screeningVersion(String screeningId) {
        return named.queryForList("SELECT model_version FROM drift_observation WHERE screening_id = :s "
                + "GROUP BY model_version ORDER BY COUNT(*) DESC LIMIT 1", Map.of("s", screeningId), String.class)
                .stream().findFirst();
    }

    /** Whether a screening exists at all. */
    boolean screeningExists(String screeningId) {
        return !named.queryForList("SELECT id FROM screening WHERE id = :s", Map.of("s", screeningId), String.class)
                .isEmpty();
    }

    /**
     * Counts the selected rows into the window: rows since V20 from their packed states (a stored form that is
     * not of the window's encoder is left out), older rows from their bands and {@code drift_item_state} rows
     * (items in their modal state have none; {@link DriftWindow#completeModal} restores them).
     */
    private void fill(DriftWindow into, String selection, Map<String, Object> p) {
        int items = into.encoder().inputItems().size();
        named.query("SELECT w.band_id, w.item_states FROM (" + selection + ") w WHERE w.item_states IS NOT NULL", p,
                rs -> {
                    Observation o = Observation.unpacked(rs.getBytes("item_states"), items);
                    if (o != null) {
                        into.add(o, rs.getString("band_id"));
                    }
                });
        named.query("SELECT w.band_id, COUNT(*) AS n FROM (" + selection + ") w WHERE w.item_states IS NULL "
                + "GROUP BY w.band_id", p, rs -> {
                    long n = rs.getLong("n");
                    into.addScores(n);
                    into.addBand(rs.getString("band_id"), n);
                });
        named.query("SELECT st.item, st.state, COUNT(*) AS n, SUM(st.outside_range) AS outside FROM (" + selection
                + ") w JOIN drift_item_state st ON st.score_id = w.score_id GROUP BY st.item, st.state", p,
                rs -> {
                    into.addCounts(rs.getString("item"), rs.getInt("state"), rs.getLong("n"), rs.getLong("outside"));
                });
    }

    /** Erases at most batch observations recorded before the cutoff (their item rows cascade). */
    int purge(Instant cutoff, int batch) {
        List<String> ids = named.queryForList("SELECT score_id FROM drift_observation WHERE recorded_at < :cutoff "
                + "ORDER BY recorded_at LIMIT :batch FOR UPDATE", Map.of("cutoff", Timestamp.from(cutoff), "batch",
                batch), String.class);
        return ids.isEmpty() ? 0 : named.update("DELETE FROM drift_observation WHERE score_id IN (:ids)",
                Map.of("ids", ids));
    }
}
