package org.mimamori.training.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mimamori.model.metrics.Disparity;
import org.mimamori.model.metrics.GroupResult;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.SchemaLoader;
import org.mimamori.model.value.Value;
import org.mimamori.training.pipeline.AdditiveCases;
import org.mimamori.training.pipeline.Hashes;
import org.mimamori.training.pipeline.Progress;
import org.mimamori.training.pipeline.TrainedModel;
import org.mimamori.training.pipeline.TrainingPipeline;
import org.mimamori.training.pipeline.TrainingReport;
import org.mimamori.training.pipeline.TrainingSettings;

class ModelCardTest {

    /** A label with markup in it, which both formats must show as text. */
    private static final String MARKUP_LABEL = "Days absent <b>this</b> term & *more*";
    private static final String INPUT_HASH = Hashes.sha256("cases for the model card test");

    private static FeatureSchema schema;
    private static TrainedModel model;
    private static Map<String, byte[]> files;
    private static String md;
    private static String html;

    @BeforeAll
    static void train() throws Exception {
        String yaml = SchemaLoader.loadDefault().yaml()
                .replace("en: Days absent this term}", "en: \"" + MARKUP_LABEL + "\"}");
        assertThat(yaml).contains(MARKUP_LABEL);
        schema = SchemaLoader.parse(yaml, "markup-test.yaml");
        Map<String, Object> lineage = new LinkedHashMap<>();
        lineage.put("input_file", "cases-test.csv");
        lineage.put("input_sha256", INPUT_HASH);
        lineage.put("schema_sha256", Hashes.sha256(yaml));
        lineage.put("columns_missing", List.of("household_size"));
        model = new TrainingPipeline(TrainingSettings.defaults().withBootstrap(4), Progress.SILENT)
                .train(schema, AdditiveCases.generate(schema, 4000, 11), lineage);
        files = ModelCard.files(model);
        md = text(ModelCard.MARKDOWN);
        html = text(ModelCard.HTML);
    }

    private static String text(String entry) {
        assertThat(files).containsKey(entry);
        return new String(files.get(entry), StandardCharsets.UTF_8);
    }

    @Test
    void everySectionHeadingIsInBothFormatsInOrder() {
        assertThat(CardSection.values()).hasSize(11);
        int mdAt = -1;
        int htmlAt = -1;
        for (CardSection s : CardSection.values()) {
            int nextMd = md.indexOf("\n## " + s.heading("en") + "\n");
            int nextHtml = html.indexOf("<h2 id=\"section-" + (s.ordinal() + 1) + "\">" + HtmlWriter.escape(s.heading("en"))
                    + "</h2>");
            assertThat(nextMd).as("markdown heading %s", s).isGreaterThan(mdAt);
            assertThat(nextHtml).as("html heading %s", s).isGreaterThan(htmlAt);
            mdAt = nextMd;
            htmlAt = nextHtml;
        }
        assertThat(CardSection.FAIRNESS.heading("en")).isEqualTo("7. Fairness by audit group");
        assertThat(CardSection.FAIRNESS.heading("ja")).isEqualTo("7. 監査グループ別の公平性");
        String ja = text(ModelCard.MARKDOWN_JA);
        for (CardSection s : CardSection.values()) {
            assertThat(ja).contains("\n## " + s.heading("ja") + "\n");
        }
    }

    @Test
    void holdoutAucAndInputHashAppearWithTheirValues() {
        TrainingReport r = model.report();
        String auc = String.format(Locale.ROOT, "| %.3f (95%% CI %.3f–%.3f) |", r.holdout().auc(),
                r.holdout().aucCi()[0], r.holdout().aucCi()[1]);
        assertThat(md).contains("| AUC (ROC) " + auc);
        assertThat(html).contains(String.format(Locale.ROOT, "<td>%.3f (95%% CI %.3f–%.3f)</td>",
                r.holdout().auc(), r.holdout().aucCi()[0], r.holdout().aucCi()[1]));
        assertThat(md).contains("| SHA-256 of the input file | input_sha256 | " + INPUT_HASH + " |");
        assertThat(html).contains("<td>input_sha256</td><td>" + INPUT_HASH + "</td>");
        assertThat(md).contains("holdout split " + r.holdoutCases()).contains("| household_size |");
        assertThat(md).contains(r.holdout().n() + " cases, " + r.holdout().positives() + " of them");
    }

    @Test
    void fairnessTablesHaveARowPerAuditGroupValue() {
        List<GroupResult> groups = model.report().fairness().groups();
        assertThat(groups).extracting(GroupResult::column).contains("single_parent", "public_assistance");
        String fairness = md.substring(md.indexOf(CardSection.FAIRNESS.heading("en")),
                md.indexOf(CardSection.SCREENING_VALUE.heading("en")));
        int flags = 0;
        for (GroupResult g : groups) {
            String value = FairnessSections.valueText(schema.item(g.column()).orElseThrow(), g.value(), "en");
            String rates = "| " + value + " | " + g.n() + " | " + Numbers.rate(g.baseRate()) + " | "
                    + Numbers.rate(g.selectionRate()) + " | " + Numbers.rate(g.tpr()) + " | ";
            assertThat(fairness).as("row of %s=%s", g.column(), g.value()).contains(rates);
            for (Map.Entry<String, Disparity> d : g.disparities().entrySet()) {
                if (d.getValue().flag()) {
                    flags++;
                    assertThat(fairness).contains("- " + g.column() + " = " + value + ": " + d.getKey() + " ratio "
                            + Numbers.fixed(d.getValue().ratio(), 2));
                }
            }
        }
        assertThat(groups).extracting(GroupResult::value).contains("0", "1", "(unknown)");
        assertThat(fairness).contains("| 0 (no) | ").contains("| 1 (yes) | ").contains("| (unknown) | ");
        assertThat(fairness.split(FairnessSections.FLAG, -1).length - 1).isGreaterThanOrEqualTo(flags);
        long compared = groups.stream().filter(g -> !g.value().equals("(unknown)")).map(GroupResult::column)
                .distinct().count();
        assertThat(fairness.split("\\| Value \\| selection_rate ratio \\|", -1).length - 1).isEqualTo((int) compared);
        assertThat(fairness).contains("No value of this item was recorded").contains("never model inputs");
    }

    @Test
    void saysItIsNotARiskScoreInBothLanguagesOneCardEach() {
        for (String card : List.of(md, html)) {
            assertThat(card).contains("Not a risk-of-harm or ").contains("risk of abuse")
                    .contains("humans always decide").doesNotContainPattern("[\\u3040-\\u30ff]");
        }
        for (String card : List.of(text(ModelCard.MARKDOWN_JA), text(ModelCard.HTML_JA))) {
            assertThat(card).contains("危害のリスクや「虐待のリスク」を示すスコアではありません").contains("判断するのは常に人です")
                    .doesNotContain("risk of abuse").doesNotContain("humans always decide");
        }
        assertThat(html).contains("<ul>\n<li>Not a risk-of-harm");
        assertThat(text(ModelCard.HTML_JA)).contains("<ul>\n<li>危害のリスク");
    }

    @Test
    void japanesePlotsShowJapaneseGlyphs() throws IOException {
        JapaneseGlyphs.assertTitleDrawn(files.get(CardPlots.in(CardPlots.SCORE_DISTRIBUTION, "ja")),
                "検証データでの較正後の確率（ラベル別）");
    }

    @Test
    void plotsDecodeToTheirSizeAndAreNotBlank() throws IOException {
        Map<String, Integer> heights = Map.of(CardPlots.ROC, Plot.HEIGHT, CardPlots.CALIBRATION, Plot.HEIGHT,
                CardPlots.SCORE_DISTRIBUTION, Plot.HEIGHT,
                CardPlots.ITEM_WEIGHTS, CardPlots.itemWeightsHeight(model.report().itemImportance().size()));
        Map<String, Integer> both = new java.util.LinkedHashMap<>(heights);
        heights.forEach((plot, height) -> both.put(CardPlots.in(plot, "ja"), height));
        Set<Integer> hashes = new HashSet<>();
        for (Map.Entry<String, Integer> plot : both.entrySet()) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(files.get(plot.getKey())));
            assertThat(image).as(plot.getKey()).isNotNull();
            assertThat(image.getWidth()).isEqualTo(Plot.WIDTH);
            assertThat(image.getHeight()).isEqualTo(plot.getValue());
            Set<Integer> colours = new HashSet<>();
            int inked = 0;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    int rgb = image.getRGB(x, y) & 0xffffff;
                    colours.add(rgb);
                    inked += rgb == 0xffffff ? 0 : 1;
                }
            }
            assertThat(image.getRGB(0, 0) & 0xffffff).as("white background").isEqualTo(0xffffff);
            assertThat(colours.size()).as("colours in %s", plot.getKey()).isGreaterThan(20);
            assertThat(inked).as("ink in %s", plot.getKey()).isGreaterThan(image.getWidth() * image.getHeight() / 50);
            assertThat(colours).as("data colour in %s", plot.getKey()).contains(Plot.BLUE.getRGB() & 0xffffff);
            hashes.add(Arrays.hashCode(files.get(plot.getKey())));
        }
        assertThat(hashes).hasSize(8);
        Matcher img = Pattern.compile("<img src=\"([^\"]+)\"").matcher(html);
        List<String> linked = new ArrayList<>();
        while (img.find()) {
            linked.add(img.group(1));
        }
        assertThat(linked).containsExactlyInAnyOrderElementsOf(heights.keySet());
        assertThat(md).contains("](" + CardPlots.ROC + ")");
        assertThat(text(ModelCard.MARKDOWN_JA)).contains("](plots/ja/roc.png)");
    }

    @Test
    void schemaLabelsWithMarkupAreEscaped() {
        assertThat(html).doesNotContain("<b>this</b>")
                .contains("Days absent &lt;b&gt;this&lt;/b&gt; term &amp; *more*");
        assertThat(md).doesNotContain("<b>this</b>")
                .contains("Days absent \\<b\\>this\\</b\\> term \\& \\*more\\*");
        assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"en\">").contains("<meta charset=\"utf-8\">");
    }

    @Test
    void theSameModelGivesTheSameBytesInAnyLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            Map<String, byte[]> again = ModelCard.files(model);
            assertThat(again.keySet()).containsExactlyElementsOf(files.keySet());
            files.forEach((name, bytes) -> assertThat(again.get(name)).as(name).isEqualTo(bytes));
        } finally {
            Locale.setDefault(before);
        }
        assertThat(md).doesNotContainPattern("\\d,\\d{3} \\(95% CI");
    }

    @Test
    void saysWhatWasNotMeasuredInsteadOfHidingIt() {
        TrainingReport r = model.report();
        TrainingReport without = new TrainingReport(r.schema(), r.trainingCases(), r.holdoutCases(), r.chosenCost(),
                r.crossValidationLogLoss(), r.calibration(), Double.NaN, r.holdout(), r.scoreHistogram(), null,
                r.fairnessThreshold(), null, new TrainingReport.Unmarked(0, 0), r.itemImportance(), r.lineage());
        TrainedModel m = new TrainedModel(model.scorecard(), model.tribuoModel(), model.calibrator(), model.ensemble(),
                model.reference(), model.settings().withCompare(false), without);
        String card = new String(ModelCard.files(m).get(ModelCard.MARKDOWN), StandardCharsets.UTF_8);
        assertThat(card).contains("price of interpretability was not measured")
                .contains("no fairness audit was run")
                .contains("No holdout case was flagged")
                .contains("| ECE before calibration | — |")
                .doesNotContain("| XGBoost");
        assertThat(md).contains("| XGBoost (").contains("Price of interpretability (XGBoost AUC minus scorecard AUC): "
                + Numbers.signed(r.priceOfInterpretability(), 3));
    }

    @Test
    void screeningValueAndItemWeightsComeFromTheReport() {
        TrainingReport.Unmarked u = model.report().unmarked();
        assertThat(u.flagged()).isPositive();
        assertThat(md).contains("Of the " + u.flagged() + " holdout cases flagged at a calibrated probability of at "
                + "least 0.300 (the lower bound of band high), " + u.notAlreadySupported() + " ("
                + Numbers.percent(u.share()) + ") were not already supported");
        var top = model.report().itemImportance().get(0);
        assertThat(md).contains("| 1 | " + MarkdownWriter.escape(top.item()) + " | ");
        var state = top.states().get(0);
        assertThat(md).contains("| " + MarkdownWriter.escape(state.state()) + " | " + Numbers.percent(state.share())
                + " | " + Numbers.signed(state.points(), 3) + " |");
        assertThat(md).contains("Baseline (the logit of the average training case): "
                + Numbers.fixed(model.scorecard().baseline(), 3));
        assertThat(md).contains("```text\n").contains("trainer");
        assertThat(md).contains("Never recorded in the training data, so the model learned nothing from them: ")
                .contains("household_size");
    }
}
