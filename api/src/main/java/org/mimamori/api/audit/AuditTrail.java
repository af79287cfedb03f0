package org.mimamori.api.audit;

import java.util.List;

import org.mimamori.model.audit.AuditLedger;
import org.mimamori.model.audit.AuditVerifier;

/** Writes and reads the audit trail. It offers no way to change or remove a record. */
public interface AuditTrail {

    /**
     * Records an entry in the caller's transaction; there must be one, so that the entry and the action it
     * describes are stored together or not at all. The entry is chained when the transaction commits.
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

    /** @return the chain's newest record number and hash */
    AuditLedger.Head head();

    /** @return a walk of the whole chain */
    AuditVerifier.Report verify();
}
