package org.mimamori.training.export;

import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.mimamori.model.data.Case;
import org.mimamori.model.data.CaseCsv;
import org.mimamori.model.data.ValueParser;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.Item;
import org.mimamori.model.schema.Role;
import org.mimamori.model.value.Value;

/**
 * Reads the service's {@code score} and {@code outcome} tables and writes one row per child: the recorded inputs
 * of the child's latest score that has an outcome (or, when unlabelled rows are included, the latest score), in
 * the schema's CSV columns, with the label and the {@code need_type_*} items taken from the outcome.
 */
public final class OutcomeExport {

    /** The prefix of analysis items filled from an outcome's support types. */
    public static final String NEED_TYPE_PREFIX = "need_type_";

    /**
     * What was exported.
     *
     * @param scores        scores of the schema in the database
     * @param withOutcome   of them, scores with a recorded outcome
     * @param children      distinct children among the scores
     * @param exported      rows written (one per child)
     * @param labelled      of them, rows with a label
     * @param modelVersions the model versions of the exported rows' scores
     * @param otherSchemas  scores of other schemas, left out
     */
    public record Result(int scores, int withOutcome, int children, int exported, int labelled,
                         Set<String> modelVersions, int otherSchemas) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private OutcomeExport() {
    }

    /**
     * Exports to {@code out}.
     *
     * @param db                 a connection to the service's database
     * @param schema             the schema whose scores are exported (others are counted and left out)
     * @param includeUnlabelled  also write children without an outcome, with an empty label
     * @param out                where the CSV goes
     */
    public static Result export(Connection db, FeatureSchema schema, boolean includeUnlabelled, Writer out)
            throws SQLException, IOException {
        int otherSchemas;
        try (PreparedStatement st = db.prepareStatement("SELECT COUNT(*) FROM score WHERE schema_id <> ?")) {
            st.setString(1, schema.id());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                otherSchemas = rs.getInt(1);
            }
        }
        CaseCsv.writeHeader(schema, out);
        int scores = 0;
        int withOutcome = 0;
        int children = 0;
        int exported = 0;
        int labelled = 0;
        Set<String> versions = new TreeSet<>();
        // Children under a cessation-of-use request (table cessation, the service's V9) are never written.
        // A corrected score (the service's V10) is exported with the inputs of its current version, whichever
        // version the outcome was recorded on: a family's correction reaches the next model too.
        boolean corrections = hasColumn(db, "score", "superseded_by");
        String sql = (corrections ? "WITH RECURSIVE cur (id, current_id) AS (SELECT id, id FROM score WHERE "
                + "superseded_by IS NULL UNION ALL SELECT p.id, c.current_id FROM score p JOIN cur c "
                + "ON p.superseded_by = c.id) " : "")
                + "SELECT s.child_ref, " + (corrections ? "cs.model_version, cs.request_json" : "s.model_version, "
                + "s.request_json") + ", o.need_confirmed, o.support_types "
                + "FROM score s " + (corrections ? "JOIN cur ON cur.id = s.id JOIN score cs ON cs.id = cur.current_id "
                : "") + "LEFT JOIN outcome o ON o.score_id = s.id WHERE s.schema_id = ? "
                + (hasCessations(db) ? "AND NOT EXISTS (SELECT 1 FROM cessation ce WHERE ce.child_ref = s.child_ref) "
                        : "")
                + "ORDER BY s.child_ref, o.id IS NULL, s.created_at DESC, s.id";
        try (PreparedStatement st = db.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            st.setString(1, schema.id());
            st.setFetchSize(1000);
            try (ResultSet rs = st.executeQuery()) {
                String previous = null;
                while (rs.next()) {
                    scores++;
                    String child = rs.getString(1);
                    boolean hasOutcome = rs.getObject(4) != null;
                    if (hasOutcome) {
                        withOutcome++;
                    }
                    if (child.equals(previous)) {
                        continue; // an older score, or one without an outcome, of a child already decided
                    }
                    previous = child;
                    children++;
                    if (!hasOutcome && !includeUnlabelled) {
                        continue;
                    }
                    Boolean need = hasOutcome ? rs.getBoolean(4) : null;
                    CaseCsv.writeRow(row(schema, child, rs.getString(3), need, rs.getString(5)), out);
                    versions.add(rs.getString(2));
                    exported++;
                    if (hasOutcome) {
                        labelled++;
                    }
                }
            }
        }
        return new Result(scores, withOutcome, children, exported, labelled, versions, otherSchemas);
    }

    /** Whether a table has a column (a database migrated before it has none). */
    private static boolean hasColumn(Connection db, String table, String column) throws SQLException {
        try (PreparedStatement st = db.prepareStatement("SELECT COUNT(*) FROM information_schema.columns "
                + "WHERE table_schema = DATABASE() AND table_name = ? AND column_name = ?")) {
            st.setString(1, table);
            st.setString(2, column);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && rs.getInt(1) > 0;
            }
        }
    }

    /** Whether the database has the table of cessation-of-use requests (a database before it has none). */
    private static boolean hasCessations(Connection db) throws SQLException {
        try (PreparedStatement st = db.prepareStatement("SELECT COUNT(*) FROM information_schema.tables "
                + "WHERE table_schema = DATABASE() AND table_name = 'cessation'");
             ResultSet rs = st.executeQuery()) {
            return rs.next() && rs.getInt(1) > 0;
        }
    }

    /** A child's recorded inputs with the outcome's label and need types (unknown without an outcome). */
    static Case row(FeatureSchema schema, String childRef, String requestJson, Boolean need, String supportTypes)
            throws IOException {
        Map<String, Value> values = new HashMap<>();
        JsonNode items = JSON.readTree(requestJson).path("items");
        for (Iterator<Map.Entry<String, JsonNode>> it = items.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Item item = schema.item(e.getKey()).orElse(null);
            if (item == null || item.isDerived() || !item.role().isSentForScoring()) {
                continue; // requests never carry these; the service refuses them
            }
            values.put(item.id(), ValueParser.fromJson(item, JSON.treeToValue(e.getValue(), Object.class)));
        }
        schema.referenceItem().ifPresent(ref -> values.put(ref.id(), Value.category(childRef)));
        if (need != null) {
            values.put(schema.labelItem().id(), Value.of(need));
            List<String> types = new ArrayList<>();
            if (supportTypes != null) {
                for (String t : supportTypes.split(",")) {
                    if (!t.isBlank()) {
                        types.add(t.trim().toLowerCase(Locale.ROOT));
                    }
                }
            }
            for (Item item : schema.withRole(Role.ANALYSIS)) {
                if (item.id().startsWith(NEED_TYPE_PREFIX) && !item.isDerived()) {
                    values.put(item.id(), Value.of(need && types.contains(item.id().substring(
                            NEED_TYPE_PREFIX.length()))));
                }
            }
        }
        return Case.resolve(schema, values);
    }
}
