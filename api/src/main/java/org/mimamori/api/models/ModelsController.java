package org.mimamori.api.models;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import org.mimamori.api.config.ProxyValidated;
import org.mimamori.api.problems.Languages;
import org.mimamori.api.security.Caller;
import org.mimamori.api.security.Roles;
import org.mimamori.api.web.ModelsApi;
import org.mimamori.api.web.dto.AccessPurpose;
import org.mimamori.api.web.dto.ModelApprovalRequest;
import org.mimamori.api.web.dto.ModelInfo;
import org.mimamori.api.web.dto.ModelRollbackRequest;
import org.mimamori.api.web.dto.ShadowReportSummary;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/v1/models}: register and list model bundles, and their lifecycle: shadow, approval, activation,
 * rollback and each model's history.
 */
@RestController
@ProxyValidated
class ModelsController implements ModelsApi {

    private final ModelRegistryService registry;
    private final ModelLifecycleService lifecycle;

    ModelsController(ModelRegistryService registry, ModelLifecycleService lifecycle) {
        this.registry = registry;
        this.lifecycle = lifecycle;
    }

    @Override
    public ResponseEntity<List<ModelInfo>> listModels(AccessPurpose purpose) {
        return ResponseEntity.ok(registry.list(reader()).stream().map(ModelsController::dto).toList());
    }

    @Override
    public ResponseEntity<ModelInfo> uploadModel(MultipartFile file) {
        byte[] bytes;
        try (InputStream in = file.getInputStream()) {
            bytes = registry.readUpload(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ModelRegistryService.Registration r = registry.register(bytes, caller(Roles.ANALYST, Roles.ADMIN));
        return ResponseEntity.status(r.created() ? HttpStatus.CREATED : HttpStatus.OK).body(dto(r.model()));
    }

    @Override
    public ResponseEntity<ModelInfo> shadowModel(String version) {
        return ResponseEntity.ok(dto(lifecycle.shadow(version,
                caller(Roles.ANALYST, Roles.ADMIN, Roles.SUPERVISOR))));
    }

    @Override
    public ResponseEntity<ModelInfo> endShadow(String version) {
        return ResponseEntity.ok(dto(lifecycle.endShadow(version,
                caller(Roles.ANALYST, Roles.ADMIN, Roles.SUPERVISOR))));
    }

    @Override
    public ResponseEntity<org.mimamori.api.web.dto.ModelTransition> approveModel(String version,
                                                                                 ModelApprovalRequest request,
                                                                                 String acceptLanguage) {
        return ResponseEntity.ok(dto(lifecycle.approve(version, request.getReason(),
                Boolean.TRUE.equals(request.getAcknowledgeSchemaChange()), caller(Roles.SUPERVISOR, Roles.ADMIN)),
                Languages.of(acceptLanguage)));
    }

    @Override
    public ResponseEntity<ModelInfo> activateModel(String version) {
        return ResponseEntity.ok(dto(lifecycle.activate(version, caller(Roles.ANALYST, Roles.ADMIN))));
    }

    @Override
    public ResponseEntity<ModelInfo> rollbackModel(ModelRollbackRequest request) {
        return ResponseEntity.ok(dto(lifecycle.rollback(request.getReason(), caller(Roles.SUPERVISOR, Roles.ADMIN))));
    }

    @Override
    public ResponseEntity<List<org.mimamori.api.web.dto.ModelTransition>> getModelHistory(String version,
                                                                                        AccessPurpose purpose,
                                                                                        String acceptLanguage) {
        Locale language = Languages.of(acceptLanguage);
        return ResponseEntity.ok(lifecycle.history(version, reader()).stream().map(t -> dto(t, language)).toList());
    }

    private static Caller reader() {
        return caller(Roles.ANALYST, Roles.ADMIN, Roles.SUPERVISOR, Roles.AUDITOR);
    }

    private static Caller caller(String... preferred) {
        return Caller.of(SecurityContextHolder.getContext().getAuthentication(), preferred);
    }

    private static ModelInfo dto(RegisteredModel m) {
        return new ModelInfo(m.version(), m.schemaId(), m.sizeBytes(), m.uploadedBy(), utc(m.uploadedAt()),
                m.active(), state(m.state())).activatedBy(m.activatedBy()).activatedAt(utc(m.activatedAt()));
    }

    private static org.mimamori.api.web.dto.ModelTransition dto(ModelTransition t, Locale language) {
        org.mimamori.api.web.dto.ModelTransition out = new org.mimamori.api.web.dto.ModelTransition(t.version(),
                state(t.to()), t.by(), t.role(), utc(t.at()), t.schemaAcknowledged(),
                t.schemaChanges().stream().map(c -> c.in(language)).toList())
                .from(t.from() == null ? null : state(t.from()))
                .reason(t.reason() == null ? null : t.reason().in(language));
        ShadowReports.Summary s = t.shadowReport();
        if (s != null) {
            out.shadowReport(new ShadowReportSummary(s.activeVersion(), s.scored())
                    .bandAgreement(finite(s.bandAgreement())).meanAbsDifference(finite(s.meanAbsDifference()))
                    .maxAbsDifference(finite(s.maxAbsDifference())));
        }
        return out;
    }

    private static org.mimamori.api.web.dto.ModelState state(ModelState s) {
        return org.mimamori.api.web.dto.ModelState.fromValue(s.code());
    }

    private static Double finite(double d) {
        return Double.isFinite(d) ? d : null;
    }

    private static OffsetDateTime utc(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }
}
