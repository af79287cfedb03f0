-- Own assessments (本人の見立て): what a caseworker judged of a child before seeing the estimate. Recorded with
-- a score (priorAssessment of POST /api/v1/scores) or on a stored score (POST /api/v1/scores/{id}/assessments).
-- In judgement-first mode a caseworker sees a score's numbers and bands only once they have an own assessment
-- of its child recorded at or after the score's creation.
CREATE TABLE own_assessment (
    id          CHAR(36)      NOT NULL PRIMARY KEY,
    score_id    CHAR(36)      NOT NULL,
    child_ref   VARCHAR(64)   NOT NULL,
    level       VARCHAR(16)   NOT NULL,
    note        VARCHAR(2000) NULL,
    assessed_by VARCHAR(255)  NOT NULL,
    role        VARCHAR(32)   NOT NULL,
    assessed_at TIMESTAMP(3)  NOT NULL,
    CONSTRAINT own_assessment_score FOREIGN KEY (score_id) REFERENCES score (id),
    INDEX own_assessment_child (child_ref, assessed_by, assessed_at),
    INDEX own_assessment_score (score_id, assessed_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
