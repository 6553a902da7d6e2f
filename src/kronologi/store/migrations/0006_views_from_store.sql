-- Kronologi store, sixth schema: everything the views need to be written from the store (issue 13).
-- `kronologi build` writes chronicle.json and the other views by reading the chronicle tables back
-- (kronologi.export.stored), and `kronologi export` writes them from a store without building, so the
-- tables must give back every record exactly as the build made it:
-- * `position`: the order the build wrote the records in (SQLite's rowid gives it; PostgreSQL has none);
-- * `shape`: the record's fields in their order (the id of a row of `record_shapes`, a JSON list);
--   a field missing from the shape was missing from the record;
-- * `extra` on docs, entities and mentions: their fields beyond the columns, as on the other tables;
--   a field whose value its column would not give back as it was (a list in a text column, 12.0 in a
--   NUMERIC one) is kept in `extra` too, and `extra` wins when the record is read;
-- * `chronicle_rejected`: the build's rejected inputs in its order (`rejected` holds every build's);
-- * `chronicle.changes`: what the build changed (changes.json), as JSON.
CREATE TABLE record_shapes (
    id     INTEGER PRIMARY KEY,
    fields TEXT NOT NULL                 -- JSON list of field names, in order
);

CREATE TABLE chronicle_rejected (
    position    INTEGER PRIMARY KEY,
    source_path TEXT NOT NULL,
    reason      TEXT NOT NULL
);

ALTER TABLE chronicle ADD COLUMN changes TEXT;
ALTER TABLE stories ADD COLUMN position INTEGER;
ALTER TABLE stories ADD COLUMN shape INTEGER;
ALTER TABLE docs ADD COLUMN position INTEGER;
ALTER TABLE docs ADD COLUMN extra TEXT;
ALTER TABLE entities ADD COLUMN position INTEGER;
ALTER TABLE entities ADD COLUMN shape INTEGER;
ALTER TABLE entities ADD COLUMN extra TEXT;
ALTER TABLE entity_aliases ADD COLUMN position INTEGER;
ALTER TABLE mentions ADD COLUMN extra TEXT;
ALTER TABLE events ADD COLUMN position INTEGER;
ALTER TABLE events ADD COLUMN shape INTEGER;
ALTER TABLE figures ADD COLUMN position INTEGER;
ALTER TABLE figures ADD COLUMN shape INTEGER;
ALTER TABLE quotes ADD COLUMN position INTEGER;
ALTER TABLE quotes ADD COLUMN shape INTEGER;
ALTER TABLE ledger_lines ADD COLUMN position INTEGER;
ALTER TABLE ledger_lines ADD COLUMN shape INTEGER;

CREATE INDEX stories_position ON stories(position);
CREATE INDEX docs_position ON docs(position);
CREATE INDEX entities_position ON entities(position);
CREATE INDEX events_position ON events(position);
CREATE INDEX figures_position ON figures(position);
CREATE INDEX quotes_position ON quotes(position);
CREATE INDEX ledger_lines_position ON ledger_lines(position)
