package org.mimamori.model.schema;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The type of a data item's value, as written in a schema file ({@code yes_no}, {@code share}, ...). */
public enum ItemType {
    /** A whole number, e.g. days absent. */
    INTEGER,
    /** Any real number. */
    NUMBER,
    /** Yes or no, held as 1 or 0. */
    YES_NO,
    /** Ordered levels given as whole numbers, e.g. care need level 0–5. */
    ORDINAL,
    /** One of a listed set of categories. */
    CATEGORICAL,
    /** A share between 0 and 1. */
    SHARE,
    /** Free text; only for reference ids, groups and ignored columns, never a model input. */
    TEXT;

    /** The name used in schema files. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for types whose values are numbers ordered on a line (binned by the encoder). */
    public boolean isNumeric() {
        return this == INTEGER || this == NUMBER || this == ORDINAL || this == SHARE;
    }

    /** True for types whose recorded values must be whole numbers. */
    public boolean isWholeNumber() {
        return this == INTEGER || this == ORDINAL || this == YES_NO;
    }

    /** The names used in schema files, in declaration order. */
    public static String yamlNames() {
        return String.join(", ", Arrays.stream(values()).map(ItemType::yamlName).toList());
    }

    /** Looks up a type by its schema-file name. */
    public static Optional<ItemType> fromYaml(String name) {
        return Arrays.stream(values()).filter(t -> t.yamlName().equals(name)).findFirst();
    }
}
