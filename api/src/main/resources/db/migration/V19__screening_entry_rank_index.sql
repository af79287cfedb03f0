-- The index (screening_id, rank_no) served no query: the review list orders by "rank_no IS NULL, rank_no, row_no"
-- (an expression, so MariaDB sorts the screening's rows whatever the index), and the primary key
-- (screening_id, row_no) finds a screening's entries. Ranking a screening rewrote it for every entry (a million
-- index deletions and insertions in the finishing transaction of a 1,000,000-child screening).
DROP INDEX screening_entry_rank ON screening_entry;
