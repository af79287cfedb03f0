import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;

import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;

/**
 * Compresses one score response again and again: zlib's fastest level (the JDK's Deflater) against LZ4's fast
 * compressor (the form the service keeps, migration V22). Run by bench/compress-response.sh.
 */
public class CompressResponse {
    public static void main(String[] args) throws Exception {
        byte[] response = Files.readAllBytes(Path.of(args[0]));
        LZ4Compressor lz4 = LZ4Factory.fastestInstance().fastCompressor();
        int n = 20_000;
        System.out.printf("response: %,d bytes%n", response.length);
        for (int round = 1; round <= 3; round++) {
            long t = System.nanoTime();
            int size = 0;
            for (int i = 0; i < n; i++) {
                Deflater d = new Deflater(Deflater.BEST_SPEED);
                d.setInput(response);
                d.finish();
                size = d.deflate(new byte[response.length + 64]);
                d.end();
            }
            System.out.printf("round %d: zlib level 1 %,d bytes %.1f µs", round, size, (System.nanoTime() - t) / 1e3 / n);
            t = System.nanoTime();
            for (int i = 0; i < n; i++) {
                size = lz4.compress(response).length;
            }
            System.out.printf("; LZ4 %,d bytes %.1f µs%n", size, (System.nanoTime() - t) / 1e3 / n);
        }
    }
}
