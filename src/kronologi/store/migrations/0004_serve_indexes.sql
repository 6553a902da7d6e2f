-- Kronologi store, fourth schema: indexes for `kronologi serve`'s reads on a large store (issue 14).
-- The stories list's outlet and language filters ask, for each story, whether one of its documents has
-- that outlet (in any case) or that language. With `docs_story` alone every such test read the story's
-- `docs` rows (a table lookup per document); this index answers it by itself (a covering index), so a
-- filtered list of the 22k-article store no longer reads `docs` at all. SQLite's index carries the
-- outlet without case (the filter compares COLLATE NOCASE); PostgreSQL, which serve does not read yet,
-- gets the same columns as they are.
-- only: sqlite
CREATE INDEX docs_story_outlet_language ON docs(story, outlet COLLATE NOCASE, language);
-- only: postgresql
CREATE INDEX docs_story_outlet_language ON docs(story, outlet, language)
