package org.mimamori.model.audit;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Appends records to the chain in the caller's transaction (auto-commit off). The head row is locked
 * ({@code SELECT ... FOR UPDATE}) from the append to the commit, so concurrent writers — threads or instances
 * sharing the database — chain one after another; call it as late in the transaction as possible. Record
 * numbers are the head's last number plus one, so a gap in the numbers is a removed record (or, past a record
 * inserted behind the ledger's back, that record's number plus one: the ledger keeps working, and the
 * verification names the intruder).
 */
public final class AuditLedger {

    private static final String INSERT = "INSERT INTO audit_event (id, at, actor, role, action, resource, purpose, "
            + "outcome, detail, request_id, children_count, children_digest, children_query, prev_hash, hash) "
            + "VALUES (?, FROM_UNIXTIME(?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private AuditLedger() {
    }

    /**
     * Appends records, in order, to the chain.
     *
     * @param connection the transaction's connection
     * @param records    the records
     * @return the number of the last record appended
     * @throws SQLException when the database refuses; the transaction should then be rolled back
     */
    public static long append(Connection connection, List<AuditRecord> records) throws SQLException {
        long last;
        String previous;
        try (PreparedStatement head = connection.prepareStatement(
                "SELECT GREATEST(h.last_id, COALESCE((SELECT MAX(id) FROM audit_event), 0)), h.hash "
                        + "FROM audit_head h WHERE h.id = 1 FOR UPDATE");
             ResultSet rs = head.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("the audit chain's head row is missing (table audit_head)");
            }
            last = rs.getLong(1);
            previous = rs.getString(2);
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT);
             PreparedStatement child = connection.prepareStatement(
                     "INSERT INTO audit_child (audit_id, child_ref) VALUES (?, ?)")) {
            boolean children = false;
            for (AuditRecord r : records) {
                long id = ++last;
                String hash = AuditChain.hash(previous, id, r);
                int i = 1;
                insert.setLong(i++, id);
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
                insert.setString(i++, previous);
                insert.setString(i, hash);
                insert.addBatch();
                for (String ref : r.children().refs()) {
                    child.setLong(1, id);
                    child.setString(2, ref);
                    child.addBatch();
                    children = true;
                }
                previous = hash;
            }
            insert.executeBatch();
            if (children) {
                child.executeBatch();
            }
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE audit_head SET last_id = ?, hash = ? WHERE id = 1")) {
            update.setLong(1, last);
            update.setString(2, previous);
            update.executeUpdate();
        }
        return last;
    }

    /**
     * The chain's head: the newest record's number and hash, to be kept outside the database (an anchor).
     *
     * @param connection a connection
     * @return the head
     * @throws SQLException when the database refuses
     */
    public static Head head(Connection connection) throws SQLException {
        try (PreparedStatement head = connection.prepareStatement(
                "SELECT first_id, last_id, hash FROM audit_head WHERE id = 1");
             ResultSet rs = head.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("the audit chain's head row is missing (table audit_head)");
            }
            return new Head(rs.getLong(1), rs.getLong(2), rs.getString(3));
        }
    }

    /**
     * The chain's head.
     *
     * @param firstId the number of the chain's first record (earlier records predate the chain)
     * @param lastId  the number of the newest record ({@code firstId - 1} while the chain is empty)
     * @param hash    the newest record's hash, or {@link AuditChain#GENESIS}
     */
    public record Head(long firstId, long lastId, String hash) {
    }
}
