-- Staff decisions on scores (with reasons and supervisors' sign-offs) and outcomes, the next model's labels.
-- Plain columns so that exports and reviews can read them without the service. MariaDB 10.6+.

-- A person's decision on a score. against_band / against_red_flag are derived when it is recorded (see
-- docs/api.md); band and band_rank are the score's band and its position (0 = lowest) when decided, NULL for
-- a withheld score. sign_off_status: not_needed, pending, signed or rejected.
CREATE TABLE decision (
    id                  CHAR(36)      NOT NULL PRIMARY KEY,
    score_id            CHAR(36)      NOT NULL,
    decision            VARCHAR(32)   NOT NULL,
    reason              VARCHAR(2000) NULL,
    dismisses_red_flags BOOLEAN       NOT NULL DEFAULT FALSE,
    band                VARCHAR(64)   NULL,
    band_rank           INT           NULL,
    against_band        BOOLEAN       NOT NULL,
    against_red_flag    BOOLEAN       NOT NULL,
    decided_by          VARCHAR(255)  NOT NULL,
    decider_role        VARCHAR(32)   NOT NULL,
    decided_at          TIMESTAMP(3)  NOT NULL,
    sign_off_status     VARCHAR(16)   NOT NULL,
    sign_off_by         VARCHAR(255)  NULL,
    sign_off_at         TIMESTAMP(3)  NULL,
    sign_off_note       VARCHAR(2000) NULL,
    CONSTRAINT decision_score FOREIGN KEY (score_id) REFERENCES score (id),
    INDEX decision_score_at (score_id, decided_at),
    INDEX decision_at (decided_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- What happened afterwards: one outcome per score. support_types is comma-separated (poverty, neglect, abuse,
-- young_carer, school_refusal), empty when none.
CREATE TABLE outcome (
    id             CHAR(36)     NOT NULL PRIMARY KEY,
    score_id       CHAR(36)     NOT NULL,
    need_confirmed BOOLEAN      NOT NULL,
    support_types  VARCHAR(255) NOT NULL DEFAULT '',
    confirmed_on   DATE         NOT NULL,
    recorded_by    VARCHAR(255) NOT NULL,
    recorded_at    TIMESTAMP(3) NOT NULL,
    CONSTRAINT outcome_score_unique UNIQUE (score_id),
    CONSTRAINT outcome_score FOREIGN KEY (score_id) REFERENCES score (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
