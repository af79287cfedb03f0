package org.mimamori.model.audit;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Appends records to the chain in the caller's transaction (auto-commit off). The chain is made of lanes
 * ({@link #MAX_LANES} at most, rows of {@code audit_head}): independent chains, each with its own head. A writer
 * locks one free lane's head ({@code SELECT ... FOR UPDATE SKIP LOCKED}, starting at the lane it prefers) from
 * the append to the commit, so concurrent writers — threads or instances sharing the database — chain into
 * different lanes at once, and writers of one lane one after another; call it as late in the transaction as
 * possible. Each record carries its lane and its number in the lane (one more than the lane head's), so a gap in
 * a lane's numbers is a removed record. Record ids come from the table's {@code AUTO_INCREMENT}.
 */
public final class AuditLedger {

    /** Lanes that exist (rows of {@code audit_head}, made by the schema). */
    public static final int MAX_LANES = 64;

    private static final String INSERT = "INSERT INTO audit_event (at, actor, role, action, resource, purpose, "
            + "outcome, detail, request_id, children_count, children_digest, children_query, lane, seq, prev_hash, "
            + "hash) VALUES (FROM_UNIXTIME(?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /**
     * The lane's number is the head's, or the lane's newest record's if that is higher (a head restored older than
     * its records); the newest is found by one descent of the index {@code (lane, seq)} ({@code MAX(seq)} in a
     * correlated subquery reads every record of the lane).
     */
    private static final String LOCK = "SELECT h.id, GREATEST(h.last_seq, COALESCE((SELECT e.seq FROM audit_event e "
            + "WHERE e.lane = h.id ORDER BY e.seq DESC LIMIT 1), 0)), h.hash FROM audit_head h WHERE ";

    private AuditLedger() {
    }

    /**
     * Appends records, in order, to lane 0 (waiting while another transaction appends to it).
     *
     * @param connection the transaction's connection
     * @param records    the records
     * @return where they went
     * @throws SQLException when the database refuses; the transaction should then be rolled back
     */
    public static Appended append(Connection connection, List<AuditRecord> records) throws SQLException {
        return append(connection, records, 1, 0);
    }

    /**
     * Appends records, in order, to one of the lanes {@code 0 .. lanes - 1}: the preferred one when no other
     * transaction holds it, else the next free one; when all are held, waits for the preferred one.
     *
     * @param connection the transaction's connection
     * @param records    the records
     * @param lanes      how many lanes to use (1 .. {@link #MAX_LANES})
     * @param preferred  the lane to try first
     * @return where they went
     * @throws SQLException when the database refuses; the transaction should then be rolled back
     */
    public static Appended append(Connection connection, List<AuditRecord> records, int lanes, int preferred)
            throws SQLException {
        int k = Math.max(1, Math.min(MAX_LANES, lanes));
        int p = Math.floorMod(preferred, k);
        Object[] head = lock(connection, "h.id >= ? AND h.id < ? ORDER BY h.id LIMIT 1 FOR UPDATE SKIP LOCKED", p, k);
        if (head == null && p > 0) {
            head = lock(connection, "h.id < ? ORDER BY h.id LIMIT 1 FOR UPDATE SKIP LOCKED", p);
        }
        if (head == null) {
            head = lock(connection, "h.id = ? FOR UPDATE", p);
        }
        if (head == null) {
            throw new SQLException("the audit chain's head row of lane " + p + " is missing (table audit_head)");
        }
        int lane = (Integer) head[0];
        long seq = (Long) head[1];
        String previous = (String) head[2];
        long firstSeq = seq + 1;
        boolean children = false;
        long[] ids = new long[records.size()];
        // one record: its id from the insert; several: one batch (the driver sends a batch asking for generated keys
        // as one statement per record) and their ids read back by their numbers
        try (PreparedStatement insert = records.size() == 1
                ? connection.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)
                : connection.prepareStatement(INSERT)) {
            for (AuditRecord r : records) {
                long n = ++seq;
                String hash = AuditChain.hash(previous, lane, n, r);
                int i = 1;
                insert.setBigDecimal(i++, BigDecimal.valueOf(r.at().toEpochMilli(), 3));
                insert.setString(i++, r.actor());
                insert.setString(i++, r.role());
                insert.setString(i++, r.action());
                insert.setString(i++, r.resource());
                insert.setString(i++, r.purpose());
                insert.setString(i++, r.outcome());
                insert.setString(i++, r.detail());
                insert.setString(i++, r.requestId());
                insert.setInt(i++, r.children().count());
                insert.setString(i++, r.children().digest());
                insert.setString(i++, r.children().query());
                insert.setInt(i++, lane);
                insert.setLong(i++, n);
                insert.setString(i++, previous);
                insert.setString(i, hash);
                children |= !r.children().refs().isEmpty();
                previous = hash;
                if (records.size() == 1) {
                    insert.executeUpdate();
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        keys.next();
                        ids[0] = keys.getLong(1);
                    }
                } else {
                    insert.addBatch();
                }
            }
            if (records.size() > 1) {
                insert.executeBatch();
                if (children) {
                    idsOf(connection, lane, firstSeq, ids);
                }
            }
        }
        if (children) {
            try (PreparedStatement child = connection.prepareStatement(
                    "INSERT INTO audit_child (audit_id, child_ref) VALUES (?, ?)")) {
                for (int j = 0; j < ids.length; j++) {
                    for (String ref : records.get(j).children().refs()) {
                        child.setLong(1, ids[j]);
                        child.setString(2, ref);
                        child.addBatch();
                    }
                }
                child.executeBatch();
            }
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE audit_head SET last_seq = ?, hash = ?, "
                + "last_id = (SELECT id FROM audit_event WHERE lane = ? AND seq = ?) WHERE id = ?")) {
            update.setLong(1, seq);
            update.setString(2, previous);
            update.setInt(3, lane);
            update.setLong(4, seq);
            update.setInt(5, lane);
            update.executeUpdate();
        }
        return new Appended(lane, seq);
    }

    /** The ids of a lane's records from {@code firstSeq} on, as just inserted. */
    private static void idsOf(Connection connection, int lane, long firstSeq, long[] ids) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT seq, id FROM audit_event WHERE lane = ? AND seq BETWEEN ? AND ?")) {
            s.setInt(1, lane);
            s.setLong(2, firstSeq);
            s.setLong(3, firstSeq + ids.length - 1);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids[(int) (rs.getLong(1) - firstSeq)] = rs.getLong(2);
                }
            }
        }
    }

    private static Object[] lock(Connection connection, String where, int... params) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(LOCK + where)) {
            for (int i = 0; i < params.length; i++) {
                s.setInt(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new Object[] {rs.getInt(1), rs.getLong(2), rs.getString(3)} : null;
            }
        }
    }

    /**
     * Where an append went.
     *
     * @param lane    the lane
     * @param lastSeq the number in the lane of the last record appended
     */
    public record Appended(int lane, long lastSeq) {
    }

    /**
     * The chain's head: every lane's newest record number and hash, to be kept outside the database (an anchor).
     *
     * @param connection a connection
     * @return the head
     * @throws SQLException when the database refuses
     */
    public static Head head(Connection connection) throws SQLException {
        List<Lane> lanes = new ArrayList<>();
        long firstId = 1;
        try (PreparedStatement head = connection.prepareStatement(
                "SELECT id, first_id, last_id, last_seq, legacy_seq, hash FROM audit_head ORDER BY id");
             ResultSet rs = head.executeQuery()) {
            while (rs.next()) {
                if (rs.getInt(1) == 0) {
                    firstId = rs.getLong(2);
                }
                lanes.add(new Lane(rs.getInt(1), rs.getLong(4), rs.getLong(3), rs.getString(6), rs.getLong(5)));
            }
        }
        if (lanes.isEmpty() || lanes.get(0).lane() != 0) {
            throw new SQLException("the audit chain's head row of lane 0 is missing (table audit_head)");
        }
        return new Head(firstId, List.copyOf(lanes));
    }

    /**
     * One lane's head.
     *
     * @param lane      the lane
     * @param lastSeq   the number in the lane of its newest record (0 while the lane is empty)
     * @param lastId    the record id of its newest record (0 while empty)
     * @param hash      the newest record's hash, or {@link AuditChain#GENESIS}
     * @param legacySeq how many of the lane's first records are hashed with their record number (lane 0's records
     *                  chained before the lanes)
     */
    public record Lane(int lane, long lastSeq, long lastId, String hash, long legacySeq) {

        /** @return true while the lane has no record */
        public boolean empty() {
            return lastSeq == 0;
        }
    }

    /**
     * The chain's head.
     *
     * @param firstId the id of the chain's first record (records with lower ids and no lane predate the chain)
     * @param lanes   every lane's head, by lane
     */
    public record Head(long firstId, List<Lane> lanes) {

        /** @return the id of the newest record of any lane ({@code firstId - 1} while the chain is empty) */
        public long lastId() {
            return lanes.stream().filter(l -> !l.empty()).mapToLong(Lane::lastId).max().orElse(firstId - 1);
        }

        /** @return the hash of the newest record of any lane, or {@link AuditChain#GENESIS} */
        public String hash() {
            return lanes.stream().filter(l -> !l.empty()).max(Comparator.comparingLong(Lane::lastId))
                    .map(Lane::hash).orElse(AuditChain.GENESIS);
        }

        /**
         * @return the anchor to keep outside the database: {@code ID:HASH} of every non-empty lane's newest
         *         record, comma-separated in lane order ({@code 0:GENESIS} while the chain is empty)
         */
        public String anchor() {
            List<String> parts = lanes.stream().filter(l -> !l.empty()).map(l -> l.lastId() + ":" + l.hash())
                    .toList();
            return parts.isEmpty() ? "0:" + AuditChain.GENESIS : String.join(",", parts);
        }
    }
}
