-- Shadow scoring (docs/models.md, "Shadow report"): what the model in shadow made of a score the active model
-- recorded, kept apart from the score and never shown to caseworkers. One row per shadow-scored score; the
-- score's child, purpose and inputs stay in `score` (the report joins them, e.g. to leave out children under a
-- cessation-of-use request). Probabilities and bands are NULL where a model withheld its estimate as
-- unreliable; *_red_flags count the red flags each model raised. Part of its score: deleting a score (retention,
-- cessation with erasure) deletes its shadow result.
CREATE TABLE shadow_score (
    score_id           CHAR(36)     NOT NULL PRIMARY KEY,
    shadow_version     VARCHAR(64)  NOT NULL,
    active_version     VARCHAR(64)  NOT NULL,
    scored_at          TIMESTAMP(3) NOT NULL,
    screening_id       CHAR(36)     NULL,
    active_probability DOUBLE       NULL,
    shadow_probability DOUBLE       NULL,
    active_band        VARCHAR(64)  NULL,
    shadow_band        VARCHAR(64)  NULL,
    active_red_flags   SMALLINT     NOT NULL,
    shadow_red_flags   SMALLINT     NOT NULL,
    INDEX shadow_score_versions (shadow_version, active_version, scored_at),
    CONSTRAINT shadow_score_score FOREIGN KEY (score_id) REFERENCES score (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Per shadow-scored score and input item: the shadow model's contribution to the logit minus the active
-- model's (an item only one model reads counts 0 in the other). Only items whose two contributions differ have
-- a row, so that the table stays small: an item's mean difference is its sum over the report's scores divided
-- by their number.
CREATE TABLE shadow_contribution (
    score_id   CHAR(36)     NOT NULL,
    item       VARCHAR(128) NOT NULL,
    difference DOUBLE       NOT NULL,
    PRIMARY KEY (score_id, item),
    CONSTRAINT shadow_contribution_score FOREIGN KEY (score_id) REFERENCES shadow_score (score_id)
        ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
