package org.mimamori.api.screening;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.mimamori.api.audit.AuditEntry;
import org.mimamori.api.audit.AuditTrail;
import org.mimamori.api.contract.Contract;
import org.mimamori.api.models.ActiveModel;
import org.mimamori.api.models.ActiveModels;
import org.mimamori.api.models.ModelBands;
import org.mimamori.api.models.RegisteredScorers;
import org.mimamori.api.problems.FieldProblem;
import org.mimamori.api.problems.InvalidRequestException;
import org.mimamori.api.problems.NotFoundException;
import org.mimamori.api.scoring.ScoreVisibility;
import org.mimamori.api.security.Caller;
import org.mimamori.api.web.dto.Band;
import org.mimamori.api.web.dto.EntryStatus;
import org.mimamori.api.web.dto.RedFlag;
import org.mimamori.api.web.dto.Screening;
import org.mimamori.api.web.dto.ScreeningContribution;
import org.mimamori.api.web.dto.ScreeningEntry;
import org.mimamori.api.web.dto.ScreeningEntryPage;
import org.mimamori.api.web.dto.ScreeningStatus;
import org.mimamori.model.schema.FeatureSchema;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepts screenings (checking the whole file as it streams in; nothing is stored unless all of it is good), reports them, serves the review list
 * and records reviewers' statuses. Every call is audited in the same transaction as what it reads or writes.
 */
@Service
class ScreeningService {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ScreeningService.class);

    private final ScreeningStore store;
    private final ScreeningRunner runner;
    private final ScreeningChunks chunks;
    private final ScreenedScores screened;
    private final int rowsPerChunk;
    private final ActiveModels models;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final Contract contract;
    private final ModelBands bands;
    private final RegisteredScorers scorers;
    private final ScoreVisibility visibility;
    private final Clock clock;

    ScreeningService(ScreeningStore store, ScreeningRunner runner, ActiveModels models, AuditTrail audit,
                     PlatformTransactionManager transactions, ObjectMapper json, Contract contract, ModelBands bands,
                     ScoreVisibility visibility, ScreeningChunks chunks, ScreenedScores screened,
                     RegisteredScorers scorers,
                     @Value("${mimamori.screening.batch-size:5000}") int rowsPerChunk, Clock clock) {
        this.clock = clock;
        this.store = store;
        this.screened = screened;
        this.chunks = chunks;
        this.rowsPerChunk = rowsPerChunk;
        this.runner = runner;
        this.models = models;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
        this.json = json;
        this.contract = contract;
        this.bands = bands;
        this.scorers = scorers;
        this.visibility = visibility;
    }

    /**
     * Reads the file as it arrives, checking it against the active model's schema part by part, and stores it in
     * parts with a queued job and its chunks of work, in one transaction; then has the job screened (by any
     * instance).
     *
     * @throws org.mimamori.api.problems.InvalidRequestException naming unknown columns and bad cells; nothing stored
     */
    UUID create(InputStream csv, Caller caller, Locale locale) {
        ActiveModel model = models.current();
        FeatureSchema schema = model.scorer().schema();
        UUID id = UUID.randomUUID();
        String job = id.toString();
        Instant now = now();
        long started = System.nanoTime();
        tx.executeWithoutResult(s -> {
            store.insertJob(new ScreeningStore.Job(job, "queued", 0, 0, model.version(), schema.id(),
                    locale.getLanguage(), caller.name(), caller.role(), now, null, null));
            CohortUpload.Read read = CohortUpload.read(csv, schema, contract, rowsPerChunk, (part, first, rows, bytes) -> {
                store.insertFilePart(job, part, bytes);
                chunks.add(new ScreeningChunks.Chunk(job, part, first, rows, 0));
            });
            store.setTotal(job, read.rows(), read.header());
            LOG.info("Screening {} accepted: {} children in {} parts, read and stored in {} ms", job, read.rows(),
                    read.parts(), (System.nanoTime() - started) / 1_000_000);
            audit.record(AuditEntry.ok(now, caller.name(), caller.role(), "screening.create", "screening/" + id,
                    "screening").touching(org.mimamori.model.audit.Children.described(read.refs(),
                    "screening/" + id)));
        });
        runner.submit(job);
        return id;
    }

    Screening read(UUID id, Caller caller) {
        return tx.execute(s -> {
            ScreeningStore.Job j = job(id);
            // counted once done (a running job of a million children would be counted on every poll)
            ScreeningStore.Counts c = "done".equals(j.status()) ? store.counts(j.id()) : ScreeningStore.NONE;
            audited(caller, "screening.read", "screening/" + id, List.of());
            Screening out = new Screening(id, ScreeningStatus.fromValue(j.status()), j.total(), j.scored(),
                    j.modelVersion(), c.byBand(), c.flagged(), c.unmarked(), c.redFlagged(), c.redFlaggedUnmarked(),
                    j.createdBy(), utc(j.createdAt()))
                    .finishedAt(j.finishedAt() == null ? null : utc(j.finishedAt())).error(j.error())
                    .skipped(c.skipped());
            return c.flagged() == 0 ? out : out.unmarkedShare((double) c.unmarked() / c.flagged());
        });
    }

    ScreeningEntryPage entries(UUID id, EntryStatus status, String band, int limit, int offset, Caller caller,
                               Locale reader) {
        return tx.execute(s -> {
            ScreeningStore.Job j = job(id);
            String st = status == null ? null : status.getValue();
            boolean judgementFirst = visibility.appliesTo(caller);
            if (judgementFirst && band != null) {
                throw new InvalidRequestException(List.of(new FieldProblem("band", "見立てを先に記録する運用では"
                        + "使えません：区分を見る前に、子どもごとにご自身の見立てを記録してください", "cannot be used in "
                        + "judgement-first mode: record your own assessment of each child before you see its band")));
            }
            List<ScreeningStore.Entry> entries = screened.record(j,
                    store.entries(j.id(), st, band, limit, offset, judgementFirst));
            Set<String> hidden = visibility.hidden(entries.stream().map(ScreeningStore.Entry::scoreId).toList(),
                    caller);
            EntryTexts texts = texts(j, reader);
            List<ScreeningEntry> page = entries.stream().map(e -> dto(e, j, judgementFirst, hidden, texts)).toList();
            int total = store.countEntries(j.id(), st, band);
            audited(caller, "screening.entries.read", "screening/" + id,
                    entries.stream().map(ScreeningStore.Entry::childRef).toList());
            return new ScreeningEntryPage(page, total);
        });
    }

    ScreeningEntry review(UUID id, int entryId, EntryStatus status, Caller caller, Locale reader) {
        return tx.execute(s -> {
            ScreeningStore.Job j = job(id);
            if (!store.review(j.id(), entryId, status.getValue(), caller.name(), now())) {
                throw new NotFoundException("スクリーニング " + id + " の確認リストに " + entryId + " 番の行はありません。",
                        "Screening " + id + " has no entry " + entryId + ".");
            }
            ScreeningStore.Entry e = screened.record(j, List.of(store.entry(j.id(), entryId).orElseThrow())).get(0);
            audited(caller, "screening.entry.review", "screening/" + id + "/entries/" + entryId,
                    List.of(e.childRef()));
            return dto(e, j, visibility.appliesTo(caller), visibility.hidden(List.of(e.scoreId()), caller),
                    texts(j, reader));
        });
    }

    private ScreeningStore.Job job(UUID id) {
        return store.job(id.toString()).orElseThrow(() -> new NotFoundException("ID " + id
                + " のスクリーニングはありません。", "No screening with id " + id + "."));
    }

    private void audited(Caller caller, String action, String resource, List<String> children) {
        audit.record(AuditEntry.ok(now(), caller.name(), caller.role(), action, resource, null).touching(children));
    }

    /** The words of the screening's entries for this reader, from its model's schema. */
    private EntryTexts texts(ScreeningStore.Job j, Locale reader) {
        return new EntryTexts(scorers.registered(j.modelVersion()).map(m -> m.scorer().schema()).orElse(null), reader);
    }

    /**
     * An entry for the caller, in the reader's words. In judgement-first mode a caseworker sees no rank (it follows
     * the estimates), and for a child without their own assessment no probability, band or contributions.
     */
    private ScreeningEntry dto(ScreeningStore.Entry e, ScreeningStore.Job j, boolean judgementFirst,
                               Set<String> hidden, EntryTexts texts) {
        ScreenedChild.Summary summary;
        try {
            summary = json.readValue(e.summaryJson(), ScreenedChild.Summary.class);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        ScreeningEntry out = new ScreeningEntry(e.rowNo(), UUID.fromString(e.scoreId()), e.childRef(),
                e.alreadySupported(),
                summary.redFlags().stream().map(f -> new RedFlag(f.item(), texts.redFlag(f.item(), f.message()))
                        .label(texts.label(f.item(), f.label()))).toList(),
                List.of(), EntryStatus.fromValue(e.status())).reviewedBy(e.reviewedBy())
                .reviewedAt(e.reviewedAt() == null ? null : utc(e.reviewedAt()));
        if (!judgementFirst) {
            out.rank(e.rank());
        }
        if (hidden.contains(e.scoreId())) {
            return out.numbersHidden(true);
        }
        out.probability(e.probability()).topContributions(summary.top().stream()
                .map(t -> new ScreeningContribution(t.item(), texts.label(t.item(), t.label()), t.contribution()))
                .toList());
        if (e.bandId() == null) {
            return out;
        }
        Band band = new Band(e.bandId(), summary.bandMeaning());
        bands.bands(j.modelVersion()).byId(e.bandId()).ifPresent(b -> band.meaning(b.meaning().in(texts.reader()))
                .lower(b.lower()).review(Band.ReviewEnum.fromValue(b.review().id()))
                .reviewLabel(b.review().label().in(texts.reader())));
        return out.band(band);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static java.time.OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
