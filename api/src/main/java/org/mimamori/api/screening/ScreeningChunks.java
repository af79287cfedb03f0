package org.mimamori.api.screening;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code screening_chunk} table: a screening's row ranges, claimed by whichever instance asks first. A claim is
 * a lease with a token of its own; a chunk whose lease has expired (its claimant died or stalled) is claimable
 * again, and the claimant it was taken from can no longer store it ({@link #complete} refuses a claim that is not
 * the chunk's current one), so no chunk is stored twice.
 */
@Repository
class ScreeningChunks {

    /**
     * A chunk of a screening: rows {@code firstRow .. firstRow + rowCount - 1}, its file chunk {@code chunkNo};
     * {@code claims} counts the claims made of it (this one included, when claimed).
     */
    record Chunk(String screeningId, int chunkNo, int firstRow, int rowCount, int claims) {
    }

    /** A chunk claimed under {@code token} until {@code leaseUntil}. */
    record Claim(Chunk chunk, String token, Instant leaseUntil) {
    }

    private final JdbcTemplate jdbc;

    ScreeningChunks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a pending chunk; in the caller's transaction (the upload's). */
    void add(Chunk c) {
        jdbc.update("INSERT INTO screening_chunk (screening_id, chunk_no, first_row, row_count, state) "
                + "VALUES (?,?,?,?, 'pending')", c.screeningId(), c.chunkNo(), c.firstRow(), c.rowCount());
    }

    /**
     * Claims one pending chunk, or one whose lease expired before {@code now}, for {@code token} until
     * {@code leaseUntil}. Rows another transaction is claiming are skipped ({@code SKIP LOCKED}), so concurrent
     * claimants on any number of instances never wait for each other nor take the same chunk. In the caller's
     * transaction, which should commit at once (the claim is seen by others only then).
     */
    Optional<Claim> claim(String token, Instant now, Instant leaseUntil) {
        List<Chunk> found = jdbc.query("SELECT screening_id, chunk_no, first_row, row_count, claims FROM screening_chunk "
                + "WHERE state = 'pending' OR (state = 'claimed' AND lease_until < ?) "
                + "ORDER BY screening_id, chunk_no LIMIT 1 FOR UPDATE SKIP LOCKED",
                (rs, n) -> new Chunk(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5) + 1),
                ts(now));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Chunk c = found.get(0);
        jdbc.update("UPDATE screening_chunk SET state = 'claimed', claimed_by = ?, lease_until = ?, claims = claims + 1 "
                + "WHERE screening_id = ? AND chunk_no = ?", token, ts(leaseUntil), c.screeningId(), c.chunkNo());
        return Optional.of(new Claim(c, token, leaseUntil));
    }

    /**
     * Marks a claimed chunk done, in the caller's transaction (the one that stores its entries); locks the chunk's
     * row until that commits.
     *
     * @return false when the claim is no longer the chunk's (its lease expired and another claimant took it, or
     *         the job ended): the caller must then roll back and store nothing
     */
    boolean complete(Claim claim) {
        return jdbc.update("UPDATE screening_chunk SET state = 'done', claimed_by = NULL, lease_until = NULL "
                + "WHERE screening_id = ? AND chunk_no = ? AND state = 'claimed' AND claimed_by = ?",
                claim.chunk().screeningId(), claim.chunk().chunkNo(), claim.token()) == 1;
    }

    /** Gives a claim back (e.g. at shutdown), so another instance may take it at once. */
    void release(Claim claim) {
        jdbc.update("UPDATE screening_chunk SET state = 'pending', claimed_by = NULL, lease_until = NULL "
                + "WHERE screening_id = ? AND chunk_no = ? AND state = 'claimed' AND claimed_by = ?",
                claim.chunk().screeningId(), claim.chunk().chunkNo(), claim.token());
    }

    /** How many of a screening's chunks are not done. */
    int unfinished(String screeningId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM screening_chunk WHERE screening_id = ? "
                + "AND state <> 'done'", Integer.class, screeningId);
        return n == null ? 0 : n;
    }

    /** Whether the screening has chunks at all (jobs stored before V15 have none). */
    boolean any(String screeningId) {
        return !jdbc.queryForList("SELECT chunk_no FROM screening_chunk WHERE screening_id = ? LIMIT 1",
                Integer.class, screeningId).isEmpty();
    }

    /** Deletes a screening's chunks (when it ends); in the caller's transaction. */
    void drop(String screeningId) {
        jdbc.update("DELETE FROM screening_chunk WHERE screening_id = ?", screeningId);
    }

    private static Timestamp ts(Instant t) {
        return Timestamp.from(t);
    }
}
