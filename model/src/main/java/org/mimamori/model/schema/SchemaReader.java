package org.mimamori.model.schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
            "sources", "items");
    private static final Set<String> ITEM_KEYS = Set.of("id", "source", "type", "range", "categories",
            "applies_to", "tier", "role", "label", "description", "derived", "sensitive", "red_flag", "positive",
            "changeable", "notes");
    /** Keys that mean nothing on an item of role group or ignore. */
    private static final List<String> UNREAD_ITEM_REFUSED_KEYS = List.of("range", "categories", "applies_to",
            "derived", "red_flag", "positive", "tier", "changeable");

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
            problems.add(new SchemaProblem(source, 0, 0, "(document)",
                    new LocalizedText("スキーマファイルが空です", "the schema file is empty")));
            return null;
        }
        YamlCursor doc = new YamlCursor(root, "", source, problems);
        Map<String, YamlCursor> top = doc.mapping(TOP_KEYS);
        String name = required(doc, top, "schema") ? top.get("schema").text() : null;
        if (name != null && !SCHEMA_NAME.matcher(name).matches()) {
            top.get("schema").problem("スキーマ名は英小文字・数字・'-' でなければなりませんが、'" + name + "' です",
                    "a schema name is lower-case letters, digits and '-', got '" + name + "'");
        }
        Integer version = required(doc, top, "version") ? top.get("version").integer() : null;
        if (version != null && version < 1) {
            top.get("version").problem("version は 1 以上でなければなりません", "the version must be 1 or more");
        }
        LocalizedText description = top.containsKey("description") ? top.get("description").localized() : null;
        LocalizedText target = required(doc, top, "target") ? top.get("target").localized() : null;
        String ageItem = top.containsKey("age_item") ? top.get("age_item").text() : null;

        List<Item> items = new ArrayList<>();
        if (required(doc, top, "items")) {
            List<YamlCursor> list = top.get("items").sequence();
            if (list.isEmpty()) {
                top.get("items").problem("スキーマには項目が 1 つ以上必要です", "a schema needs at least one item");
            }
            for (YamlCursor c : list) {
                Item item = item(c, ageItem != null);
                if (item != null) {
                    if (declared.containsKey(item.id())) {
                        c.problem("項目 ID '" + item.id() + "' が二度宣言されています",
                                "item id '" + item.id() + "' is declared twice");
                    } else {
                        declared.put(item.id(), c);
                        items.add(item);
                    }
                }
            }
        }
        Map<String, LocalizedText> sourceLabels = top.containsKey("sources") ? sourceLabels(top.get("sources"), items)
                : Map.of();
        int[] order = new SchemaChecks(items, declared, ageItem, top.get("age_item"), doc).check();
        if (!problems.isEmpty()) {
            return null;
        }
        return new FeatureSchema(name, version, description == null ? LocalizedText.of(name) : description, target,
                ageItem, items, sourceLabels, order, yaml);
    }

    /**
     * The labels of the items' sources (departments or registers), by source id. A label for a source no item
     * names is a problem, as an unknown key is: it is most likely a misspelt id, and its department would
     * show by its id.
     */
    private Map<String, LocalizedText> sourceLabels(YamlCursor c, List<Item> items) {
        Set<String> used = new TreeSet<>();
        for (Item item : items) {
            if (!item.source().isEmpty()) {
                used.add(item.source());
            }
        }
        Map<String, LocalizedText> labels = new LinkedHashMap<>();
        for (Map.Entry<String, YamlCursor> e : c.mapping().entrySet()) {
            String id = e.getKey();
            YamlCursor at = e.getValue();
            if (!used.contains(id)) {
                LocalizedText guess = DidYouMean.of(id, List.copyOf(used));
                at.problem("source が '" + id + "' の項目はありません" + guess.ja() + "。'sources' には、項目が挙げる "
                        + "source（" + String.join(", ", used) + "）の表示名を書きます",
                        "no item has source '" + id + "'; 'sources' labels the sources the items name ("
                        + String.join(", ", used) + ")" + guess.en());
                continue;
            }
            LocalizedText label = at.localized();
            if (label == null) {
                if (at.isNull()) {
                    at.problem("source '" + id + "' には表示名が必要です：文、または 'ja' と 'en' の一方か両方の文",
                            "source '" + id + "' needs a label: a text, or 'ja' and/or 'en' texts");
                }
                continue;
            }
            labels.put(id, label);
        }
        return labels;
    }

    private boolean required(YamlCursor at, Map<String, YamlCursor> map, String key) {
        if (!map.containsKey(key)) {
            at.problem("必須のキー '" + key + "' がありません", "missing required key '" + key + "'");
            return false;
        }
        return true;
    }

    private Item item(YamlCursor c, boolean hasAgeItem) {
        Map<String, YamlCursor> m = c.mapping(ITEM_KEYS);
        if (!m.containsKey("id")) {
            c.problem("必須のキー 'id' がありません", "missing required key 'id'");
            return null;
        }
        String id = m.get("id").text();
        if (id == null) {
            return null;
        }
        if (!ITEM_ID.matcher(id).matches()) {
            m.get("id").problem("項目 ID は英小文字で始まり、英小文字・数字・'_' だけでできていなければなりませんが、'"
                    + id + "' です", "an item id is lower-case letters, digits and '_', starting with a letter; got '"
                    + id + "'");
        }
        Role role = Role.INPUT;
        if (m.containsKey("role")) {
            String r = m.get("role").text();
            role = r == null ? null : Role.fromYaml(r).orElse(null);
            if (r != null && role == null) {
                LocalizedText guess = DidYouMean.of(r, Arrays.stream(Role.values()).map(Role::yamlName).toList());
                m.get("role").problem("role '" + r + "' はありません（次のいずれか：" + Role.yamlNames() + "）"
                        + guess.ja(), "unknown role '" + r + "' (one of: " + Role.yamlNames() + ")" + guess.en());
            }
        }
        boolean unread = role == Role.GROUP || role == Role.IGNORE;
        ItemType type = null;
        if (!m.containsKey("type")) {
            if (unread) {
                type = ItemType.TEXT;
            } else {
                c.problem("項目 '" + id + "' に必須のキー 'type' がありません",
                        "item '" + id + "' is missing required key 'type'");
            }
        } else {
            String t = m.get("type").text();
            type = t == null ? null : ItemType.fromYaml(t).orElse(null);
            if (t != null && type == null) {
                LocalizedText guess = DidYouMean.of(t,
                        Arrays.stream(ItemType.values()).map(ItemType::yamlName).toList());
                m.get("type").problem("type '" + t + "' はありません（次のいずれか：" + ItemType.yamlNames() + "）"
                        + guess.ja(), "unknown type '" + t + "' (one of: " + ItemType.yamlNames() + ")" + guess.en());
            }
        }
        Tier tier = Tier.OPTIONAL;
        if (m.containsKey("tier")) {
            String t = m.get("tier").text();
            if ("core".equals(t)) {
                tier = Tier.CORE;
            } else if (!"optional".equals(t)) {
                m.get("tier").problem("tier は 'core' か 'optional' でなければなりませんが、'" + t + "' です",
                        "tier is 'core' or 'optional', got '" + t + "'");
            }
        }
        if (type == null || role == null) {
            return null;
        }
        if (unread) {
            for (String key : UNREAD_ITEM_REFUSED_KEYS) {
                if (m.containsKey(key)) {
                    m.get(key).problem("role が " + role.yamlName() + " の項目では '" + key + "' は意味を持ちません"
                            + (role == Role.IGNORE ? "（その列は読まれません）" : "（事例をまとめるだけの項目です）"),
                            "'" + key + "' has no meaning on an item with role " + role.yamlName()
                            + (role == Role.IGNORE ? " (its column is never read)" : " (it only groups cases)"));
                }
            }
        }
        if (type == ItemType.TEXT && !(role == Role.REFERENCE_ID || unread)) {
            m.get("type").problem("type 'text' は role が reference_id、group、ignore のいずれかの項目にだけ使えます",
                    "type 'text' is only for items with role reference_id, group or ignore");
        } else if (unread && type != ItemType.TEXT) {
            m.get("type").problem("role が " + role.yamlName()
                    + " の項目の type は text でなければなりません（'type' は省いても構いません）",
                    "an item with role " + role.yamlName() + " has type text (or leave 'type' out)");
        }
        Double[] range = unread ? new Double[2] : ItemValues.range(m, type);
        ItemValues.Categories categories = unread ? ItemValues.Categories.NONE : ItemValues.categories(m, type);
        Applicability applicability = m.containsKey("applies_to") && !unread
                ? applicability(m.get("applies_to"), hasAgeItem) : Applicability.ALWAYS;
        LocalizedText label = m.containsKey("label") ? m.get("label").localized() : null;
        LocalizedText description = m.containsKey("description") ? m.get("description").localized() : null;
        Expression derived = m.containsKey("derived") && !unread ? expression(m.get("derived")) : null;
        Boolean sensitive = m.containsKey("sensitive") ? m.get("sensitive").bool() : Boolean.FALSE;
        String src = m.containsKey("source") ? m.get("source").text() : null;
        RedFlagRule redFlag = null;
        if (role == Role.RED_FLAG) {
            redFlag = redFlag(id, c, m.get("red_flag"), label == null ? LocalizedText.of(id) : label);
        } else if (m.containsKey("red_flag") && !unread) {
            m.get("red_flag").problem("'red_flag' は role が red_flag の項目にだけ書けます",
                    "'red_flag' belongs only on an item with role red_flag");
        }
        Value positive = null;
        if (role == Role.LABEL) {
            positive = ItemValues.positive(c, m.get("positive"), type, categories.codes());
        } else if (m.containsKey("positive") && !unread) {
            m.get("positive").problem("'positive' はラベルの項目にだけ書けます", "'positive' belongs only on the label item");
        }
        Boolean changeable = null;
        if (m.containsKey("changeable") && !unread) {
            changeable = m.get("changeable").bool();
            if (role != Role.INPUT) {
                m.get("changeable").problem("'changeable' はモデルの入力（role input）にだけ書けます",
                        "'changeable' belongs only on a model input (role input)");
                changeable = null;
            } else if (derived != null && Boolean.TRUE.equals(changeable)) {
                m.get("changeable").problem("算出される項目は直接変えられません。代わりに算出の元になる項目に 'changeable' を付けてください",
                        "a derived item cannot be changed directly; mark its sources instead");
                changeable = Boolean.FALSE;
            }
        }
        return new Item(id, src == null ? "" : src, type, range[0], range[1], categories.codes(),
                categories.labels(), applicability, tier, role, label == null ? LocalizedText.of(id) : label,
                description, derived, Boolean.TRUE.equals(sensitive), redFlag, positive, changeable);
    }

    private Applicability applicability(YamlCursor c, boolean hasAgeItem) {
        Map<String, YamlCursor> m = c.mapping(Set.of("ages", "when"));
        Integer minAge = null;
        Integer maxAge = null;
        if (m.containsKey("ages")) {
            if (!hasAgeItem) {
                m.get("ages").problem("'ages' を使うには、スキーマの 'age_item' を設定しなければなりません",
                        "'ages' needs the schema's 'age_item' to be set");
            }
            List<YamlCursor> ages = m.get("ages").sequence();
            if (ages.size() != 2) {
                m.get("ages").problem("ages は [最年少, 最年長]（両端を含む）でなければなりません",
                        "ages are [youngest, oldest], both inclusive");
            } else {
                minAge = ages.get(0).integer();
                maxAge = ages.get(1).integer();
                if (minAge != null && maxAge != null && minAge > maxAge) {
                    m.get("ages").problem("最年少の年齢 " + minAge + " が最年長の年齢 " + maxAge + " を上回っています",
                            "the youngest age " + minAge + " is above the oldest " + maxAge);
                }
            }
        }
        Expression when = m.containsKey("when") ? expression(m.get("when")) : null;
        if (minAge == null && maxAge == null && when == null) {
            c.problem("'applies_to' には 'ages' と 'when' の一方か両方が必要です", "'applies_to' needs 'ages' and/or 'when'");
        }
        return new Applicability(minAge, maxAge, when);
    }

    /**
     * A red flag's default rule, the item itself being yes; null (a problem) when its id cannot be read as an item
     * in an expression: a word of the expressions ({@code not}, {@code and}, {@code or}, or a constant such as
     * {@code yes}, which would make the rule always or never true).
     */
    private static Expression itself(String id, YamlCursor item) {
        String why;
        try {
            Expression rule = Expression.parse(id + " == yes");
            if (rule.references().contains(id)) {
                return rule;
            }
            why = "it is a word of the expressions";
        } catch (ExpressionException e) {
            why = e.getMessage();
        }
        item.problem("項目 '" + id + "' は式の中で項目として読めないため、'when' を書いてください（" + why + "）",
                "item '" + id + "' cannot be read as an item in an expression, so give it a 'when' (" + why + ")");
        return null;
    }

    private Expression expression(YamlCursor c) {
        String text = c.text();
        if (text == null) {
            return null;
        }
        try {
            return Expression.parse(text);
        } catch (ExpressionException e) {
            c.problem("式 '" + text + "' が正しくありません（" + e.getMessage() + "）",
                    "invalid expression '" + text + "': " + e.getMessage());
            return null;
        }
    }

    private RedFlagRule redFlag(String id, YamlCursor item, YamlCursor c, LocalizedText label) {
        if (c == null) {
            Expression when = itself(id, item);
            return when == null ? null : new RedFlagRule(id, when, label);
        }
        Map<String, YamlCursor> m = c.mapping(Set.of("when", "message"));
        Expression when = m.containsKey("when") ? expression(m.get("when")) : itself(id, item);
        LocalizedText message = m.containsKey("message") ? m.get("message").localized() : label;
        return when == null ? null : new RedFlagRule(id, when, message == null ? label : message);
    }
}
