package org.mimamori.model.audit;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.mimamori.model.schema.LocalizedText;

/**
 * Walks every lane of the chain in number order and reports every record that was altered, removed or inserted
 * since it was written: a record whose content no longer gives its hash was altered (or forged with a wrong
 * hash); a gap in a lane's numbers with a broken link is a removal; a record the next one does not chain to, one
 * past its lane's head, or one in no lane (newer than the chain's start), was inserted. A record's list of
 * children is checked against its digest unless it was purged by retention (records up to the newest
 * {@code audit_child_purge.through_id}). Reads in pages, so memory stays bounded.
 */
public final class AuditVerifier {

    private static final int PAGE = 5_000;
    private static final String SELECT = "SELECT id, UNIX_TIMESTAMP(at), actor, role, action, resource, purpose, "
            + "outcome, detail, request_id, children_count, children_digest, children_query, prev_hash, hash, seq "
            + "FROM audit_event WHERE lane = ? AND seq > ? ORDER BY seq LIMIT " + PAGE;

    private AuditVerifier() {
    }

    /** What was found wrong with one record. */
    public enum Kind {
        /** The record's content does not give its hash: it was changed, or forged with a wrong hash. */
        ALTERED,
        /** Records are missing before this one. */
        REMOVED,
        /** The record is not part of the chain: the next record does not link to it, or it is past the head. */
        INSERTED
    }

    /**
     * A record found wrong.
     *
     * @param id      the record's number (for {@link Kind#REMOVED}: the record after the gap)
     * @param kind    what is wrong
     * @param message the finding in words, in Japanese and English
     */
    public record Problem(long id, Kind kind, LocalizedText message) {
    }

    /**
     * The result of a walk.
     *
     * @param intact     true when no problem was found
     * @param checked    records walked
     * @param beforeChain records older than the chain (written before it existed), not checked
     * @param head       the head as stored
     * @param problems   the problems, in lane and number order (at most {@code maxProblems})
     * @param truncated  true when there were more problems than reported
     */
    public record Report(boolean intact, long checked, long beforeChain, AuditLedger.Head head,
                         List<Problem> problems, boolean truncated) {
    }

    /**
     * Walks the whole chain: every lane.
     *
     * @param connection  a connection (reads only)
     * @param maxProblems how many problems to report at most
     * @return the report
     * @throws SQLException when the database refuses
     */
    public static Report verify(Connection connection, int maxProblems) throws SQLException {
        AuditLedger.Head head = AuditLedger.head(connection);
        long purgedThrough = single(connection, "SELECT COALESCE(MAX(through_id), 0) FROM audit_child_purge");
        long before = single(connection, "SELECT COUNT(*) FROM audit_event WHERE lane IS NULL AND id < "
                + head.firstId());
        List<Problem> problems = new ArrayList<>();
        int[] total = {0};
        long checked = 0;
        for (AuditLedger.Lane lane : head.lanes()) {
            checked += lane(connection, lane, purgedThrough, problems, total, maxProblems);
        }
        StringBuilder known = new StringBuilder();
        for (AuditLedger.Lane lane : head.lanes()) {
            known.append(known.length() == 0 ? "" : ",").append(lane.lane());
        }
        try (PreparedStatement s = connection.prepareStatement("SELECT id, lane FROM audit_event "
                + "WHERE (lane IS NULL AND id >= ?) OR lane NOT IN (" + known + ") ORDER BY id")) {
            s.setLong(1, head.firstId());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    checked++;
                    add(problems, total, maxProblems, inserted(rs.getLong(1), rs.getObject(2) == null
                            ? new LocalizedText("どのレーンにも属していません", "it belongs to no lane")
                            : new LocalizedText("そのレーン（" + rs.getInt(2) + "）には先頭がありません",
                                    "its lane (" + rs.getInt(2) + ") has no head")));
                }
            }
        }
        return new Report(total[0] == 0, checked, before, head, List.copyOf(problems), total[0] > problems.size());
    }

    /** Walks one lane; returns the records walked. */
    private static long lane(Connection connection, AuditLedger.Lane head, long purgedThrough,
                             List<Problem> problems, int[] total, int maxProblems) throws SQLException {
        int lane = head.lane();
        long checked = 0;
        long after = 0;
        long expectedSeq = 1;
        String expectedPrev = AuditChain.GENESIS;
        Row pending = null; // a record whose content does not give its hash: altered if the next one links to it
        Row previous = null; // the newest record up to the head
        while (true) {
            List<Row> page = page(connection, lane, after);
            if (page.isEmpty()) {
                break;
            }
            Map<Long, List<String>> children = children(connection, lane, page.get(0).seq,
                    page.get(page.size() - 1).seq);
            for (Row r : page) {
                checked++;
                if (pending != null) {
                    if (pending.hash != null && pending.hash.equals(r.prevHash)) {
                        add(problems, total, maxProblems, altered(pending.id));
                        expectedPrev = pending.hash;
                    } else {
                        add(problems, total, maxProblems, inserted(pending.id, NOT_LINKED));
                    }
                    pending = null;
                }
                if (r.seq > head.lastSeq()) {
                    add(problems, total, maxProblems, inserted(r.id, new LocalizedText("レーンの先頭（レーン " + lane
                            + "、番号 " + head.lastSeq() + "）より後にあります", "it is past its lane's head (lane " + lane
                            + ", number " + head.lastSeq() + ")")));
                    continue;
                }
                String computed = r.seq <= head.legacySeq() ? AuditChain.hash(r.prevHash, r.id, r.record)
                        : AuditChain.hash(r.prevHash, lane, r.seq, r.record);
                if (r.hash == null || r.prevHash == null || !computed.equals(r.hash)) {
                    pending = r;
                    previous = r;
                    expectedSeq = r.seq + 1;
                    continue;
                }
                if (!childrenMatch(r, children.get(r.id), purgedThrough)) {
                    add(problems, total, maxProblems, new Problem(r.id, Kind.ALTERED, new LocalizedText(
                            "記録 " + r.id + " は改変されています：子どもの一覧がダイジェストと一致しません",
                            "record " + r.id + " was altered: its list of children does not match its digest")));
                }
                if (!r.prevHash.equals(expectedPrev)) {
                    if (r.seq > expectedSeq) {
                        add(problems, total, maxProblems, removed(r.id, lane, expectedSeq, r.seq - 1));
                    } else if (r.seq > 1) {
                        add(problems, total, maxProblems, inserted(previous == null ? r.id : previous.id,
                                new LocalizedText("次の記録がこれに連結していません", "the next record does not link to it")));
                    }
                }
                expectedPrev = r.hash;
                expectedSeq = r.seq + 1;
                previous = r;
            }
            after = page.get(page.size() - 1).seq;
        }
        if (pending != null) {
            add(problems, total, maxProblems, pending.hash != null && pending.hash.equals(head.hash())
                    ? altered(pending.id) : inserted(pending.id, NOT_LINKED));
        }
        long lastSeen = previous == null ? 0 : previous.seq; // the newest record within the head
        if (lastSeen < head.lastSeq()) {
            add(problems, total, maxProblems, new Problem(head.lastId(), Kind.REMOVED, new LocalizedText(
                    "レーン " + lane + " の番号 " + lastSeen + " より後、先頭（番号 " + head.lastSeq() + "、記録 "
                    + head.lastId() + "）までの記録が削除されています", "records of lane " + lane + " after number "
                    + lastSeen + " up to its head (number " + head.lastSeq() + ", record " + head.lastId()
                    + ") were removed")));
        } else if (pending == null && previous != null && previous.seq == head.lastSeq()
                && !head.hash().equals(previous.hash)) {
            add(problems, total, maxProblems, altered(previous.id));
        }
        return checked;
    }

    private static final LocalizedText NOT_LINKED = new LocalizedText("どの記録もこれに連結していません",
            "no record links to it");

    private static Problem altered(long id) {
        return new Problem(id, Kind.ALTERED, new LocalizedText("記録 " + id + " は改変されています：内容からそのハッシュが得られません",
                "record " + id + " was altered: its content does not give its hash"));
    }

    private static Problem inserted(long id, LocalizedText why) {
        return new Problem(id, Kind.INSERTED, new LocalizedText("記録 " + id + " は台帳が書いたものではありません：" + why.ja(),
                "record " + id + " was not written by the ledger: " + why.en()));
    }

    /** Records {@code from} to {@code to} of a lane are missing; {@code at} is the record found after them. */
    private static Problem removed(long at, int lane, long from, long to) {
        return new Problem(at, Kind.REMOVED, from == to
                ? new LocalizedText("レーン " + lane + " の番号 " + from + " の記録が削除されています（記録 " + at + " で発見）",
                        "record number " + from + " of lane " + lane + " was removed (found at record " + at + ")")
                : new LocalizedText("レーン " + lane + " の番号 " + from + " から " + to + " までの記録が削除されています（記録 "
                        + at + " で発見）", "records numbered " + from + " to " + to + " of lane " + lane
                        + " were removed (found at record " + at + ")"));
    }

    private static boolean add(List<Problem> problems, int[] total, int max, Problem p) {
        total[0]++;
        if (problems.size() < max) {
            problems.add(p);
        }
        return true;
    }

    private static boolean childrenMatch(Row r, List<String> listed, long purgedThrough) {
        Children c = r.record.children();
        if (!c.listed()) {
            return listed == null;
        }
        if (listed == null) {
            return r.id <= purgedThrough;
        }
        return listed.size() == c.count()
                && Children.digest(List.copyOf(new TreeSet<>(listed))).equals(c.digest());
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private record Row(long id, long seq, AuditRecord record, String prevHash, String hash) {
    }

    private static List<Row> page(Connection c, int lane, long after) throws SQLException {
        List<Row> rows = new ArrayList<>(PAGE);
        try (PreparedStatement s = c.prepareStatement(SELECT)) {
            s.setInt(1, lane);
            s.setLong(2, after);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    BigDecimal seconds = rs.getBigDecimal(2);
                    Instant at = Instant.ofEpochMilli(seconds.movePointRight(3).longValue());
                    Children children = new Children(rs.getInt(11), rs.getString(12), rs.getString(13), List.of());
                    AuditRecord record = new AuditRecord(at, rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                            children);
                    rows.add(new Row(rs.getLong(1), rs.getLong(16), record, rs.getString(14), rs.getString(15)));
                }
            }
        }
        return rows;
    }

    private static Map<Long, List<String>> children(Connection c, int lane, long from, long to)
            throws SQLException {
        Map<Long, List<String>> out = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT c.audit_id, c.child_ref FROM audit_event e "
                + "JOIN audit_child c ON c.audit_id = e.id WHERE e.lane = ? AND e.seq BETWEEN ? AND ? "
                + "ORDER BY c.audit_id, c.child_ref")) {
            s.setInt(1, lane);
            s.setLong(2, from);
            s.setLong(3, to);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return out;
    }
}
