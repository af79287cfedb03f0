package org.mimamori.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import net.jpountz.lz4.LZ4Factory;
import org.springframework.jdbc.core.JdbcTemplate;

/** A score's kept response (migration V22), read back independently of the service's code. */
public final class KeptResponses {

    private KeptResponses() {
    }

    /** The kept response of a score, which must have one, as text. */
    public static String of(JdbcTemplate jdbc, String scoreId) {
        byte[] kept = jdbc.queryForObject("SELECT response_kept FROM score WHERE id = ?", byte[].class, scoreId);
        assertThat(kept).as("the kept response of " + scoreId).isNotNull();
        return decompress(kept);
    }

    /** The kept form: the response's length in 4 bytes, big-endian, then its LZ4 block. */
    public static String decompress(byte[] kept) {
        byte[] out = new byte[ByteBuffer.wrap(kept).getInt()];
        LZ4Factory.safeInstance().safeDecompressor().decompress(kept, 4, kept.length - 4, out, 0);
        return new String(out, StandardCharsets.UTF_8);
    }
}
