-- Kronologi store, fifth schema: the stories list's order as an index (issue 14).
-- `kronologi serve` lists stories latest first, undated last (ORDER BY start IS NULL, start DESC, rowid).
-- Sorting every story for each page took ~8 ms of a list page on the 22k-article store (4,962 stories);
-- read in this index's order, a page costs its own rows (SQLite appends the rowid to every index entry,
-- so ties fall in rowid order, as the query asks). PostgreSQL, which serve does not read yet, gets the
-- same order (an expression in an index takes parentheses there).
-- only: sqlite
CREATE INDEX stories_latest ON stories(start IS NULL, start DESC);
-- only: postgresql
CREATE INDEX stories_latest ON stories((start IS NULL), start DESC)
