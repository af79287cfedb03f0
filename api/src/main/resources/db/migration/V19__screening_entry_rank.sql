-- Ranking a 1,000,000-child screening took 51 s of the database's time in one statement, because each entry's
-- rank_no went from NULL (no bytes in the row) to a number: every row grew, so InnoDB rewrote it and split pages,
-- and the index (screening_id, rank_no) was rewritten for every entry. Now an entry is stored with rank_no 0
-- ("not ranked": a skipped row, or a screening not finished) and ranking overwrites the number in place; readers
-- see 0 as no rank (NULLIF(rank_no, 0)). The index served no query: the review list orders by
-- "rank_no IS NULL, rank_no, row_no" (an expression: MariaDB sorts the screening's rows whatever the index) and the
-- primary key (screening_id, row_no) finds a screening's entries.
UPDATE screening_entry SET rank_no = 0 WHERE rank_no IS NULL;
ALTER TABLE screening_entry
    DROP INDEX screening_entry_rank,
    MODIFY rank_no INT NOT NULL DEFAULT 0;
