package org.mimamori.api.models;

import java.time.Instant;
import java.util.List;

import org.mimamori.model.schema.LocalizedText;

/**
 * One change of a model's state (a row of {@code model_transition}).
 *
 * @param version            the model
 * @param from               its state before, or null for the upload
 * @param to                 its state after
 * @param by                 who made the change ({@code system} at start-up)
 * @param role               in which role
 * @param at                 when
 * @param reason             why, or null where none is asked for: a person's words as given (the same in both
 *                           languages), or the service's own in Japanese and English
 * @param schemaAcknowledged on an approval, true when a schema change was acknowledged
 * @param schemaChanges      on an approval, how the schema differed from the active model's, in words (in
 *                           English only for approvals recorded before migration V24)
 * @param shadowReport       on an approval, the headline of the model's shadow report, or null
 */
record ModelTransition(String version, ModelState from, ModelState to, String by, String role, Instant at,
                       LocalizedText reason, boolean schemaAcknowledged, List<LocalizedText> schemaChanges,
                       ShadowReports.Summary shadowReport) {

    ModelTransition {
        schemaChanges = List.copyOf(schemaChanges);
    }

    /** A transition without approval details. */
    static ModelTransition of(String version, ModelState from, ModelState to, String by, String role, Instant at,
                              LocalizedText reason) {
        return new ModelTransition(version, from, to, by, role, at, reason, false, List.of(), null);
    }
}
