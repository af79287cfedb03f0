package org.mimamori.api.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.mimamori.api.support.Cases;
import org.mimamori.api.support.DataDirs;
import org.mimamori.api.support.IntegrationTestBase;
import org.mimamori.api.support.TestBundles;
import org.mimamori.client.model.Contribution;
import org.mimamori.client.model.CorrectionRequest;
import org.mimamori.client.model.DecisionKind;
import org.mimamori.client.model.DecisionRequest;
import org.mimamori.client.model.OutcomeRequest;
import org.mimamori.client.model.Score;
import org.mimamori.client.model.SupportType;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The printable disclosure page in Debian's real headless Chromium, in Japanese and in English: a privacy
 * officer pastes the token into the password field, asks for a child and sees every label in the chosen
 * language, the explanation as it was given, both versions of a corrected score and who accessed the records;
 * the token is in no address and no storage, and the browser logs no Content-Security-Policy violation. Needs
 * the packages {@code chromium} and {@code chromium-driver}; fails (never skips) without them.
 */
class DisclosurePageBrowserIntegrationTest extends IntegrationTestBase {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String OFFICER = "demo-privacy_officer";

    @Test
    void thePageShowsEverythingInJapaneseAndInEnglishUnderAStrictPolicy() {
        assertThat(Files.isExecutable(CHROMIUM)).as("%s is missing: apt-get install -y chromium chromium-driver",
                CHROMIUM).isTrue();
        assertThat(Files.isExecutable(CHROMEDRIVER)).as("%s is missing: apt-get install -y chromium-driver",
                CHROMEDRIVER).isTrue();

        // scored while a candidate model runs in shadow, so the disclosure holds its estimate too
        String candidate = clients().models("demo-analyst").uploadModel(TestBundles.shadow().toFile()).getVersion();
        clients().models("demo-analyst").shadowModel(candidate);
        Score score;
        try {
            score = clients().scores("demo-caseworker").createScore(Cases.high("DSC-B-0001"), "ja");
            awaitRow("SELECT COUNT(*) FROM shadow_score WHERE score_id = ?", score.getId().toString());
        } finally {
            clients().models("demo-analyst").endShadow(candidate);
        }
        String reason = "祖母が同居を始め、<b>学校</b>も安定していると報告";
        clients().decisions("demo-caseworker").createDecision(score.getId(),
                new DecisionRequest().decision(DecisionKind.NO_ACTION).reason(reason));
        clients().decisions("demo-caseworker").recordOutcome(score.getId(), new OutcomeRequest().needConfirmed(true)
                .supportTypes(List.of(SupportType.YOUNG_CARER)).confirmedOn(LocalDate.of(2026, 5, 1)));
        Map<String, Object> corrected = new LinkedHashMap<>(Cases.high("X-3").getItems());
        corrected.put("absence_days_term", 2);
        Score fresh = clients().corrections(OFFICER).createCorrection(score.getId(), new CorrectionRequest()
                .purpose(CorrectionRequest.PurposeEnum.CORRECTION_REQUEST).items(corrected)
                .reason("欠席日数の誤記を学校の記録で訂正"), "ja").getScore();
        Contribution top = score.getContributions().get(0);
        // accesses whose actions the page names in words too: a supervisor's review list, an auditor's read
        assertThat(http().getExactly("/api/v1/review/scores?purpose=supervision&limit=5", "demo-supervisor")
                .statusCode()).isEqualTo(200);
        assertThat(http().getExactly("/api/v1/audit?purpose=audit&limit=50", "demo-auditor").statusCode())
                .isEqualTo(200);

        WebDriver browser = chromium();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            browser.get("http://127.0.0.1:" + port + "/disclosure/?lang=ja");
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "開示：子どもについて保有している記録"));
            browser.findElement(By.id("token")).sendKeys(OFFICER);
            browser.findElement(By.id("child")).sendKeys("DSC-B-0001");
            browser.findElement(By.id("load")).click();
            wait.until(ExpectedConditions.textToBe(By.id("status"), "読み込みました。"));

            String ja = browser.findElement(By.id("document")).getText();
            assertThat(ja).contains("スコアとその説明", "記録された入力", "説明（示されたとおり）", "各項目の影響",
                    "判断とその理由", "対応なし", "区分と異なる判断", "ヤングケアラー", "職員の見立て", "低い",
                    "記録を閲覧・操作した者（日時・理由）", "スコアを算出", "判断を記録", "入力を訂正", "訂正請求",
                    "ケースワーカー", "個人情報保護担当", "最近のスコアを閲覧（スーパービジョン）", "監査記録を閲覧", "現行版", "訂正により置き換え済み", "欠席日数の誤記を学校の記録で訂正",
                    reason, top.getLabel(), score.getDecisionNotice(), "同じ入力による候補モデルの推定", candidate);
            assertThat(ja).doesNotContain("Decisions and their reasons", "case review", "scored the child");
            assertThat(ja).as("every access, role and result in words, never its code (e.g. score.create)")
                    .doesNotContainPattern("(?<![\\w.])[a-z_]+\\.[a-z_]+(\\.[a-z_]+)*(?![\\w.])");
            assertThat(browser.findElements(By.cssSelector("[data-score-id='" + score.getId() + "'] table.shadow "
                    + "tbody tr"))).as("one row per item difference").hasSize(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM shadow_contribution WHERE score_id = ?", Integer.class,
                            score.getId().toString()));
            assertThat(browser.findElements(By.cssSelector("#document b"))).as("data is text, never markup")
                    .isEmpty();
            assertThat(browser.findElements(By.cssSelector("[data-score-id='" + score.getId() + "'].superseded")))
                    .hasSize(1);
            assertThat(browser.findElements(By.cssSelector("[data-score-id='" + fresh.getId() + "']"))).hasSize(1);

            // English: every label changes, the explanation stays as it was given (here in Japanese)
            browser.findElement(By.id("lang-en")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Disclosure: records held about a child"));
            String en = browser.findElement(By.id("document")).getText();
            assertThat(en).contains("Scores with their explanations", "Inputs as recorded",
                    "Explanation, as it was given", "What each item contributed", "Decisions and their reasons",
                    "no action", "against the band", "young carer", "Staff's own assessments",
                    "Who accessed the records, when and why", "scored the child", "recorded a decision",
                    "corrected the inputs", "correction request", "caseworker", "privacy officer", "current version",
                    "superseded by a correction", reason, top.getLabel(), score.getDecisionNotice(),
                    "A candidate model's estimate from the same inputs");
            assertThat(en).doesNotContain("スコアとその説明", "記録された入力", "ケースワーカー");
            assertThat(browser.findElement(By.id("load")).getText()).isEqualTo("Show");

            // the token: in no address, no storage and no longer in the field
            assertThat(browser.getCurrentUrl()).doesNotContain(OFFICER);
            assertThat(((JavascriptExecutor) browser).executeScript(
                    "return localStorage.length + sessionStorage.length + document.cookie.length")).isEqualTo(0L);
            assertThat(browser.findElement(By.id("token")).getAttribute("value")).isEmpty();
            assertThat(browser.findElement(By.id("token")).getAttribute("type")).isEqualTo("password");

            List<String> violations = cspViolations(browser);
            assertThat(violations).as("Content-Security-Policy violations").isEmpty();

            // the check can fail: an inline style is refused and logged
            ((JavascriptExecutor) browser).executeScript("var s = document.createElement('style');"
                    + "s.textContent = 'h1 { color: red; }'; document.head.appendChild(s);");
            wait.until(b -> !cspViolations(b).isEmpty());
        } finally {
            browser.quit();
        }
    }

    private static List<String> cspViolations(WebDriver browser) {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy")).toList();
    }

    private static WebDriver chromium() {
        // Never let Selenium Manager look for or download a browser or driver.
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + DataDirs.fresh("chromium-disclosure"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** Waits up to 30 s until a count query gives 1 (the shadow score is stored after the score's commit). */
    private void awaitRow(String countSql, Object arg) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (jdbc.queryForObject(countSql, Long.class, arg) < 1 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        assertThat(jdbc.queryForObject(countSql, Long.class, arg)).as(countSql).isEqualTo(1L);
    }
}
