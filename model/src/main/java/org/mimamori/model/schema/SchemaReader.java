package org.mimamori.model.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.mimamori.model.expr.Expression;
import org.mimamori.model.expr.ExpressionException;
import org.mimamori.model.value.Value;
import org.yaml.snakeyaml.nodes.Node;

/** Reads one schema document into items, recording every problem; cross-item rules are in {@link SchemaChecks}. */
final class SchemaReader {

    static final Pattern ITEM_ID = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Set<String> TOP_KEYS = Set.of("schema", "version", "description", "target", "age_item",
            "items");
    private static final Set<String> ITEM_KEYS = Set.of("id", "source", "type", "range", "categories",
            "applies_to", "tier", "role", "label", "description", "derived", "sensitive", "red_flag", "positive",
            "notes");

    private final String source;
    private final String yaml;
    private final List<SchemaProblem> problems;
    /** Where each item was declared, for cross-item problems. */
    private final Map<String, YamlCursor> declared = new HashMap<>();

    SchemaReader(String source, String yaml, List<SchemaProblem> problems) {
        this.source = source;
        this.yaml = yaml;
        this.problems = problems;
    }

    FeatureSchema read(Node root) {
        if (root == null) {
            problems.add(new SchemaProblem(source, 0, 0, "(document)", "the schema file is empty"));
            return null;
        }
        YamlCursor doc = new YamlCursor(root, "", source, problems);
        Map<String, YamlCursor> top = doc.mapping(TOP_KEYS);
        String name = required(doc, top, "schema") ? top.get("schema").text() : null;
        if (name != null && !SCHEMA_NAME.matcher(name).matches()) {
            top.get("schema").problem("a schema name is lower-case letters, digits and '-', got '" + name + "'");
        }
        Integer version = required(doc, top, "version") ? top.get("version").integer() : null;
        if (version != null && version < 1) {
            top.get("version").problem("the version must be 1 or more");
        }
        LocalizedText description = top.containsKey("description") ? top.get("description").localized() : null;
        LocalizedText target = required(doc, top, "target") ? top.get("target").localized() : null;
        String ageItem = top.containsKey("age_item") ? top.get("age_item").text() : null;

        List<Item> items = new ArrayList<>();
        if (required(doc, top, "items")) {
            List<YamlCursor> list = top.get("items").sequence();
            if (list.isEmpty()) {
                top.get("items").problem("a schema needs at least one item");
            }
            for (YamlCursor c : list) {
                Item item = item(c, ageItem != null);
                if (item != null) {
                    if (declared.containsKey(item.id())) {
                        c.problem("item id '" + item.id() + "' is declared twice");
                    } else {
                        declared.put(item.id(), c);
                        items.add(item);
                    }
                }
            }
        }
        int[] order = new SchemaChecks(items, declared, ageItem, top.get("age_item"), doc).check();
        if (!problems.isEmpty()) {
            return null;
        }
        return new FeatureSchema(name, version, description == null ? LocalizedText.of(name) : description, target,
                ageItem, items, order, yaml);
    }

    private boolean required(YamlCursor at, Map<String, YamlCursor> map, String key) {
        if (!map.containsKey(key)) {
            at.problem("missing required key '" + key + "'");
            return false;
        }
        return true;
    }

    private Item item(YamlCursor c, boolean hasAgeItem) {
        Map<String, YamlCursor> m = c.mapping(ITEM_KEYS);
        if (!m.containsKey("id")) {
            c.problem("missing required key 'id'");
            return null;
        }
        String id = m.get("id").text();
        if (id == null) {
            return null;
        }
        if (!ITEM_ID.matcher(id).matches()) {
            m.get("id").problem("an item id is lower-case letters, digits and '_', starting with a letter; got '"
                    + id + "'");
        }
        ItemType type = null;
        if (!m.containsKey("type")) {
            c.problem("item '" + id + "' is missing required key 'type'");
        } else {
            String t = m.get("type").text();
            type = t == null ? null : ItemType.fromYaml(t).orElse(null);
            if (t != null && type == null) {
                m.get("type").problem("unknown type '" + t + "' (one of: integer, number, yes_no, ordinal, "
                        + "categorical, share, text)");
            }
        }
        Role role = Role.INPUT;
        if (m.containsKey("role")) {
            String r = m.get("role").text();
            role = r == null ? null : Role.fromYaml(r).orElse(null);
            if (r != null && role == null) {
                m.get("role").problem("unknown role '" + r + "' (one of: input, audit_group, red_flag, "
                        + "reference_id, label, already_known, analysis)");
            }
        }
        Tier tier = Tier.OPTIONAL;
        if (m.containsKey("tier")) {
            String t = m.get("tier").text();
            if ("core".equals(t)) {
                tier = Tier.CORE;
            } else if (!"optional".equals(t)) {
                m.get("tier").problem("tier is 'core' or 'optional', got '" + t + "'");
            }
        }
        if (type == null || role == null) {
            return null;
        }
        Double[] range = range(m, type, id);
        List<String> categories = categories(m, type, id);
        Applicability applicability = m.containsKey("applies_to") ? applicability(m.get("applies_to"), hasAgeItem)
                : Applicability.ALWAYS;
        LocalizedText label = m.containsKey("label") ? m.get("label").localized() : null;
        LocalizedText description = m.containsKey("description") ? m.get("description").localized() : null;
        Expression derived = m.containsKey("derived") ? expression(m.get("derived")) : null;
        Boolean sensitive = m.containsKey("sensitive") ? m.get("sensitive").bool() : Boolean.FALSE;
        String src = m.containsKey("source") ? m.get("source").text() : null;
        if (type == ItemType.TEXT && role != Role.REFERENCE_ID) {
            m.get("type").problem("type 'text' is only for the reference_id item");
        }
        RedFlagRule redFlag = null;
        if (role == Role.RED_FLAG) {
            redFlag = redFlag(id, m.get("red_flag"), label == null ? LocalizedText.of(id) : label);
        } else if (m.containsKey("red_flag")) {
            m.get("red_flag").problem("'red_flag' belongs only on an item with role red_flag");
        }
        Value positive = null;
        if (role == Role.LABEL) {
            positive = positive(c, m.get("positive"), type, categories);
        } else if (m.containsKey("positive")) {
            m.get("positive").problem("'positive' belongs only on the label item");
        }
        return new Item(id, src == null ? "" : src, type, range[0], range[1], categories, applicability,
                tier, role, label == null ? LocalizedText.of(id) : label, description, derived,
                Boolean.TRUE.equals(sensitive), redFlag, positive);
    }

    private Double[] range(Map<String, YamlCursor> m, ItemType type, String id) {
        Double min = null;
        Double max = null;
        if (type == ItemType.SHARE || type == ItemType.YES_NO) {
            min = 0.0;
            max = 1.0;
        }
        if (!m.containsKey("range")) {
            return new Double[] {min, max};
        }
        YamlCursor r = m.get("range");
        if (!type.isNumeric()) {
            r.problem("'range' applies only to integer, number, ordinal and share items");
            return new Double[] {min, max};
        }
        List<YamlCursor> bounds = r.sequence();
        if (bounds.size() != 2) {
            r.problem("a range is [min, max]");
            return new Double[] {min, max};
        }
        Double lo = bounds.get(0).text() != null && bounds.get(0).text().equals("~") ? null : bounds.get(0).number();
        Double hi = bounds.get(1).number();
        if (lo != null && hi != null && lo > hi) {
            r.problem("the range's minimum " + lo + " is above its maximum " + hi);
        }
        return new Double[] {lo, hi};
    }

    private List<String> categories(Map<String, YamlCursor> m, ItemType type, String id) {
        if (!m.containsKey("categories")) {
            if (type == ItemType.CATEGORICAL) {
                declaredProblem(m, "a categorical item needs 'categories'");
            }
            return List.of();
        }
        YamlCursor c = m.get("categories");
        if (type != ItemType.CATEGORICAL) {
            c.problem("'categories' applies only to categorical items");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (YamlCursor e : c.sequence()) {
            String v = e.text();
            if (v == null) {
                continue;
            }
            if (v.isBlank() || out.contains(v)) {
                e.problem(v.isBlank() ? "a category cannot be blank" : "category '" + v + "' is listed twice");
            } else if (v.equals("unknown") || v.equals("not_applicable")) {
                e.problem("'" + v + "' is reserved for missing values; it cannot be a category");
            } else {
                out.add(v);
            }
        }
        if (out.isEmpty()) {
            c.problem("a categorical item needs at least one category");
        }
        return out;
    }

    private void declaredProblem(Map<String, YamlCursor> m, String message) {
        m.get("id").problem(message);
    }

    private Applicability applicability(YamlCursor c, boolean hasAgeItem) {
        Map<String, YamlCursor> m = c.mapping(Set.of("ages", "when"));
        Integer minAge = null;
        Integer maxAge = null;
        if (m.containsKey("ages")) {
            if (!hasAgeItem) {
                m.get("ages").problem("'ages' needs the schema's 'age_item' to be set");
            }
            List<YamlCursor> ages = m.get("ages").sequence();
            if (ages.size() != 2) {
                m.get("ages").problem("ages are [youngest, oldest], both inclusive");
            } else {
                minAge = ages.get(0).integer();
                maxAge = ages.get(1).integer();
                if (minAge != null && maxAge != null && minAge > maxAge) {
                    m.get("ages").problem("the youngest age " + minAge + " is above the oldest " + maxAge);
                }
            }
        }
        Expression when = m.containsKey("when") ? expression(m.get("when")) : null;
        if (minAge == null && maxAge == null && when == null) {
            c.problem("'applies_to' needs 'ages' and/or 'when'");
        }
        return new Applicability(minAge, maxAge, when);
    }

    private Expression expression(YamlCursor c) {
        String text = c.text();
        if (text == null) {
            return null;
        }
        try {
            return Expression.parse(text);
        } catch (ExpressionException e) {
            c.problem("invalid expression '" + text + "': " + e.getMessage());
            return null;
        }
    }

    private RedFlagRule redFlag(String id, YamlCursor c, LocalizedText label) {
        if (c == null) {
            return new RedFlagRule(id, Expression.parse(id + " == yes"), label);
        }
        Map<String, YamlCursor> m = c.mapping(Set.of("when", "message"));
        Expression when = m.containsKey("when") ? expression(m.get("when")) : Expression.parse(id + " == yes");
        LocalizedText message = m.containsKey("message") ? m.get("message").localized() : label;
        return when == null ? null : new RedFlagRule(id, when, message == null ? label : message);
    }

    private Value positive(YamlCursor item, YamlCursor c, ItemType type, List<String> categories) {
        if (c == null) {
            item.problem("the label item needs 'positive': the value that means a confirmed need");
            return null;
        }
        String t = c.text();
        if (t == null) {
            return null;
        }
        if (type == ItemType.YES_NO) {
            switch (t.trim().toLowerCase(Locale.ROOT)) {
                case "yes", "true", "1":
                    return Value.YES;
                case "no", "false", "0":
                    return Value.NO;
                default:
                    c.problem("the positive value of a yes_no label is yes or no, got '" + t + "'");
                    return null;
            }
        }
        if (type == ItemType.CATEGORICAL) {
            if (!categories.contains(t)) {
                c.problem("the positive value '" + t + "' is not one of the label's categories " + categories);
                return null;
            }
            return Value.category(t);
        }
        c.problem("the label item must be yes_no or categorical");
        return null;
    }
}
