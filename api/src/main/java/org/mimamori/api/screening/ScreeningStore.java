package org.mimamori.api.screening;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mimamori.api.cessation.Cessations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The {@code screening} and {@code screening_entry} tables, with plain JDBC (batch inserts for speed). A child under
 * a cessation-of-use request is stored as a skipped row (status {@code skipped}, no score, reference or summary);
 * skipped rows and the earlier entries of such children are left out of lists, counts and ranks.
 */
@Repository
class ScreeningStore {

    /** A screening job without its file. */
    record Job(String id, String status, int total, int scored, String modelVersion, String schemaId,
               String language, String createdBy, String creatorRole, Instant createdAt, Instant finishedAt,
               String error) {
    }

    /**
     * A screened child to store: with its recorded score and summary, or compact (the id its score will have, no
     * summary; its row's cells as {@code inputs} and the {@code fingerprint} of its explanation, see
     * {@link ScreenedChild#fingerprint}).
     */
    record NewEntry(int rowNo, String scoreId, String childRef, Double probability, String bandId,
                    boolean flagged, int redFlagCount, boolean alreadySupported, String summaryJson, String inputs,
                    byte[] fingerprint) {

        /** The row of a child under a cessation-of-use request: not scored, nothing of the child kept. */
        static NewEntry skipped(int rowNo) {
            return new NewEntry(rowNo, null, null, null, null, false, 0, false, null, null, null);
        }

        boolean isSkipped() {
            return childRef == null;
        }
    }

    /**
     * A stored entry; a compact entry's {@code summaryJson} is null until it is first read (then its score
     * {@code scoreId} is recorded).
     */
    record Entry(int rowNo, Integer rank, String scoreId, String childRef, Double probability, String bandId,
                 boolean alreadySupported, String summaryJson, String status, String reviewedBy,
                 Instant reviewedAt, String inputs, byte[] fingerprint) {
    }

    /**
     * Counts over a screening's entries.
     *
     * @param byBand             entries per band id ({@code withheld} for withheld estimates)
     * @param flagged            entries in a band whose review meaning is outreach
     * @param unmarked           flagged entries not already supported
     * @param redFlagged         entries with red flags, whatever their band (also when withheld)
     * @param redFlaggedUnmarked red-flagged entries not already supported
     * @param skipped            rows not scored: the child is under a cessation-of-use request
     */
    record Counts(Map<String, Integer> byBand, int flagged, int unmarked, int redFlagged, int redFlaggedUnmarked,
                  int skipped) {
    }

    /** The size of the chunks a job's file is stored in (1 MiB). */
    static final int CHUNK = 1 << 20;

    private static final String JOB_COLUMNS = "id, status, total, scored, model_version, schema_id, language, "
            + "created_by, creator_role, created_at, finished_at, error";
    /** Rank 0 is stored for "not ranked" (V19: so that ranking overwrites a number in place); read as null. */
    private static final String ENTRY_COLUMNS = "row_no, NULLIF(rank_no, 0) AS rank_no, score_id, child_ref, probability, band_id, "
            + "already_supported, summary_json, status, reviewed_by, reviewed_at, inputs, fingerprint";

    /** Entries that may be listed and counted: scored, of children under no cessation-of-use request. */
    private static final String LISTED = "status <> 'skipped' AND " + Cessations.notCovered("screening_entry.child_ref");

    private final JdbcTemplate jdbc;

    ScreeningStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a job without its file (its parts follow, {@link #insertFilePart}); in the caller's transaction, so a
     * job is stored whole or not at all.
     */
    void insertJob(Job j) {
        jdbc.update("INSERT INTO screening (" + JOB_COLUMNS + ", input_csv) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                j.id(), j.status(), j.total(), j.scored(), j.modelVersion(), j.schemaId(), j.language(),
                j.createdBy(), j.creatorRole(), ts(j.createdAt()), ts(j.finishedAt()), j.error(), new byte[0]);
    }

    /**
     * Stores one part of a job's file (a CSV of its own of at most about {@value #CHUNK} bytes, each its own
     * statement, so no statement comes near the database's {@code max_allowed_packet}, 16 MiB by default).
     */
    void insertFilePart(String id, int partNo, byte[] csv) {
        jdbc.update("INSERT INTO screening_file_chunk (screening_id, chunk_no, bytes) VALUES (?,?,?)", id, partNo, csv);
    }

    /** Sets a job's number of children and its file's header line, once its file is read. */
    void setTotal(String id, int total, String header) {
        jdbc.update("UPDATE screening SET total = ?, header = ? WHERE id = ?", total, header, id);
    }

    /** A job's file header (the columns of its compact entries' inputs). */
    String header(String id) {
        return jdbc.queryForObject("SELECT header FROM screening WHERE id = ?", String.class, id);
    }

    /**
     * Locks a job's compact entries among {@code rows} that have no score yet, for recording their scores.
     *
     * @return the rows locked
     */
    List<Integer> lockUnrecorded(String id, List<Integer> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        String in = String.join(",", java.util.Collections.nCopies(rows.size(), "?"));
        List<Object> args = new ArrayList<>(rows.size() + 1);
        args.add(id);
        args.addAll(rows);
        return jdbc.queryForList("SELECT row_no FROM screening_entry WHERE screening_id = ? AND summary_json IS NULL "
                + "AND inputs IS NOT NULL AND row_no IN (" + in + ") FOR UPDATE", Integer.class, args.toArray());
    }

    /** Keeps the summary of a compact entry whose score was recorded. */
    void recorded(String id, int rowNo, String summaryJson) {
        jdbc.update("UPDATE screening_entry SET summary_json = ? WHERE screening_id = ? AND row_no = ? "
                + "AND summary_json IS NULL", summaryJson, id, rowNo);
    }

    Optional<Job> job(String id) {
        return jdbc.query("SELECT " + JOB_COLUMNS + " FROM screening WHERE id = ?", JOB, id).stream().findFirst();
    }

    /** One part of a job's file, or null when it is gone. */
    byte[] filePart(String id, int partNo) {
        return jdbc.query("SELECT bytes FROM screening_file_chunk WHERE screening_id = ? AND chunk_no = ?",
                (rs, n) -> rs.getBytes(1), id, partNo).stream().findFirst().orElse(null);
    }

    /** Jobs queued or running without chunks (stored before V15): they cannot be run. */
    List<Job> unchunked() {
        return jdbc.query("SELECT " + JOB_COLUMNS + " FROM screening s WHERE status IN ('queued', 'running') "
                + "AND NOT EXISTS (SELECT 1 FROM screening_chunk c WHERE c.screening_id = s.id) ORDER BY created_at",
                JOB);
    }

    void markRunning(String id) {
        jdbc.update("UPDATE screening SET status = 'running' WHERE id = ? AND status = 'queued'", id);
    }

    /** Marks a queued or running job done and drops its file; false when it had ended already. */
    boolean markDone(String id, Instant at) {
        int n = jdbc.update("UPDATE screening SET status = 'done', finished_at = ?, error = NULL, input_csv = '' "
                + "WHERE id = ? AND status IN ('queued', 'running')", ts(at), id);
        if (n == 1) {
            // The file is no longer needed: each child's inputs are kept with it (data minimisation).
            dropFile(id);
        }
        return n == 1;
    }

    /** Marks a queued or running job failed and drops its file; false when it had ended already. */
    boolean markFailed(String id, Instant at, String error) {
        String e = error == null ? "unknown error" : error.length() > 1000 ? error.substring(0, 1000) : error;
        int n = jdbc.update("UPDATE screening SET status = 'failed', finished_at = ?, error = ?, input_csv = '' "
                + "WHERE id = ? AND status IN ('queued', 'running')", ts(at), e, id);
        if (n == 1) {
            dropFile(id);
        }
        return n == 1;
    }

    private void dropFile(String id) {
        jdbc.update("DELETE FROM screening_file_chunk WHERE screening_id = ?", id);
    }

    /** Stores entries in one JDBC batch and counts the scored ones as scored; in the caller's transaction. */
    void insertEntries(String id, List<NewEntry> entries) {
        List<Object[]> rows = new ArrayList<>(entries.size());
        int scored = 0;
        for (NewEntry e : entries) {
            rows.add(new Object[] {id, e.rowNo(), e.scoreId(), e.childRef(), e.probability(), e.bandId(),
                    e.flagged(), e.redFlagCount(), e.alreadySupported(), e.summaryJson(),
                    e.isSkipped() ? "skipped" : "to_review", e.inputs(), e.fingerprint()});
            scored += e.isSkipped() ? 0 : 1;
        }
        // nulls (a compact entry's summary, a full entry's inputs) go untyped: spring.properties
        jdbc.batchUpdate("INSERT INTO screening_entry (screening_id, row_no, score_id, child_ref, probability, "
                + "band_id, flagged, red_flag_count, already_supported, summary_json, status, inputs, fingerprint) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", rows);
        jdbc.update("UPDATE screening SET scored = scored + ? WHERE id = ?", scored, id);
    }

    /**
     * Ranks entries: red-flagged children first (whatever their estimate, also when withheld), then by
     * probability, highest first, withheld estimates after the rest; ties in file order.
     */
    void rank(String id) {
        // In the caller's transaction, allowed up to 10 minutes. One single-table UPDATE in rank order, numbering
        // the rows as it goes (UPDATE ... ORDER BY updates rows in that order), each entry's rank_no (0 when stored)
        // overwritten in place (V19): 9.6 s for 1,000,000 entries, against 31 s for the same ranks joined from a
        // ROW_NUMBER() derived table (a multi-table UPDATE) and 51 s before V19.
        jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Integer>) con -> {
            int usual = con.getNetworkTimeout();
            con.setNetworkTimeout(Runnable::run, 600_000);
            try (java.sql.Statement counter = con.createStatement();
                 java.sql.PreparedStatement update = con.prepareStatement("UPDATE screening_entry "
                         + "SET rank_no = (@mimamori_rank := @mimamori_rank + 1) WHERE screening_id = ? "
                         + "AND status <> 'skipped' ORDER BY red_flag_count > 0 DESC, probability IS NULL, "
                         + "probability DESC, row_no")) {
                counter.execute("SET @mimamori_rank := 0");
                update.setString(1, id);
                return update.executeUpdate();
            } finally {
                con.setNetworkTimeout(Runnable::run, usual);
            }
        });
    }

    /** No counts yet: a job still queued or running is counted once it is done. */
    static final Counts NONE = new Counts(Map.of(), 0, 0, 0, 0, 0);

    /**
     * Counts a job's entries. In the caller's transaction: over a million rows this takes seconds, so the
     * connection may wait up to 10 minutes for it, not its usual socket timeout.
     */
    Counts counts(String id) {
        return patiently(() -> countNow(id));
    }

    private <T> T patiently(java.util.function.Supplier<T> work) {
        return jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<T>) con -> {
            int usual = con.getNetworkTimeout();
            con.setNetworkTimeout(Runnable::run, 600_000);
            try {
                return work.get();
            } finally {
                con.setNetworkTimeout(Runnable::run, usual);
            }
        });
    }

    private Counts countNow(String id) {
        Map<String, Integer> byBand = new LinkedHashMap<>();
        int[] n = new int[4];
        Integer skipped = jdbc.queryForObject("SELECT COUNT(*) FROM screening_entry WHERE screening_id = ? "
                + "AND status = 'skipped'", Integer.class, id);
        jdbc.query("SELECT COALESCE(band_id, 'withheld'), COUNT(*), SUM(flagged), "
                + "SUM(flagged AND NOT already_supported), SUM(red_flag_count > 0), "
                + "SUM(red_flag_count > 0 AND NOT already_supported) FROM screening_entry WHERE screening_id = ? "
                + "AND " + LISTED + " GROUP BY band_id", (ResultSet rs) -> {
                    byBand.put(rs.getString(1), rs.getInt(2));
                    for (int i = 0; i < n.length; i++) {
                        n[i] += rs.getInt(3 + i);
                    }
                }, id);
        return new Counts(byBand, n[0], n[1], n[2], n[3], skipped == null ? 0 : skipped);
    }

    /**
     * A page of the review list, in rank order (file order until ranked); with {@code fileOrder} (judgement-first,
     * where the ranks would show the estimates), red-flagged children first, then in file order.
     */
    List<Entry> entries(String id, String status, String band, int limit, int offset, boolean fileOrder) {
        List<Object> args = new ArrayList<>(List.of(id));
        String where = where(status, band, args);
        args.add(limit);
        args.add(offset);
        return jdbc.query("SELECT " + ENTRY_COLUMNS + " FROM screening_entry WHERE " + where
                + (fileOrder ? " ORDER BY red_flag_count > 0 DESC, row_no" : " ORDER BY screening_entry.rank_no = 0, "
                + "screening_entry.rank_no, row_no")
                + " LIMIT ? OFFSET ?", ENTRY, args.toArray());
    }

    int countEntries(String id, String status, String band) {
        List<Object> args = new ArrayList<>(List.of(id));
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM screening_entry WHERE " + where(status, band, args),
                Integer.class, args.toArray());
        return n == null ? 0 : n;
    }

    Optional<Entry> entry(String id, int rowNo) {
        return jdbc.query("SELECT " + ENTRY_COLUMNS + " FROM screening_entry WHERE screening_id = ? AND row_no = ? "
                + "AND " + LISTED,
                ENTRY, id, rowNo).stream().findFirst();
    }

    boolean review(String id, int rowNo, String status, String by, Instant at) {
        return jdbc.update("UPDATE screening_entry SET status = ?, reviewed_by = ?, reviewed_at = ? "
                + "WHERE screening_id = ? AND row_no = ? AND " + LISTED, status, by, ts(at), id, rowNo) == 1;
    }

    private static String where(String status, String band, List<Object> args) {
        StringBuilder w = new StringBuilder("screening_id = ? AND " + LISTED);
        if (status != null) {
            w.append(" AND status = ?");
            args.add(status);
        }
        if (band != null) {
            if ("withheld".equals(band)) {
                w.append(" AND band_id IS NULL");
            } else {
                w.append(" AND band_id = ?");
                args.add(band);
            }
        }
        return w.toString();
    }

    private static Timestamp ts(Instant t) {
        return t == null ? null : Timestamp.from(t);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static final RowMapper<Job> JOB = (rs, n) -> new Job(rs.getString("id"), rs.getString("status"),
            rs.getInt("total"), rs.getInt("scored"), rs.getString("model_version"), rs.getString("schema_id"),
            rs.getString("language"), rs.getString("created_by"), rs.getString("creator_role"),
            instant(rs, "created_at"), instant(rs, "finished_at"), rs.getString("error"));

    private static final RowMapper<Entry> ENTRY = (rs, n) -> {
        double p = rs.getDouble("probability");
        Double probability = rs.wasNull() ? null : p;
        int r = rs.getInt("rank_no");
        Integer rank = rs.wasNull() ? null : r;
        return new Entry(rs.getInt("row_no"), rank, rs.getString("score_id"), rs.getString("child_ref"),
                probability, rs.getString("band_id"), rs.getBoolean("already_supported"),
                rs.getString("summary_json"), rs.getString("status"), rs.getString("reviewed_by"),
                instant(rs, "reviewed_at"), rs.getString("inputs"), rs.getBytes("fingerprint"));
    };
}
