package org.mimamori.api.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.mimamori.api.support.IntegrationTestBase;

/**
 * With {@code Accept-Language: ja} every text for people in a score — labels, states, band meanings and review
 * meanings, moves, warnings, red flags, missing information, the notice — is Japanese: none is English-only.
 * Numbers and symbols alone (a bin such as {@code 3}) count as language-neutral.
 */
class JapaneseScoreIntegrationTest extends IntegrationTestBase {

    private static final Set<String> TEXT_FIELDS = Set.of("label", "state", "meaning", "message", "summary",
            "reviewLabel", "target", "decisionNotice", "from", "to", "bandMovesNote");
    private static final String BODY = """
            {"childRef": "C-2024-000123", "purpose": "case_review",
             "items": {"age_years": 9, "household_size": 3, "single_parent": true, "moves_last_3_years": 1,
                       "public_assistance": false, "child_rearing_allowance": true, "vaccinations_missed": 0,
                       "absence_days_term": 95, "school_expense_aid": true, "lunch_fee_arrears_months": 3,
                       "prior_consultations": 1, "prior_abuse_reports": 0, "prior_temporary_protection": false,
                       "infant_checkups_missed": 2, "dv_consultation": "unknown", "child_asked_for_help": true}}""";

    @Test
    void everyTextForPeopleIsJapanese() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/scores"))
                .header("Authorization", "Bearer demo-caseworker").header("Content-Type", "application/json")
                .header("Accept-Language", "ja").POST(HttpRequest.BodyPublishers.ofString(BODY)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode score = new ObjectMapper().readTree(r.body());
        List<String> texts = new ArrayList<>();
        collect(score, "", texts);
        assertThat(texts).hasSizeGreaterThan(40);
        // The case was made to raise warnings (a value outside training, a value for an item that does not
        // apply), a red flag and missing information, so that all of them are checked.
        assertThat(texts).anyMatch(t -> t.startsWith("warnings")).anyMatch(t -> t.startsWith("redFlags"))
                .anyMatch(t -> t.startsWith("missingInformation.items"));
        assertThat(texts).allSatisfy(t -> {
            String value = t.substring(t.indexOf('=') + 1);
            assertThat(isJapaneseOrNeutral(value)).as(t).isTrue();
        });
    }

    /** Contains a Japanese character, or no letter at all (numbers and symbols). */
    static boolean isJapaneseOrNeutral(String s) {
        boolean letters = false;
        for (int i = 0; i < s.length(); i++) {
            Character.UnicodeScript script = Character.UnicodeScript.of(s.codePointAt(i));
            if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA) {
                return true;
            }
            letters |= Character.isLetter(s.charAt(i));
        }
        return !letters;
    }

    private static void collect(JsonNode node, String path, List<String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                if (e.getValue().isTextual() && TEXT_FIELDS.contains(e.getKey())) {
                    out.add(p + "=" + e.getValue().asText());
                } else {
                    collect(e.getValue(), p, out);
                }
            }
        } else if (node.isArray()) {
            for (JsonNode n : node) {
                collect(n, path, out);
            }
        }
    }
}
