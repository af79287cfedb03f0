package org.mimamori.api.models;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.mimamori.api.security.Caller;
import org.mimamori.api.security.Roles;
import org.mimamori.api.web.ModelsApi;
import org.mimamori.api.web.dto.AccessPurpose;
import org.mimamori.api.web.dto.ModelInfo;
import org.springframework.http.HttpStatus;
import org.mimamori.api.config.ProxyValidated;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code /api/v1/models}: register, list and activate model bundles. */
@RestController
@ProxyValidated
class ModelsController implements ModelsApi {

    private final ModelRegistryService registry;

    ModelsController(ModelRegistryService registry) {
        this.registry = registry;
    }

    @Override
    public ResponseEntity<List<ModelInfo>> listModels(AccessPurpose purpose) {
        return ResponseEntity.ok(registry.list(Caller.of(SecurityContextHolder.getContext().getAuthentication(), Roles.ANALYST, Roles.ADMIN,
                Roles.SUPERVISOR, Roles.AUDITOR)).stream().map(ModelsController::dto).toList());
    }

    @Override
    public ResponseEntity<ModelInfo> uploadModel(MultipartFile file) {
        byte[] bytes;
        try (InputStream in = file.getInputStream()) {
            bytes = registry.readUpload(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ModelRegistryService.Registration r = registry.register(bytes, caller());
        return ResponseEntity.status(r.created() ? HttpStatus.CREATED : HttpStatus.OK).body(dto(r.model()));
    }

    @Override
    public ResponseEntity<ModelInfo> activateModel(String version) {
        return ResponseEntity.ok(dto(registry.activate(version, caller())));
    }

    private static Caller caller() {
        return Caller.of(SecurityContextHolder.getContext().getAuthentication(), Roles.ANALYST, Roles.ADMIN);
    }

    private static ModelInfo dto(RegisteredModel m) {
        return new ModelInfo(m.version(), m.schemaId(), m.sizeBytes(), m.uploadedBy(), utc(m.uploadedAt()),
                m.active()).activatedBy(m.activatedBy()).activatedAt(utc(m.activatedAt()));
    }

    private static OffsetDateTime utc(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }
}
