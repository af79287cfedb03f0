package org.mimamori.training.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mimamori.model.data.CaseCsv;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.SchemaLoader;
import org.mimamori.training.cli.OtherDomainPipelineTest;
import org.mimamori.training.pipeline.Progress;
import org.mimamori.training.pipeline.TrainedModel;
import org.mimamori.training.pipeline.TrainingPipeline;
import org.mimamori.training.pipeline.TrainingSettings;

/** A card for a made-up schema of another domain says nothing of children; its domain sentences are its own. */
class DomainCardTest {

    /** Phrases of the child-welfare wording, in both languages; none may appear in another domain's card. */
    static final List<String> CHILD_WELFARE = List.of("child", "abuse", "confirmed need", "temporary protection",
            "caseworker", "municipalit", "families", "benefit", "school", "子ども", "虐待", "一時保護", "支援の必要",
            "自治体", "家庭", "ケースワーカー", "学校");

    @TempDir
    static Path dir;

    private static FeatureSchema schema;
    private static Path schemaFile;
    private static TrainedModel model;
    private static Map<String, byte[]> files;

    @BeforeAll
    static void train() throws Exception {
        schemaFile = dir.resolve("machine-repair.yaml");
        Files.copy(DomainCardTest.class.getResourceAsStream("/other-domain/machine-repair.yaml"), schemaFile);
        schema = SchemaLoader.load(schemaFile);
        Path data = dir.resolve("machines.csv");
        OtherDomainPipelineTest.writeMachines(data, 3000, 5);
        model = new TrainingPipeline(TrainingSettings.defaults().withBootstrap(3).withCompare(false), Progress.SILENT)
                .train(schema, CaseCsv.read(schema, data).cases(), new LinkedHashMap<>());
        files = ModelCard.files(model, CardTemplate.forSchema(schema, schemaFile));
    }

    private static String text(String entry) {
        assertThat(files).containsKey(entry);
        return new String(files.get(entry), StandardCharsets.UTF_8);
    }

    @Test
    void containsNoneOfTheChildWelfarePhrasesInEitherLanguage() {
        for (String entry : List.of(ModelCard.MARKDOWN, ModelCard.HTML, ModelCard.MARKDOWN_JA, ModelCard.HTML_JA)) {
            String card = text(entry).toLowerCase(Locale.ROOT);
            for (String phrase : CHILD_WELFARE) {
                assertThat(card).as("%s in %s", phrase, entry).doesNotContain(phrase);
            }
        }
        assertThat(text(ModelCard.MARKDOWN)).contains("The probability it gives is the share of similar machines that "
                + "needed repair within 30 days").contains("positive outcome (Needed repair within 30 days)");
        assertThat(text(ModelCard.MARKDOWN_JA)).contains("示される確率は「30日以内に修理が必要になった類似機械の割合」");
    }

    @Test
    void eachLanguageHasItsOwnCardNotInterleaved() {
        String en = text(ModelCard.MARKDOWN);
        String ja = text(ModelCard.MARKDOWN_JA);
        assertThat(en).doesNotContainPattern("[\\u3040-\\u30ff]").contains("## 7. Fairness by audit group");
        assertThat(ja).contains("## 7. 監査グループ別の公平性").doesNotContain("Fairness by audit group")
                .doesNotContain("The probability it gives").contains("](plots/ja/roc.png)");
        assertThat(text(ModelCard.HTML_JA)).startsWith("<!DOCTYPE html>\n<html lang=\"ja\">");
    }

    @Test
    void japanesePlotsShowJapaneseGlyphs() throws Exception {
        JapaneseGlyphs.assertTitleDrawn(files.get(CardPlots.in(CardPlots.SCORE_DISTRIBUTION, "ja")),
                "検証データでの較正後の確率（ラベル別）");
    }

    @Test
    void aTemplateBesideTheSchemaGivesTheDomainSentences() throws Exception {
        String template = new String(DomainCardTest.class.getResourceAsStream("/org/mimamori/training/card/"
                + CardTemplate.GENERIC).readAllBytes(), StandardCharsets.UTF_8)
                .replace("Decision support for trained staff.", "For the maintenance planners of the plant.")
                .replace("{en: negative outcome, ja: 陰性の結果}", "{en: no repair, ja: 修理不要}");
        Files.writeString(dir.resolve("machine-repair.card.yaml"), template);
        CardTemplate t = CardTemplate.forSchema(schema, schemaFile);
        assertThat(t.source()).isEqualTo("machine-repair.card.yaml");
        assertThat(t.negative().en()).isEqualTo("no repair");
        Map<String, byte[]> card = ModelCard.files(model, t);
        assertThat(new String(card.get(ModelCard.MARKDOWN), StandardCharsets.UTF_8))
                .contains("For the maintenance planners of the plant.");
        Files.delete(dir.resolve("machine-repair.card.yaml"));
    }
}
