package org.mimamori.api.cessation;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.mimamori.api.audit.AuditEntry;
import org.mimamori.api.audit.AuditTrail;
import org.mimamori.api.problems.ConflictException;
import org.mimamori.api.problems.FieldProblem;
import org.mimamori.api.problems.InvalidRequestException;
import org.mimamori.api.problems.NotFoundException;
import org.mimamori.api.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records cessation-of-use requests and erases or restricts the child's records, each request with its one audit
 * record in one transaction; answers the register's checks ({@link Cessations}).
 */
@Service
class CessationService implements Cessations {

    /** The only purpose under which a privacy officer handles these requests. */
    static final String PURPOSE = "deletion_request";

    /** A recorded request and whether it was new (201) or a restricted child now erased (200). */
    record Outcome(CessationStore.Row row, boolean created) {
    }

    private final CessationStore store;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    CessationService(CessationStore store, AuditTrail audit, PlatformTransactionManager transactions, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean covers(String childRef) {
        return !store.covered(List.of(childRef)).isEmpty();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Set<String> coveredAmong(Collection<String> childRefs) {
        return store.covered(childRefs);
    }

    /**
     * Records a request: {@code erase} deletes the child's records now, {@code restrict} keeps them unused.
     *
     * @throws InvalidRequestException for a blank reason or a purpose other than {@value #PURPOSE}
     * @throws ConflictException       when the child is already under a request that this one would not change
     */
    Outcome request(String childRef, String mode, String reason, String purpose, Caller caller) {
        List<FieldProblem> problems = new ArrayList<>();
        if (reason == null || reason.isBlank()) {
            problems.add(new FieldProblem("reason", "必須です：理由（例：ご家族からの申し出とその日付）を記入してください",
                    "is required: say why, e.g. the family's request and its date"));
        }
        if (!PURPOSE.equals(purpose)) {
            problems.add(new FieldProblem("purpose", "利用停止の請求では 'deletion_request' でなければなりません",
                    "must be 'deletion_request' for a cessation-of-use request"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return tx.execute(status -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            CessationStore.Row asked = new CessationStore.Row(childRef, mode, reason.strip(), purpose, caller.name(),
                    caller.role(), now, null, CessationStore.Erased.NONE);
            Optional<CessationStore.Row> existing = store.lock(childRef);
            boolean created = existing.isEmpty();
            if (existing.isPresent()) {
                String was = existing.get().mode();
                if (!("restrict".equals(was) && "erase".equals(mode))) {
                    throw new ConflictException("子ども " + childRef + " にはすでに利用停止の請求が出ています（"
                            + was + "、" + existing.get().requestedAt() + " に記録）。"
                            + ("erase".equals(was) ? "記録は消去済みです。" : "erase への変更のみできます。")
                            + "何も変更していません。",
                            "Child " + childRef + " is already under a cessation-of-use request ("
                            + was + ", recorded " + existing.get().requestedAt() + "); "
                            + ("erase".equals(was) ? "its records are erased." : "it can only be changed to erase.")
                            + " Nothing was changed.");
                }
                store.toErase(asked);
            } else {
                store.insert(asked);
            }
            if ("erase".equals(mode)) {
                store.erase(childRef, now);
            }
            audit.record(new AuditEntry(null, now, caller.name(), caller.role(), "cessation.create",
                    "child/" + childRef, purpose, "ok", mode, null).touching(List.of(childRef)));
            return new Outcome(store.find(childRef).orElseThrow(), created);
        });
    }

    /**
     * The child's request, audited.
     *
     * @throws InvalidRequestException for a purpose other than {@value #PURPOSE}
     * @throws NotFoundException       when there is none
     */
    CessationStore.Row read(String childRef, String purpose, Caller caller) {
        if (!PURPOSE.equals(purpose)) {
            throw new InvalidRequestException(List.of(new FieldProblem("purpose",
                    "利用停止の請求を読み出すには 'deletion_request' でなければなりません",
                    "must be 'deletion_request' to read a cessation-of-use request")));
        }
        return tx.execute(status -> {
            CessationStore.Row row = store.find(childRef).orElseThrow(() -> new NotFoundException(
                    "子ども " + childRef + " には利用停止の請求が出ていません。",
                    "Child " + childRef + " is under no cessation-of-use request."));
            audit.record(AuditEntry.ok(clock.instant().truncatedTo(ChronoUnit.MILLIS), caller.name(), caller.role(),
                    "cessation.read", "child/" + childRef, purpose).touching(List.of(childRef)));
            return row;
        });
    }
}
