-- The similarity key of a score (docs/api.md, "Similar past cases"): the state the model put each recorded input
-- item in, one row per item, written with the score. state is the state's English label (language-independent,
-- e.g. "3–5", "yes", "not applicable", a category's label); state_ja its Japanese label for display. item_rank
-- is the item's place among the items that moved this score (0 = the largest |contribution|), NULL for an item
-- whose contribution is 0. Labels longer than 255 characters are cut (ScoreStates). Scores recorded before this
-- migration have no rows and are not compared. The key is part of its score: deleting a score deletes its key.
CREATE TABLE score_state (
    score_id  CHAR(36)     NOT NULL,
    item      VARCHAR(128) NOT NULL,
    state     VARCHAR(255) NOT NULL,
    state_ja  VARCHAR(255) NOT NULL,
    item_rank SMALLINT     NULL,
    PRIMARY KEY (score_id, item),
    INDEX score_state_match (item, state, score_id),
    CONSTRAINT score_state_score FOREIGN KEY (score_id) REFERENCES score (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
