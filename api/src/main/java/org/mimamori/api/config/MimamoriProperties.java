package org.mimamori.api.config;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The service's own settings, under the prefix {@code mimamori}.
 *
 * @param dataDir  where the embedded MariaDB keeps its data (only used without a configured datasource)
 * @param limits   request-size limits
 * @param models   model registry settings
 * @param security security settings
 * @param embeddedDbArgs extra server options for the embedded MariaDB, e.g.
 *                 {@code --innodb-log-file-size=512M} (they come after the service's own, so they win)
 * @param embeddedDbBufferPool the embedded MariaDB's InnoDB buffer pool (1 GB by default, MariaDB's own default
 *                 is 128 MB): it should hold the screening tables' indexes, about 0.6 GB per million children
 *                 screened (compact) (docs/scaling.md, "Screening at scale"); memory is taken as the data grows
 * @param embeddedDbBinaries where the embedded MariaDB's binaries are unpacked (about 350 MB), or null for
 *                 {@code <data-dir>/mariadb-bin}; one folder may serve many data directories (the test suite's
 *                 servers share one), since a server only reads it
 * @param judgementFirst when true, a score is given only to a caller who recorded their own assessment first
 *                 ({@code priorAssessment}), to counter automation bias
 */
@ConfigurationProperties("mimamori")
public record MimamoriProperties(@DefaultValue("./data") Path dataDir,
                                 @DefaultValue Limits limits,
                                 @DefaultValue Models models,
                                 @DefaultValue Security security,
                                 @DefaultValue List<String> embeddedDbArgs,
                                 @DefaultValue("1GB") DataSize embeddedDbBufferPool,
                                 Path embeddedDbBinaries,
                                 @DefaultValue("false") boolean judgementFirst) {

    /**
     * Request limits; larger bodies are refused with 413 before they are read, slower ones with 408.
     *
     * @param scoreBody         the largest body of {@code POST /api/v1/scores} and other JSON requests
     * @param modelBody         the largest model bundle upload (cohort files: {@code mimamori.screening.max-file-size})
     * @param bodyReadTimeout   the longest a JSON request body may take to arrive
     * @param uploadReadTimeout the longest a model bundle or cohort file may take to arrive
     */
    public record Limits(@DefaultValue("64KB") DataSize scoreBody, @DefaultValue("64MB") DataSize modelBody,
                         @DefaultValue("10s") java.time.Duration bodyReadTimeout,
                         @DefaultValue("120s") java.time.Duration uploadReadTimeout) {
    }

    /**
     * Model registry settings.
     *
     * @param importBundle  a bundle file registered (and activated when none is active) at start-up, or null
     * @param demoWhenEmpty register the demo model shipped in the jar ({@code demo/demo-model.zip}) when the registry is empty at start-up
     * @param refreshInterval how often each instance reads the active and shadow models' versions from the
     *                      database and swaps its in-memory model when they changed (docs/models.md)
     */
    public record Models(Path importBundle, @DefaultValue("true") boolean demoWhenEmpty,
                         @DefaultValue("2s") java.time.Duration refreshInterval) {
    }

    /**
     * Security settings.
     *
     * @param demoTokens  accept the documented demo bearer tokens ({@code demo-caseworker}, ...); never in
     *                    production
     * @param rolesClaim  the JWT claim holding the caller's roles
     */
    public record Security(@DefaultValue("false") boolean demoTokens, @DefaultValue("roles") String rolesClaim) {
    }
}
