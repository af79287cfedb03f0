package org.mimamori.api.cards;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mimamori.api.support.IntegrationTestBase;
import org.mimamori.api.support.TestBundles;
import org.mimamori.client.model.ModelInfo;

/**
 * A registered (not activated) bundle's model card over the API: both languages as self-contained pages under a
 * strict Content-Security-Policy, its plots as PNGs, problems for what does not exist, and roles.
 */
class ModelCardsIntegrationTest extends IntegrationTestBase {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private String version;

    @BeforeEach
    void register() {
        ModelInfo m = clients().models("demo-analyst").uploadModel(TestBundles.withCard().toFile());
        assertThat(m.getActive()).isFalse(); // a candidate: its card is served all the same
        version = m.getVersion();
    }

    private HttpResponse<byte[]> get(String path, String token) throws Exception {
        return get(path, token, null);
    }

    private HttpResponse<byte[]> get(String path, String token, String acceptLanguage) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (acceptLanguage != null) {
            b.header("Accept-Language", acceptLanguage);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void theCardIsOneSelfContainedPageInEitherLanguage() throws Exception {
        HttpResponse<byte[]> ja = get("/api/v1/models/" + version + "/card?purpose=supervision&lang=ja",
                "demo-supervisor");
        assertThat(ja.statusCode()).as(text(ja)).isEqualTo(200);
        assertThat(ja.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        String page = text(ja);
        assertThat(page).contains("<html lang=\"ja\">").contains("モデルカード")
                .contains("<img src=\"data:image/png;base64,").doesNotContain("src=\"plots/");
        String csp = ja.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(ja.headers().allValues("Content-Security-Policy")).hasSize(1);
        assertThat(csp).startsWith("default-src 'none';").contains("img-src data:;")
                .contains("frame-ancestors 'none'").doesNotContain("unsafe").doesNotContain("script-src");
        Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(page);
        assertThat(style.find()).isTrue();
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(style.group(1).getBytes(StandardCharsets.UTF_8)));
        assertThat(csp).contains("style-src 'sha256-" + hash + "';");

        HttpResponse<byte[]> en = get("/api/v1/models/" + version + "/card?purpose=audit&lang=en", "demo-auditor");
        assertThat(en.statusCode()).isEqualTo(200);
        assertThat(text(en)).contains("<html lang=\"en\">").contains("Model card")
                .contains("data:image/png;base64,").doesNotContain("モデルカード");
        assertThat(text(get("/api/v1/models/" + version + "/card?purpose=model_management", "demo-analyst",
                "ja-JP,ja;q=0.9"))).as("without lang: the reader's language").contains("<html lang=\"ja\">");
        assertThat(text(get("/api/v1/models/" + version + "/card?purpose=model_management", "demo-analyst")))
                .as("without lang or Accept-Language: English, as every answer").contains("<html lang=\"en\">");
        assertThat(text(get("/api/v1/models/" + version + "/card?purpose=model_management&lang=en", "demo-analyst",
                "ja"))).as("lang wins").contains("<html lang=\"en\">");
        assertThat(get("/api/v1/models/" + version + "/card?purpose=model_management", "demo-admin").statusCode())
                .isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'model.card' AND resource = ?",
                Long.class, "model/" + version + "/card")).isGreaterThanOrEqualTo(4);
    }

    @Test
    void thePlotsArePngsInTheCardsLanguage() throws Exception {
        for (String plot : new String[] {"roc.png", "calibration.png", "score-distribution.png", "item-weights.png"}) {
            HttpResponse<byte[]> en = get("/api/v1/models/" + version + "/card/" + plot + "?purpose=audit&lang=en",
                    "demo-auditor");
            HttpResponse<byte[]> ja = get("/api/v1/models/" + version + "/card/" + plot + "?purpose=audit&lang=ja",
                    "demo-auditor");
            assertThat(en.statusCode()).as(plot).isEqualTo(200);
            assertThat(en.headers().firstValue("Content-Type")).as(plot).hasValue("image/png");
            assertThat(en.body()).as(plot).startsWith(PNG);
            assertThat(ja.body()).as(plot).startsWith(PNG).isNotEqualTo(en.body());
        }
    }

    @Test
    void whatDoesNotExistIsAProblemAndACaseworkerIsRefused() throws Exception {
        HttpResponse<byte[]> unknown = get("/api/v1/models/no-such-version/card?purpose=supervision",
                "demo-supervisor");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(text(unknown)).contains("no-such-version");
        HttpResponse<byte[]> noPlot = get("/api/v1/models/" + version + "/card/nothing.png?purpose=supervision",
                "demo-supervisor");
        assertThat(noPlot.statusCode()).isEqualTo(404);
        assertThat(noPlot.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        HttpResponse<byte[]> badLang = get("/api/v1/models/" + version + "/card?purpose=supervision&lang=fr",
                "demo-supervisor");
        assertThat(badLang.statusCode()).isEqualTo(400);
        assertThat(text(badLang)).contains("lang");
        HttpResponse<byte[]> caseworker = get("/api/v1/models/" + version + "/card?purpose=case_review",
                "demo-caseworker");
        assertThat(caseworker.statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/models/" + version + "/card/roc.png?purpose=case_review", "demo-caseworker")
                .statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/models/" + version + "/card?purpose=supervision", null).statusCode()).isEqualTo(401);
    }
}
