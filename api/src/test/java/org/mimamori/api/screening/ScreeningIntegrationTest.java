package org.mimamori.api.screening;

import org.mimamori.client.model.AccessPurpose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mimamori.api.support.Cohorts;
import org.mimamori.api.support.IntegrationTestBase;
import org.mimamori.client.api.ScreeningsApi;
import org.mimamori.client.model.Band;
import org.mimamori.client.model.EntryStatus;
import org.mimamori.client.model.Score;
import org.mimamori.client.model.Screening;
import org.mimamori.client.model.ScreeningAccepted;
import org.mimamori.client.model.ScreeningEntry;
import org.mimamori.client.model.ScreeningEntryPage;
import org.mimamori.client.model.ScreeningEntryUpdate;
import org.mimamori.client.model.ScreeningStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.HttpClientErrorException;

/** Batch screening through the generated client: the job, its summary, the ranked review list and reviews. */
class ScreeningIntegrationTest extends IntegrationTestBase {

    private static final int N = 600;
    private static Path cohort;

    @BeforeAll
    static void cohort() {
        cohort = Cohorts.cohort(N, 5);
    }

    /** MariaDB's own 128 MB made a 1,000,000-child screening about three times slower (docs/scaling.md). */
    @Test
    void theEmbeddedDatabaseHasTheBufferPoolOfItsSetting() {
        assertThat(jdbc.queryForObject("SELECT @@innodb_buffer_pool_size", Long.class))
                .as("mimamori.embedded-db-buffer-pool, 1GB by default").isEqualTo(1L << 30);
    }

    @Test
    void aCohortIsScoredStoredAndRankedForReview() {
        long screeningScores = screeningScores();
        ResponseEntity<ScreeningAccepted> accepted = clients().screenings("demo-supervisor")
                .createScreeningWithHttpInfo(cohort.toFile(), "en");
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        UUID id = accepted.getBody().getId();
        assertThat(accepted.getHeaders().getLocation().getPath()).isEqualTo("/api/v1/screenings/" + id);

        Screening s = awaitFinished(clients().screenings("demo-caseworker"), id);
        assertThat(s.getStatus()).isEqualTo(ScreeningStatus.DONE);
        assertThat(s.getTotal()).isEqualTo(N);
        assertThat(s.getScored()).isEqualTo(N);
        assertThat(s.getCreatedBy()).isEqualTo("demo-supervisor");
        assertThat(s.getCountsByBand().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(N);
        assertThat(screeningScores()).isEqualTo(screeningScores + N);
        assertThat(jdbc.queryForObject("SELECT LENGTH(input_csv) FROM screening WHERE id = ?", Integer.class,
                id.toString())).as("the file is dropped once every child is recorded").isZero();

        List<ScreeningEntry> all = allEntries(id);
        assertThat(all).hasSize(N);
        for (int i = 0; i < all.size(); i++) {
            assertThat(all.get(i).getRank()).isEqualTo(i + 1);
        }
        int redFlagged = (int) all.stream().filter(e -> !e.getRedFlags().isEmpty()).count();
        assertThat(all.subList(0, redFlagged)).as("red-flagged children first")
                .allSatisfy(e -> assertThat(e.getRedFlags()).isNotEmpty());
        assertRankedByProbability(all.subList(0, redFlagged));
        assertRankedByProbability(all.subList(redFlagged, all.size()));
        List<ScreeningEntry> estimated = all.stream().filter(e -> e.getProbability() != null).toList();
        assertThat(estimated).isNotEmpty().allSatisfy(e -> {
            assertThat(e.getBand().getMeaning()).isNotBlank();
            assertThat(e.getTopContributions()).isNotEmpty();
            assertThat(e.getStatus()).isEqualTo(EntryStatus.TO_REVIEW);
        });

        long flagged = estimated.stream().filter(e -> outreach(e.getBand())).count();
        long unmarked = estimated.stream().filter(e -> outreach(e.getBand()) && !e.getAlreadySupported()).count();
        assertThat(s.getFlagged()).isEqualTo((int) flagged);
        assertThat(s.getUnmarked()).isEqualTo((int) unmarked);
        if (flagged > 0) {
            assertThat(s.getUnmarkedShare()).isEqualTo((double) unmarked / flagged);
        }
        assertThat(flagged).as("the cohort has flagged children").isPositive();

        assertThat(s.getRedFlagged()).isEqualTo(redFlagged);
        assertThat(s.getRedFlaggedUnmarked()).isEqualTo((int) all.stream()
                .filter(e -> !e.getRedFlags().isEmpty() && !e.getAlreadySupported()).count());

        // The entry's score is a recorded score with the purpose screening and the full explanation.
        ScreeningEntry first = estimated.get(0);
        Score score = clients().scores("demo-caseworker").getScore(first.getScoreId(), AccessPurpose.CASE_REVIEW);
        assertThat(score.getChildRef()).isEqualTo(first.getChildRef());
        assertThat(score.getPurpose().getValue()).isEqualTo("screening");
        assertThat(score.getProbability()).isEqualTo(first.getProbability());
        assertThat(score.getContributions()).isNotEmpty();

        // Filtering by band gives that band's entries in rank order.
        String band = first.getBand().getId();
        ScreeningEntryPage inBand = clients().screenings("demo-auditor").listScreeningEntries(id, AccessPurpose.AUDIT, null, band, 1000, 0, null);
        assertThat(inBand.getTotal()).isEqualTo(s.getCountsByBand().get(band));
        assertThat(inBand.getEntries()).allSatisfy(e -> assertThat(e.getBand().getId()).isEqualTo(band));
    }

    @Test
    void redFlaggedChildrenRankFirstAndAreCountedApartFromTheBandsAlsoWhenWithheld() throws IOException {
        // Find withheld and low estimates in the plain cohort, then raise a red flag on some of them.
        UUID plain = clients().screenings("demo-supervisor").createScreening(cohort.toFile(), "en").getId();
        awaitFinished(clients().screenings("demo-supervisor"), plain);
        List<ScreeningEntry> before = allEntries(plain);
        List<Integer> withheld = before.stream().filter(e -> e.getProbability() == null && e.getRedFlags().isEmpty())
                .map(ScreeningEntry::getId).limit(3).toList();
        assertThat(withheld).as("the cohort has withheld estimates without red flags").hasSizeGreaterThanOrEqualTo(2);
        List<Integer> lowest = before.stream().filter(e -> e.getProbability() != null && e.getRedFlags().isEmpty())
                .map(ScreeningEntry::getId).toList();
        lowest = lowest.subList(lowest.size() - 2, lowest.size());
        List<Integer> raised = new ArrayList<>(withheld);
        raised.addAll(lowest);

        List<String> lines = new ArrayList<>(Files.readAllLines(cohort));
        List<String> header = List.of(lines.get(0).split(",", -1));
        int help = header.indexOf("child_asked_for_help");
        int supported = header.indexOf("already_supported");
        for (int row : raised) {
            lines.set(row, replaceCell(lines.get(row), help, "1"));
            lines.set(row, replaceCell(lines.get(row), supported, row == withheld.get(0) ? "1" : "0"));
        }
        Path flaggedFile = Files.createTempFile("cohort-flags", ".csv");
        Files.write(flaggedFile, lines);
        UUID id = clients().screenings("demo-supervisor").createScreening(flaggedFile.toFile(), "en").getId();
        Screening s = awaitFinished(clients().screenings("demo-caseworker"), id);
        List<ScreeningEntry> all = allEntries(id);

        List<ScreeningEntry> flagged = all.stream().filter(e -> !e.getRedFlags().isEmpty()).toList();
        int already = (int) before.stream().filter(e -> !e.getRedFlags().isEmpty()).count();
        assertThat(flagged).hasSize(already + raised.size());
        assertThat(all.subList(0, flagged.size())).as("red flags first, withheld or not")
                .containsExactlyElementsOf(flagged);
        assertThat(flagged).extracting(ScreeningEntry::getId).containsAll(raised);
        assertRankedByProbability(flagged);
        assertThat(all.stream().filter(e -> withheld.contains(e.getId())))
                .allSatisfy(e -> assertThat(e.getRank()).isLessThanOrEqualTo(flagged.size()))
                .allSatisfy(e -> assertThat(e.getBand()).isNull());

        assertThat(s.getRedFlagged()).isEqualTo(flagged.size());
        assertThat(s.getRedFlaggedUnmarked()).isEqualTo((int) flagged.stream()
                .filter(e -> !e.getAlreadySupported()).count());
        assertThat(all.stream().filter(e -> e.getId() == withheld.get(0).intValue()).findFirst().orElseThrow()
                .getAlreadySupported()).isTrue();
        assertThat(s.getRedFlaggedUnmarked()).isLessThan(s.getRedFlagged());
        // The bands still count every child once; withheld red-flagged children are under withheld.
        assertThat(s.getCountsByBand().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(N);
        assertThat(s.getCountsByBand().get("withheld")).isEqualTo((int) all.stream()
                .filter(e -> e.getBand() == null).count());
    }

    @Test
    void reviewersMarkEntriesAndEveryAccessIsAudited() {
        UUID id = clients().screenings("demo-supervisor").createScreening(cohort.toFile(), "ja").getId();
        awaitFinished(clients().screenings("demo-supervisor"), id);
        ScreeningEntry top = clients().screenings("demo-caseworker").listScreeningEntries(id, AccessPurpose.SCREENING, null, null, 1, 0, null)
                .getEntries().get(0);
        ScreeningEntry marked = clients().screenings("demo-caseworker").updateScreeningEntry(id, top.getId(),
                new ScreeningEntryUpdate().status(EntryStatus.REVIEWED_OUTREACH), null);
        assertThat(marked.getStatus()).isEqualTo(EntryStatus.REVIEWED_OUTREACH);
        assertThat(marked.getReviewedBy()).isEqualTo("demo-caseworker");
        assertThat(marked.getRank()).isEqualTo(1);
        ScreeningEntryPage reviewed = clients().screenings("demo-caseworker")
                .listScreeningEntries(id, AccessPurpose.SCREENING, EntryStatus.REVIEWED_OUTREACH, null, 50, 0, null);
        assertThat(reviewed.getTotal()).isEqualTo(1);
        assertThat(reviewed.getEntries().get(0).getId()).isEqualTo(top.getId());

        assertThatThrownBy(() -> clients().screenings("demo-analyst").updateScreeningEntry(id, top.getId(),
                new ScreeningEntryUpdate().status(EntryStatus.REVIEWED_NO_ACTION), null))
                .isInstanceOfSatisfying(HttpClientErrorException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN));
        assertThatThrownBy(() -> clients().screenings("demo-caseworker").updateScreeningEntry(id, N + 1,
                new ScreeningEntryUpdate().status(EntryStatus.REVIEWED_NO_ACTION), null))
                .isInstanceOfSatisfying(HttpClientErrorException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND));

        String resource = "screening/" + id;
        assertThat(jdbc.queryForList("SELECT c.child_ref FROM audit_child c JOIN audit_event e ON e.id = c.audit_id "
                + "WHERE e.action = 'screening.entry.review' AND e.resource = ?", String.class,
                resource + "/entries/" + top.getId())).as("the review names the entry's child")
                .containsExactly(top.getChildRef());
        assertThat(jdbc.queryForList("SELECT action FROM audit_event WHERE resource LIKE ? ORDER BY id",
                String.class, resource + "%")).contains("screening.create", "screening.finish", "screening.read",
                "screening.entries.read", "screening.entry.review");
    }

    @Test
    void theReviewListIsInItsReadersLanguageWhateverTheScreeningWasAskedFor() {
        UUID id = clients().screenings("demo-supervisor").createScreening(cohort.toFile(), "ja").getId();
        awaitFinished(clients().screenings("demo-supervisor"), id);
        java.util.regex.Pattern japanese = java.util.regex.Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]");
        ScreeningEntry ja = clients().screenings("demo-caseworker")
                .listScreeningEntries(id, AccessPurpose.SCREENING, null, null, 1, 0, "ja").getEntries().get(0);
        ScreeningEntry en = clients().screenings("demo-caseworker")
                .listScreeningEntries(id, AccessPurpose.SCREENING, null, null, 1, 0, "en").getEntries().get(0);
        assertThat(en.getId()).isEqualTo(ja.getId());
        assertThat(en.getTopContributions()).isNotEmpty().extracting(c -> c.getItem())
                .isEqualTo(ja.getTopContributions().stream().map(c -> c.getItem()).toList());
        assertThat(ja.getTopContributions()).allSatisfy(c -> assertThat(c.getLabel()).containsPattern(japanese));
        assertThat(en.getTopContributions()).as("the screening was asked for in Japanese, this reader reads English")
                .allSatisfy(c -> assertThat(c.getLabel()).doesNotContainPattern(japanese));
        assertThat(ja.getBand().getMeaning()).containsPattern(japanese);
        assertThat(en.getBand().getMeaning()).doesNotContainPattern(japanese);
        assertThat(en.getBand().getReviewLabel()).doesNotContainPattern(japanese);
        ScreeningEntry marked = clients().screenings("demo-caseworker").updateScreeningEntry(id, en.getId(),
                new ScreeningEntryUpdate().status(EntryStatus.REVIEWED_NO_ACTION), "en");
        assertThat(marked.getTopContributions()).allSatisfy(c -> assertThat(c.getLabel())
                .doesNotContainPattern(japanese));
    }

    @Test
    void onlySupervisorsStartAScreening() {
        for (String token : List.of("demo-caseworker", "demo-auditor", "demo-analyst", "demo-admin")) {
            assertThatThrownBy(() -> clients().screenings(token).createScreening(cohort.toFile(), null))
                    .isInstanceOfSatisfying(HttpClientErrorException.class,
                            e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN));
        }
    }

    @Test
    void aFileWithUnknownColumnsIsRefusedNamingThemAndNothingIsStored() throws IOException {
        long before = rows("screening");
        List<String> lines = Files.readAllLines(cohort);
        List<String> bad = new ArrayList<>();
        bad.add(lines.get(0) + ",shoe_size,favourite_colour");
        lines.subList(1, 4).forEach(l -> bad.add(l + ",40,blue"));
        String body = badRequest(bad);
        assertThat(body).contains("\"field\":\"file.columns.shoe_size\"")
                .contains("\"field\":\"file.columns.favourite_colour\"");
        assertThat(rows("screening")).isEqualTo(before);
    }

    @Test
    void badCellsAreRefusedWithRowAndColumnAndNothingIsStored() throws IOException {
        long before = rows("screening");
        List<String> lines = new ArrayList<>(Files.readAllLines(cohort).subList(0, 6));
        List<String> header = List.of(lines.get(0).split(",", -1));
        int age = header.indexOf("age_years");
        int ref = header.indexOf("child_ref");
        lines.set(2, replaceCell(lines.get(2), age, "25"));
        lines.set(4, replaceCell(lines.get(4), ref, "Taro Yamada"));
        String body = badRequest(lines);
        assertThat(body).contains("\"field\":\"file[2].age_years\"").contains("\"field\":\"file[4].child_ref\"");
        assertThat(rows("screening")).isEqualTo(before);
    }

    private String badRequest(List<String> lines) throws IOException {
        Path f = Files.createTempFile("cohort", ".csv");
        Files.write(f, lines);
        try {
            clients().screenings("demo-supervisor").createScreening(f.toFile(), null);
            throw new AssertionError("expected 400");
        } catch (HttpClientErrorException e) {
            assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(e.getResponseHeaders().getContentType().toString()).startsWith("application/problem+json");
            return e.getResponseBodyAsString();
        }
    }

    private static String replaceCell(String line, int column, String value) {
        String[] cells = line.split(",", -1);
        cells[column] = value;
        return String.join(",", cells);
    }

    /** True for a band flagged for outreach (its review meaning, as the model declares it). */
    private static boolean outreach(Band band) {
        return band.getReview() == Band.ReviewEnum.OUTREACH;
    }

    /** Highest probability first, withheld estimates (no band) after the rest. */
    private static void assertRankedByProbability(List<ScreeningEntry> entries) {
        List<ScreeningEntry> estimated = entries.stream().filter(e -> e.getProbability() != null).toList();
        for (int i = 1; i < estimated.size(); i++) {
            assertThat(estimated.get(i).getProbability()).isLessThanOrEqualTo(estimated.get(i - 1).getProbability());
        }
        assertThat(entries.subList(0, estimated.size())).containsExactlyElementsOf(estimated);
        assertThat(entries.subList(estimated.size(), entries.size()))
                .allSatisfy(e -> assertThat(e.getBand()).isNull());
    }

    private List<ScreeningEntry> allEntries(UUID id) {
        List<ScreeningEntry> out = new ArrayList<>();
        ScreeningsApi api = clients().screenings("demo-caseworker");
        while (true) {
            ScreeningEntryPage page = api.listScreeningEntries(id, AccessPurpose.SCREENING, null, null, 250, out.size(), null);
            out.addAll(page.getEntries());
            if (page.getEntries().isEmpty() || out.size() >= page.getTotal()) {
                return out;
            }
        }
    }

    private long screeningScores() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM score WHERE purpose = 'screening'", Long.class);
        return n == null ? 0 : n;
    }

    static Screening awaitFinished(ScreeningsApi api, UUID id) {
        return org.mimamori.api.support.Screenings.await(api, id);
    }
}
