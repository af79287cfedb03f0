package org.mimamori.api.cessation;

import java.time.ZoneOffset;

import org.mimamori.api.web.dto.Cessation;
import org.mimamori.api.web.dto.CessationMode;
import org.mimamori.api.web.dto.ErasedCounts;

/** Stored cessation-of-use requests as the contract's {@link Cessation}. */
final class CessationViews {

    private CessationViews() {
    }

    static Cessation view(CessationStore.Row r) {
        CessationStore.Erased e = r.erased();
        return new Cessation(r.childRef(), CessationMode.fromValue(r.mode()), r.reason(), r.requestedBy(),
                r.requestedAt().atOffset(ZoneOffset.UTC), new ErasedCounts(e.scores(), e.decisions(), e.outcomes(),
                        e.assessments(), e.screeningEntries()))
                .erasedAt(r.erasedAt() == null ? null : r.erasedAt().atOffset(ZoneOffset.UTC));
    }
}
