-- An approval's schema changes were kept in English only (schema_changes: one change a line), so a Japanese reader
-- of a model's history read them in English. schema_changes_ja keeps the same lines in Japanese; the history gives
-- each line in the reader's language (Accept-Language). Approvals recorded before have none, and are given in
-- English. Instant for MariaDB: a nullable column added at the end.
ALTER TABLE model_transition ADD COLUMN schema_changes_ja VARCHAR(4000) NULL;
