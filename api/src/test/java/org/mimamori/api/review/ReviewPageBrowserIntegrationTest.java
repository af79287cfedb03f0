package org.mimamori.api.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.mimamori.api.support.Cases;
import org.mimamori.api.support.Cohorts;
import org.mimamori.api.support.DataDirs;
import org.mimamori.api.support.IntegrationTestBase;
import org.mimamori.api.support.Screenings;
import org.mimamori.api.support.TestBundles;
import org.mimamori.client.model.Contribution;
import org.mimamori.client.model.DecisionKind;
import org.mimamori.client.model.DecisionRequest;
import org.mimamori.client.model.OutcomeRequest;
import org.mimamori.client.model.PriorAssessment;
import org.mimamori.client.model.Score;
import org.mimamori.client.model.SupportType;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The review page in Debian's real headless Chromium: a supervisor opens {@code /review}, enters the demo token
 * in the password field and sees a score's explanation and the reason of a decision against its band. The token
 * never reaches the address, the history or web storage; the page is served with a strict Content-Security-Policy
 * under which it runs without a single violation. Needs the packages {@code chromium} and {@code chromium-driver};
 * fails (never skips) without them.
 */
class ReviewPageBrowserIntegrationTest extends IntegrationTestBase {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @Test
    void aSupervisorSeesTheExplanationAndTheOverridesReason() throws Exception {
        assertThat(Files.isExecutable(CHROMIUM)).as("%s is missing: apt-get install -y chromium chromium-driver",
                CHROMIUM).isTrue();
        assertThat(Files.isExecutable(CHROMEDRIVER)).as("%s is missing: apt-get install -y chromium-driver",
                CHROMEDRIVER).isTrue();

        Score high = clients().scores("demo-caseworker").createScore(Cases.high("C-B-0001"), "en");
        String reason = "Family moved to grandparents <b>not bold</b>; school sees a stable term.";
        clients().decisions("demo-caseworker").createDecision(high.getId(),
                new DecisionRequest().decision(DecisionKind.NO_ACTION).reason(reason));
        Contribution top = high.getContributions().stream()
                .max(Comparator.comparingDouble(c -> Math.abs(c.getContribution()))).orElseThrow();

        WebDriver browser = chromium();
        try {
            browser.get("http://127.0.0.1:" + port + "/review?lang=en");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            wait.until(ExpectedConditions.textToBe(By.id("status"),
                    "Enter a bearer token (e.g. demo-supervisor in the local profile)."));
            logIn(browser, SUPERVISOR);
            WebElement card = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("[data-score-id='" + high.getId() + "']")));
            assertThat(card.getText()).contains(top.getLabel()).contains(reason).contains("against the band")
                    .contains(high.getBand().getMeaning()).contains("Own assessment before the score: low");
            assertThat(card.findElements(By.tagName("b"))).as("data is text, never markup").isEmpty();
            wait.until(ExpectedConditions.textToBe(By.id("status"), "Loaded."));
            assertTokenNowhere(browser, SUPERVISOR);
            assertNoCspViolations(browser);

            browser.get("http://127.0.0.1:" + port + "/review?lang=ja");
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "スーパーバイザー確認"));
            wait.until(ExpectedConditions.textToBe(By.id("status"),
                    "トークンを入力してください（ローカルでは demo-supervisor）。"));
            logIn(browser, SUPERVISOR);
            wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("[data-score-id='" + high.getId() + "']")));
            assertTokenNowhere(browser, SUPERVISOR);
            assertNoCspViolations(browser);
        } finally {
            browser.quit();
        }
    }

    @Test
    void aTokenInTheAddressIsNeverUsedAndRemovedAtOnce() throws Exception {
        assertThat(Files.isExecutable(CHROMIUM)).as("%s is missing", CHROMIUM).isTrue();
        WebDriver browser = chromium();
        try {
            browser.get("http://127.0.0.1:" + port + "/review?token=" + SUPERVISOR + "&lang=en");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            wait.until(ExpectedConditions.textToBe(By.id("status"),
                    "A token in the address is never used; it was removed. Enter it in the field."));
            assertThat(browser.getCurrentUrl()).doesNotContain("token").endsWith("/review?lang=en");
            assertThat(browser.findElements(By.cssSelector("[data-score-id]"))).as("nothing was loaded").isEmpty();
            assertThat(resourcesFetched(browser)).noneMatch(u -> u.contains("/api/"));
            assertThat(storage(browser)).doesNotContain(SUPERVISOR);
            assertNoCspViolations(browser);
        } finally {
            browser.quit();
        }
    }

    @Test
    void thePagesAreServedWithAStrictContentSecurityPolicy() {
        String csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";
        for (String path : List.of("/review", "/review/", "/review/index.html", "/review/review.js",
                "/review/review.css", "/disclosure/")) {
            HttpResponse<String> r = http().get(path, null);
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(path).hasValue(csp);
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
            if (path.startsWith("/review")) {
                assertThat(r.statusCode()).as(path).isEqualTo(200);
            }
        }
        HttpResponse<String> page = http().get("/review", null);
        assertThat(page.body()).as("no inline script, style or event handler")
                .doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
                .doesNotContain("<style", " style=", "javascript:").doesNotContainPattern("\\son[a-z]+\\s*=");
        assertThat(http().get("/review/review.js", null).headers().firstValue("Content-Type").orElseThrow())
                .contains("javascript");
        HttpResponse<String> api = http().get("/api/v1/models", SUPERVISOR);
        assertThat(api.headers().allValues("Cache-Control")).containsExactly("no-store");
        assertThat(api.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void theCspCheckSeesAViolation() throws Exception {
        WebDriver browser = chromium();
        try {
            browser.get("http://127.0.0.1:" + port + "/review?lang=en");
            new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.presenceOfElementLocated(
                    By.id("token")));
            ((JavascriptExecutor) browser).executeScript(
                    "var s = document.createElement('script'); s.textContent = 'window.inlineRan = true;';"
                    + "document.body.appendChild(s);");
            assertThat(((JavascriptExecutor) browser).executeScript("return window.inlineRan === true;"))
                    .as("the policy blocks inline scripts").isEqualTo(false);
            assertThat(cspViolations(browser)).as("a blocked inline script is seen in the console").isNotEmpty();
        } finally {
            browser.quit();
        }
    }

    private static final String SUPERVISOR = "demo-supervisor";

    /**
     * Enters a token in the password field and presses Enter, as a person would; the tab's history length
     * before is kept for {@link #assertTokenNowhere}.
     */
    private void logIn(WebDriver browser, String token) {
        historyBefore = history(browser);
        WebElement field = browser.findElement(By.id("token"));
        assertThat(field.getDomAttribute("type")).isEqualTo("password");
        field.clear();
        field.sendKeys(token, Keys.ENTER);
    }

    private long historyBefore;

    private static long history(WebDriver browser) {
        return (Long) ((JavascriptExecutor) browser).executeScript("return window.history.length;");
    }

    /** The token is in no address the tab visited or fetched, not in its history and not in web storage. */
    private void assertTokenNowhere(WebDriver browser, String token) {
        assertThat(browser.getCurrentUrl()).doesNotContain(token).doesNotContain("token=");
        assertThat(history(browser)).as("logging in adds no history entry").isEqualTo(historyBefore);
        assertThat(resourcesFetched(browser)).isNotEmpty().noneMatch(u -> u.contains(token));
        assertThat(storage(browser)).doesNotContain(token);
        assertThat(browser.findElement(By.id("token")).getDomProperty("value")).as("the field is emptied").isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<String> resourcesFetched(WebDriver browser) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))"
                + ".map(function (e) { return e.name; });");
    }

    private static String storage(WebDriver browser) {
        return String.valueOf(((JavascriptExecutor) browser).executeScript(
                "return JSON.stringify(Object.assign({}, sessionStorage)) + JSON.stringify(Object.assign({}, "
                + "localStorage)) + document.cookie;"));
    }

    private static void assertNoCspViolations(WebDriver browser) {
        assertThat(cspViolations(browser)).as("Content-Security-Policy violations in the console").isEmpty();
    }

    /** Console messages about the Content-Security-Policy since the last call. */
    private static List<String> cspViolations(WebDriver browser) {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
                .toList();
    }

    /** Ids of purposes, levels, decisions, support types, statuses and bands, as whole words. */
    private static final Pattern RAW_IDS = Pattern.compile("(?<![A-Za-z_])(screening|case_review|case_conference|"
            + "follow_up|none|low|moderate|high|very_low|very_high|outreach|assessment|monitor|no_action|poverty|"
            + "neglect|abuse|young_carer|school_refusal|to_review|reviewed_outreach|reviewed_no_action|no_decision|"
            + "sign_off_pending|sign_off_rejected|not_needed|pending|signed|rejected)(?![A-Za-z_])");

    @Test
    void theJapaneseViewShowsPurposesLevelsDecisionsAndSupportTypesInJapaneseNeverAsIds() throws Exception {
        Score score = clients().scores("demo-caseworker").createScore(Cases.high("C-B-0002")
                .priorAssessment(new PriorAssessment().level(PriorAssessment.LevelEnum.MODERATE)), "ja");
        clients().decisions("demo-caseworker").createDecision(score.getId(),
                new DecisionRequest().decision(DecisionKind.OUTREACH));
        clients().decisions("demo-caseworker").recordOutcome(score.getId(), new OutcomeRequest().needConfirmed(true)
                .supportTypes(List.of(SupportType.POVERTY, SupportType.YOUNG_CARER))
                .confirmedOn(LocalDate.of(2026, 2, 1)));
        UUID screening = clients().screenings("demo-supervisor").createScreening(Cohorts.cohort(20, 4).toFile(), "ja")
                .getId();
        Screenings.await(clients().screenings("demo-supervisor"), screening);

        WebDriver browser = chromium();
        try {
            browser.get("http://127.0.0.1:" + port + "/review?lang=ja&screening=" + screening);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            logIn(browser, SUPERVISOR);
            wait.until(ExpectedConditions.textToBe(By.id("status"), "読み込みました。"));
            String card = browser.findElement(By.cssSelector("[data-score-id='" + score.getId() + "']")).getText();
            assertThat(card).contains("ケース検討").contains("中程度").contains("アウトリーチ").contains("貧困")
                    .contains("ヤングケアラー").contains("本人の見立て・モデル・判断")
                    .contains(score.getBand().getMeaning());
            String list = browser.findElement(By.id("screening")).getText();
            assertThat(list).contains("未確認");
            // The drift panel (drift.js): this screening's figures, in Japanese; 20 scores are too few to warn.
            assertThat(browser.findElement(By.cssSelector("#drift-section h2")).getText())
                    .isEqualTo("ドリフトとデータ品質");
            String drift = browser.findElement(By.id("drift")).getText();
            assertThat(drift).contains("このスクリーニング: 20 件").contains("200 件以上が必要")
                    .contains("部署ごとの不明の割合").contains("学習時の範囲外").contains("不明の割合（学習時）")
                    .doesNotContain("drift.")
                    // departments by their names (the schema's sources labels), never by their ids
                    .contains("保育").contains("教育委員会").doesNotContain("childcare")
                    .doesNotContain("board_of_education");
            for (String text : List.of(card, list, browser.findElement(By.id("agreement-band")).getText())) {
                Matcher raw = RAW_IDS.matcher(text);
                assertThat(raw.find()).as("a raw id (%s) in: %s", raw.find(0) ? raw.group() : "", text).isFalse();
            }

            browser.get("http://127.0.0.1:" + port + "/review?lang=en&screening=" + screening);
            logIn(browser, SUPERVISOR);
            wait.until(ExpectedConditions.textToBe(By.id("status"), "Loaded."));
            assertNoCspViolations(browser);
            String en = browser.findElement(By.cssSelector("[data-score-id='" + score.getId() + "']")).getText();
            assertThat(en).contains("case review").contains("moderate").contains("poverty").contains("young carer");
            assertThat(browser.findElement(By.id("screening")).getText()).contains("to review");
        } finally {
            browser.quit();
        }
    }

    @Test
    void aRefusalShowsTheServicesReasonInThePagesLanguage() throws Exception {
        WebDriver browser = chromium();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            browser.get("http://127.0.0.1:" + port + "/review?lang=ja");
            logIn(browser, "demo-caseworker"); // a caseworker's role may not read the supervisor's review
            wait.until(ExpectedConditions.textMatches(By.id("status"), Pattern.compile("^読み込めません")));
            assertThat(browser.findElement(By.id("status")).getText())
                    .isEqualTo("読み込めませんでした: あなたの役割ではこの操作はできません。");
            browser.get("http://127.0.0.1:" + port + "/review?lang=en");
            logIn(browser, "demo-caseworker");
            wait.until(ExpectedConditions.textMatches(By.id("status"), Pattern.compile("^Could not")));
            assertThat(browser.findElement(By.id("status")).getText())
                    .isEqualTo("Could not load: Your role may not do this.");
            assertNoCspViolations(browser);
        } finally {
            browser.quit();
        }
    }

    @Test
    void theOutcomePanelShowsTheCaveatBandsAndAuditGroupsInJapanese() throws Exception {
        clients().scores("demo-caseworker").createScore(Cases.high("C-B-0003"), "ja");
        WebDriver browser = chromium();
        try {
            browser.get("http://127.0.0.1:" + port + "/review?lang=ja");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            logIn(browser, SUPERVISOR);
            wait.until(ExpectedConditions.textToBe(By.id("status"), "読み込みました。"));
            String panel = browser.findElement(By.id("outcomes-section")).getText();
            assertThat(panel).contains("推定と結果の照合").contains("職員がアセスメントした子どもについてしか記録されません")
                    .contains("区分ごとの予測と実績").contains("アセスメントされた子どもの順位付け（AUC）")
                    .contains("監査グループ別のフラグと判断").contains("ひとり親世帯").contains("未満の数値は表示しません");
            assertThat(panel).doesNotContain("Outcomes").doesNotContain("Single-parent").doesNotContain("too few")
                    .doesNotContain("undefined").doesNotContain("NaN").doesNotContain("読み込めませんでした");
            assertThat(browser.findElement(By.id("outcomes")).findElements(By.tagName("table"))).hasSize(2);
            assertTokenNowhere(browser, SUPERVISOR);
            assertNoCspViolations(browser);
        } finally {
            browser.quit();
        }
    }

    @Test
    void theShadowPanelShowsTheReportOfTheModelInShadowInJapanese() throws Exception {
        String version = clients().models("demo-analyst").uploadModel(TestBundles.shadow().toFile()).getVersion();
        clients().models("demo-analyst").shadowModel(version);
        try {
            for (int i = 0; i < 3; i++) {
                clients().scores("demo-caseworker").createScore(i == 0 ? Cases.high("C-BS-000" + i)
                        : Cases.low("C-BS-000" + i), "ja");
            }
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (jdbc.queryForObject("SELECT COUNT(*) FROM shadow_score s JOIN score c ON c.id = s.score_id "
                    + "WHERE s.shadow_version = ? AND c.child_ref LIKE 'C-BS-%'", Long.class, version) < 3
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            org.mimamori.client.model.ShadowReport report = new org.mimamori.client.api.ShadowApi(
                    clients().api(SUPERVISOR)).getShadowReport(version,
                    org.mimamori.client.model.AccessPurpose.SUPERVISION, "ja");
            assertThat(report.getScored()).isGreaterThanOrEqualTo(3L);
            assertThat(report.getItems()).isNotEmpty();

            WebDriver browser = chromium();
            try {
                browser.get("http://127.0.0.1:" + port + "/review?lang=ja");
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
                wait.until(ExpectedConditions.textToBe(By.cssSelector("#shadow-section h2"),
                        "シャドーモデル（試行中のモデル）"));
                logIn(browser, SUPERVISOR);
                wait.until(ExpectedConditions.textToBe(By.id("status"), "読み込みました。"));
                WebElement panel = browser.findElement(By.cssSelector("[data-shadow-version='" + version + "']"));
                String text = panel.getText();
                assertThat(text).contains("両モデルで算出した件数 " + report.getScored())
                        .contains("同じ区分の割合 " + percent(report.getAgreement().getShare()))
                        .contains("推定の差の平均").contains("区分：稼働中のモデル（行）× シャドーモデル（列）")
                        .contains("寄与の差が大きい項目").contains(report.getItems().get(0).getLabel())
                        .contains("結果が記録された件数").contains("選択バイアス");
                assertThat(text).doesNotContain("Model in shadow").doesNotContain("Cases scored by both");
                assertNoCspViolations(browser);
            } finally {
                browser.quit();
            }
        } finally {
            // leave the shared service as it was: no model in shadow (the refresh drops it within seconds)
            clients().models("demo-analyst").endShadow(version);
            Thread.sleep(3000);
        }
    }

    /** As the page writes a share: one decimal, per cent. */
    private static String percent(double p) {
        double v = Math.round(p * 1000) / 10.0;
        return (v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v)) + "%";
    }

    private static WebDriver chromium() {
        // Never let Selenium Manager look for or download a browser or driver.
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + DataDirs.fresh("chromium"));
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
