package org.mimamori.api.scoring;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;
import org.mimamori.api.models.ActiveModel;
import org.mimamori.api.models.RegisteredScorers;
import org.mimamori.api.problems.InvalidRequestException;
import org.mimamori.api.security.Caller;
import org.mimamori.api.web.dto.ScoreRequest;
import org.mimamori.model.scoring.ExplainedScore;
import org.mimamori.model.scoring.Scorer;
import org.springframework.stereotype.Service;

/**
 * {@link StoredResponses}: serves a kept response, or renders it again with the score's registered model,
 * and checks either against its fingerprint.
 */
@Service
class StoredResponsesService implements StoredResponses {

    private final RegisteredScorers scorers;
    private final ObjectMapper json;

    StoredResponsesService(RegisteredScorers scorers, ObjectMapper json) {
        this.scorers = scorers;
        this.json = json;
    }

    /** The longest a kept response may be (the service's responses are about 13 KB). */
    private static final int MAX_KEPT = 16 * 1024 * 1024;
    /**
     * The compressor: lz4-java's native one where its JNI library loads (half the time here), else its pure
     * Java one. {@code LZ4Factory.fastestInstance()} never tries the native one from a class loader other than the
     * system's, which is where Spring Boot's jar loads it; any of them writes blocks every decompressor reads.
     */
    static final LZ4Compressor LZ4 = compressor();
    /** Kept bytes are read as untrusted (a damaged or altered row): by the pure Java, bounds-checked decompressor. */
    private static final LZ4SafeDecompressor UNLZ4 = LZ4Factory.safeInstance().safeDecompressor();

    private static LZ4Compressor compressor() {
        try {
            return LZ4Factory.nativeInstance().fastCompressor();
        } catch (LinkageError | RuntimeException e) { // no JNI library for this platform, or it did not load
            return LZ4Factory.safeInstance().fastCompressor();
        }
    }

    @Override
    public String response(Stored s) {
        if (s.responseJson() != null) {
            return s.responseJson();
        }
        if (s.kept() != null) {
            byte[] kept = unkept(s.id(), s.kept());
            if (!fingerprint(kept).equals(s.fingerprint())) {
                throw new IllegalStateException("score " + s.id() + ": its kept response is damaged (it does not "
                        + "match its fingerprint " + s.fingerprint() + ")");
            }
            return new String(kept, StandardCharsets.UTF_8);
        }
        Scorer scorer = scorers.registered(s.modelVersion()).map(ActiveModel::scorer).orElseThrow(() ->
                new IllegalStateException("score " + s.id() + ": its model " + s.modelVersion()
                        + " is no longer registered or fails its checks"));
        ScoreRequest request = request(s.id(), s.requestJson());
        byte[] response = utf8(json, ScoreViews.view(UUID.fromString(s.id()), request,
                explained(s.id(), scorer, request), scorer.schema(), Locale.forLanguageTag(s.language()),
                s.createdAt(), new Caller(s.requestedBy(), s.requesterRole())));
        if (!fingerprint(response).equals(s.fingerprint())) {
            throw new IllegalStateException("score " + s.id() + ": its response rendered again by model "
                    + s.modelVersion() + " differs from the one first given (fingerprint " + s.fingerprint() + ")");
        }
        return new String(response, StandardCharsets.UTF_8);
    }

    @Override
    public Optional<ExplainedScore> explainedAgain(String scoreId, String requestJson, String modelVersion) {
        return scorers.registered(modelVersion).map(m -> explained(scoreId, m.scorer(), request(scoreId, requestJson)));
    }

    private ScoreRequest request(String scoreId, String requestJson) {
        try {
            return json.readValue(requestJson, ScoreRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("score " + scoreId + ": its stored inputs cannot be read", e);
        }
    }

    private static ExplainedScore explained(String scoreId, Scorer scorer, ScoreRequest request) {
        try {
            return scorer.score(CaseReader.read(scorer.schema(), request.getItems()));
        } catch (InvalidRequestException e) { // not by the model that scored them: only if the row was edited
            throw new IllegalStateException("score " + scoreId + ": its stored inputs are refused by its model", e);
        }
    }

    /** A value's JSON, written straight to UTF-8 (a response's body and its fingerprint are these bytes). */
    static byte[] utf8(ObjectMapper json, Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** What a writer stores of a response it gives: its fingerprint and the response itself ({@link #kept}). */
    record Kept(String fingerprint, byte[] compressed) {

        /** @param utf8 the response as given, in UTF-8 */
        static Kept of(byte[] utf8) {
            return new Kept(StoredResponsesService.fingerprint(utf8), kept(utf8));
        }
    }

    /**
     * A response's UTF-8 as kept in {@code score.response_kept}: its length (4 bytes, big-endian), then its LZ4
     * block (about 4 KB for a 13 KB response, in about 10 µs; zlib's fastest level takes four times as long:
     * bench/compress-response.sh).
     */
    static byte[] kept(byte[] utf8) {
        if (utf8.length > MAX_KEPT) { // it could not be read back
            throw new IllegalStateException("a response of " + utf8.length + " bytes is longer than can be kept");
        }
        byte[] out = new byte[4 + LZ4.maxCompressedLength(utf8.length)];
        ByteBuffer.wrap(out).putInt(utf8.length);
        int n = LZ4.compress(utf8, 0, utf8.length, out, 4);
        return Arrays.copyOf(out, 4 + n);
    }

    /** A kept response's UTF-8 ({@link #kept}). */
    static byte[] unkept(String scoreId, byte[] kept) {
        try {
            int length = kept.length < 4 ? -1 : ByteBuffer.wrap(kept).getInt();
            if (length < 0 || length > MAX_KEPT || length > (kept.length - 4) * 255L) { // LZ4 expands 255-fold at most
                throw new IllegalArgumentException("its length " + length + " is out of range");
            }
            byte[] out = new byte[length];
            int n = UNLZ4.decompress(kept, 4, kept.length - 4, out, 0, length);
            if (n != length) {
                throw new IllegalArgumentException(n + " bytes instead of " + length);
            }
            return out;
        } catch (LZ4Exception | IllegalArgumentException e) {
            throw new IllegalStateException("score " + scoreId + ": its kept response is damaged (" + e.getMessage()
                    + ")", e);
        }
    }

    /** The first 8 bytes of the SHA-256 of a response in UTF-8, in hex (16 characters). */
    static String fingerprint(byte[] utf8) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(utf8);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}
