-- Outcome monitoring (docs/models.md, "Outcome monitoring"): the audit-group values a score request carried, one
-- row per score and audit-group item, as plain columns, so that monitoring by audit group reads columns instead
-- of parsing request_json. Audit groups are never model inputs; they are kept only to audit. Written with the
-- score by the active model's scoring (single scores and screenings); an item without a recorded value has no
-- row (monitoring counts it as unknown). Scores recorded before this migration have no rows and count as unknown.
-- Deleting a score deletes its rows (retention, cessation).
CREATE TABLE score_audit_group (
    score_id CHAR(36)     NOT NULL,
    item     VARCHAR(64)  NOT NULL,
    value    VARCHAR(255) NOT NULL,
    PRIMARY KEY (score_id, item),
    CONSTRAINT score_audit_group_score FOREIGN KEY (score_id) REFERENCES score (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
