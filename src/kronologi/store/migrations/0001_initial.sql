-- Kronologi store, first schema.
-- documents: one row per processed document, keyed by the content hash of its
-- input record, so re-ingesting the same input finds the row and changes nothing.
CREATE TABLE documents (
    key         TEXT PRIMARY KEY,
    id          TEXT NOT NULL,
    source_path TEXT NOT NULL,
    pipeline    TEXT NOT NULL,          -- signature of the steps that made it
    title       TEXT,
    outlet      TEXT,
    published   TEXT,
    language    TEXT,
    data        TEXT NOT NULL           -- the Document as JSON
);
CREATE INDEX documents_id ON documents(id);

-- rejections of inputs or records, keyed like documents when they have a key.
CREATE TABLE rejected (
    source_path TEXT NOT NULL,
    reason      TEXT NOT NULL,
    PRIMARY KEY (source_path, reason)
);

-- decisions of corpus passes (dedup, later stories/entities/ledger), per document.
CREATE TABLE decisions (
    pass     TEXT NOT NULL,
    doc_key  TEXT NOT NULL,
    data     TEXT NOT NULL,
    PRIMARY KEY (pass, doc_key)
);

-- one row per build: what it was asked to read and whether it finished.
CREATE TABLE runs (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    inputs      TEXT NOT NULL,
    pipeline    TEXT NOT NULL,
    documents   INTEGER,
    rejected    INTEGER
);
