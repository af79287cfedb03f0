package org.mimamori.api.similar;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mimamori.api.scoring.StoredResponses;
import org.mimamori.model.scoring.Contribution;
import org.mimamori.model.scoring.ExplainedScore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * A score's similarity key (table {@code score_state}, migration V6): the state of each recorded input item, with
 * its place among the items that moved the score. The key is a pure function of the score's inputs and its model,
 * so it is not written with every score: it is written when the score is given an outcome (the only scores similar
 * cases are drawn from; {@link #recordFor}, in the outcome's transaction), and the key of the score a query starts
 * from is derived again ({@link #derived}). Scores recorded by earlier versions (before 2026-12-02) had their
 * key stored with them; a stored key is used as it is.
 */
@Repository
public class ScoreStates {

    private static final Logger LOG = LoggerFactory.getLogger(ScoreStates.class);

    /** Longest item id the table holds; longer ids are not compared. */
    static final int MAX_ITEM = 128;
    /** Longest state label the table holds; longer labels are cut. */
    static final int MAX_STATE = 255;

    private static final String INSERT =
            "INSERT INTO score_state (score_id, item, state, state_ja, item_rank) VALUES (?,?,?,?,?)";

    /** One item of a key: its state's English (compared) and Japanese labels, its rank or null. */
    record Key(String item, String state, String stateJa, Integer rank) {
    }

    private final JdbcTemplate jdbc;
    private final StoredResponses responses;

    ScoreStates(JdbcTemplate jdbc, StoredResponses responses) {
        this.jdbc = jdbc;
        this.responses = responses;
    }

    /**
     * Writes the key of a score that has just been given an outcome, in the caller's transaction; nothing when
     * it has a stored key already, and nothing (logged) when its model is no longer registered, so that the
     * outcome is kept but is not among similar cases.
     *
     * @param scoreId the score
     */
    public void recordFor(String scoreId) {
        Integer stored = jdbc.queryForObject("SELECT COUNT(*) FROM score_state WHERE score_id = ?", Integer.class,
                scoreId);
        if (stored != null && stored > 0) {
            return;
        }
        List<Key> keys = derived(scoreId).orElse(List.of());
        if (keys.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(keys.size());
        for (Key k : keys) {
            rows.add(new Object[] {scoreId, k.item(), k.state(), k.stateJa(), k.rank()});
        }
        jdbc.batchUpdate(INSERT, rows);
    }

    /**
     * The key of a recorded score, derived again from its stored inputs by the model that scored it.
     *
     * @param scoreId the score
     * @return the key, or empty when there is no such score or its model is no longer registered (or fails its
     *         checks)
     */
    Optional<List<Key>> derived(String scoreId) {
        List<Map<String, Object>> found = jdbc.queryForList(
                "SELECT request_json, model_version FROM score WHERE id = ?", scoreId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        String version = (String) found.get(0).get("model_version");
        try {
            Optional<ExplainedScore> explained = responses.explainedAgain(scoreId,
                    (String) found.get(0).get("request_json"), version);
            if (explained.isEmpty()) {
                LOG.warn("Score {}: its model {} is no longer registered, so its similarity key cannot be derived",
                        scoreId, version);
            }
            return explained.map(ScoreStates::keys);
        } catch (IllegalStateException e) { // its stored inputs unreadable or refused: only if the row was edited
            LOG.warn("{}, so its similarity key cannot be derived", e.getMessage());
            return Optional.empty();
        }
    }

    /** The key of an explanation: recorded items, largest |contribution| first, ranked unless it is 0. */
    static List<Key> keys(ExplainedScore explained) {
        List<Key> keys = new ArrayList<>();
        int rank = 0;
        for (Contribution c : explained.contributions()) { // recorded items, largest |contribution| first
            Integer itemRank = c.contribution() == 0 ? null : rank++;
            if (c.item().id().length() > MAX_ITEM) {
                continue;
            }
            keys.add(new Key(c.item().id(), cut(c.stateLabel().en()), cut(c.stateLabel().ja()), itemRank));
        }
        return keys;
    }

    private static String cut(String s) {
        if (s == null) {
            return "";
        }
        return s.codePointCount(0, s.length()) <= MAX_STATE ? s
                : s.substring(0, s.offsetByCodePoints(0, MAX_STATE));
    }
}
