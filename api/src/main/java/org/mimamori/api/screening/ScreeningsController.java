package org.mimamori.api.screening;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.mimamori.api.problems.FieldProblem;
import org.mimamori.api.problems.InvalidRequestException;
import org.mimamori.api.problems.Languages;
import org.mimamori.api.security.Caller;
import org.mimamori.api.security.Roles;
import org.mimamori.api.web.ScreeningsApi;
import org.mimamori.api.web.dto.AccessPurpose;
import org.mimamori.api.web.dto.EntryStatus;
import org.mimamori.api.web.dto.Screening;
import org.mimamori.api.web.dto.ScreeningAccepted;
import org.mimamori.api.web.dto.ScreeningEntry;
import org.mimamori.api.web.dto.ScreeningEntryPage;
import org.mimamori.api.web.dto.ScreeningEntryUpdate;
import org.mimamori.api.web.dto.ScreeningStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code /api/v1/screenings}: screen a cohort, follow the job, read and mark the ranked review list. */
@RestController
class ScreeningsController implements ScreeningsApi {

    private final ScreeningService screenings;

    ScreeningsController(ScreeningService screenings) {
        this.screenings = screenings;
    }

    @Override
    public ResponseEntity<ScreeningAccepted> createScreening(MultipartFile file, String acceptLanguage) {
        if (file.isEmpty()) {
            throw new InvalidRequestException(List.of(new FieldProblem("file", "空です", "is empty")));
        }
        UUID id;
        // streamed: the part is on disk (spring.servlet.multipart.file-size-threshold), read one part at a time
        try (InputStream in = file.getInputStream()) {
            id = screenings.create(in, caller(Roles.SUPERVISOR, Roles.ANALYST), Languages.of(acceptLanguage));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(id).toUri();
        return ResponseEntity.accepted().location(location).body(new ScreeningAccepted(id, ScreeningStatus.QUEUED));
    }

    @Override
    public ResponseEntity<Screening> getScreening(UUID id, AccessPurpose purpose) {
        return ResponseEntity.ok(screenings.read(id, caller(Roles.SUPERVISOR, Roles.CASEWORKER, Roles.ANALYST,
                Roles.AUDITOR, Roles.ADMIN)));
    }

    @Override
    public ResponseEntity<ScreeningEntryPage> listScreeningEntries(UUID id, AccessPurpose purpose, EntryStatus status,
                                                                   String band, Integer limit, Integer offset,
                                                                   String acceptLanguage) {
        return ResponseEntity.ok(screenings.entries(id, status, band, limit == null ? 50 : limit,
                offset == null ? 0 : offset, caller(Roles.SUPERVISOR, Roles.CASEWORKER, Roles.AUDITOR),
                Languages.of(acceptLanguage)));
    }

    @Override
    public ResponseEntity<ScreeningEntry> updateScreeningEntry(UUID id, Integer entryId,
                                                               ScreeningEntryUpdate update, String acceptLanguage) {
        if (update.getStatus() == null) {
            throw new InvalidRequestException(List.of(new FieldProblem("status", "null にはできません", "must not be null")));
        }
        return ResponseEntity.ok(screenings.review(id, entryId, update.getStatus(),
                caller(Roles.CASEWORKER, Roles.SUPERVISOR), Languages.of(acceptLanguage)));
    }

    private static Caller caller(String... preferred) {
        return Caller.of(SecurityContextHolder.getContext().getAuthentication(), preferred);
    }
}
