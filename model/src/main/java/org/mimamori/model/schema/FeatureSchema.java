package org.mimamori.model.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A versioned definition of the data items of one kind of case: the municipality's contract for what it
 * links, how each item is checked, for whom it exists and what it is used for. Nothing else in Mimamori
 * names a data item; another municipality (or another tabular problem) edits the YAML, not the code.
 *
 * <p>Load one with {@link SchemaLoader}. Immutable and thread-safe.
 */
public final class FeatureSchema {

    private final String name;
    private final int version;
    private final LocalizedText description;
    private final LocalizedText target;
    private final String ageItem;
    private final List<Item> items;
    private final Map<String, LocalizedText> sourceLabels;
    private final Map<String, Integer> index;
    private final int[] resolutionOrder;
    private final String yaml;

    FeatureSchema(String name, int version, LocalizedText description, LocalizedText target, String ageItem,
                  List<Item> items, Map<String, LocalizedText> sourceLabels, int[] resolutionOrder, String yaml) {
        this.name = name;
        this.version = version;
        this.description = description;
        this.target = target;
        this.ageItem = ageItem;
        this.items = List.copyOf(items);
        this.sourceLabels = Collections.unmodifiableMap(new LinkedHashMap<>(sourceLabels));
        this.resolutionOrder = resolutionOrder.clone();
        this.yaml = yaml;
        Map<String, Integer> ix = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            ix.put(items.get(i).id(), i);
        }
        this.index = Map.copyOf(ix);
    }

    /** The schema's name, e.g. {@code child-support}. */
    public String name() {
        return name;
    }

    /** The schema's version number. */
    public int version() {
        return version;
    }

    /** Name and version, e.g. {@code child-support-v1}. */
    public String id() {
        return name + "-v" + version;
    }

    /** What the schema describes. */
    public LocalizedText description() {
        return description;
    }

    /**
     * What the estimated probability is a rate of, in plain words, e.g. "share of similar past cases in which
     * staff confirmed a need for support within 12 months". Never "risk of abuse".
     */
    public LocalizedText target() {
        return target;
    }

    /** The item that age-based applicability reads, if any. */
    public Optional<String> ageItem() {
        return Optional.ofNullable(ageItem);
    }

    /** Every item, in file order. */
    public List<Item> items() {
        return items;
    }

    /** The item with this id, if the schema has it. */
    public Optional<Item> item(String id) {
        Integer i = index.get(id);
        return i == null ? Optional.empty() : Optional.of(items.get(i));
    }

    /**
     * The name of a source (the department or register an item's {@code source} names) for people, e.g.
     * 保育 / Childcare for {@code childcare}: the schema's {@code sources} label, or the id itself in both
     * languages when the schema gives none (schemas before {@code sources}).
     */
    public LocalizedText sourceLabel(String source) {
        LocalizedText label = sourceLabels.get(source);
        return label != null ? label : LocalizedText.of(source);
    }

    /** The labels the schema gives its sources, by source id, in file order; sources without one are absent. */
    public Map<String, LocalizedText> sourceLabels() {
        return sourceLabels;
    }

    /** The position of the item in {@link #items()}, or -1. */
    public int indexOf(String id) {
        Integer i = index.get(id);
        return i == null ? -1 : i;
    }

    /** The items the model uses, in file order. */
    public List<Item> inputs() {
        return withRole(Role.INPUT);
    }

    /** The items with the given role, in file order. */
    public List<Item> withRole(Role role) {
        List<Item> out = new ArrayList<>();
        for (Item item : items) {
            if (item.role() == role) {
                out.add(item);
            }
        }
        return out;
    }

    /** The label item. */
    public Item labelItem() {
        return withRole(Role.LABEL).get(0);
    }

    /** The reference-id item, if the schema has one. */
    public Optional<Item> referenceItem() {
        return withRole(Role.REFERENCE_ID).stream().findFirst();
    }

    /** The group item (e.g. a household id) that keeps cases together in every split, if the schema has one. */
    public Optional<Item> groupItem() {
        return withRole(Role.GROUP).stream().findFirst();
    }

    /**
     * Item positions in an order where every item comes after the items its applicability and derivation
     * read (the age item first). Cases are resolved in this order.
     */
    public int[] resolutionOrder() {
        return resolutionOrder.clone();
    }

    /** The YAML text this schema was loaded from, kept so a model bundle can carry it verbatim. */
    public String yaml() {
        return yaml;
    }

    @Override
    public String toString() {
        return id();
    }
}
