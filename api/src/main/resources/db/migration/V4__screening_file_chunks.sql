-- A screening's uploaded file in chunks of 1 MiB (ScreeningStore.CHUNK), one row each, so that storing a file of
-- up to 64 MB never needs a statement near MariaDB's max_allowed_packet (16 MiB by default). The chunks are
-- deleted when the job ends; screening.input_csv stays empty (it is read only for jobs stored before V4).
CREATE TABLE screening_file_chunk (
    screening_id CHAR(36)   NOT NULL,
    chunk_no     INT        NOT NULL,
    bytes        MEDIUMBLOB NOT NULL,
    PRIMARY KEY (screening_id, chunk_no),
    CONSTRAINT screening_file_chunk_job FOREIGN KEY (screening_id) REFERENCES screening (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
