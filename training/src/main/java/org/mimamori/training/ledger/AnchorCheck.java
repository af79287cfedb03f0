package org.mimamori.training.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mimamori.training.problem.CommandProblem;
import org.mimamori.training.problem.ExitCode;

/**
 * Checks a head kept outside the database against the chain: {@code ID:HASH} of one record, or of every lane's
 * newest record, comma-separated (as the service logs it and {@code GET /api/v1/audit/head} gives it as
 * {@code anchor}). Every record named must still have its hash.
 */
final class AnchorCheck {

    private static final Pattern ANCHOR = Pattern.compile("^([0-9]{1,18}):([0-9a-f]{64})$");
    private static final String EMPTY = "0:" + "0".repeat(64);

    private AnchorCheck() {
    }

    /**
     * @return null when every record named has the anchored hash, else what differs
     */
    static String check(Connection db, String anchor) throws SQLException {
        List<String> differ = new ArrayList<>();
        for (String part : anchor.trim().split(",")) {
            String one = part.trim();
            Matcher m = ANCHOR.matcher(one);
            if (!m.matches()) {
                throw new CommandProblem(ExitCode.USAGE, "--anchor must be N:HASH, a record number and its 64-digit "
                        + "hexadecimal hash, or several of them separated by commas (it was " + anchor + ")");
            }
            if (one.equals(EMPTY)) { // the head of an empty chain
                continue;
            }
            String d = checkOne(db, Long.parseLong(m.group(1)), m.group(2));
            if (d != null) {
                differ.add(d);
            }
        }
        return differ.isEmpty() ? null : String.join("; ", differ);
    }

    private static String checkOne(Connection db, long id, String anchored) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("SELECT hash FROM audit_event WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return "record " + id + " of the anchor is missing";
                }
                String hash = rs.getString(1);
                return anchored.equals(hash) ? null : "record " + id + " has hash " + hash + ", not the anchored "
                        + anchored;
            }
        }
    }
}
