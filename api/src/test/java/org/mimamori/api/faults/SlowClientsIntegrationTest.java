package org.mimamori.api.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.mimamori.api.support.IntegrationTestBase;

/**
 * 16 slow unauthenticated connections (half trickling their headers, half their body) and 8 slow authenticated
 * ones (trickling a score request's body) are held for 20 s, reconnecting whenever the service drops them; all
 * the while health and a score answer within 1 s.
 */
class SlowClientsIntegrationTest extends IntegrationTestBase {

    private static final Duration HOLD = Duration.ofSeconds(20);
    private static final String SCORE = """
            {"childRef":"C-5L0W","purpose":"case_review","items":{"age_years":9,"absence_days_term":4}}""";

    @Test
    void slowClientsDoNotStarveHealthOrScoring() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger connections = new AtomicInteger();
        AtomicInteger dropped = new AtomicInteger();
        ExecutorService slow = Executors.newFixedThreadPool(24);
        for (int i = 0; i < 24; i++) {
            String request = i < 8 ? headersOnly(null) : i < 16 ? bodyRequest(null) : bodyRequest("demo-caseworker");
            boolean trickleHeaders = i < 8;
            slow.submit(() -> trickle(request, trickleHeaders, running, connections, dropped));
        }
        Thread.sleep(1_000);
        List<Long> healthMillis = new ArrayList<>();
        List<Long> scoreMillis = new ArrayList<>();
        long end = System.nanoTime() + HOLD.toNanos();
        try {
            while (System.nanoTime() < end) {
                long t0 = System.nanoTime();
                HttpResponse<String> health = http().get("/actuator/health", null);
                healthMillis.add((System.nanoTime() - t0) / 1_000_000);
                assertThat(health.statusCode()).isEqualTo(200);
                t0 = System.nanoTime();
                HttpResponse<String> score = http().post("/api/v1/scores", "demo-caseworker", SCORE);
                scoreMillis.add((System.nanoTime() - t0) / 1_000_000);
                assertThat(score.statusCode()).as(score.body()).isEqualTo(201);
                Thread.sleep(200);
            }
        } finally {
            running.set(false);
            slow.shutdownNow();
            slow.awaitTermination(10, TimeUnit.SECONDS);
        }
        assertThat(connections.get()).as("slow connections opened").isGreaterThanOrEqualTo(24);
        assertThat(dropped.get()).as("slow connections the service cut off").isPositive();
        assertThat(healthMillis).hasSizeGreaterThan(10).allMatch(ms -> ms < 1_000);
        assertThat(scoreMillis).allMatch(ms -> ms < 1_000);
    }

    private String headersOnly(String token) {
        return "GET /actuator/health HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth(token) + "X-Padding: "
                + "x".repeat(200) + "\r\n\r\n";
    }

    private String bodyRequest(String token) {
        String body = SCORE + " ".repeat(2_000);
        return "POST /api/v1/scores HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth(token)
                + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
    }

    private static String auth(String token) {
        return token == null ? "" : "Authorization: Bearer " + token + "\r\n";
    }

    /**
     * Sends a request a byte every 500 ms (headers) or its headers at once and then the body a byte every
     * 500 ms, reconnecting when the service closes the connection.
     */
    private Void trickle(String request, boolean trickleHeaders, AtomicBoolean running, AtomicInteger connections,
                         AtomicInteger dropped) {
        byte[] bytes = request.getBytes(StandardCharsets.US_ASCII);
        int headerEnd = request.indexOf("\r\n\r\n") + 4;
        while (running.get()) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                connections.incrementAndGet();
                s.setSoTimeout(100);
                OutputStream out = s.getOutputStream();
                InputStream in = s.getInputStream();
                int from = 0;
                if (!trickleHeaders) {
                    out.write(bytes, 0, headerEnd);
                    out.flush();
                    from = headerEnd;
                }
                for (int i = from; i < bytes.length && running.get(); i++) {
                    out.write(bytes[i]);
                    out.flush();
                    if (answeredOrClosed(in)) {
                        dropped.incrementAndGet();
                        break;
                    }
                    Thread.sleep(500);
                }
            } catch (IOException e) {
                dropped.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    private static boolean answeredOrClosed(InputStream in) throws IOException {
        try {
            in.read();
            return true;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        }
    }
}
