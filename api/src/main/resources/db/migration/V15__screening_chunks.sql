-- A screening's work, split into row ranges that any instance may claim (SELECT ... FOR UPDATE SKIP LOCKED), score
-- and store. Chunk n covers rows first_row .. first_row + row_count - 1 of the file and its rows are the file chunk
-- screening_file_chunk (screening_id, n): since V15 each file chunk is a whole CSV (the header and whole rows, at
-- most about 1 MiB), so a chunk is read without the rest of the file. state: pending (claimable), claimed (by
-- claimed_by, a per-claim token, until lease_until; claimable again once the lease has expired) or done (its
-- entries are stored: written in the same transaction that marks it done, refused when the claim is no longer the
-- claimant's). The chunks are deleted when the job ends.
CREATE TABLE screening_chunk (
    screening_id CHAR(36)     NOT NULL,
    chunk_no     INT          NOT NULL,
    first_row    INT          NOT NULL,
    row_count    INT          NOT NULL,
    state        VARCHAR(8)   NOT NULL,
    claimed_by   VARCHAR(96)  NULL,
    lease_until  TIMESTAMP(3) NULL,
    claims       INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (screening_id, chunk_no),
    INDEX screening_chunk_claimable (state, lease_until),
    CONSTRAINT screening_chunk_job FOREIGN KEY (screening_id) REFERENCES screening (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Compact screening (mimamori.screening.storage=compact): a screened child is an entry only, no score row until
-- people open it. The entry keeps its row's cells (inputs, with the file's header kept once in screening.header)
-- and a fingerprint of the explanation first computed; reading the entry scores the inputs again with the
-- screening's model and checks the fingerprint, then records the score (score_id, summary_json) as a full
-- screening score would have been.
ALTER TABLE screening ADD COLUMN header TEXT NULL;
ALTER TABLE screening_entry
    MODIFY score_id CHAR(36) NULL,
    MODIFY summary_json TEXT NULL,
    ADD COLUMN inputs TEXT NULL,
    ADD COLUMN fingerprint BINARY(8) NULL;
