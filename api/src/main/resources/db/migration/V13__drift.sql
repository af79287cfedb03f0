-- Drift and data quality (docs/models.md, "Drift and data quality"): what monitoring keeps of each score the
-- active model records (live and screening), written with the score in its transaction. One row per score in
-- drift_observation (the window is read from it: the newest rows of a model version, or one screening's), and per
-- input item of that score the position of its encoded state among the item's states (0 = the first bin or
-- category; the item's unknown and not-applicable states are the last two) and whether a recorded number lay
-- outside the training range. Nothing else of the case. To keep scoring fast, an item in its most common training
-- state (its modal state, Drift.modalStates) without an out-of-range value has no row: its count is the
-- window's scores minus the item's other rows (DriftWindow.completeModal). Case-derived data: erased with its score (cascade) and
-- by the retention kind `drift` (mimamori.retention.drift, default 90 days).
CREATE TABLE drift_observation (
    score_id      CHAR(36)     NOT NULL PRIMARY KEY,
    model_version VARCHAR(64)  NOT NULL,
    screening_id  CHAR(36)     NULL,
    recorded_at   TIMESTAMP(3) NOT NULL,
    band_id       VARCHAR(64)  NULL,
    INDEX drift_observation_window (model_version, recorded_at),
    INDEX drift_observation_screening (screening_id),
    INDEX drift_observation_recorded (recorded_at),
    CONSTRAINT drift_observation_score FOREIGN KEY (score_id) REFERENCES score (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE drift_item_state (
    score_id      CHAR(36)     NOT NULL,
    item          VARCHAR(128) NOT NULL,
    state         SMALLINT     NOT NULL,
    outside_range BOOLEAN      NOT NULL,
    PRIMARY KEY (score_id, item),
    CONSTRAINT drift_item_state_observation FOREIGN KEY (score_id) REFERENCES drift_observation (score_id)
        ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
