-- Kronologi store, second schema: the chronicle as normalised tables.
-- The fields follow chronicle.json (schema kronologi.chronicle/1). Every chronicle
-- table is replaced as a whole, in one transaction, at the end of a build
-- (kronologi.store.chronicle): readers always see one complete chronicle.
-- Fields a record carries beyond the columns below are kept as JSON in `extra`.
-- Foreign keys are declared (datasette shows them as links, PRAGMA foreign_key_check
-- verifies them) and not enforced: the blob table `documents` is replaced row by row.
-- The same file makes the PostgreSQL store (kronologi.store.dialect: statements marked
-- "only:" run on that database alone, types are translated, foreign keys left out there).

-- the build that wrote the chronicle now in the tables (one row).
CREATE TABLE chronicle (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    run          INTEGER REFERENCES runs(id),
    schema       TEXT NOT NULL,
    generated_at TEXT NOT NULL,
    written_at   TEXT NOT NULL
);

CREATE TABLE stories (
    id     TEXT PRIMARY KEY,
    title  TEXT,
    start  TEXT,
    "end"    TEXT,
    extra  TEXT                          -- JSON: related stories, summary sentences, ...
);
CREATE INDEX stories_start ON stories(start);

-- docs: the documents of the chronicle, by contract id, with their clean text.
-- `key` is the content hash: the row of `documents` that holds the full record.
CREATE TABLE docs (
    id              TEXT PRIMARY KEY,
    key             TEXT NOT NULL,
    source_path     TEXT NOT NULL,
    title           TEXT,
    outlet          TEXT,
    url             TEXT,
    published       TEXT,
    published_basis TEXT,
    language        TEXT,
    story           TEXT REFERENCES stories(id),
    duplicate_of    TEXT REFERENCES docs(id),
    duplicate_kind  TEXT,
    credits         TEXT,                -- JSON list of agencies and outlets credited
    text            TEXT NOT NULL
);
CREATE INDEX docs_key ON docs(key);
CREATE INDEX docs_story ON docs(story);
CREATE INDEX docs_published ON docs(published);

CREATE TABLE story_documents (
    story    TEXT NOT NULL REFERENCES stories(id),
    doc      TEXT NOT NULL REFERENCES docs(id),
    position INTEGER NOT NULL,
    PRIMARY KEY (story, doc)
);
CREATE INDEX story_documents_doc ON story_documents(doc);

-- lines the cleaner took out of a document, with the reason.
CREATE TABLE removed_lines (
    doc    TEXT NOT NULL REFERENCES docs(id),
    idx    INTEGER NOT NULL,
    text   TEXT NOT NULL,
    reason TEXT NOT NULL,
    line   INTEGER,
    PRIMARY KEY (doc, idx)
);

CREATE TABLE sentences (
    doc   TEXT NOT NULL REFERENCES docs(id),
    idx   INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end"   INTEGER NOT NULL,
    text  TEXT NOT NULL,
    PRIMARY KEY (doc, idx)
);

CREATE TABLE entities (
    id   TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT
);
CREATE INDEX entities_name ON entities(name);

CREATE TABLE entity_aliases (
    entity TEXT NOT NULL REFERENCES entities(id),
    alias  TEXT NOT NULL,
    PRIMARY KEY (entity, alias)
);
CREATE INDEX entity_aliases_alias ON entity_aliases(alias);

CREATE TABLE mentions (
    id     INTEGER PRIMARY KEY,
    entity TEXT NOT NULL REFERENCES entities(id),
    doc    TEXT NOT NULL REFERENCES docs(id),
    start  INTEGER NOT NULL,
    "end"    INTEGER NOT NULL,
    text   TEXT NOT NULL
);
CREATE INDEX mentions_entity ON mentions(entity);
CREATE INDEX mentions_doc ON mentions(doc, start);

CREATE TABLE events (
    id         TEXT PRIMARY KEY,
    story      TEXT REFERENCES stories(id),
    type       TEXT,
    summary    TEXT,
    date       TEXT,
    date_text  TEXT,
    precision  TEXT,
    date_basis TEXT,
    modality   TEXT,
    location   TEXT REFERENCES entities(id),
    background INTEGER,
    extra      TEXT
);
CREATE INDEX events_story ON events(story, date);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_location ON events(location);

CREATE TABLE event_actors (
    event    TEXT NOT NULL REFERENCES events(id),
    entity   TEXT NOT NULL REFERENCES entities(id),
    position INTEGER NOT NULL,
    PRIMARY KEY (event, entity)
);
CREATE INDEX event_actors_entity ON event_actors(entity);

-- one row per document that reports the event.
CREATE TABLE event_sources (
    event    TEXT NOT NULL REFERENCES events(id),
    position INTEGER NOT NULL,
    doc      TEXT NOT NULL REFERENCES docs(id),
    sentence INTEGER,
    start    INTEGER,
    "end"      INTEGER,
    PRIMARY KEY (event, position)
);
CREATE INDEX event_sources_doc ON event_sources(doc);

-- why each report was merged into the event (the event's `evidence` list).
CREATE TABLE event_evidence (
    event    TEXT NOT NULL REFERENCES events(id),
    position INTEGER NOT NULL,
    doc      TEXT REFERENCES docs(id),
    sentence INTEGER,
    why      TEXT,                       -- JSON list of reasons
    PRIMARY KEY (event, position)
);
CREATE INDEX event_evidence_doc ON event_evidence(doc);

CREATE TABLE figures (
    id        TEXT PRIMARY KEY,
    story     TEXT REFERENCES stories(id),
    doc       TEXT NOT NULL REFERENCES docs(id),
    sentence  INTEGER,
    start     INTEGER,
    "end"       INTEGER,
    text      TEXT,
    value     NUMERIC,
    low       NUMERIC,
    high      NUMERIC,
    qualifier TEXT,
    category  TEXT,
    unit      TEXT,
    subject   TEXT,
    claimant  TEXT,                      -- entity id or the text of who states it
    via       TEXT,
    as_of     TEXT,
    status    TEXT,
    extra     TEXT
);
CREATE INDEX figures_story ON figures(story, category);
CREATE INDEX figures_doc ON figures(doc);
CREATE INDEX figures_as_of ON figures(as_of);

CREATE TABLE quotes (
    id           TEXT PRIMARY KEY,
    doc          TEXT NOT NULL REFERENCES docs(id),
    sentence     INTEGER,
    start        INTEGER,
    "end"          INTEGER,
    text         TEXT NOT NULL,
    speaker      TEXT REFERENCES entities(id),
    speaker_name TEXT,
    kind         TEXT,
    via          TEXT,
    extra        TEXT
);
CREATE INDEX quotes_doc ON quotes(doc);
CREATE INDEX quotes_speaker ON quotes(speaker);

CREATE TABLE ledger_lines (
    id       TEXT PRIMARY KEY,
    story    TEXT REFERENCES stories(id),
    category TEXT,
    subject  TEXT,
    relation TEXT,
    note     TEXT,
    extra    TEXT
);
CREATE INDEX ledger_lines_story ON ledger_lines(story, category);

CREATE TABLE ledger_members (
    line     TEXT NOT NULL REFERENCES ledger_lines(id),
    figure   TEXT NOT NULL REFERENCES figures(id),
    position INTEGER NOT NULL,
    PRIMARY KEY (line, figure)
);
CREATE INDEX ledger_members_figure ON ledger_members(figure);

-- what each build changed (new events, updated figures, new contradictions, merged stories).
CREATE TABLE changes (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    run       INTEGER REFERENCES runs(id),
    kind      TEXT NOT NULL,             -- dotted code, e.g. event.new, figure.updated
    item_type TEXT NOT NULL,             -- the table of the item: events, figures, ledger_lines, stories
    item      TEXT NOT NULL,             -- its id
    detail    TEXT                       -- JSON
);
CREATE INDEX changes_run ON changes(run);
CREATE INDEX changes_item ON changes(item_type, item);

-- full-text search. SQLite: FTS5 tables (external content: rebuilt from the tables by each write).
-- PostgreSQL: GIN indexes over the same columns (kronologi.store.dialect.SEARCH holds the expressions).
-- only: sqlite
CREATE VIRTUAL TABLE docs_fts USING fts5(title, text, content="docs");
-- only: sqlite
CREATE VIRTUAL TABLE events_fts USING fts5(summary, content="events");
-- only: sqlite
CREATE VIRTUAL TABLE quotes_fts USING fts5(text, speaker_name, content="quotes");
-- only: postgresql
CREATE INDEX docs_fts ON docs USING GIN (to_tsvector('simple', coalesce(title, '') || ' ' || text));
-- only: postgresql
CREATE INDEX events_fts ON events USING GIN (to_tsvector('simple', coalesce(summary, '')));
-- only: postgresql
CREATE INDEX quotes_fts ON quotes USING GIN (to_tsvector('simple', text || ' ' || coalesce(speaker_name, '')))
