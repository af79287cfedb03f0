package org.mimamori.model.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules that span items: references exist, nothing depends on itself, exactly one label, and no model
 * input reads an audit group, the label or an analysis item (even through a derived item). Also computes the
 * order in which a case's items are resolved.
 */
final class SchemaChecks {

    private final List<Item> items;
    private final Map<String, YamlCursor> declared;
    private final String ageItem;
    private final YamlCursor ageCursor;
    private final YamlCursor doc;
    private final Map<String, Item> byId = new HashMap<>();

    SchemaChecks(List<Item> items, Map<String, YamlCursor> declared, String ageItem, YamlCursor ageCursor,
                 YamlCursor doc) {
        this.items = items;
        this.declared = declared;
        this.ageItem = ageItem;
        this.ageCursor = ageCursor;
        this.doc = doc;
        items.forEach(i -> byId.put(i.id(), i));
    }

    int[] check() {
        checkAgeItem();
        checkRoles();
        for (Item item : items) {
            for (String ref : directDependencies(item)) {
                if (!byId.containsKey(ref)) {
                    LocalizedText guess = DidYouMean.of(ref, byId.keySet().stream().sorted().toList());
                    declared.get(item.id()).problem("項目 '" + item.id() + "' が参照する '" + ref
                            + "' は、このスキーマの項目ではありません" + guess.ja(), "item '" + item.id() + "' refers to '"
                            + ref + "', which is not an item of this schema" + guess.en());
                } else if (!byId.get(ref).isRead()) {
                    declared.get(item.id()).problem("項目 '" + item.id() + "' が参照する '" + ref
                            + "' は role が 'ignore' のため、その列は読まれません", "item '" + item.id() + "' refers to '"
                            + ref + "', whose role 'ignore' means its column is never read");
                }
            }
            if (item.isDerived() && item.role() == Role.INPUT) {
                checkInputSources(item);
            }
            if (item.isDerived() && !(item.type() == ItemType.YES_NO || item.type().isNumeric())) {
                declared.get(item.id()).problem("算出される項目は yes_no か数値の型でなければなりません",
                        "a derived item must be yes_no or numeric");
            }
        }
        return order();
    }

    private void checkAgeItem() {
        if (ageItem == null) {
            return;
        }
        Item age = byId.get(ageItem);
        if (age == null) {
            ageCursor.problem("age_item の '" + ageItem + "' は、このスキーマの項目ではありません",
                    "age_item '" + ageItem + "' is not an item of this schema");
        } else if (!age.type().isNumeric()) {
            ageCursor.problem("age_item の '" + ageItem + "' は数値の項目でなければなりません",
                    "age_item '" + ageItem + "' must be numeric");
        } else if (age.applicability().minAge() != null || age.applicability().maxAge() != null) {
            declared.get(ageItem).problem("年齢の項目そのものには年齢の範囲を付けられません",
                    "the age item cannot itself have an age range");
        }
    }

    private void checkRoles() {
        long labels = items.stream().filter(i -> i.role() == Role.LABEL).count();
        if (labels != 1) {
            doc.problem("スキーマには role が 'label' の項目がちょうど 1 つ必要ですが、" + labels + " 個あります",
                    "a schema needs exactly one item with role 'label', found " + labels);
        }
        if (items.stream().filter(i -> i.role() == Role.REFERENCE_ID).count() > 1) {
            doc.problem("role が 'reference_id' の項目は、スキーマに 1 つまでです",
                    "a schema has at most one item with role 'reference_id'");
        }
        if (items.stream().filter(i -> i.role() == Role.GROUP).count() > 1) {
            doc.problem("role が 'group' の項目は、スキーマに 1 つまでです",
                    "a schema has at most one item with role 'group'");
        }
        if (items.stream().noneMatch(Item::isInput)) {
            doc.problem("スキーマには role が 'input' の項目が 1 つ以上必要です",
                    "a schema needs at least one item with role 'input'");
        }
        for (Item item : items) {
            if (item.role() == Role.LABEL && item.isDerived()) {
                declared.get(item.id()).problem("ラベルを算出される項目にはできません", "the label cannot be derived");
            }
        }
    }

    /** A model input must never read, even indirectly, what the model must not see. */
    private void checkInputSources(Item input) {
        Set<String> seen = new HashSet<>();
        List<String> todo = new ArrayList<>(input.derived().references());
        while (!todo.isEmpty()) {
            String id = todo.remove(todo.size() - 1);
            Item ref = byId.get(id);
            if (ref == null || !seen.add(id)) {
                continue;
            }
            switch (ref.role()) {
                case AUDIT_GROUP, LABEL, ANALYSIS, ALREADY_KNOWN, RED_FLAG, REFERENCE_ID, GROUP ->
                        declared.get(input.id()).problem("モデルの入力 '" + input.id() + "' が '" + id
                                + "' を読んでいますが、'" + id + "' は role が '" + ref.role().yamlName()
                                + "' のため、モデルには入れられません", "model input '" + input.id() + "' reads '" + id
                                + "', whose role '" + ref.role().yamlName() + "' keeps it out of the model");
                default -> {
                    if (ref.isDerived()) {
                        todo.addAll(ref.derived().references());
                    }
                }
            }
        }
    }

    private Set<String> directDependencies(Item item) {
        Set<String> deps = new LinkedHashSet<>(item.applicability().references());
        if (item.isDerived()) {
            deps.addAll(item.derived().references());
        }
        if (item.redFlag() != null) {
            deps.addAll(item.redFlag().when().references());
            deps.remove(item.id());
        }
        Applicability a = item.applicability();
        if (ageItem != null && (a.minAge() != null || a.maxAge() != null)) {
            deps.add(ageItem);
        }
        return deps;
    }

    /** Depth-first topological order; reports cycles. */
    private int[] order() {
        Map<String, Integer> state = new HashMap<>();
        List<Integer> out = new ArrayList<>();
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            position.put(items.get(i).id(), i);
        }
        for (Item item : items) {
            visit(item.id(), state, out, position, new ArrayList<>());
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private void visit(String id, Map<String, Integer> state, List<Integer> out, Map<String, Integer> position,
                       List<String> stack) {
        Integer s = state.get(id);
        if (s != null) {
            if (s == 1) {
                String cycle = String.join(" -> ", stack.subList(stack.indexOf(id), stack.size())) + " -> " + id;
                declared.get(id).problem("項目 '" + id + "' が自分自身に依存しています：" + cycle,
                        "item '" + id + "' depends on itself: " + cycle);
            }
            return;
        }
        Item item = byId.get(id);
        if (item == null) {
            return;
        }
        state.put(id, 1);
        stack.add(id);
        for (String dep : directDependencies(item)) {
            visit(dep, state, out, position, stack);
        }
        stack.remove(stack.size() - 1);
        state.put(id, 2);
        out.add(position.get(id));
    }
}
