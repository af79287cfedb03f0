-- Scores written between V21 and V22 hold only a fingerprint of their response, so a later release that writes
-- responses differently could not read them. Their ids are queued here once; scoring.KeptResponseBackfill, after the
-- service has started, renders each again with its model, checks it against the fingerprint, keeps it (V22) and takes
-- it off the queue, so that every score keeps its response. Empty on a database that never ran V21 without V22.
-- A score erased meanwhile leaves the queue with it.
CREATE TABLE score_response_backfill (
    score_id CHAR(36) NOT NULL,
    PRIMARY KEY (score_id),
    CONSTRAINT score_response_backfill_score FOREIGN KEY (score_id) REFERENCES score (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

INSERT INTO score_response_backfill (score_id)
SELECT id FROM score WHERE response_json IS NULL AND response_kept IS NULL AND response_fingerprint IS NOT NULL;
