-- A score's response as first given is kept again, compressed: its length in 4 bytes (big-endian), then its LZ4
-- block (about 4 KB instead of 13 KB). Since V21 it was rendered again on every read and checked against its
-- fingerprint, so any change to how a response is written (a reworded message, a new field, a Java whose
-- Double.toString differs) would have made every earlier score unreadable. A kept response is served as kept
-- (checked against response_fingerprint, so a damaged one is refused, never served); one not kept (V21's rows) is
-- rendered again as before (scoring.StoredResponses). A compact screening's entries are scores only once opened,
-- and keep their response from then on. Instant for MariaDB: a nullable column
-- added at the end.
ALTER TABLE score ADD COLUMN response_kept MEDIUMBLOB NULL;
