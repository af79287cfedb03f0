package org.mimamori.api.audit;

import java.util.List;

/** Writes and reads the audit trail. */
public interface AuditTrail {

    /**
     * Records an entry in the caller's transaction; there must be one, so that the entry and the action it
     * describes are stored together or not at all.
     *
     * @param entry the entry
     */
    void record(AuditEntry entry);

    /**
     * The most recent entries, newest first.
     *
     * @param limit how many at most
     * @return the entries
     */
    List<AuditEntry> recent(int limit);
}
