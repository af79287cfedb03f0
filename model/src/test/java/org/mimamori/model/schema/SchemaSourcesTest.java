package org.mimamori.model.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** The schema's {@code sources}: the names of the departments and registers its items come from. */
class SchemaSourcesTest {

    private static String schema(String sources) {
        return """
                schema: depts
                version: 1
                target: x
                %s
                items:
                  - {id: absences, source: board_of_education, type: integer, range: [0, 100]}
                  - {id: nursery, source: childcare, type: yes_no}
                  - {id: moves, type: integer, range: [0, 10]}
                  - {id: y, source: staff, type: yes_no, role: label, positive: yes}
                """.formatted(sources);
    }

    @Test
    void labelsTheSourcesInBothLanguagesAndFallsBackToTheId() {
        FeatureSchema s = SchemaLoader.parse(schema("""
                sources:
                  childcare: {ja: 保育, en: Childcare}
                  board_of_education: 教育委員会
                """), "depts.yaml");
        assertThat(s.sourceLabel("childcare")).isEqualTo(new LocalizedText("保育", "Childcare"));
        assertThat(s.sourceLabel("childcare").in(Locale.JAPANESE)).isEqualTo("保育");
        // A plain text serves both languages, as an item's label does.
        assertThat(s.sourceLabel("board_of_education")).isEqualTo(LocalizedText.of("教育委員会"));
        // A source without a label is shown by its id.
        assertThat(s.sourceLabel("staff")).isEqualTo(LocalizedText.of("staff"));
        assertThat(s.sourceLabels()).containsOnlyKeys("childcare", "board_of_education");
    }

    @Test
    void aSchemaWithoutSourcesStillLoadsAndShowsIds() {
        FeatureSchema s = SchemaLoader.parse(schema(""), "old.yaml");
        assertThat(s.sourceLabels()).isEmpty();
        assertThat(s.sourceLabel("childcare").ja()).isEqualTo("childcare");
        assertThat(s.sourceLabel("childcare").en()).isEqualTo("childcare");
    }

    @Test
    void aLabelForASourceNoItemNamesIsAProblemThatSuggestsTheNearestSource() {
        assertThatThrownBy(() -> SchemaLoader.parse(schema("""
                sources:
                  childcare: {ja: 保育, en: Childcare}
                  chilcare: {ja: 保育, en: Childcare}
                """), "typo.yaml"))
                .isInstanceOfSatisfying(InvalidSchemaException.class, e -> {
                    assertThat(e.problems()).singleElement().satisfies(p -> {
                        assertThat(p.path()).isEqualTo("sources.chilcare");
                        assertThat(p.line()).isEqualTo(6);
                        assertThat(p.message()).contains("no item has source 'chilcare'")
                                .contains("board_of_education, childcare, staff").contains("'childcare'");
                        assertThat(p.text().ja()).contains("source が 'chilcare' の項目はありません（'childcare' の誤りですか？）")
                                .contains("board_of_education, childcare, staff");
                    });
                    BilingualProblems.assertBilingual(e);
                });
    }

    @Test
    void aBadShapeIsAProblemWhereItIs() {
        assertThatThrownBy(() -> SchemaLoader.parse(schema("sources: [childcare, staff]"), "list.yaml"))
                .isInstanceOfSatisfying(InvalidSchemaException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> {
                            assertThat(p.path()).isEqualTo("sources");
                            assertThat(p.message()).contains("expected a mapping");
                            BilingualProblems.assertBilingual(p);
                        }));
        assertThatThrownBy(() -> SchemaLoader.parse(schema("""
                sources:
                  childcare: [保育, Childcare]
                  staff:
                  board_of_education: {ja: 教育委員会, fr: Éducation}
                """), "shapes.yaml"))
                .isInstanceOfSatisfying(InvalidSchemaException.class, e -> {
                    assertThat(e.problems()).anySatisfy(p -> {
                        assertThat(p.path()).isEqualTo("sources.childcare");
                        assertThat(p.message()).contains("expected a mapping");
                    });
                    assertThat(e.problems()).anySatisfy(p -> {
                        assertThat(p.path()).isEqualTo("sources.staff");
                        assertThat(p.message()).contains("source 'staff' needs a label");
                    });
                    assertThat(e.problems()).anySatisfy(p -> {
                        assertThat(p.path()).isEqualTo("sources.board_of_education.fr");
                        assertThat(p.message()).contains("unknown key 'fr'");
                    });
                    BilingualProblems.assertBilingual(e);
                });
    }

    @Test
    void theDefaultSchemaNamesEverySourceItsItemsUseInJapaneseAndEnglish() {
        FeatureSchema s = SchemaLoader.loadDefault();
        Set<String> used = new TreeSet<>();
        s.items().forEach(i -> used.add(i.source()));
        assertThat(used).doesNotContain("");
        assertThat(s.sourceLabels().keySet()).containsExactlyInAnyOrderElementsOf(used);
        s.sourceLabels().forEach((id, label) -> {
            assertThat(label.ja()).as(id).isNotEqualTo(id).containsPattern("[ぁ-んァ-ヶ一-龯]");
            assertThat(label.en()).as(id).isNotEqualTo(id).doesNotContain("_");
        });
        assertThat(s.sourceLabel("childcare").ja()).isEqualTo("保育");
        assertThat(s.sourceLabel("resident_register").ja()).isEqualTo("住民基本台帳");
    }
}
