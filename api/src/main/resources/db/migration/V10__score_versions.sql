-- Score versions (docs/governance.md, "Correction"): a family's correction request makes a new version of a
-- score, scored again from the corrected inputs; the old version is kept unchanged and marked superseded.
-- Plain columns, so that reads never parse the stored JSON for them:
--   version_no        1 for a score as first made, n + 1 for the correction of version n;
--   supersedes        on a corrected version, the version it replaced (its reason, who and when below);
--   correction_reason why the inputs were corrected; who and when are the version's requested_by/created_at;
--   superseded_by     on a replaced version, the version that replaced it, and superseded_at when.
-- A version is current when superseded_by is NULL. Each version is replaced at most once (the unique keys keep
-- the versions of a score a single line, also when two corrections race). Decisions, outcomes, own
-- assessments and screening entries stay on the version they were made on. Deleting a version clears the
-- links to it (ON DELETE SET NULL), so a child's scores can be deleted in any order.
ALTER TABLE score
    ADD COLUMN version_no        INT           NOT NULL DEFAULT 1,
    ADD COLUMN supersedes        CHAR(36)      NULL,
    ADD COLUMN correction_reason VARCHAR(2000) NULL,
    ADD COLUMN superseded_by     CHAR(36)      NULL,
    ADD COLUMN superseded_at     TIMESTAMP(3)  NULL,
    ADD CONSTRAINT score_supersedes_unique UNIQUE (supersedes),
    ADD CONSTRAINT score_superseded_by_unique UNIQUE (superseded_by),
    ADD CONSTRAINT score_supersedes FOREIGN KEY (supersedes) REFERENCES score (id) ON DELETE SET NULL,
    ADD CONSTRAINT score_superseded_by FOREIGN KEY (superseded_by) REFERENCES score (id) ON DELETE SET NULL;

-- The review lists show current versions only, newest first.
CREATE INDEX score_current ON score (superseded_by, created_at);

