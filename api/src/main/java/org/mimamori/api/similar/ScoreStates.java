package org.mimamori.api.similar;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.mimamori.model.scoring.Contribution;
import org.mimamori.model.scoring.ExplainedScore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Writes a score's similarity key (table {@code score_state}, migration V6): the state of each recorded input
 * item, with its place among the items that moved the score. Called where scores are recorded, in the same
 * transaction, so a score and its key are stored together or not at all.
 */
@Repository
public class ScoreStates {

    /** Longest item id the table holds; longer ids are not compared. */
    static final int MAX_ITEM = 128;
    /** Longest state label the table holds; longer labels are cut. */
    static final int MAX_STATE = 255;

    private static final String INSERT =
            "INSERT INTO score_state (score_id, item, state, state_ja, item_rank) VALUES (?,?,?,?,?)";

    private final JdbcTemplate jdbc;

    ScoreStates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the key of one score in the caller's transaction.
     *
     * @param scoreId   the score
     * @param explained its explanation
     */
    public void record(UUID scoreId, ExplainedScore explained) {
        List<Object[]> rows = new ArrayList<>();
        add(rows, scoreId, explained);
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(INSERT, rows);
        }
    }

    /**
     * Records the keys of many scores in one JDBC batch, in the caller's transaction.
     *
     * @param scores the scores, by id
     */
    public void recordAll(List<java.util.Map.Entry<UUID, ExplainedScore>> scores) {
        List<Object[]> rows = new ArrayList<>();
        for (var e : scores) {
            add(rows, e.getKey(), e.getValue());
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(INSERT, rows);
        }
    }

    private static void add(List<Object[]> rows, UUID scoreId, ExplainedScore explained) {
        int rank = 0;
        for (Contribution c : explained.contributions()) { // recorded items, largest |contribution| first
            Integer itemRank = c.contribution() == 0 ? null : rank++;
            if (c.item().id().length() > MAX_ITEM) {
                continue;
            }
            rows.add(new Object[] {scoreId.toString(), c.item().id(), cut(c.stateLabel().en()),
                    cut(c.stateLabel().ja()), itemRank});
        }
    }

    private static String cut(String s) {
        if (s == null) {
            return "";
        }
        return s.codePointCount(0, s.length()) <= MAX_STATE ? s
                : s.substring(0, s.offsetByCodePoints(0, MAX_STATE));
    }
}
