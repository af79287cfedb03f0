package org.mimamori.api.contract;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.mimamori.api.problems.FieldProblem;

/**
 * A check of a request body beyond what the contract can say (e.g. a score request's items against the active
 * model's schema). {@link ContractInterceptor} runs it together with the contract's checks, so one answer names
 * every bad field, at every level.
 */
public interface BodyCheck {

    /** The operation whose bodies this checks ({@code operationId}). */
    String operation();

    /**
     * Adds the body's problems. Called for every body that is JSON, also when the contract's checks found problems;
     * the body may therefore have any shape.
     *
     * @param body     the body
     * @param problems where problems are added
     */
    void check(JsonNode body, List<FieldProblem> problems);
}
