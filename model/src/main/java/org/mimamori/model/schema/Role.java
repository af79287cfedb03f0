package org.mimamori.model.schema;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What an item is for. An item has exactly one role, so an audit group can never also be a model input.
 */
public enum Role {
    /** Used by the model to estimate need for support. */
    INPUT,
    /** Kept only to audit fairness across groups; never used to score, not even through a derived item. */
    AUDIT_GROUP,
    /** Entered by staff; a rule that stands above any score (e.g. the child asked for help). */
    RED_FLAG,
    /** The pseudonymous reference of a child. */
    REFERENCE_ID,
    /** The training label. */
    LABEL,
    /** Whether the child is already supported; used to report how many flagged children were not known. */
    ALREADY_KNOWN,
    /** Kept for analysis (e.g. support types of a confirmed need); never used to score. */
    ANALYSIS,
    /**
     * Which group a case belongs to (e.g. a household id): every split of training keeps a group's cases
     * together. Never a model input, never sent to or stored by the scoring service.
     */
    GROUP,
    /**
     * A column of the municipality's file that is not a data item (names, dates, notes, case numbers): accepted
     * with any text and never read. Never a model input, never stored anywhere.
     */
    IGNORE;

    /** The name used in schema files. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for the roles whose items are sent to the scoring service (if not derived). */
    public boolean isSentForScoring() {
        return this == INPUT || this == AUDIT_GROUP || this == RED_FLAG || this == ALREADY_KNOWN;
    }

    /** The names used in schema files, in declaration order. */
    public static String yamlNames() {
        return String.join(", ", Arrays.stream(values()).map(Role::yamlName).toList());
    }

    /** Looks up a role by its schema-file name. */
    public static Optional<Role> fromYaml(String name) {
        return Arrays.stream(values()).filter(r -> r.yamlName().equals(name)).findFirst();
    }
}
