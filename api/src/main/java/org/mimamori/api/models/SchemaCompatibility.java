package org.mimamori.api.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.Item;
import org.mimamori.model.schema.LocalizedText;

/**
 * How a model's schema differs from the active model's, item by item, in words for people: items added,
 * removed, retyped (another type, other categories) or given another role. Case software sends the active
 * model's items, so any of these needs an explicit acknowledgement at approval (docs/models.md).
 */
final class SchemaCompatibility {

    private SchemaCompatibility() {
    }

    /**
     * The differences of {@code candidate} from {@code active}, in the active schema's item order, then the
     * added items; empty when they are compatible.
     */
    static List<String> differences(FeatureSchema active, FeatureSchema candidate) {
        return described(active, candidate).stream().map(LocalizedText::en).toList();
    }

    /** The {@linkplain #differences differences}, in both languages. */
    static List<LocalizedText> described(FeatureSchema active, FeatureSchema candidate) {
        Map<String, Item> before = byId(active);
        Map<String, Item> after = byId(candidate);
        List<LocalizedText> out = new ArrayList<>();
        for (Item was : before.values()) {
            Item is = after.get(was.id());
            if (is == null) {
                out.add(new LocalizedText(nameJa(was) + "が削除されています：有効なモデルにはあり、このモデルにはありません",
                        name(was) + " is removed: the active model has it, this model does not"));
                continue;
            }
            if (was.type() != is.type()) {
                out.add(new LocalizedText(nameJa(was) + "の型が変わっています：有効なモデルでは " + was.type().yamlName()
                        + "、このモデルでは " + is.type().yamlName(), name(was) + " is retyped: "
                        + was.type().yamlName() + " in the active model, " + is.type().yamlName() + " in this model"));
            } else if (!was.categories().equals(is.categories())) {
                out.add(new LocalizedText(nameJa(was) + "のカテゴリーが異なります：有効なモデルでは " + was.categories()
                        + "、このモデルでは " + is.categories(), name(was) + " has other categories: "
                        + was.categories() + " in the active model, " + is.categories() + " in this model"));
            }
            if (was.role() != is.role()) {
                out.add(new LocalizedText(nameJa(was) + "の役割が異なります：有効なモデルでは " + role(was)
                        + "、このモデルでは " + role(is), name(was) + " has another role: " + role(was)
                        + " in the active model, " + role(is) + " in this model"));
            }
        }
        for (Item is : after.values()) {
            if (!before.containsKey(is.id())) {
                out.add(new LocalizedText(nameJa(is) + "が追加されています：このモデルにはあり、有効なモデルにはありません",
                        name(is) + " is added: this model has it, the active model does not"));
            }
        }
        return out;
    }

    private static Map<String, Item> byId(FeatureSchema schema) {
        return schema.items().stream().collect(Collectors.toMap(Item::id, Function.identity(), (a, b) -> a,
                java.util.LinkedHashMap::new));
    }

    private static String name(Item item) {
        return "item \"" + item.label(Locale.ENGLISH) + "\" (" + item.id() + ")";
    }

    private static String nameJa(Item item) {
        return "項目「" + item.label(Locale.JAPANESE) + "」（" + item.id() + "）";
    }

    private static String role(Item item) {
        return item.role() == null ? "none" : item.role().yamlName();
    }
}
