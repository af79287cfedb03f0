package org.mimamori.api.similar;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.mimamori.api.models.ActiveModel;
import org.mimamori.api.models.RegisteredScorers;
import org.mimamori.api.problems.InvalidRequestException;
import org.mimamori.api.scoring.ScoreRecorder;
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

    private static final TypeReference<Map<String, Object>> ITEMS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final RegisteredScorers scorers;
    private final ObjectMapper json;

    ScoreStates(JdbcTemplate jdbc, RegisteredScorers scorers, ObjectMapper json) {
        this.jdbc = jdbc;
        this.scorers = scorers;
        this.json = json;
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
        Optional<ActiveModel> model = scorers.registered(version);
        if (model.isEmpty()) {
            LOG.warn("Score {}: its model {} is no longer registered, so its similarity key cannot be derived",
                    scoreId, version);
            return Optional.empty();
        }
        try {
            // the stored request's items, read as a request's are (ScoreRecorder.readItems)
            Map<String, Object> items = json.convertValue(json.readTree((String) found.get(0).get("request_json"))
                    .path("items"), ITEMS);
            var scorer = model.get().scorer();
            return Optional.of(keys(scorer.score(ScoreRecorder.readItems(scorer.schema(),
                    items == null ? Map.of() : items))));
        } catch (InvalidRequestException e) { // not with the model that scored them: cannot happen unless edited
            LOG.warn("Score {}: its stored inputs are refused by its model {}, so its similarity key cannot be "
                    + "derived", scoreId, version);
            return Optional.empty();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored inputs of score " + scoreId + " cannot be read", e);
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
