package org.mimamori.api.audit;

import org.mimamori.model.audit.AuditLedger;

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
     * Records an entry of a given request (or of none) in the caller's transaction, for work done on behalf of
     * requests by another thread (scores committed together, see {@code scoring.ScoreCommits}): once the
     * transaction commits, that request counts as recorded.
     *
     * @param context the request's context ({@link AccessContext#of}), or null
     * @param entry   the entry
     */
    default void recordFor(AccessContext context, AuditEntry entry) {
        record(entry);
    }

    /** @return the chain's newest record number and hash */
    AuditLedger.Head head();

}
