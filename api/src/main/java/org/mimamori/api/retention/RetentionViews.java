package org.mimamori.api.retention;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.mimamori.api.web.dto.RetentionKindRun;
import org.mimamori.api.web.dto.RetentionRun;

/** Stored purge runs as the contract's {@link RetentionRun}. */
final class RetentionViews {

    private RetentionViews() {
    }

    static RetentionRun view(RetentionRunStore.Run r) {
        return new RetentionRun(UUID.fromString(r.id()), RetentionRun.StatusEnum.fromValue(r.status()),
                utc(r.startedAt()), r.kinds().stream().map(k -> new RetentionKindRun(k.kind(), k.period(),
                        utc(k.cutoff()), k.records(), k.attached())).toList())
                .finishedAt(r.finishedAt() == null ? null : utc(r.finishedAt()));
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
