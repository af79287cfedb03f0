-- The audit trail becomes a hash chain (org.mimamori.model.audit): each record's SHA-256 covers its content and
-- the previous record's hash; audit_head holds the newest record's number and hash. Records written before this
-- migration predate the chain (ids below audit_head.first_id) and are reported, not checked, by verify.
ALTER TABLE audit_event
    ADD COLUMN detail          VARCHAR(255) NULL,
    ADD COLUMN request_id      CHAR(36)     NULL,
    ADD COLUMN children_count  INT          NOT NULL DEFAULT 0,
    ADD COLUMN children_digest CHAR(64)     NULL,
    ADD COLUMN children_query  VARCHAR(255) NULL,
    ADD COLUMN prev_hash       CHAR(64)     NULL,
    ADD COLUMN hash            CHAR(64)     NULL,
    ADD INDEX audit_request (request_id);

-- The children an access touched, one row each (up to 1,000 per record; larger sets keep count and digest).
-- Deleted, never changed, at the end of the audit retention (audit_child_purge records how far).
CREATE TABLE audit_child (
    audit_id  BIGINT      NOT NULL,
    child_ref VARCHAR(64) NOT NULL,
    PRIMARY KEY (audit_id, child_ref),
    INDEX audit_child_ref (child_ref, audit_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE audit_child_purge (
    through_id BIGINT       NOT NULL PRIMARY KEY,
    purged_at  TIMESTAMP(3) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE audit_head (
    id       TINYINT  NOT NULL PRIMARY KEY,
    first_id BIGINT   NOT NULL,
    last_id  BIGINT   NOT NULL,
    hash     CHAR(64) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

INSERT INTO audit_head (id, first_id, last_id, hash)
SELECT 1, COALESCE(MAX(id), 0) + 1, COALESCE(MAX(id), 0), REPEAT('0', 64) FROM audit_event;
