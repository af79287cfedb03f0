-- Drift observations in one row per score (docs/models.md, "Drift and data quality"). item_states holds every input
-- item's state of the score in the scoring model's encoder order, two bytes per item (Observation.packed in the
-- model library: big-endian state position << 1 | outside the training range), so recording a score writes one
-- drift row instead of one per item. Rows written before this migration have item_states NULL and keep their
-- drift_item_state rows, which the window still reads (DriftStore); they leave with drift retention
-- (mimamori.retention.drift, default 90 days), after which drift_item_state stays empty.
ALTER TABLE drift_observation ADD COLUMN item_states BLOB NULL;
