package org.mimamori.api.models;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Broken bundles made from a sound one, and zip bombs, for the tests of what the registry refuses. */
final class BundleZips {

    private BundleZips() {
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file holding the bytes, for the generated client's upload. */
    static Path file(byte[] bytes) {
        try {
            Path f = Files.createTempFile("mimamori-test-bundle", ".zip");
            f.toFile().deleteOnExit();
            return Files.write(f, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, byte[]> entries(byte[] zip) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.put(e.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(buffer)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    /** A sound bundle with one entry's text changed. */
    static byte[] with(byte[] bundle, String entry, UnaryOperator<String> change) {
        Map<String, byte[]> entries = entries(bundle);
        String text = new String(entries.get(entry), StandardCharsets.UTF_8);
        String changed = change.apply(text);
        if (changed.equals(text)) {
            throw new IllegalArgumentException("the change left " + entry + " as it was");
        }
        entries.put(entry, changed.getBytes(StandardCharsets.UTF_8));
        return zip(entries);
    }

    /**
     * A zip of one entry that inflates to {@code megabytes} MB of zeros, made without inflating anything: one
     * megabyte deflated after a full flush is independent of what came before, so its bytes are repeated.
     *
     * @param declared the inflated size the headers state (the truth, or a lie)
     */
    static byte[] bomb(String name, int megabytes, long declared) {
        byte[] zeros = new byte[1 << 20];
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        byte[] first = deflate(d, zeros, Deflater.FULL_FLUSH);
        byte[] block = deflate(d, zeros, Deflater.FULL_FLUSH);
        d.finish();
        byte[] tail = deflate(d, new byte[0], Deflater.NO_FLUSH);
        d.end();
        CRC32 crc = new CRC32();
        for (int i = 0; i < megabytes; i++) {
            crc.update(zeros);
        }
        long compressed = first.length + (long) block.length * (megabytes - 1) + tail.length;
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate((int) (compressed + 2 * n.length + 30 + 46 + 22)).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x04034b50).putShort((short) 20).putShort((short) 0).putShort((short) 8).putShort((short) 0)
                .putShort((short) 0x21).putInt((int) crc.getValue()).putInt((int) compressed).putInt((int) declared)
                .putShort((short) n.length).putShort((short) 0).put(n);
        b.put(first);
        for (int i = 1; i < megabytes; i++) {
            b.put(block);
        }
        b.put(tail);
        int cd = b.position();
        b.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0).putShort((short) 8)
                .putShort((short) 0).putShort((short) 0x21).putInt((int) crc.getValue()).putInt((int) compressed)
                .putInt((int) declared).putShort((short) n.length).putShort((short) 0).putShort((short) 0)
                .putShort((short) 0).putShort((short) 0).putInt(0).putInt(0).put(n);
        int cdSize = b.position() - cd;
        b.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) 1).putShort((short) 1)
                .putInt(cdSize).putInt(cd).putShort((short) 0);
        return b.array();
    }

    private static byte[] deflate(Deflater d, byte[] input, int flush) {
        d.setInput(input);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 << 10];
        while (true) {
            int k = d.deflate(buf, 0, buf.length, flush);
            out.write(buf, 0, k);
            if (k < buf.length && (d.needsInput() || d.finished())) {
                return out.toByteArray();
            }
        }
    }
}
