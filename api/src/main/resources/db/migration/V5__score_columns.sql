-- Band, probability and red-flag count of a score as plain columns, so that decisions, reviews and the open
-- red flags read columns instead of parsing the stored response. band_id and probability are NULL for a
-- withheld estimate. Existing rows are backfilled from the response as it was given. The same count is kept
-- on screening entries, so that red-flagged children rank first.
ALTER TABLE score
    ADD COLUMN band_id        VARCHAR(64) NULL,
    ADD COLUMN probability    DOUBLE      NULL,
    ADD COLUMN red_flag_count INT         NOT NULL DEFAULT 0;

UPDATE score SET
    band_id        = JSON_VALUE(response_json, '$.band.id'),
    probability    = JSON_VALUE(response_json, '$.probability'),
    red_flag_count = COALESCE(JSON_LENGTH(response_json, '$.redFlags'), 0);

-- The open red flags: flagged scores, newest first.
CREATE INDEX score_red_flags ON score (red_flag_count, created_at);

ALTER TABLE screening_entry ADD COLUMN red_flag_count INT NOT NULL DEFAULT 0;

UPDATE screening_entry SET red_flag_count = COALESCE(JSON_LENGTH(summary_json, '$.redFlags'), 0);
