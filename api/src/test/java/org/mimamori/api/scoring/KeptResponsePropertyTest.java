package org.mimamori.api.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Arrays;

import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** A kept response (V22) is read back exactly as it was kept, and a cut-off one is refused, never half-served. */
class KeptResponsePropertyTest {

    @Property
    void whatIsKeptIsWhatIsRead(@ForAll @Size(max = 70_000) byte[] response) {
        assertThat(StoredResponsesService.unkept("s", StoredResponsesService.kept(response)))
                .isEqualTo(response);
    }

    /** JSON-like text of repeated fragments, so that the blocks hold matches as well as literals. */
    @Property
    void whatIsKeptIsWhatIsReadWhenItCompresses(@ForAll @Size(max = 400) java.util.List<@From("fragments") String> parts) {
        byte[] response = String.join("", parts).getBytes(StandardCharsets.UTF_8);
        byte[] kept = StoredResponsesService.kept(response);
        assertThat(StoredResponsesService.unkept("s", kept)).isEqualTo(response);
    }

    @Provide
    Arbitrary<String> fragments() {
        return Arbitraries.oneOf(Arbitraries.of("{\"item\":\"", "\",\"label\":\"", "区分が変わる", "\"band\":{\"id\":\"high\"}",
                ",", "0.881306465122879", "非常に高い"), Arbitraries.strings().withChars("ab{}\":,区分").ofMaxLength(6));
    }

    /** Rows kept before the native compressor was used hold the pure Java compressor's blocks; they read the same. */
    @Property
    void aBlockOfThePureJavaCompressorIsReadToo(@ForAll @Size(max = 400) java.util.List<@From("fragments") String> parts) {
        byte[] response = String.join("", parts).getBytes(StandardCharsets.UTF_8);
        LZ4Compressor java = LZ4Factory.safeInstance().fastCompressor();
        byte[] block = new byte[java.maxCompressedLength(response.length)];
        int n = java.compress(response, 0, response.length, block, 0);
        byte[] kept = ByteBuffer.allocate(4 + n).putInt(response.length).put(block, 0, n).array();
        assertThat(StoredResponsesService.unkept("s", kept)).isEqualTo(response);
    }

    /** Spring Boot's class loader keeps {@code LZ4Factory.fastestInstance()} from the native one; ours asks for it. */
    @Example
    void compressesWithTheNativeLibraryWhereItLoads() {
        LZ4Compressor nativeOne;
        try {
            nativeOne = LZ4Factory.nativeInstance().fastCompressor();
        } catch (LinkageError e) {
            org.junit.jupiter.api.Assumptions.abort("lz4-java has no native library for this platform: " + e);
            return;
        }
        assertThat(StoredResponsesService.LZ4).isSameAs(nativeOne);
    }

    @Property
    void aCutOffResponseIsRefused(@ForAll @Size(min = 1, max = 20_000) byte[] response,
                                  @ForAll @IntRange(min = 0, max = 1_000_000) int cut) {
        byte[] kept = StoredResponsesService.kept(response);
        byte[] prefix = Arrays.copyOf(kept, cut % kept.length);
        assertThatThrownBy(() -> StoredResponsesService.unkept("s", prefix))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("damaged");
    }
}
