package org.mimamori.training.card;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.mimamori.training.pipeline.TrainedModel;

/**
 * The model card of a trained model: how supervisors and auditors read what a model is and is not. It is
 * written as {@value #MARKDOWN} and {@value #HTML} with the same content (eleven {@link CardSection sections})
 * and four PNG plots under {@code plots/}, all stored in the model's bundle.
 */
public final class ModelCard {

    /** The Markdown card's bundle entry. */
    public static final String MARKDOWN = "model-card.md";
    /** The HTML card's bundle entry. */
    public static final String HTML = "model-card.html";

    private ModelCard() {
    }

    /**
     * The card's files by bundle entry name: the Markdown and HTML cards, then the plots. The same model always
     * gives the same bytes.
     */
    public static Map<String, byte[]> files(TrainedModel model) {
        CardDocument card = document(model);
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put(MARKDOWN, MarkdownWriter.write(card).getBytes(StandardCharsets.UTF_8));
        out.put(HTML, HtmlWriter.write(card).getBytes(StandardCharsets.UTF_8));
        out.putAll(CardPlots.draw(model.report(), model.settings().bands().thresholds()));
        return Collections.unmodifiableMap(out);
    }

    /** The card's content, before it is written in a format. */
    static CardDocument document(TrainedModel model) {
        String schema = model.scorecard().encoder().schema().id();
        CardDocument card = new CardDocument("Model card: " + schema + " / モデルカード");
        card.paragraph("What this model is and is not, how well it did on cases it never saw, how it treats audit "
                + "groups and what it cannot see. The probability it gives is the share of similar past cases in "
                + "which staff confirmed a need for support: never a risk of abuse, never a verdict. A person always "
                + "decides.");
        card.paragraph("ja", "このモデルが何であり、何でないかを示します。示される確率は、似た過去の事例のうち職員が支援の"
                + "必要を確認した割合であり、虐待のリスクでも判定でもありません。判断するのは常に人です。");
        AboutSections.add(card, model);
        PerformanceSections.add(card, model);
        FairnessSections.add(card, model);
        WeightsSection.add(card, model);
        CaveatSections.add(card, model);
        return card;
    }
}
