-- A score's response is a pure function of what the score row keeps: its inputs (request_json), its model
-- (model_version; registered bundles are kept), its id, time and requester, and the language it was given in.
-- Since V21 it is therefore not stored (response_json NULL): response_language is the language it was given in and
-- response_fingerprint the first 8 bytes (hex) of the SHA-256 of the response as first given; every read renders it
-- again and checks the fingerprint (scoring.StoredResponses; a mismatch is refused, never served). Rows written
-- before keep response_json (and NULL in the two new columns) and are served as stored. About 13 KB less per score.
ALTER TABLE score MODIFY response_json MEDIUMTEXT NULL,
    ADD COLUMN response_language VARCHAR(8) NULL,
    ADD COLUMN response_fingerprint CHAR(16) NULL;
