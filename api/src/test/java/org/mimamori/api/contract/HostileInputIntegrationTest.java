package org.mimamori.api.contract;

import org.mimamori.client.model.AccessPurpose;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.mimamori.api.contract.HostileRequests.Endpoint;
import org.mimamori.api.support.Cases;
import org.mimamori.api.support.Cohorts;
import org.mimamori.api.support.IntegrationTestBase;
import org.mimamori.api.support.Raw;
import org.mimamori.api.support.Screenings;
import org.mimamori.api.support.TestBundles;
import org.mimamori.client.model.DecisionKind;
import org.mimamori.client.model.DecisionRequest;

/**
 * Over 10,000 seeded hostile requests on 8 threads to every write endpoint (and the list reads' parameters), with
 * tokens of roles that may call them: no answer is a 5xx, every error is a problem in domain words, and the
 * database holds exactly what the 2xx answers created.
 */
class HostileInputIntegrationTest extends IntegrationTestBase {

    private static final int REQUESTS = 10_400;
    private static final int THREADS = 8;
    private static final long SEED = 20_261_201L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TABLES = List.of("score", "audit_event", "decision", "outcome", "screening",
            "screening_entry", "model_bundle", "own_assessment");

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(4)).build();

    @Test
    void hostileTrafficGetsNo5xxOnlyProblemsInDomainWordsAndStoresExactlyWhatWasAccepted() throws Exception {
        HostileRequests.Fixtures fixtures = fixtures();
        awaitNoScreeningRunning();
        Map<String, Long> before = counts();
        long auditBefore = lastAuditId();

        Queue<String> failures = new ConcurrentLinkedQueue<>();
        Map<Endpoint, LongAdder> created = new EnumMap<>(Endpoint.class);
        for (Endpoint e : Endpoint.values()) {
            created.put(e, new LongAdder());
        }
        LongAdder modelsCreated = new LongAdder();
        LongAdder scoredWithAssessment = new LongAdder();
        Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
        Queue<String> screenings = new ConcurrentLinkedQueue<>();
        AtomicInteger sent = new AtomicInteger();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            HostileRequests gen = new HostileRequests(SEED + t, fixtures);
            threads.add(pool.submit(() -> {
                for (int i = 0; i < REQUESTS / THREADS; i++) {
                    HostileRequests.Request q = gen.next();
                    Answer a;
                    try {
                        a = send(q);
                    } catch (Exception e) {
                        failures.add("no answer (" + e + "): " + q.describe());
                        continue;
                    }
                    sent.incrementAndGet();
                    byStatus.computeIfAbsent(a.status(), s -> new LongAdder()).increment();
                    String problem = problem(a);
                    if (problem != null) {
                        failures.add(problem + ": " + q.describe() + " -> " + a.status() + " " + a.body());
                    }
                    if (a.status() >= 200 && a.status() < 300) {
                        created.get(q.endpoint()).increment();
                        if (q.endpoint() == Endpoint.MODEL_UPLOAD && a.status() == 201) {
                            modelsCreated.increment();
                        }
                        if (q.endpoint() == Endpoint.SCORE && JSON.readTree(a.body()).has("priorAssessment")) {
                            scoredWithAssessment.increment();
                        }
                        if (q.endpoint() == Endpoint.SCREENING) {
                            screenings.add(JSON.readTree(a.body()).get("id").asText());
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : threads) {
            f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(failures).as("failures (of " + sent.get() + "; by status " + byStatus + ")").isEmpty();
        assertThat(sent.get()).isGreaterThanOrEqualTo(10_000);
        assertThat(millis).as("the hostile run's time").isLessThan(60_000);

        awaitNoScreeningRunning(); // read from the database: reading through the API would be audited
        int screened = 0;
        for (String id : screenings) {
            Map<String, Object> job = jdbc.queryForMap("SELECT status, total FROM screening WHERE id = ?", id);
            assertThat(job.get("status")).as(id).isEqualTo("done");
            screened += ((Number) job.get("total")).intValue();
        }
        long written = count(created, Endpoint.SCORE, Endpoint.DECISION, Endpoint.SIGN_OFF, Endpoint.OUTCOME,
                Endpoint.ASSESSMENT, Endpoint.SCREENING, Endpoint.ENTRY, Endpoint.MODEL_ACTIVATE,
                Endpoint.ENTRIES_READ, Endpoint.REVIEW_READ) + modelsCreated.sum() + screenings.size();
        Map<String, Long> after = counts();
        assertThat(after.get("score") - before.get("score")).isEqualTo(created.get(Endpoint.SCORE).sum() + screened);
        assertThat(after.get("decision") - before.get("decision")).isEqualTo(created.get(Endpoint.DECISION).sum());
        assertThat(after.get("outcome") - before.get("outcome")).isEqualTo(created.get(Endpoint.OUTCOME).sum());
        assertThat(after.get("own_assessment") - before.get("own_assessment"))
                .isEqualTo(created.get(Endpoint.ASSESSMENT).sum() + scoredWithAssessment.sum());
        assertThat(after.get("screening") - before.get("screening")).isEqualTo(screenings.size());
        assertThat(after.get("screening_entry") - before.get("screening_entry")).isEqualTo(screened);
        assertThat(after.get("model_bundle") - before.get("model_bundle")).isEqualTo(modelsCreated.sum());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE id > ? AND outcome = 'ok' "
                + "AND action NOT IN ('uploadModel', 'model.list', 'audit.read')", Long.class, auditBefore))
                .as("one 'ok' audit record per accepted call and per finished screening").isEqualTo(written);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE id > ? AND outcome <> 'ok'",
                Long.class, auditBefore)).as("refused calls are recorded too").isPositive();
        assertThat(created.get(Endpoint.SCORE).sum()).as("some hostile requests were valid").isPositive();
        System.out.printf("Hostile input: %d requests in %d ms; by status %s; created %s%n", sent.get(), millis,
                new java.util.TreeMap<>(byStatus), created);
    }

    /** What is wrong with an answer, or null. */
    private static String problem(Answer a) {
        if (a.status() >= 500) {
            return "a 5xx";
        }
        if (a.status() < 400) {
            return null;
        }
        try {
            RefusedInputIntegrationTest.assertIsProblem(a.status(), a.contentType(), a.body());
            return null;
        } catch (AssertionError e) {
            return "not a problem in domain words (" + e.getMessage().lines().findFirst().orElse("") + ")";
        }
    }

    private record Answer(int status, String contentType, String body) {
    }

    private Answer send(HostileRequests.Request q) throws Exception {
        if (q.rawHead() != null) {
            Raw.Response r = new Raw(port).send(q.rawHead(), q.body());
            return new Answer(r.status(), r.contentType(), r.body());
        }
        URI uri;
        try {
            uri = URI.create("http://127.0.0.1:" + port + q.path());
        } catch (IllegalArgumentException e) {
            // e.g. bad percent-encoding, which HTTP clients refuse to send: over a plain socket
            StringBuilder head = new StringBuilder(q.method() + " " + q.path() + " HTTP/1.1\r\nHost: x");
            if (q.token() != null) {
                head.append("\r\nAuthorization: Bearer ").append(q.token());
            }
            if (q.contentType() != null) {
                head.append("\r\nContent-Type: ").append(q.contentType());
            }
            byte[] bytes = q.body() == null ? new byte[0] : q.body();
            head.append("\r\nContent-Length: ").append(bytes.length);
            Raw.Response r = new Raw(port).send(head.toString(), bytes);
            return new Answer(r.status(), r.contentType(), r.body());
        }
        HttpRequest.BodyPublisher body = q.body() == null ? HttpRequest.BodyPublishers.noBody()
                : q.chunked() ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(q.body()))
                : HttpRequest.BodyPublishers.ofByteArray(q.body());
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30)).method(q.method(), body);
        if (q.token() != null) {
            b.header("Authorization", "Bearer " + q.token());
        }
        if (q.contentType() != null) {
            b.header("Content-Type", q.contentType());
        }
        if (q.accept() != null) {
            b.header("Accept", q.accept());
        }
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    private HostileRequests.Fixtures fixtures() throws Exception {
        List<String> scores = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            scores.add(clients().scores("demo-caseworker").createScore(Cases.high("H-" + i + "-2026"), null)
                    .getId().toString());
        }
        UUID flagged = clients().scores("demo-caseworker").createScore(Cases.lowWithRedFlag("F-2026-1"), null).getId();
        String pending = clients().decisions("demo-caseworker").createDecision(flagged, new DecisionRequest()
                .decision(DecisionKind.MONITOR).reason("Seen at home; all well.").dismissesRedFlags(true))
                .getId().toString();
        byte[] cohort = Files.readAllBytes(Cohorts.cohort(5, 3));
        java.nio.file.Path small = Cohorts.cohort(20, 4);
        UUID screening = clients().screenings("demo-supervisor").createScreening(small.toFile(), null).getId();
        Screenings.await(clients().screenings("demo-supervisor"), screening);
        String model = clients().models("demo-analyst").listModels(AccessPurpose.MODEL_MANAGEMENT).get(0).getVersion();
        return new HostileRequests.Fixtures(scores, pending, screening.toString(), 20, model,
                Files.readAllBytes(TestBundles.bundle()), cohort);
    }

    private void awaitNoScreeningRunning() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (rowsWhere("screening", "status IN ('queued', 'running')") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private long rowsWhere(String table, String where) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE " + where, Long.class);
        return n == null ? 0 : n;
    }

    private Map<String, Long> counts() {
        Map<String, Long> out = new java.util.HashMap<>();
        TABLES.forEach(t -> out.put(t, rows(t)));
        return out;
    }

    private static long count(Map<Endpoint, LongAdder> created, Endpoint... endpoints) {
        long n = 0;
        for (Endpoint e : endpoints) {
            n += created.get(e).sum();
        }
        return n;
    }
}
