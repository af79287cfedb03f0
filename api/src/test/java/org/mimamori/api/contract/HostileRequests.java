package org.mimamori.api.contract;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.mimamori.api.support.Multipart;

/**
 * A seeded generator of malformed (and now and then valid) requests to every write endpoint: wrong types and
 * enums, missing and extra fields, huge numbers, deep nesting, trailing garbage, duplicate keys, bad UTF-8, lone
 * surrogates, control characters, wrong content types, garbled multipart, bad path ids and query parameters,
 * oversize and chunked bodies, malformed request lines. Strings are drawn from an alphabet without {@code $} and
 * {@code .}, so that a Java name in a problem can only be the service's own.
 */
final class HostileRequests {

    /** What a request is sent to, for counting what its 2xx answers create. */
    enum Endpoint { SCORE, DECISION, SIGN_OFF, OUTCOME, ASSESSMENT, SCREENING, ENTRY, MODEL_UPLOAD,
        MODEL_ACTIVATE, ENTRIES_READ, REVIEW_READ, AUDIT_READ, RAW }

    /**
     * One request. {@code rawHead} (request line and headers) is set for requests sent over a plain socket.
     */
    record Request(Endpoint endpoint, String method, String path, String token, String contentType,
                   String accept, byte[] body, boolean chunked, String rawHead) {

        String describe() {
            return endpoint + " " + method + " " + path + " [" + contentType + "] "
                    + (body == null ? "" : new String(body, 0, Math.min(body.length, 160), StandardCharsets.UTF_8));
        }
    }

    /** What the requests refer to: existing scores, a decision awaiting sign-off, a screening, a model. */
    record Fixtures(List<String> scores, String pendingDecision, String screening, int entries, String model,
                    byte[] bundle, byte[] cohort) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALPHABET = "abcXYZ019_- 見守り😀é";
    private static final List<String> RAW_HEADS = List.of("GET /api/v1/sc ores HTTP/1.1", "GET /api/v1/% HTTP/1.1",
            "GET /api/v1/scores/%zz HTTP/1.1", "GET /api/v1/scores/a%2Fb HTTP/1.1", "GET /api/v1/../x HTTP/1.1",
            "GET /api/v1/scores/{x} HTTP/1.1", "GARBAGE", "TRACE /api/v1/scores HTTP/1.1",
            "POST /api/v1/scores HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6", "GET /api/v1/scores HTTP/9.9",
            "POST /api/v1/scores HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json");

    private final SplittableRandom r;
    private final Fixtures f;

    HostileRequests(long seed, Fixtures fixtures) {
        this.r = new SplittableRandom(seed);
        this.f = fixtures;
    }

    Request next() {
        int pick = r.nextInt(100);
        if (pick < 4) {
            return raw();
        }
        if (pick < 10) {
            return read();
        }
        Endpoint e = List.of(Endpoint.SCORE, Endpoint.SCORE, Endpoint.DECISION, Endpoint.SIGN_OFF, Endpoint.OUTCOME,
                Endpoint.ASSESSMENT, Endpoint.SCREENING, Endpoint.ENTRY, Endpoint.MODEL_UPLOAD,
                Endpoint.MODEL_ACTIVATE).get(r.nextInt(10));
        return switch (e) {
            case SCREENING, MODEL_UPLOAD -> upload(e);
            case MODEL_ACTIVATE -> request(e, "POST", "/api/v1/models/" + pathValue(f.model()) + "/activate",
                    "demo-analyst", null, null);
            default -> json(e);
        };
    }

    private Request json(Endpoint e) {
        String score = r.nextInt(10) == 0 ? UUID.randomUUID().toString() : f.scores().get(r.nextInt(f.scores().size()));
        Map<String, Object> body = new LinkedHashMap<>();
        String path;
        String token = r.nextBoolean() ? "demo-caseworker" : "demo-supervisor";
        String method = "POST";
        switch (e) {
            case SCORE -> {
                path = "/api/v1/scores";
                body.put("childRef", "C-" + r.nextInt(1_000_000));
                body.put("purpose", pick("screening", "case_review", "case_conference", "follow_up"));
                Map<String, Object> items = new LinkedHashMap<>();
                items.put("age_years", r.nextInt(18));
                items.put("absence_days_term", r.nextInt(30));
                items.put("single_parent", r.nextBoolean());
                body.put("items", items);
                if (r.nextBoolean()) {
                    body.put("priorAssessment", new LinkedHashMap<>(Map.of("level", pick("none", "low", "high"),
                            "note", text(20))));
                }
            }
            case DECISION -> {
                path = "/api/v1/scores/" + pathValue(score) + "/decisions";
                body.put("decision", pick("outreach", "assessment", "monitor", "no_action"));
                body.put("reason", text(30));
                body.put("dismissesRedFlags", r.nextBoolean());
            }
            case SIGN_OFF -> {
                path = "/api/v1/decisions/" + pathValue(f.pendingDecision()) + "/sign-off";
                token = "demo-supervisor";
                body.put("approve", r.nextBoolean());
                body.put("note", text(20));
            }
            case OUTCOME -> {
                path = "/api/v1/scores/" + pathValue(score) + "/outcomes";
                body.put("needConfirmed", true);
                body.put("supportTypes", List.of(pick("poverty", "neglect", "abuse")));
                body.put("confirmedOn", "20" + (10 + r.nextInt(15)) + "-0" + (1 + r.nextInt(9)) + "-1" + r.nextInt(10));
            }
            case ASSESSMENT -> {
                path = "/api/v1/scores/" + pathValue(score) + "/assessments";
                body.put("level", pick("none", "low", "moderate", "high"));
                body.put("note", text(20));
            }
            default -> {
                path = "/api/v1/screenings/" + pathValue(f.screening()) + "/entries/"
                        + pathValue(String.valueOf(1 + r.nextInt(f.entries())));
                method = "PATCH";
                body.put("status", pick("to_review", "reviewed_outreach", "reviewed_no_action"));
            }
        }
        byte[] bytes = mutate(body);
        String type = r.nextInt(10) == 0 ? pick("text/plain", "application/xml", "application/json; charset=ISO-8859-1",
                "multipart/form-data", "application/x-www-form-urlencoded", null) : "application/json";
        return request(e, method, path, token, type, bytes);
    }

    private byte[] mutate(Map<String, Object> body) {
        int m = r.nextInt(20);
        List<String> keys = new ArrayList<>(body.keySet());
        String key = keys.get(r.nextInt(keys.size()));
        switch (m) {
            case 0, 1 -> {
                return write(body); // valid (as far as the generator knows)
            }
            case 2, 3 -> body.put(key, wrongValue());
            case 4 -> body.remove(key);
            case 5 -> body.put(pick("name", "extra", "childref", "items2", text(8)), wrongValue());
            case 6 -> {
                body.put(key, "@@nested@@");
                int depth = 1 + r.nextInt(r.nextBoolean() ? 20 : 3000);
                boolean arrays = r.nextBoolean();
                String nested = (arrays ? "[" : "{\"a\":").repeat(depth) + "1" + (arrays ? "]" : "}").repeat(depth);
                return new String(write(body), StandardCharsets.UTF_8).replace("\"@@nested@@\"", nested)
                        .getBytes(StandardCharsets.UTF_8);
            }
            case 7 -> {
                return concat(write(body), pick(" x", "{}", "]", " 1", ",", "\u0000").getBytes(StandardCharsets.UTF_8));
            }
            case 8 -> {
                String json = new String(write(body), StandardCharsets.UTF_8);
                String duplicate = new String(write(wrongValue()), StandardCharsets.UTF_8);
                return ("{\"" + key + "\":" + duplicate + "," + json.substring(1)).getBytes(StandardCharsets.UTF_8);
            }
            case 9 -> {
                byte[] json = write(body);
                int at = 1 + r.nextInt(json.length - 1);
                byte[][] bad = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                        {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0x80}};
                return concat(concat(java.util.Arrays.copyOf(json, at), bad[r.nextInt(bad.length)]),
                        java.util.Arrays.copyOfRange(json, at, json.length));
            }
            case 10 -> {
                String json = new String(write(body), StandardCharsets.UTF_8);
                String escape = pick("\\ud800", "\\udfff", "\\u0001", "\\u0000", "\\u001b", "\\u0085", "\\uffff");
                int q = json.indexOf("\":\"");
                return (q < 0 ? json : json.substring(0, q + 3) + escape + json.substring(q + 3))
                        .getBytes(StandardCharsets.UTF_8);
            }
            case 11 -> {
                byte[] json = write(body);
                return java.util.Arrays.copyOf(json, r.nextInt(json.length));
            }
            case 12 -> {
                return new byte[0];
            }
            case 13 -> body.put(key, "x".repeat(60_000 + r.nextInt(20_000)));
            case 14 -> {
                byte[] junk = new byte[1 + r.nextInt(300)];
                r.nextBytes(junk);
                return junk;
            }
            case 15 -> body.put(key, pick("-C0042", "=1+1", "+C0042", "@C0042", "C".repeat(65), "abcd"));
            case 16 -> body.put(key, text(1990 + r.nextInt(30)));
            default -> body.put(key, pick("1e400", "-0", "1.5", "NaN", "99999999999999999999", "[]", "{}", "true"));
        }
        return write(body);
    }

    private Object wrongValue() {
        return switch (r.nextInt(9)) {
            case 0 -> r.nextLong();
            case 1 -> new java.math.BigInteger(130, new java.util.Random(r.nextLong()));
            case 2 -> r.nextDouble() * 1e300;
            case 3 -> text(10);
            case 4 -> r.nextBoolean();
            case 5 -> null;
            case 6 -> List.of(1, "a", false);
            case 7 -> Map.of(text(4), r.nextInt());
            default -> pick("nope", "SCREENING", "", " ", "case review");
        };
    }

    private Request upload(Endpoint e) {
        boolean screening = e == Endpoint.SCREENING;
        String path = screening ? "/api/v1/screenings" : "/api/v1/models";
        String token = screening ? "demo-supervisor" : pick("demo-analyst", "demo-admin");
        byte[] content;
        if (screening) {
            String csv = new String(f.cohort(), StandardCharsets.UTF_8);
            content = switch (r.nextInt(12)) {
                case 0, 1 -> f.cohort();
                case 2 -> csv.replaceFirst("child_ref,", "child_ref,need_confirmed_12m,").getBytes(StandardCharsets.UTF_8);
                case 3 -> csv.replaceFirst("child_ref,", "child_ref,shoe_size,").getBytes(StandardCharsets.UTF_8);
                case 4 -> csv.replaceFirst("\nC", "\n-C").getBytes(StandardCharsets.UTF_8);
                case 5 -> csv.replaceFirst("\nC", "\n=C").getBytes(StandardCharsets.UTF_8);
                case 6 -> concat(f.cohort(), new byte[] {(byte) 0xFF, (byte) 0xFE, 0x00});
                case 7 -> new byte[0];
                case 8 -> csv.substring(0, csv.indexOf('\n') + 1).getBytes(StandardCharsets.UTF_8);
                case 9 -> (csv + "\"unterminated,1,2\n").getBytes(StandardCharsets.UTF_8);
                case 10 -> (csv + "C9999999,1\n").getBytes(StandardCharsets.UTF_8);
                default -> (csv.substring(0, csv.indexOf('\n') + 1) + "C0000001" + ",99".repeat(40) + "\n")
                        .getBytes(StandardCharsets.UTF_8);
            };
        } else {
            content = switch (r.nextInt(5)) {
                case 0 -> f.bundle();
                case 1 -> java.util.Arrays.copyOf(f.bundle(), f.bundle().length / 2);
                case 2 -> new byte[0];
                default -> {
                    byte[] junk = new byte[1 + r.nextInt(2000)];
                    r.nextBytes(junk);
                    yield junk;
                }
            };
        }
        byte[] body = Multipart.file(r.nextInt(15) == 0 ? "upload" : "file", "f.csv", content);
        String type = Multipart.CONTENT_TYPE;
        switch (r.nextInt(12)) {
            case 0 -> type = "multipart/form-data";
            case 1 -> type = "multipart/form-data; boundary=other";
            case 2 -> body = java.util.Arrays.copyOf(body, r.nextInt(body.length));
            case 3 -> type = "application/json";
            case 4 -> type = "text/csv";
            default -> {
                // well-formed multipart
            }
        }
        return request(e, "POST", path, token, type, body);
    }

    private Request read() {
        String q = pick("limit", "offset") + "=" + pick("-1", "0", "1", "1000", "1001", "100000", "x", "1.5",
                "99999999999999999999", "%zz", "", "50&limit=2");
        return switch (r.nextInt(3)) {
            case 0 -> request(Endpoint.ENTRIES_READ, "GET", "/api/v1/screenings/" + pathValue(f.screening())
                    + "/entries?" + q + "&" + pick("status=to_review", "status=nope", "band=high", "band=a%20b",
                    "band=" + "x".repeat(40), "x=1") + "&purpose=screening", "demo-caseworker", null, null);
            case 1 -> request(Endpoint.REVIEW_READ, "GET", "/api/v1/review/scores?" + q + "&purpose=supervision", "demo-supervisor", null,
                    null);
            default -> request(Endpoint.AUDIT_READ, "GET", "/api/v1/audit?" + q + "&purpose=audit", "demo-auditor", null, null);
        };
    }

    private Request raw() {
        String head = pick(RAW_HEADS.toArray(new String[0]));
        boolean chunkedHead = head.contains("chunked");
        byte[] body = chunkedHead ? pick("zz\r\n", "5\r\nabc\r\n0\r\n\r\n", "10000000000\r\n") .getBytes(StandardCharsets.UTF_8)
                : new byte[0];
        String full = head + (head.equals("GARBAGE") ? "" : "\r\nHost: x\r\nAuthorization: Bearer demo-caseworker");
        return new Request(Endpoint.RAW, "RAW", head, null, null, null, body, false, full);
    }

    private Request request(Endpoint e, String method, String path, String token, String type, byte[] body) {
        int t = r.nextInt(100);
        String useToken = t < 2 ? null : t < 4 ? pick("demo-auditor", "demo-analyst", "nonsense") : token;
        String useMethod = r.nextInt(40) == 0 ? pick("PUT", "DELETE", "GET") : method;
        String accept = r.nextInt(30) == 0 ? pick("text/html", "application/xml", "*/*") : null;
        boolean chunked = body != null && body.length > 0 && r.nextInt(8) == 0;
        return new Request(e, useMethod, path, useToken, type, accept, body, chunked, null);
    }

    /** A path value, sometimes a bad one. */
    private String pathValue(String good) {
        return switch (r.nextInt(25)) {
            case 0 -> "not-a-uuid";
            case 1 -> "0";
            case 2 -> "-1";
            case 3 -> "99999999999";
            case 4 -> UUID.randomUUID().toString();
            case 5 -> good.toUpperCase(java.util.Locale.ROOT);
            case 6 -> "%20" + good;
            default -> good;
        };
    }

    private String text(int n) {
        StringBuilder b = new StringBuilder();
        int[] cps = ALPHABET.codePoints().toArray();
        while (b.codePointCount(0, b.length()) < n) {
            b.appendCodePoint(cps[r.nextInt(cps.length)]);
        }
        return b.toString();
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[r.nextInt(options.length)];
    }

    private static byte[] write(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
