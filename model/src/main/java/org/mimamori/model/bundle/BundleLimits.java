package org.mimamori.model.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.mimamori.model.schema.LocalizedText;

/**
 * How large a bundle may be, checked while it is read so that a zip bomb is refused quickly and with bounded
 * memory: the zip file itself, every entry once inflated, all entries together once inflated, and the number
 * of entries. Sizes are counted as the bytes inflate; the sizes a zip declares are never trusted.
 *
 * @param maxFileBytes  the largest zip file (compressed), in bytes
 * @param maxEntryBytes the largest single entry once inflated, in bytes
 * @param maxTotalBytes the most bytes all entries may inflate to together
 * @param maxEntries    the most entries a zip may hold
 */
public record BundleLimits(long maxFileBytes, long maxEntryBytes, long maxTotalBytes, int maxEntries) {

    /** 64 MB file, 64 MB per entry, 256 MB inflated in all, 1,000 entries (a trained bundle is about 1 MB). */
    public static final BundleLimits DEFAULT = new BundleLimits(64L << 20, 64L << 20, 256L << 20, 1000);

    /** The largest entry Java can hold in one array. */
    private static final long ARRAY_LIMIT = Integer.MAX_VALUE - 16;

    /** Checks that every limit is positive and an entry fits in memory. */
    public BundleLimits {
        if (maxFileBytes < 1 || maxEntryBytes < 1 || maxTotalBytes < 1 || maxEntries < 1) {
            throw new IllegalArgumentException("bundle limits must be positive");
        }
        if (maxEntryBytes > ARRAY_LIMIT || maxFileBytes > ARRAY_LIMIT) {
            throw new IllegalArgumentException("bundle limits must be below 2 GB");
        }
    }

    /**
     * Reads a bundle file from a stream, at most {@link #maxFileBytes} of it.
     *
     * @throws InvalidBundleException when the stream holds more than the limit
     */
    public byte[] readFile(InputStream in) {
        try {
            byte[] bytes = in.readNBytes((int) Math.min(ARRAY_LIMIT, maxFileBytes + 1));
            if (bytes.length > maxFileBytes) {
                throw new InvalidBundleException(List.of(tooLarge()));
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    BundleProblem tooLarge() {
        LocalizedText limit = size(maxFileBytes);
        return BundleProblem.ofFile(new LocalizedText("ファイルが上限の " + limit.ja() + "を超えています",
                "is larger than the limit of " + limit.en()));
    }

    /** A size for people: {@code 64 MB}, {@code 12,345 bytes} ({@code 12,345 バイト}). */
    static LocalizedText size(long n) {
        if (n >= (1L << 20) && n % (1L << 20) == 0) {
            return LocalizedText.of((n >> 20) + " MB");
        }
        String count = String.format(java.util.Locale.ROOT, "%,d", n);
        return new LocalizedText(count + " バイト", count + " bytes");
    }
}
