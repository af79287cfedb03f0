package org.mimamori.model.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

/** The physically bounded read: zip structure, names and sizes are checked before anything is trusted. */
class BundleZipTest {

    private static final BundleLimits SMALL = new BundleLimits(1 << 20, 1 << 20, 2 << 20, 40);

    @Test
    void aTruncatedZipIsRefusedWhereverItIsCut() {
        byte[] zip = ValidBundle.bytes();
        for (int cut : new int[] {zip.length - 1, zip.length - 22, zip.length / 2, 100}) {
            assertRefused(Arrays.copyOf(zip, cut), BundleProblem.FILE, "cut short");
        }
    }

    @Test
    void bytesAfterTheEndOrBeforeTheStartAreRefused() {
        byte[] zip = ValidBundle.bytes();
        byte[] trailing = Arrays.copyOf(zip, zip.length + 5);
        assertRefused(trailing, BundleProblem.FILE, "bytes after its end");
        byte[] prefixed = new byte[zip.length + 3];
        System.arraycopy(zip, 0, prefixed, 3, zip.length);
        assertRefused(prefixed, BundleProblem.FILE, "not a zip file");
    }

    @Test
    void somethingThatIsNotAZipOrIsEmptyIsRefused() {
        assertRefused("hello".getBytes(StandardCharsets.UTF_8), BundleProblem.FILE, "not a zip file");
        assertRefused(new byte[0], BundleProblem.FILE, "is empty");
    }

    @Test
    void anEntryLargerThanTheLimitIsRefusedBeforeItInflates() {
        byte[] bomb = zipOf(Map.of("scorecard.json", new byte[3 << 20]));
        long started = System.nanoTime();
        assertRefused(bomb, SMALL, "scorecard.json", "more than the limit of 1 MB per entry");
        assertThat(System.nanoTime() - started).isLessThan(2_000_000_000L);
    }

    @Test
    void entriesTogetherLargerThanTheTotalLimitAreRefused() {
        byte[] zip = zipOf(Map.of("a.bin", new byte[900 << 10], "b.bin", new byte[900 << 10],
                "c.bin", new byte[900 << 10]));
        assertRefused(zip, SMALL, BundleProblem.FILE, "more than the limit of 2 MB in all");
    }

    @Test
    void anEntryThatInflatesBeyondTheSizeItsHeaderDeclaresIsRefused() {
        byte[] zip = zipOf(Map.of("scorecard.json", new byte[100_000]));
        // Make the central directory claim 1,000 bytes: a bomb that lies about its size.
        int cd = centralDirectory(zip);
        ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN).putInt(cd + 24, 1000);
        assertRefused(zip, "scorecard.json", "more than the 1000 bytes its header declares");
    }

    @Test
    void aDamagedEntryIsRefusedByItsChecksum() {
        byte[] content = "some stored text that will be damaged".getBytes(StandardCharsets.UTF_8);
        byte[] zip = storedZip("model-card.md", content);
        int at = indexOf(zip, content);
        zip[at + 3] ^= 0x20;
        assertRefused(zip, "model-card.md", "checksum does not match");
    }

    @Test
    void tooManyEntriesAreRefused() {
        Map<String, byte[]> many = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 41; i++) {
            many.put("plots/" + i + ".png", new byte[] {1});
        }
        assertRefused(zipOf(many), SMALL, BundleProblem.FILE, "has 41 entries, more than the limit of 40");
    }

    @Test
    void aRepeatedEntryNameIsRefused() {
        byte[] zip = zipOf(new java.util.LinkedHashMap<>(Map.of("scorecard.json", new byte[] {1},
                "scorecard.jsoX", new byte[] {2})));
        byte[] from = "scorecard.jsoX".getBytes(StandardCharsets.UTF_8);
        for (int at; (at = indexOf(zip, from)) >= 0; ) {
            zip[at + from.length - 1] = 'n';
        }
        assertRefused(zip, BundleProblem.FILE, "holds the entry scorecard.json more than once");
    }

    @Test
    void namesThatClimbOutOfTheBundleOrAreAbsoluteAreRefused() {
        assertRefused(zipOf(Map.of("../../etc/cron.d/x", new byte[] {1})), BundleProblem.FILE,
                "points outside the bundle");
        assertRefused(zipOf(Map.of("/etc/passwd", new byte[] {1})), BundleProblem.FILE, "absolute path");
        assertRefused(zipOf(Map.of("plots\\..\\x", new byte[] {1})), BundleProblem.FILE, "backslashes");
        assertThat(BundleZip.unsafeName("plots/roc.png")).isNull();
    }

    @Test
    void aFileOverTheFileLimitIsRefusedFromAStreamWithoutReadingItAll() {
        BundleLimits tiny = new BundleLimits(10, 10, 10, 1);
        assertThatThrownBy(() -> tiny.readFile(new java.io.ByteArrayInputStream(new byte[1000])))
                .isInstanceOfSatisfying(InvalidBundleException.class, e -> assertThat(e.problems().get(0).message())
                        .isEqualTo("is larger than the limit of 10 bytes"));
        assertThat(tiny.readFile(new java.io.ByteArrayInputStream(new byte[10]))).hasSize(10);
    }

    static void assertRefused(byte[] zip, String entry, String words) {
        assertRefused(zip, BundleLimits.DEFAULT, entry, words);
    }

    static void assertRefused(byte[] zip, BundleLimits limits, String entry, String words) {
        assertThatThrownBy(() -> ModelBundle.read(zip, limits))
                .isInstanceOfSatisfying(InvalidBundleException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> {
                            assertThat(p.entry()).isEqualTo(entry);
                            assertThat(p.message()).contains(words);
                        }));
    }

    static byte[] zipOf(Map<String, byte[]> entries) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(buffer)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    private static byte[] storedZip(String name, byte[] content) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(buffer)) {
            ZipEntry e = new ZipEntry(name);
            e.setMethod(ZipEntry.STORED);
            e.setSize(content.length);
            CRC32 crc = new CRC32();
            crc.update(content);
            e.setCrc(crc.getValue());
            zip.putNextEntry(e);
            zip.write(content);
            zip.closeEntry();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    private static int centralDirectory(byte[] zip) {
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        return b.getInt(zip.length - 22 + 16);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
