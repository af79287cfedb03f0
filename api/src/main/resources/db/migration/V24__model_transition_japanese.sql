-- An approval's schema changes (schema_changes: one change a line) and the service's own reasons for a change of
-- state ("replaced by …", "taken out of shadow", the start-up's activation) were kept in English only, so a
-- Japanese reader of a model's history read them in English. schema_changes_ja and reason_ja keep the same in
-- Japanese; the history gives each in the reader's language (Accept-Language). A person's reason is kept as given
-- (reason_ja NULL: the same words in both languages). Rows recorded before have no Japanese and are given as
-- they are, except V11's backfill reason, given its Japanese here. Instant for MariaDB: nullable columns added
-- at the end.
ALTER TABLE model_transition ADD COLUMN schema_changes_ja VARCHAR(4000) NULL,
    ADD COLUMN reason_ja VARCHAR(2000) NULL;

UPDATE model_transition SET reason_ja = 'マイグレーション V11 で設定された状態' WHERE reason = 'state set by migration V11';
