-- Retention and cessation of use (docs/governance.md, "Retention" and "Cessation of use and deletion").

-- A cessation-of-use request for one child (利用停止・消去の求め), the tombstone that keeps the child out of every
-- later use: scoring is refused, screenings skip the child, review lists and export leave it out. mode is
-- `erase` (the child's scores with their inputs, decisions, outcomes, own assessments, similarity keys and
-- screening entries were deleted when the request was recorded; the erased_* columns count them) or `restrict`
-- (kept, because the municipality must keep them, but no longer used). The audit trail is kept either way.
CREATE TABLE cessation (
    child_ref                VARCHAR(64)   NOT NULL PRIMARY KEY,
    mode                     VARCHAR(16)   NOT NULL,
    reason                   VARCHAR(2000) NOT NULL,
    purpose                  VARCHAR(32)   NOT NULL,
    requested_by             VARCHAR(255)  NOT NULL,
    requester_role           VARCHAR(32)   NOT NULL,
    requested_at             TIMESTAMP(3)  NOT NULL,
    erased_at                TIMESTAMP(3)  NULL,
    erased_scores            INT           NOT NULL DEFAULT 0,
    erased_decisions         INT           NOT NULL DEFAULT 0,
    erased_outcomes          INT           NOT NULL DEFAULT 0,
    erased_assessments       INT           NOT NULL DEFAULT 0,
    erased_screening_entries INT           NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- A screened child under a cessation-of-use request is stored as a skipped entry: its row of the file, status
-- `skipped`, and no score, child reference or summary (the file itself is deleted when the job ends).
ALTER TABLE screening_entry
    MODIFY score_id     CHAR(36)    NULL,
    MODIFY child_ref    VARCHAR(64) NULL,
    MODIFY summary_json TEXT        NULL;
CREATE INDEX screening_entry_score ON screening_entry (score_id);
CREATE INDEX screening_entry_child ON screening_entry (child_ref);

-- What the retention purge reads by age.
CREATE INDEX score_created ON score (created_at);
CREATE INDEX outcome_recorded ON outcome (recorded_at);
CREATE INDEX screening_created ON screening (created_at);

-- One purge run (scheduled or on demand) and, per kind of record, its period, cutoff and what it erased:
-- `records` of the kind itself, `attached` rows erased with them (e.g. a score's own assessments and screening
-- entries). Counts are added in the same transaction as each batch they count; the run's audit record
-- (retention.purge, resource retention-run/<id>) is written with its end.
CREATE TABLE retention_run (
    id             CHAR(36)     NOT NULL PRIMARY KEY,
    started_at     TIMESTAMP(3) NOT NULL,
    finished_at    TIMESTAMP(3) NULL,
    status         VARCHAR(16)  NOT NULL,
    triggered_by   VARCHAR(255) NOT NULL,
    trigger_role   VARCHAR(32)  NOT NULL,
    INDEX retention_run_started (started_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE retention_run_kind (
    run_id   CHAR(36)    NOT NULL,
    kind     VARCHAR(32) NOT NULL,
    period   VARCHAR(32) NOT NULL,
    cutoff   TIMESTAMP(3) NOT NULL,
    records  BIGINT      NOT NULL DEFAULT 0,
    attached BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (run_id, kind),
    CONSTRAINT retention_run_kind_run FOREIGN KEY (run_id) REFERENCES retention_run (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
