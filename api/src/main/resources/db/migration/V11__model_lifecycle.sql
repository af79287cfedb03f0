-- The model lifecycle (docs/models.md, "Lifecycle"): each bundle has a state instead of the boolean `active`.
--   candidate  uploaded, not scoring;
--   shadow     scoring silently beside the active model, never shown (at most one);
--   approved   approved by a second person (supervisor or admin, not the uploader) with a reason;
--   active     the model that scores (at most one);
--   retired    active before, replaced; kept for rollback.
-- Backfill: the active bundle stays active, every other bundle becomes a candidate.
ALTER TABLE model_bundle
    ADD COLUMN state VARCHAR(16) NOT NULL DEFAULT 'candidate';
UPDATE model_bundle SET state = CASE WHEN active THEN 'active' ELSE 'candidate' END;
ALTER TABLE model_bundle
    DROP COLUMN active,
    ADD CONSTRAINT model_bundle_state CHECK (state IN ('candidate', 'shadow', 'approved', 'active', 'retired')),
    -- At most one active and one shadow bundle: the column is NULL for the other states (NULLs never collide).
    ADD COLUMN single_state VARCHAR(16) AS (CASE WHEN state IN ('active', 'shadow') THEN state END) PERSISTENT,
    ADD CONSTRAINT model_bundle_single_state UNIQUE (single_state);

-- Every change of a bundle's state, who made it, when and why. from_state is NULL for the upload. An approval
-- records whether a schema change was acknowledged (and which items differ from the active model's), and the
-- headline of the shadow report it was based on (the shadow_* columns; NULL when it never scored in shadow).
CREATE TABLE model_transition (
    id                     BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    version                VARCHAR(64)   NOT NULL,
    from_state             VARCHAR(16)   NULL,
    to_state               VARCHAR(16)   NOT NULL,
    actor                  VARCHAR(255)  NOT NULL,
    role                   VARCHAR(32)   NOT NULL,
    changed_at             TIMESTAMP(3)  NOT NULL,
    reason                 VARCHAR(2000) NULL,
    schema_acknowledged    BOOLEAN       NOT NULL DEFAULT FALSE,
    schema_changes         VARCHAR(4000) NULL,
    shadow_active_version  VARCHAR(64)   NULL,
    shadow_scored          BIGINT        NULL,
    shadow_band_agreement  DOUBLE        NULL,
    shadow_mean_abs_diff   DOUBLE        NULL,
    shadow_max_abs_diff    DOUBLE        NULL,
    INDEX model_transition_version (version, id),
    CONSTRAINT model_transition_bundle FOREIGN KEY (version) REFERENCES model_bundle (version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The bundles registered before the lifecycle: their state as backfilled, as set by this migration.
INSERT INTO model_transition (version, from_state, to_state, actor, role, changed_at, reason)
SELECT version, NULL, state, 'system', 'admin', CURRENT_TIMESTAMP(3), 'state set by migration V11'
FROM model_bundle;
