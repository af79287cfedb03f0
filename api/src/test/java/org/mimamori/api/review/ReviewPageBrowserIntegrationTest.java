package org.mimamori.api.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
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
import org.mimamori.client.model.Contribution;
import org.mimamori.client.model.DecisionKind;
import org.mimamori.client.model.DecisionRequest;
import org.mimamori.client.model.OutcomeRequest;
import org.mimamori.client.model.PriorAssessment;
import org.mimamori.client.model.Score;
import org.mimamori.client.model.SupportType;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The review page in Debian's real headless Chromium: a supervisor opens {@code /review} with the demo token
 * and sees a score's explanation and the reason of a decision against its band. Needs the packages
 * {@code chromium} and {@code chromium-driver}; fails (never skips) without them.
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
            browser.get("http://127.0.0.1:" + port + "/review?token=demo-supervisor&lang=en");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            WebElement card = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("[data-score-id='" + high.getId() + "']")));
            assertThat(card.getText()).contains(top.getLabel()).contains(reason).contains("against the band")
                    .contains(high.getBand().getMeaning()).contains("Own assessment before the score: low");
            assertThat(card.findElements(By.tagName("b"))).as("data is text, never markup").isEmpty();
            assertThat(browser.getCurrentUrl()).doesNotContain("token=");
            wait.until(ExpectedConditions.textToBe(By.id("status"), "Loaded."));

            browser.get("http://127.0.0.1:" + port + "/review?lang=ja");
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "スーパーバイザー確認"));
            wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("[data-score-id='" + high.getId() + "']")));
        } finally {
            browser.quit();
        }
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
            browser.get("http://127.0.0.1:" + port + "/review?token=demo-supervisor&lang=ja&screening=" + screening);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            wait.until(ExpectedConditions.textToBe(By.id("status"), "読み込みました。"));
            String card = browser.findElement(By.cssSelector("[data-score-id='" + score.getId() + "']")).getText();
            assertThat(card).contains("ケース検討").contains("中程度").contains("アウトリーチ").contains("貧困")
                    .contains("ヤングケアラー").contains("本人の見立て・モデル・判断")
                    .contains(score.getBand().getMeaning());
            String list = browser.findElement(By.id("screening")).getText();
            assertThat(list).contains("未確認");
            for (String text : List.of(card, list, browser.findElement(By.id("agreement-band")).getText())) {
                Matcher raw = RAW_IDS.matcher(text);
                assertThat(raw.find()).as("a raw id (%s) in: %s", raw.find(0) ? raw.group() : "", text).isFalse();
            }

            browser.get("http://127.0.0.1:" + port + "/review?lang=en&screening=" + screening);
            wait.until(ExpectedConditions.textToBe(By.id("status"), "Loaded."));
            String en = browser.findElement(By.cssSelector("[data-score-id='" + score.getId() + "']")).getText();
            assertThat(en).contains("case review").contains("moderate").contains("poverty").contains("young carer");
            assertThat(browser.findElement(By.id("screening")).getText()).contains("to review");
        } finally {
            browser.quit();
        }
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
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
