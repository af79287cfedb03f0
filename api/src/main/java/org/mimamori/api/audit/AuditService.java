package org.mimamori.api.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.servlet.http.HttpServletRequest;
import org.mimamori.api.web.dto.AccessPurpose;
import org.mimamori.model.audit.AuditLedger;
import org.mimamori.model.audit.AuditRecord;
import org.mimamori.model.audit.AuditVerifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit trail in {@code audit_event}, chained by {@link AuditLedger}. Entries recorded in a transaction are
 * appended just before it commits (so a lane's head is locked only for the commit), and the request's
 * {@link AccessContext} learns that its record exists only once the transaction has committed. Transactions
 * write to {@code mimamori.audit.lanes} lanes (default 8, at most {@link AuditLedger#MAX_LANES}), taking turns in
 * which lane they try first, so that concurrent transactions do not wait for one another's commits.
 */
@Service
class AuditService implements AuditTrail {

    static final int MAX_PROBLEMS = 100;

    /** The contract's purposes (its {@code AccessPurpose}), the one list of them. */
    private static final Set<String> PURPOSES = Arrays.stream(AccessPurpose.values()).map(AccessPurpose::getValue)
            .collect(Collectors.toUnmodifiableSet());

    private final AuditEventRepository events;
    private final DataSource dataSource;
    private final Clock clock;
    private final int lanes;
    private final AtomicInteger turn = new AtomicInteger();

    AuditService(AuditEventRepository events, DataSource dataSource, Clock clock,
                 @Value("${mimamori.audit.lanes:8}") int lanes) {
        if (lanes < 1 || lanes > AuditLedger.MAX_LANES) {
            throw new IllegalArgumentException("mimamori.audit.lanes must be 1 to " + AuditLedger.MAX_LANES
                    + " (it is " + lanes + ")");
        }
        this.events = events;
        this.dataSource = dataSource;
        this.clock = clock;
        this.lanes = lanes;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditEntry e) {
        recordFor(currentRequest(), e);
    }

    /** Records an entry of the given request (or of none) in the caller's transaction. */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordFor(AccessContext context, AuditEntry e) {
        String purpose = e.purpose() != null ? e.purpose() : context == null ? null : purpose(context.purpose());
        AuditRecord record = new AuditRecord(e.at(), e.actor(), e.role(), e.action(), e.resource(), purpose,
                e.outcome(), e.detail(), context == null ? null : context.requestId(), e.children());
        Pending pending = null;
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof Pending p && p.owner() == this) {
                pending = p;
            }
        }
        if (pending == null) { // the first entry of this transaction (synchronizations are per transaction)
            pending = new Pending();
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        pending.records.add(record);
        if (context != null) {
            pending.contexts.add(context);
        }
    }

    /** A purpose from the contract's list, or null (an unchecked request may carry anything). */
    static String purpose(String given) {
        return given != null && PURPOSES.contains(given) ? given : null;
    }

    /** The newest records with their listed children, for the audit endpoint (whose read is itself recorded). */
    @Transactional
    List<Stored> recentRecords(int limit, String actor, String role) {
        List<AuditEventRow> rows = events.newestFirst(limit);
        Map<Long, List<String>> children = rows.isEmpty() ? Map.of()
                : events.childrenOf(rows.stream().map(AuditEventRow::id).toList()).stream().collect(
                Collectors.groupingBy(AuditEventRepository.ChildRow::auditId,
                        Collectors.mapping(AuditEventRepository.ChildRow::childRef, Collectors.toList())));
        // the children whose references the answer lists are touched by this read; not again those that earlier
        // reads of the trail listed (each read would otherwise name every child the one before it named)
        record(AuditEntry.ok(clock.instant().truncatedTo(ChronoUnit.MILLIS), actor, role, "audit.read",
                "audit", null).touching(rows.stream().filter(r -> !"audit.read".equals(r.action()))
                .flatMap(r -> children.getOrDefault(r.id(), List.of()).stream()).toList()));
        return rows.stream().map(r -> new Stored(r.id(), r.at(), r.actor(), r.role(), r.action(), r.resource(),
                r.purpose(), r.outcome(), r.detail(), r.requestId(), r.childrenCount(), r.childrenQuery(), r.hash(),
                children.getOrDefault(r.id(), List.of()))).toList();
    }

    /** A stored record with its listed children. */
    record Stored(long id, java.time.Instant at, String actor, String role, String action, String resource,
                  String purpose, String outcome, String detail, String requestId, int childCount, String childQuery,
                  String hash, List<String> childRefs) {
    }

    @Override
    @Transactional(readOnly = true)
    public AuditLedger.Head head() {
        return withConnection(AuditLedger::head);
    }

    /** The head, its read recorded. */
    @Transactional
    AuditLedger.Head headRead(String actor, String role) {
        AuditLedger.Head head = withConnection(AuditLedger::head);
        record(AuditEntry.ok(clock.instant().truncatedTo(ChronoUnit.MILLIS), actor, role, "audit.head", "audit",
                null));
        return head;
    }

    /** A walk of the chain, recorded with what it found (the record is chained after the walk). */
    @Transactional
    AuditVerifier.Report verifyRead(String actor, String role) {
        AuditVerifier.Report report = withConnection(c -> AuditVerifier.verify(c, MAX_PROBLEMS));
        record(new AuditEntry(null, clock.instant().truncatedTo(ChronoUnit.MILLIS), actor, role, "audit.verify",
                "audit", null, "ok", report.intact() ? "intact, " + report.checked() + " records"
                : report.problems().size() + (report.truncated() ? "+" : "") + " problems, first at record "
                + report.problems().get(0).id(), null));
        return report;
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T withConnection(Work<T> work) {
        Connection c = DataSourceUtils.getConnection(dataSource);
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("the audit chain could not be read", e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }

    private static AccessContext currentRequest() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return AccessContext.of(request);
        }
        return null;
    }

    /** The entries of one transaction, appended to the chain before it commits. */
    private final class Pending implements TransactionSynchronization {
        private final List<AuditRecord> records = new ArrayList<>();
        private final List<AccessContext> contexts = new ArrayList<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            Connection c = DataSourceUtils.getConnection(dataSource);
            try {
                AuditLedger.append(c, records, lanes, turn.getAndIncrement() & Integer.MAX_VALUE);
            } catch (SQLException e) {
                throw new DataAccessResourceFailureException("the audit record could not be stored, so the "
                        + "action was not done", e);
            } finally {
                DataSourceUtils.releaseConnection(c, dataSource);
            }
        }

        AuditService owner() {
            return AuditService.this;
        }

        @Override
        public void afterCompletion(int status) {
            if (status == STATUS_COMMITTED) {
                contexts.forEach(AccessContext::markRecorded);
            }
        }
    }
}
