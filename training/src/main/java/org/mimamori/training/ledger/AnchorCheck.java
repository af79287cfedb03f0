package org.mimamori.training.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mimamori.training.problem.CommandProblem;
import org.mimamori.training.problem.ExitCode;

/** Checks a head kept outside the database against the chain. */
final class AnchorCheck {

    private static final Pattern ANCHOR = Pattern.compile("^([0-9]{1,18}):([0-9a-f]{64})$");

    private AnchorCheck() {
    }

    /**
     * @return null when record N has the anchored hash, else what differs
     */
    static String check(Connection db, String anchor) throws SQLException {
        Matcher m = ANCHOR.matcher(anchor.trim());
        if (!m.matches()) {
            throw new CommandProblem(ExitCode.USAGE, "--anchor must be N:HASH, a record number and its 64-digit "
                    + "hexadecimal hash (it was " + anchor + ")");
        }
        long id = Long.parseLong(m.group(1));
        try (PreparedStatement s = db.prepareStatement("SELECT hash FROM audit_event WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return "record " + id + " of the anchor is missing";
                }
                String hash = rs.getString(1);
                return m.group(2).equals(hash) ? null : "record " + id + " has hash " + hash + ", not the anchored "
                        + m.group(2);
            }
        }
    }
}
