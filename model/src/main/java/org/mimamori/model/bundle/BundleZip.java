package org.mimamori.model.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.mimamori.model.schema.LocalizedText;

/**
 * Reads a bundle's zip physically bounded. Before anything inflates: the end-of-central-directory record must
 * end the file exactly (a truncated zip or one with bytes after its end is refused, where
 * {@code ZipInputStream} would silently read what is there), the central directory must sit right before it,
 * and the entry count and every declared size must be within the {@link BundleLimits}. Then each entry
 * inflates into an array of its declared size; one byte more, fewer bytes, or a wrong CRC refuses the bundle.
 * So no more than the declared sizes (themselves within the limits) are ever inflated or held.
 */
final class BundleZip {

    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int END_RECORD = 0x06054b50;
    private static final int END_RECORD_SIZE = 22;

    private BundleZip() {
    }

    /**
     * The entries (directories left out), in the order of the central directory.
     *
     * @throws InvalidBundleException naming every problem of the zip's structure found
     */
    static Map<String, byte[]> read(byte[] zip, BundleLimits limits) {
        Findings findings = new Findings();
        if (zip.length == 0) {
            throw new InvalidBundleException("ファイルが空です", "is empty");
        }
        if (zip.length > limits.maxFileBytes()) {
            throw new InvalidBundleException(java.util.List.of(limits.tooLarge()));
        }
        checkEnd(zip, limits);
        Path tmp = null;
        try {
            tmp = Files.createTempFile("mimamori-bundle-", ".zip");
            Files.write(tmp, zip);
            try (ZipFile file = new ZipFile(tmp.toFile())) {
                return entries(file, limits, findings);
            }
        } catch (ZipException e) {
            throw new InvalidBundleException("読み取れる zip ファイルではありません（" + e.getMessage() + "）",
                    "is not a readable zip file (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the temporary file is in the system's temp directory and holds no case records
                }
            }
        }
    }

    /** Checks the end record, the central directory's place and the entry count. */
    private static void checkEnd(byte[] zip, BundleLimits limits) {
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        if (zip.length < END_RECORD_SIZE || b.getInt(0) != LOCAL_HEADER) {
            throw new InvalidBundleException("zip ファイルではありません（先頭が zip のエントリではありません）",
                    "is not a zip file (it does not start with a zip entry)");
        }
        int end = -1;
        for (int p = zip.length - END_RECORD_SIZE; p >= Math.max(0, zip.length - END_RECORD_SIZE - 0xFFFF); p--) {
            if (b.getInt(p) == END_RECORD && p + END_RECORD_SIZE + Short.toUnsignedInt(b.getShort(p + 20)) == zip.length) {
                end = p;
                break;
            }
        }
        if (end < 0) {
            throw new InvalidBundleException("完全な zip ファイルではありません：終端レコードがないため、途中で切れているか、"
                    + "終端の後に余分なバイトがあります", "is not a complete zip file: its end record is missing, so it was "
                    + "cut short or has bytes after its end");
        }
        int disk = Short.toUnsignedInt(b.getShort(end + 4));
        int cdDisk = Short.toUnsignedInt(b.getShort(end + 6));
        int onDisk = Short.toUnsignedInt(b.getShort(end + 8));
        int total = Short.toUnsignedInt(b.getShort(end + 10));
        long cdSize = Integer.toUnsignedLong(b.getInt(end + 12));
        long cdOffset = Integer.toUnsignedLong(b.getInt(end + 16));
        if (total == 0xFFFF || cdSize == 0xFFFFFFFFL || cdOffset == 0xFFFFFFFFL) {
            throw new InvalidBundleException("ZIP64 形式です（モデルバンドルには不要な形式です）",
                    "uses ZIP64, which model bundles never need");
        }
        if (disk != 0 || cdDisk != 0 || onDisk != total) {
            throw new InvalidBundleException("複数のディスクに分割されています（モデルバンドルは分割されません）",
                    "is split over several disks, which model bundles never are");
        }
        if (total > limits.maxEntries()) {
            throw new InvalidBundleException("エントリが " + total + " 個あり、上限の " + limits.maxEntries()
                    + " 個を超えています", "has " + total + " entries, more than the limit of " + limits.maxEntries());
        }
        if (cdOffset + cdSize != end) {
            throw new InvalidBundleException("整合性のある zip ファイルではありません：エントリ一覧の終わりが終端レコードの"
                    + "始まりと一致しません（途中で切れているか、書き換えられています）", "is not a consistent zip file: its "
                    + "list of entries does not end where its end record begins (cut short or altered)");
        }
    }

    private static Map<String, byte[]> entries(ZipFile file, BundleLimits limits, Findings findings)
            throws IOException {
        Set<String> names = new HashSet<>();
        Map<String, ZipEntry> files = new LinkedHashMap<>();
        long declared = 0;
        int count = 0;
        for (Enumeration<? extends ZipEntry> en = file.entries(); en.hasMoreElements(); ) {
            ZipEntry e = en.nextElement();
            count++;
            String name = e.getName();
            if (!names.add(name)) {
                findings.add(BundleProblem.FILE, "ファイルにエントリ " + name + " が 2 回以上含まれています",
                        "holds the entry " + name + " more than once");
                continue;
            }
            LocalizedText bad = unsafeName(name);
            if (bad != null) {
                findings.add(BundleProblem.FILE, "ファイルに含まれるエントリ名 '" + printable(name) + "' は" + bad.ja(),
                        "holds an entry named '" + printable(name) + "', which " + bad.en());
                continue;
            }
            if (e.getSize() < 0 || e.getCrc() < 0) {
                findings.add(name, "サイズまたはチェックサムが記録されていません", "has no recorded size or checksum");
            } else if (e.isDirectory()) {
                if (e.getSize() != 0) {
                    findings.add(name, "中身のあるフォルダーです", "is a folder with content");
                }
            } else if (e.getSize() > limits.maxEntryBytes()) {
                LocalizedText size = BundleLimits.size(e.getSize());
                LocalizedText limit = BundleLimits.size(limits.maxEntryBytes());
                findings.add(name, "展開すると " + size.ja() + "になり、1 エントリあたりの上限 " + limit.ja()
                        + "を超えています", "inflates to " + size.en() + ", more than the limit of " + limit.en()
                        + " per entry");
            } else {
                declared += e.getSize();
                files.put(name, e);
            }
        }
        if (count > limits.maxEntries()) {
            findings.add(BundleProblem.FILE, "ファイルのエントリが上限の " + limits.maxEntries() + " 個を超えています",
                    "has more than " + limits.maxEntries() + " entries");
        }
        if (declared > limits.maxTotalBytes()) {
            LocalizedText size = BundleLimits.size(declared);
            LocalizedText limit = BundleLimits.size(limits.maxTotalBytes());
            findings.add(BundleProblem.FILE, "ファイルは展開すると合計 " + size.ja() + "になり、上限の " + limit.ja()
                    + "を超えています", "inflates to " + size.en() + ", more than the limit of " + limit.en() + " in all");
        }
        findings.throwIfAny();
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (ZipEntry e : files.values()) {
            byte[] content = inflate(file, e, findings);
            if (content != null) {
                out.put(e.getName(), content);
            }
        }
        findings.throwIfAny();
        if (out.isEmpty()) {
            throw new InvalidBundleException("ファイルは空の zip ファイルです（エントリがありません）", "is an empty zip file");
        }
        return out;
    }

    /** Inflates one entry into an array of exactly its declared size, or records why it cannot. */
    private static byte[] inflate(ZipFile file, ZipEntry e, Findings findings) {
        byte[] content = new byte[(int) e.getSize()];
        try (InputStream in = file.getInputStream(e)) {
            int read = in.readNBytes(content, 0, content.length);
            if (read < content.length) {
                findings.add(e.getName(), "途中で切れています（" + content.length + " バイトのうち " + read
                        + " バイトしかありません）", "is cut short: " + read + " of its " + content.length + " bytes are there");
                return null;
            }
            if (in.read() >= 0) {
                findings.add(e.getName(), "展開するとヘッダーに記録された " + content.length + " バイトを超えます",
                        "inflates to more than the " + content.length + " bytes its header declares");
                return null;
            }
        } catch (ZipException | java.io.EOFException ex) {
            findings.add(e.getName(), "壊れていて展開できません（" + ex.getMessage() + "）",
                    "is damaged and cannot be inflated (" + ex.getMessage() + ")");
            return null;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        CRC32 crc = new CRC32();
        crc.update(content);
        if (crc.getValue() != e.getCrc()) {
            findings.add(e.getName(), "壊れています（チェックサムが内容と一致しません）",
                    "is damaged: its checksum does not match its content");
            return null;
        }
        return content;
    }

    /** Why an entry name is unsafe (absolute, climbing out, odd characters), or null when it is fine. */
    static LocalizedText unsafeName(String name) {
        if (name.isEmpty()) {
            return new LocalizedText("空です", "is empty");
        }
        if (name.startsWith("/") || name.startsWith("\\") || (name.length() > 1 && name.charAt(1) == ':')) {
            return new LocalizedText("絶対パスです", "is an absolute path");
        }
        if (name.contains("\\")) {
            return new LocalizedText("バックスラッシュを含んでいます", "uses backslashes");
        }
        for (String part : name.split("/", -1)) {
            if (part.equals("..") || part.equals(".")) {
                return new LocalizedText("バンドルの外を指しています", "points outside the bundle");
            }
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                return new LocalizedText("制御文字を含んでいます", "holds control characters");
            }
        }
        return null;
    }

    private static String printable(String name) {
        StringBuilder sb = new StringBuilder();
        name.codePoints().limit(200).forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return sb.toString();
    }
}
