package org.mimamori.api.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After every migration, gives the service's database account exactly what it needs, table by table: the audit
 * tables only {@code SELECT} and {@code INSERT} (the chain's head also {@code UPDATE}, the purgeable child lists
 * also {@code DELETE}), every other table {@code SELECT, INSERT, UPDATE, DELETE}, and nothing on Flyway's
 * history or the schema itself. Migrations then run under a separate owner account ({@code spring.flyway.user});
 * the embedded database sets both up itself. Active when {@code mimamori.database.service-account} names the
 * account, e.g. {@code 'mimamori'@'%'}.
 */
public final class AccountGrants implements Callback {

    private static final Logger LOG = LoggerFactory.getLogger(AccountGrants.class);
    private static final Pattern ACCOUNT = Pattern.compile("^'[A-Za-z0-9_.-]{1,80}'@'[A-Za-z0-9_.%:-]{1,255}'$");

    /** The audit tables and what the service may do with them. */
    static final Map<String, String> AUDIT = Map.of(
            "audit_event", "SELECT, INSERT",
            "audit_child", "SELECT, INSERT, DELETE",
            "audit_child_purge", "SELECT, INSERT",
            "audit_head", "SELECT, UPDATE",
            "model_transition", "SELECT, INSERT");

    private final String account;

    /**
     * @param account the service's account, quoted as MariaDB writes it: {@code 'user'@'host'}
     */
    public AccountGrants(String account) {
        if (!ACCOUNT.matcher(account).matches()) {
            throw new IllegalArgumentException("mimamori.database.service-account must look like 'user'@'host', "
                    + "quotes included (it was " + account + ")");
        }
        this.account = account;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            grant(context.getConnection());
        } catch (SQLException e) {
            throw new IllegalStateException("the service account " + account + " could not be given its table "
                    + "privileges: " + e.getMessage(), e);
        }
    }

    @Override
    public String getCallbackName() {
        return "mimamori-account-grants";
    }

    void grant(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' ORDER BY table_name");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        try (Statement s = c.createStatement()) {
            for (String table : tables) {
                if (table.startsWith("flyway_")) {
                    continue;
                }
                String privileges = AUDIT.getOrDefault(table, "SELECT, INSERT, UPDATE, DELETE");
                if (AUDIT.containsKey(table)) {
                    revokeAll(s, table);
                }
                s.execute("GRANT " + privileges + " ON `" + table + "` TO " + account);
            }
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW GRANTS FOR " + account)) {
            while (rs.next()) {
                String g = rs.getString(1);
                if (g.contains(".* TO") && !g.startsWith("GRANT USAGE ON *.*")) {
                    LOG.error("The service account {} holds privileges beyond its tables ({}): it can change or "
                            + "delete audit records. Revoke them; see docs/governance.md.", account, g);
                }
            }
        } catch (SQLException e) {
            LOG.warn("The service account's grants could not be read: {}", e.getMessage());
        }
        LOG.info("Service account {}: table privileges set on {} tables (audit tables: append and read only)",
                account, tables.size());
    }

    private void revokeAll(Statement s, String table) {
        try {
            s.execute("REVOKE ALL PRIVILEGES ON `" + table + "` FROM " + account);
        } catch (SQLException e) {
            // nothing was granted on this table yet
        }
    }
}
