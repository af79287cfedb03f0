-- Batch screening (phase 1) and its review list (phase 2). The uploaded file is kept with the job, so a job
-- interrupted by a restart can be resumed: entries are committed in batches keyed by their row, and rows already
-- stored are not scored again.
CREATE TABLE screening (
    id            CHAR(36)     NOT NULL PRIMARY KEY,
    status        VARCHAR(16)  NOT NULL,
    total         INT          NOT NULL,
    scored        INT          NOT NULL DEFAULT 0,
    model_version VARCHAR(64)  NOT NULL,
    schema_id     VARCHAR(128) NOT NULL,
    language      VARCHAR(8)   NOT NULL,
    created_by    VARCHAR(255) NOT NULL,
    creator_role  VARCHAR(32)  NOT NULL,
    created_at    TIMESTAMP(3) NOT NULL,
    finished_at   TIMESTAMP(3) NULL,
    error         VARCHAR(1000) NULL,
    input_csv     LONGBLOB     NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- One screened child: the summary the review list needs; the full explanation is its score (score_id).
CREATE TABLE screening_entry (
    screening_id      CHAR(36)     NOT NULL,
    row_no            INT          NOT NULL,
    score_id          CHAR(36)     NOT NULL,
    child_ref         VARCHAR(64)  NOT NULL,
    probability       DOUBLE       NULL,
    band_id           VARCHAR(32)  NULL,
    flagged           BOOLEAN      NOT NULL,
    already_supported BOOLEAN      NOT NULL,
    rank_no           INT          NULL,
    summary_json      TEXT         NOT NULL,
    status            VARCHAR(24)  NOT NULL,
    reviewed_by       VARCHAR(255) NULL,
    reviewed_at       TIMESTAMP(3) NULL,
    PRIMARY KEY (screening_id, row_no),
    INDEX screening_entry_rank (screening_id, rank_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
