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

    /**
     * Spring Boot's class loader keeps {@code LZ4Factory.fastestInstance()} from the native compressor; ours asks
     * for it. The tests run from the system class loader, where {@code fastestInstance()} would find it too, so the
     * class is loaded here again by a class loader of its own, as in the service's jar.
     */
    @Example
    void compressesWithTheNativeLibraryFromAClassLoaderOtherThanTheSystems() throws Exception {
        String nativeOne;
        try {
            nativeOne = LZ4Factory.nativeInstance().fastCompressor().getClass().getName();
        } catch (LinkageError e) {
            org.junit.jupiter.api.Assumptions.abort("lz4-java has no native library for this platform: " + e);
            return;
        }
        java.util.List<java.net.URL> path = new java.util.ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            path.add(java.nio.file.Path.of(entry).toUri().toURL());
        }
        try (java.net.URLClassLoader own = new java.net.URLClassLoader(path.toArray(java.net.URL[]::new),
                ClassLoader.getPlatformClassLoader())) {
            Class<?> service = Class.forName(StoredResponsesService.class.getName(), true, own);
            assertThat(service.getClassLoader()).isSameAs(own);
            java.lang.reflect.Field lz4 = service.getDeclaredField("LZ4");
            lz4.setAccessible(true);
            assertThat(lz4.get(null).getClass().getName()).isEqualTo(nativeOne);
        }
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
