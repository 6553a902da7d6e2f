-- Kronologi store, third schema: what the corpus passes decided per story, kept for the next build.
-- A build on a store that already holds a corpus reuses the events, figures, quotes, ledger lines and
-- summary of every story its new documents do not touch (kronologi.corpus.incremental), and the whole
-- chronicle when nothing is new. Rows are written in the transaction that replaces the chronicle
-- tables; the `build` row names that build's run, and a cache whose run is not the chronicle's is
-- ignored (every corpus pass then runs). Nothing here is needed to read the chronicle.
CREATE TABLE corpus_cache (
    kind TEXT NOT NULL,                  -- build | entities | doc (key: document id) | story (key: story id)
    key  TEXT NOT NULL,
    data TEXT NOT NULL,                  -- JSON
    PRIMARY KEY (kind, key)
);
