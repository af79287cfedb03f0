-- Scores, the model registry and the audit trail of Mimamori. MariaDB 10.6+ (tested on 11.4).

CREATE TABLE model_bundle (
    version      VARCHAR(64)  NOT NULL PRIMARY KEY,
    schema_id    VARCHAR(128) NOT NULL,
    bytes        LONGBLOB     NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    uploaded_by  VARCHAR(255) NOT NULL,
    uploaded_at  TIMESTAMP(3) NOT NULL,
    active       BOOLEAN      NOT NULL DEFAULT FALSE,
    activated_by VARCHAR(255) NULL,
    activated_at TIMESTAMP(3) NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- One score: its inputs, the response exactly as it was given, the model, who asked, why and when.
CREATE TABLE score (
    id             CHAR(36)     NOT NULL PRIMARY KEY,
    child_ref      VARCHAR(64)  NOT NULL,
    purpose        VARCHAR(32)  NOT NULL,
    model_version  VARCHAR(64)  NOT NULL,
    schema_id      VARCHAR(128) NOT NULL,
    requested_by   VARCHAR(255) NOT NULL,
    requester_role VARCHAR(32)  NOT NULL,
    created_at     TIMESTAMP(3) NOT NULL,
    request_json   MEDIUMTEXT   NOT NULL,
    response_json  MEDIUMTEXT   NOT NULL,
    INDEX score_child (child_ref, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Who did what to which resource, why, when, and how it ended.
CREATE TABLE audit_event (
    id        BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    at        TIMESTAMP(3) NOT NULL,
    actor     VARCHAR(255) NOT NULL,
    role      VARCHAR(32)  NOT NULL,
    action    VARCHAR(64)  NOT NULL,
    resource  VARCHAR(255) NOT NULL,
    purpose   VARCHAR(64)  NULL,
    outcome   VARCHAR(32)  NOT NULL,
    INDEX audit_at (at),
    INDEX audit_resource (resource)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
