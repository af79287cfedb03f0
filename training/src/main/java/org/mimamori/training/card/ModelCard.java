package org.mimamori.training.card;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mimamori.training.pipeline.TrainedModel;

/**
 * The model card of a trained model: how supervisors and auditors read what a model is and is not. One card per
 * language, each complete on its own: English as {@value #MARKDOWN} and {@value #HTML} with its plots under
 * {@code plots/}, Japanese as {@value #MARKDOWN_JA} and {@value #HTML_JA} with its plots under {@code plots/ja/}
 * (eleven {@link CardSection sections} each), all stored in the model's bundle. Every sentence that depends on the
 * domain comes from the schema or its {@link CardTemplate}; plots are drawn with the font the tool ships.
 */
public final class ModelCard {

    /** The English Markdown card's bundle entry. */
    public static final String MARKDOWN = "model-card.md";
    /** The English HTML card's bundle entry. */
    public static final String HTML = "model-card.html";
    /** The Japanese Markdown card's bundle entry. */
    public static final String MARKDOWN_JA = "model-card.ja.md";
    /** The Japanese HTML card's bundle entry. */
    public static final String HTML_JA = "model-card.ja.html";
    /** The card languages, in the order their files are written. */
    public static final List<String> LANGUAGES = List.of("en", "ja");

    private ModelCard() {
    }

    /** The card's files with the template of the model's schema when it is built in, else the generic one. */
    public static Map<String, byte[]> files(TrainedModel model) {
        return files(model, CardTemplate.forSchema(model.scorecard().encoder().schema(), null));
    }

    /**
     * The card's files by bundle entry name: the English cards and plots, then the Japanese ones. The same model
     * and template always give the same bytes, on any machine.
     */
    public static Map<String, byte[]> files(TrainedModel model, CardTemplate template) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (String lang : LANGUAGES) {
            CardDocument card = document(model, template, lang);
            out.put(lang.equals("en") ? MARKDOWN : MARKDOWN_JA, MarkdownWriter.write(card).getBytes(StandardCharsets.UTF_8));
            out.put(lang.equals("en") ? HTML : HTML_JA, HtmlWriter.write(card).getBytes(StandardCharsets.UTF_8));
            out.putAll(CardPlots.draw(model.report(), model.settings().bands().thresholds(), template, lang));
        }
        return Collections.unmodifiableMap(out);
    }

    /** The card's content in a language, before it is written in a format. */
    static CardDocument document(TrainedModel model, CardTemplate template, String lang) {
        String schema = model.scorecard().encoder().schema().id();
        CardDocument card = new CardDocument(lang, template, lang.equals("ja") ? "モデルカード：" + schema
                : "Model card: " + schema);
        card.paragraph(card.t(template.summary()));
        AboutSections.add(card, model);
        PerformanceSections.add(card, model);
        FairnessSections.add(card, model);
        WeightsSection.add(card, model);
        CaveatSections.add(card, model);
        return card;
    }
}
