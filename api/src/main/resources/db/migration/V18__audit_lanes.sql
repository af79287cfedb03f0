-- The audit chain becomes lanes (org.mimamori.model.audit.AuditLedger): up to 64 independent chains, each with
-- its own head row in audit_head (id = the lane), so that concurrent writers lock different heads. Each chained
-- record carries its lane and its number in the lane (seq, from 1, without gaps); its hash covers the lane, the
-- number, its content and the previous record's hash in the lane. The records chained before this migration
-- become lane 0, numbers 1..n in record order, and keep their hashes (which cover their record numbers):
-- audit_head.legacy_seq says how many of lane 0's records are hashed that way. Record ids stay unique and keep
-- growing (AUTO_INCREMENT); they no longer need to be consecutive. Records older than the chain (ids below
-- lane 0's first_id) have no lane. The service uses lanes 0 .. mimamori.audit.lanes - 1; all are verified.
ALTER TABLE audit_event
    ADD COLUMN lane TINYINT NULL,
    ADD COLUMN seq  BIGINT  NULL,
    ADD UNIQUE INDEX audit_lane_seq (lane, seq);

ALTER TABLE audit_head
    ADD COLUMN last_seq   BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN legacy_seq BIGINT NOT NULL DEFAULT 0;

UPDATE audit_event e
    JOIN (SELECT id, ROW_NUMBER() OVER (ORDER BY id) AS n FROM audit_event
          WHERE id >= (SELECT first_id FROM audit_head WHERE id = 1)) c ON c.id = e.id
SET e.lane = 0, e.seq = c.n;

UPDATE audit_head h
SET h.last_seq = (SELECT COUNT(*) FROM audit_event WHERE lane = 0),
    h.legacy_seq = (SELECT COUNT(*) FROM audit_event WHERE lane = 0)
WHERE h.id = 1;

-- lane 0 is the former chain (head row 1), lanes 1..63 start empty
UPDATE audit_head SET id = 0 WHERE id = 1;

INSERT INTO audit_head (id, first_id, last_id, hash, last_seq, legacy_seq)
WITH RECURSIVE n (lane) AS (SELECT 1 UNION ALL SELECT lane + 1 FROM n WHERE lane < 63)
SELECT lane, 0, 0, REPEAT('0', 64), 0, 0 FROM n;
