package org.mimamori.training.card;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.LocalizedText;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Every sentence of the model card that depends on the domain, in Japanese and English: the outcome names, what
 * the model is for and must not be used for, the label's bias, what a band means, what the model cannot see.
 * Read from {@code S.card.yaml} beside a schema file {@code S.yaml}; for a built-in schema from the resource
 * beside it ({@code child-support-v1.card.yaml}); else the domain-neutral {@value #GENERIC}, which builds its
 * sentences from the schema's target and label. Placeholders {@code {target}}, {@code {label}},
 * {@code {positive}} and {@code {negative}} are filled from the schema and the outcome names. Immutable.
 *
 * @param source               where it was read from, for people
 * @param positive             the name of the positive outcome, e.g. "confirmed need"
 * @param negative             the name of the negative outcome
 * @param summary              the card's opening paragraph
 * @param intendedUse          what the model is for
 * @param outOfScope           what it must not be used for
 * @param labelNote            how the label is biased
 * @param bandMeaning          a band's meaning, with {@code {band}} and {@code {range}}
 * @param notApplicableExample an example of a not-applicable item
 * @param cannotSee            what the model cannot see
 * @param screeningNote        what the flagged cases not already supported are
 * @param limitations          further limitations of the domain
 */
public record CardTemplate(String source, LocalizedText positive, LocalizedText negative, LocalizedText summary,
                           LocalizedText intendedUse, List<LocalizedText> outOfScope, LocalizedText labelNote,
                           LocalizedText bandMeaning, LocalizedText notApplicableExample, LocalizedText cannotSee,
                           LocalizedText screeningNote, List<LocalizedText> limitations) {

    /** The resource of the domain-neutral template. */
    public static final String GENERIC = "generic.card.yaml";
    /** Where built-in schemas and their templates are. */
    static final String SCHEMA_RESOURCES = "/org/mimamori/model/schema/";

    private static final Set<String> KEYS = Set.of("positive", "negative", "summary", "intended_use", "out_of_scope",
            "label_note", "band_meaning", "not_applicable_example", "cannot_see", "screening_note", "limitations");

    /** Checks and copies. */
    public CardTemplate {
        outOfScope = List.copyOf(outOfScope);
        limitations = List.copyOf(limitations);
    }

    /**
     * The template of a schema.
     *
     * @param schema     the schema
     * @param schemaFile the file it was read from, or null for a built-in schema
     */
    public static CardTemplate forSchema(FeatureSchema schema, Path schemaFile) {
        if (schemaFile != null) {
            String name = schemaFile.getFileName().toString().replaceFirst("\\.ya?ml$", "");
            Path beside = schemaFile.resolveSibling(name + ".card.yaml");
            if (Files.isRegularFile(beside)) {
                try (InputStream in = Files.newInputStream(beside)) {
                    return parse(in, beside.getFileName().toString()).filled(schema);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the card template " + beside, e);
                }
            }
            return generic().filled(schema);
        }
        String builtIn = SCHEMA_RESOURCES + schema.id() + ".card.yaml";
        try (InputStream in = CardTemplate.class.getResourceAsStream(builtIn)) {
            if (in != null) {
                return parse(in, schema.id() + ".card.yaml").filled(schema);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the card template " + builtIn, e);
        }
        return generic().filled(schema);
    }

    private static CardTemplate generic() {
        try (InputStream in = CardTemplate.class.getResourceAsStream(GENERIC)) {
            return parse(in, GENERIC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the card template " + GENERIC, e);
        }
    }

    /** Parses a template (every key required); placeholders are kept. */
    static CardTemplate parse(InputStream in, String source) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        if (!(root instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(source + ": a card template is a map of keys (" + KEYS + ")");
        }
        for (Object key : map.keySet()) {
            if (!KEYS.contains(String.valueOf(key))) {
                throw new IllegalArgumentException(source + ": unknown key '" + key + "' (one of: " + KEYS + ")");
            }
        }
        for (String key : KEYS) {
            if (!map.containsKey(key)) {
                throw new IllegalArgumentException(source + ": missing key '" + key + "'");
            }
        }
        return new CardTemplate(source, text(map, "positive", source), text(map, "negative", source),
                text(map, "summary", source), text(map, "intended_use", source), texts(map, "out_of_scope", source),
                text(map, "label_note", source), text(map, "band_meaning", source),
                text(map, "not_applicable_example", source), text(map, "cannot_see", source),
                text(map, "screening_note", source), texts(map, "limitations", source));
    }

    private static LocalizedText text(Map<?, ?> map, String key, String source) {
        return localized(map.get(key), source + ": " + key);
    }

    private static LocalizedText localized(Object v, String where) {
        if (v instanceof String s) {
            return LocalizedText.of(s.strip());
        }
        if (v instanceof Map<?, ?> m && !m.isEmpty() && Set.of("ja", "en").containsAll(m.keySet())) {
            Object ja = m.get("ja");
            Object en = m.get("en");
            return new LocalizedText(ja == null ? null : joinJapanese(String.valueOf(ja).strip()),
                    en == null ? null : String.valueOf(en).strip());
        }
        throw new IllegalArgumentException(where + ": a text or {ja: ..., en: ...}");
    }

    /**
     * Japanese text without the spaces YAML's folded lines put between two Japanese characters (Japanese has no
     * spaces between words, so a long text can be folded over lines like English).
     */
    static String joinJapanese(String text) {
        return JAPANESE_FOLD.matcher(text).replaceAll("");
    }

    private static final java.util.regex.Pattern JAPANESE_FOLD = java.util.regex.Pattern.compile(
            "(?<=[\\u3000-\\u30ff\\u4e00-\\u9fff\\uff00-\\uffef])\\s+(?=[\\u3000-\\u30ff\\u4e00-\\u9fff\\uff00-\\uffef])");

    private static List<LocalizedText> texts(Map<?, ?> map, String key, String source) {
        if (!(map.get(key) instanceof List<?> list)) {
            throw new IllegalArgumentException(source + ": " + key + ": a list of texts");
        }
        List<LocalizedText> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(localized(list.get(i), source + ": " + key + "[" + i + "]"));
        }
        return out;
    }

    /** The same template with {@code {target}}, {@code {label}}, {@code {positive}}, {@code {negative}} filled. */
    CardTemplate filled(FeatureSchema schema) {
        LocalizedText target = schema.target();
        LocalizedText label = schema.labelItem().label();
        LocalizedText pos = fill(positive, target, label, null, null);
        LocalizedText neg = fill(negative, target, label, pos, null);
        return new CardTemplate(source, pos, neg, fill(summary, target, label, pos, neg),
                fill(intendedUse, target, label, pos, neg),
                outOfScope.stream().map(t -> fill(t, target, label, pos, neg)).toList(),
                fill(labelNote, target, label, pos, neg), fill(bandMeaning, target, label, pos, neg),
                fill(notApplicableExample, target, label, pos, neg), fill(cannotSee, target, label, pos, neg),
                fill(screeningNote, target, label, pos, neg),
                limitations.stream().map(t -> fill(t, target, label, pos, neg)).toList());
    }

    private static LocalizedText fill(LocalizedText t, LocalizedText target, LocalizedText label, LocalizedText pos,
                                      LocalizedText neg) {
        return new LocalizedText(fill(t.ja(), target.ja(), label.ja(), pos == null ? null : pos.ja(),
                neg == null ? null : neg.ja()),
                fill(t.en(), lowerFirst(target.en()), label.en(), pos == null ? null : pos.en(),
                        neg == null ? null : neg.en()));
    }

    private static String fill(String text, String target, String label, String pos, String neg) {
        String out = text.replace("{target}", target).replace("{label}", label);
        out = pos == null ? out : out.replace("{positive}", pos);
        return neg == null ? out : out.replace("{negative}", neg);
    }

    /** A band's meaning: {@code band_meaning} with the band's id and its range in words. */
    String bandMeaning(String lang, String band, String range) {
        return pick(bandMeaning, lang).replace("{band}", band).replace("{range}", range);
    }

    /** A text in the card's language ({@code en} or {@code ja}). */
    static String pick(LocalizedText t, String lang) {
        return "ja".equals(lang) ? t.ja() : t.en();
    }

    static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
