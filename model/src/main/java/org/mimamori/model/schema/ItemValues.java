package org.mimamori.model.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.mimamori.model.value.Value;

/** Reads what values an item may hold: its range, its categories (with their labels) and the label's positive value. */
final class ItemValues {

    private ItemValues() {
    }

    /**
     * The categories of an item: the codes in file order and the labels of those that have one.
     *
     * @param codes  the category codes
     * @param labels labels by code
     */
    record Categories(List<String> codes, Map<String, LocalizedText> labels) {
        static final Categories NONE = new Categories(List.of(), Map.of());
    }

    /** {@code [min, max]} of a numeric item; either may be {@code ~} (no bound). */
    static Double[] range(Map<String, YamlCursor> m, ItemType type) {
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
            r.problem("'range' は integer、number、ordinal、share の項目にだけ使えます",
                    "'range' applies only to integer, number, ordinal and share items");
            return new Double[] {min, max};
        }
        List<YamlCursor> bounds = r.sequence();
        if (bounds.size() != 2) {
            r.problem("range は [最小, 最大] でなければなりません（上限・下限を設けない側は ~ にできます）",
                    "a range is [min, max] (either may be ~ for no bound)");
            return new Double[] {min, max};
        }
        Double lo = bounds.get(0).isNull() ? null : bounds.get(0).number();
        Double hi = bounds.get(1).isNull() ? null : bounds.get(1).number();
        if (lo != null && hi != null && lo > hi) {
            r.problem("range の最小 " + lo + " が最大 " + hi + " を上回っています",
                    "the range's minimum " + lo + " is above its maximum " + hi);
        }
        if (type == ItemType.SHARE && (lo == null || hi == null || lo < 0 || hi > 1)) {
            r.problem("share の range は [0, 1] の範囲内でなければなりません", "a share lies within [0, 1]");
        }
        return new Double[] {lo, hi};
    }

    /**
     * The categories: each a plain code ({@code A11}) or {@code {code: A11, label: {ja: ..., en: ...}}}; no
     * blanks, duplicates, {@code unknown} or {@code not_applicable}.
     */
    static Categories categories(Map<String, YamlCursor> m, ItemType type) {
        if (!m.containsKey("categories")) {
            if (type == ItemType.CATEGORICAL) {
                m.get("id").problem("categorical の項目には 'categories' が必要です", "a categorical item needs 'categories'");
            }
            return Categories.NONE;
        }
        YamlCursor c = m.get("categories");
        if (type != ItemType.CATEGORICAL) {
            c.problem("'categories' は categorical の項目にだけ使えます", "'categories' applies only to categorical items");
            return Categories.NONE;
        }
        List<String> codes = new ArrayList<>();
        Map<String, LocalizedText> labels = new LinkedHashMap<>();
        for (YamlCursor e : c.sequence()) {
            YamlCursor at = e;
            LocalizedText label = null;
            if (e.isMapping()) {
                Map<String, YamlCursor> entry = e.mapping(Set.of("code", "label"));
                if (!entry.containsKey("code")) {
                    e.problem("表示名付きのカテゴリーは {code: ..., label: ...} の形です。'code' がありません",
                            "a labelled category is {code: ..., label: ...}; 'code' is missing");
                    continue;
                }
                at = entry.get("code");
                label = entry.containsKey("label") ? entry.get("label").localized() : null;
            }
            String v = at.text();
            if (v == null) {
                continue;
            }
            if (v.isBlank() || codes.contains(v)) {
                if (v.isBlank()) {
                    at.problem("カテゴリーを空にはできません", "a category cannot be blank");
                } else {
                    at.problem("カテゴリー '" + v + "' が二度挙げられています", "category '" + v + "' is listed twice");
                }
            } else if (v.equals("unknown") || v.equals("not_applicable")) {
                at.problem("'" + v + "' は値がないこと（不明・該当なし）を表すための予約語なので、カテゴリーには使えません",
                        "'" + v + "' is reserved for missing values; it cannot be a category");
            } else {
                codes.add(v);
                if (label != null) {
                    labels.put(v, label);
                }
            }
        }
        if (codes.isEmpty()) {
            c.problem("categorical の項目にはカテゴリーが 1 つ以上必要です", "a categorical item needs at least one category");
        }
        return new Categories(codes, labels);
    }

    /** The positive value of the label item. */
    static Value positive(YamlCursor item, YamlCursor c, ItemType type, List<String> categories) {
        if (c == null) {
            item.problem("ラベルの項目には 'positive'（支援の必要が確認されたことを表す値）が必要です",
                    "the label item needs 'positive': the value that means a confirmed need");
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
                    c.problem("yes_no のラベルの positive は yes か no でなければなりませんが、'" + t + "' です",
                            "the positive value of a yes_no label is yes or no, got '" + t + "'");
                    return null;
            }
        }
        if (type == ItemType.CATEGORICAL) {
            if (!categories.contains(t)) {
                c.problem("positive の値 '" + t + "' はラベルのカテゴリー " + categories + " のいずれでもありません",
                        "the positive value '" + t + "' is not one of the label's categories " + categories);
                return null;
            }
            return Value.category(t);
        }
        c.problem("ラベルの項目は yes_no か categorical でなければなりません", "the label item must be yes_no or categorical");
        return null;
    }
}
