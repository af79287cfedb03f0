package org.mimamori.training.pipeline;

import java.util.List;

/**
 * How much one item moves scores: the standard deviation of its contribution over the training cases, and the
 * points of each of its states.
 *
 * @param item       the item id
 * @param label      the item's English label
 * @param importance standard deviation of its contribution to the logit
 * @param states     the weight (minus the item's mean) of each state, in encoder order
 */
public record ItemImportance(String item, String label, double importance, List<StatePoints> states) {

    /**
     * One state's points.
     *
     * @param state       the state, for people
     * @param share       share of training cases in this state
     * @param points      contribution to the logit of a case in this state
     */
    public record StatePoints(String state, double share, double points) {
    }
}
