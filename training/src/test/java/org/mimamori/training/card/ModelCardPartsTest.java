package org.mimamori.training.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The building blocks of the card: number formatting, escaping, rendering and axis ticks. */
class ModelCardPartsTest {

    @Test
    void numbersUseADecimalPointAndShowUndefinedAsADash() {
        assertThat(Numbers.rate(0.12345)).isEqualTo("0.123");
        assertThat(Numbers.rate(Double.NaN)).isEqualTo("—");
        assertThat(Numbers.percent(Double.NaN)).isEqualTo("—");
        assertThat(Numbers.fixed(Double.POSITIVE_INFINITY, 2)).isEqualTo("∞");
        assertThat(Numbers.fixed(-0.0001, 3)).isEqualTo("0.000");
        assertThat(Numbers.signed(0.0123, 3)).isEqualTo("+0.012");
        assertThat(Numbers.signed(-0.0123, 3)).isEqualTo("-0.012");
        assertThat(Numbers.percent(0.125)).isEqualTo("12.5%");
        assertThat(Numbers.percentPlain(0.95)).isEqualTo("95%");
        assertThat(Numbers.plain(0.30000000000000004)).isEqualTo("0.3");
        assertThat(Numbers.plain(1.0)).isEqualTo("1");
    }

    @Test
    void markdownEscapesMarkupButKeepsIdentifiersReadable() {
        assertThat(MarkdownWriter.escape("a <b> & [c](d) | *e* `f`"))
                .isEqualTo("a \\<b\\> \\& \\[c\\](d) \\| \\*e\\* \\`f\\`");
        assertThat(MarkdownWriter.escape("need_confirmed_12m")).isEqualTo("need_confirmed_12m");
        assertThat(MarkdownWriter.escape("_emphasis_")).isEqualTo("\\_emphasis\\_");
        assertThat(MarkdownWriter.escapeBlock("# not a heading\n1. not a list\n- no\n1.5 days")).isEqualTo(
                "\\# not a heading\n1\\. not a list\n\\- no\n1.5 days");
    }

    @Test
    void bothWritersRenderTheSameBlocks() {
        CardDocument doc = new CardDocument("ja", null, "Title <x>")
                .section(CardSection.MODEL)
                .paragraph("日本語の段落")
                .bullets(List.of("one", "two"))
                .table(List.of("Name", "Value"), List.of(List.of("a|b", "0.5"), List.of("c", "—")))
                .image("plots/roc.png", "a \"curve\"")
                .preformatted("x = ```y```");
        String md = MarkdownWriter.write(doc);
        String html = HtmlWriter.write(doc);
        assertThat(md).startsWith("# Title \\<x\\>\n\n## 1. モデル\n\n日本語の段落\n\n- one\n- two\n\n")
                .contains("| Name | Value |\n| --- | ---: |\n| a\\|b | 0.5 |\n| c | — |\n")
                .contains("![a \"curve\"](plots/roc.png)")
                .contains("````text\nx = ```y```\n````\n");
        assertThat(html).contains("<title>Title &lt;x&gt;</title>")
                .startsWith("<!DOCTYPE html>\n<html lang=\"ja\">")
                .contains("<h2 id=\"section-1\">1. モデル</h2>")
                .contains("<p>日本語の段落</p>")
                .contains("<tr><td>a|b</td><td class=\"num\">0.5</td></tr>")
                .contains("<img src=\"plots/roc.png\" alt=\"a &quot;curve&quot;\">")
                .contains("<pre>x = ```y```</pre>");
    }

    @Test
    void tableRowsMustMatchTheHeader() {
        assertThatThrownBy(() -> new CardDocument("en", null, "t").table(List.of("a", "b"), List.of(List.of("only one"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ticksAreRoundAndCoverTheRange() {
        assertThat(Plot.ticks(0, 1)).containsExactly(0.0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0);
        assertThat(Plot.ticks(0, 0.6)).hasSize(7).first().isEqualTo(0.0);
        assertThat(Plot.niceCeiling(0.52)).isEqualTo(0.6000000000000001);
        assertThat(Plot.niceCeiling(0.662)).isEqualTo(0.8);
        assertThat(Plot.niceCeiling(0)).isEqualTo(1);
    }

    @Test
    void foldedJapaneseTemplateLinesJoinWithoutSpacesButEnglishKeepsThem() {
        assertThat(CardTemplate.joinJapanese("示します。 示される確率は 5% です")).isEqualTo("示します。示される確率は 5% です");
        assertThat(CardTemplate.joinJapanese("a b")).isEqualTo("a b");
    }
}
