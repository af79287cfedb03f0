package org.mimamori.api.models;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.mimamori.model.schema.LocalizedText;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The models' states ({@code model_bundle.state}) and every change of them ({@code model_transition}). State
 * changes happen after {@link #lock()} in the same transaction, so that two changes (also from two instances of
 * the service) never interleave.
 */
@Repository
class ModelTransitions {

    private static final String COLUMNS = "version, from_state, to_state, actor, role, changed_at, reason, "
            + "reason_ja, schema_acknowledged, schema_changes, schema_changes_ja, shadow_active_version, shadow_scored, "
            + "shadow_band_agreement, shadow_mean_abs_diff, shadow_max_abs_diff";

    private final NamedParameterJdbcTemplate jdbc;

    ModelTransitions(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks every bundle's row until the transaction ends; returns each bundle's state. */
    Map<String, ModelState> lock() {
        Map<String, ModelState> states = new LinkedHashMap<>();
        jdbc.query("SELECT version, state FROM model_bundle ORDER BY version FOR UPDATE",
                rs -> {
                    states.put(rs.getString(1), ModelState.of(rs.getString(2)));
                });
        return states;
    }

    /** The versions of the active and the shadow model, as stored (none of a state that no bundle has). */
    Map<ModelState, String> singles() {
        Map<ModelState, String> out = new EnumMap<>(ModelState.class);
        jdbc.query("SELECT version, state FROM model_bundle WHERE single_state IS NOT NULL",
                rs -> {
                    out.put(ModelState.of(rs.getString(2)), rs.getString(1));
                });
        return out;
    }

    /** Sets a bundle's state; on activation, who and when too. */
    void set(String version, ModelState to, String by, Instant at) {
        jdbc.update("UPDATE model_bundle SET state = :state, "
                + "activated_by = CASE WHEN :state = 'active' THEN :by ELSE activated_by END, "
                + "activated_at = CASE WHEN :state = 'active' THEN :at ELSE activated_at END WHERE version = :version",
                new MapSqlParameterSource().addValue("state", to.code()).addValue("by", by)
                        .addValue("at", Timestamp.from(at)).addValue("version", version));
    }

    /** Stores one transition. */
    void record(ModelTransition t) {
        ShadowReports.Summary s = t.shadowReport();
        jdbc.update("INSERT INTO model_transition (" + COLUMNS + ") VALUES (:version, :from, :to, :actor, :role, "
                + ":at, :reason, :reasonJa, :ack, :changes, :changesJa, :sv, :scored, :agreement, :mean, :max)",
                new MapSqlParameterSource().addValue("version", t.version())
                        .addValue("from", t.from() == null ? null : t.from().code()).addValue("to", t.to().code())
                        .addValue("actor", t.by()).addValue("role", t.role()).addValue("at", Timestamp.from(t.at()))
                        .addValue("reason", t.reason() == null ? null : t.reason().en())
                        .addValue("reasonJa", t.reason() == null || t.reason().ja().equals(t.reason().en()) ? null
                                : t.reason().ja())
                        .addValue("ack", t.schemaAcknowledged())
                        .addValue("changes", lines(t.schemaChanges(), LocalizedText::en))
                        .addValue("changesJa", lines(t.schemaChanges(), LocalizedText::ja))
                        .addValue("sv", s == null ? null : s.activeVersion())
                        .addValue("scored", s == null ? null : s.scored())
                        .addValue("agreement", s == null ? null : finite(s.bandAgreement()))
                        .addValue("mean", s == null ? null : finite(s.meanAbsDifference()))
                        .addValue("max", s == null ? null : finite(s.maxAbsDifference())));
    }

    /** A model's transitions, oldest first. */
    List<ModelTransition> history(String version) {
        return jdbc.query("SELECT " + COLUMNS + " FROM model_transition WHERE version = :version ORDER BY id",
                Map.of("version", version), ModelTransitions::transition);
    }

    /** A model's latest approval, if any. */
    Optional<ModelTransition> latestApproval(String version) {
        return jdbc.query("SELECT " + COLUMNS + " FROM model_transition WHERE version = :version "
                        + "AND to_state = 'approved' ORDER BY id DESC LIMIT 1", Map.of("version", version),
                ModelTransitions::transition).stream().findFirst();
    }

    /** The retired model that was retired last, if any. */
    Optional<String> mostRecentlyRetired() {
        return jdbc.queryForList("SELECT b.version FROM model_bundle b JOIN model_transition t "
                + "ON t.version = b.version AND t.to_state = 'retired' WHERE b.state = 'retired' "
                + "GROUP BY b.version ORDER BY MAX(t.id) DESC LIMIT 1", Map.of(), String.class).stream().findFirst();
    }

    private static ModelTransition transition(ResultSet rs, int row) throws SQLException {
        String from = rs.getString("from_state");
        List<LocalizedText> changes = changes(rs.getString("schema_changes"), rs.getString("schema_changes_ja"));
        String shadowVersion = rs.getString("shadow_active_version");
        ShadowReports.Summary shadow = shadowVersion == null ? null
                : new ShadowReports.Summary(shadowVersion, rs.getLong("shadow_scored"),
                        nan(rs, "shadow_band_agreement"), nan(rs, "shadow_mean_abs_diff"),
                        nan(rs, "shadow_max_abs_diff"));
        return new ModelTransition(rs.getString("version"), from == null ? null : ModelState.of(from),
                ModelState.of(rs.getString("to_state")), rs.getString("actor"), rs.getString("role"),
                rs.getTimestamp("changed_at").toInstant(), reason(rs.getString("reason"), rs.getString("reason_ja")),
                rs.getBoolean("schema_acknowledged"), changes,
                shadow);
    }

    /** A stored reason: a person's words (no Japanese of their own), or the service's in both languages. */
    private static LocalizedText reason(String en, String ja) {
        return en == null ? null : new LocalizedText(ja, en);
    }

    /** The changes as stored: one a line (a change never holds a line break), cut to the column's 4,000. */
    private static String lines(List<LocalizedText> changes, Function<LocalizedText, String> language) {
        return changes.isEmpty() ? null : truncate(String.join("\n", changes.stream().map(language)
                .map(c -> c.replace('\n', ' ')).toList()), 4000);
    }

    /** The stored changes, line by line; a line without its Japanese (before V24, or cut off) is in English. */
    private static List<LocalizedText> changes(String en, String ja) {
        if (en == null) {
            return List.of();
        }
        String[] english = en.split("\n");
        String[] japanese = ja == null ? new String[0] : ja.split("\n");
        List<LocalizedText> out = new ArrayList<>(english.length);
        for (int i = 0; i < english.length; i++) {
            out.add(new LocalizedText(i < japanese.length ? japanese[i] : english[i], english[i]));
        }
        return out;
    }

    private static double nan(ResultSet rs, String column) throws SQLException {
        double d = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : d;
    }

    private static Double finite(double d) {
        return Double.isFinite(d) ? d : null;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
