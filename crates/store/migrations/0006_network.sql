-- Version 6: employees fill the questionnaires from their own PCs over the
-- office network (docs/network.md). One-time access codes are kept only as
-- hashes, apart from the forms: nothing links a stored form to the code it
-- came with. A code admits one form of each questionnaire of its survey;
-- `spent_codes` says which it has been used for. Forms may now have come
-- in over the network (entry 'network'), which needs the forms table
-- rebuilt: SQLite cannot change a CHECK constraint in place.
--
-- Both code tables are WITHOUT ROWID: their rows are kept in the order of
-- the hashes, not in the order they were written. A rowid would give away
-- the order codes were made in (the order of the slips) and the order they
-- were spent in (the order of the forms' ids), and so pair each form with
-- its code.

CREATE TABLE access_codes (
    hash      TEXT PRIMARY KEY,
    survey_id INTEGER NOT NULL REFERENCES surveys(id) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE INDEX access_codes_by_survey ON access_codes (survey_id);

CREATE TABLE spent_codes (
    hash       TEXT NOT NULL REFERENCES access_codes(hash) ON DELETE CASCADE,
    instrument TEXT NOT NULL CHECK (instrument IN ('commitment', 'satisfaction', 'culture')),
    PRIMARY KEY (hash, instrument)
) WITHOUT ROWID;

CREATE TABLE forms_v6 (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    survey_id   INTEGER NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
    instrument  TEXT NOT NULL CHECK (instrument IN ('commitment', 'satisfaction', 'culture')),
    code        TEXT NOT NULL,
    tenure      TEXT NOT NULL DEFAULT '',
    subdivision TEXT,
    position    TEXT,
    answers     TEXT NOT NULL,
    entry       TEXT NOT NULL CHECK (entry IN ('operator', 'kiosk', 'import', 'merge', 'network')),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

INSERT INTO forms_v6 SELECT id, uuid, survey_id, instrument, code, tenure, subdivision,
    position, answers, entry, created_at, updated_at FROM forms;

DROP TABLE forms;

ALTER TABLE forms_v6 RENAME TO forms;

CREATE INDEX forms_by_survey ON forms (survey_id, instrument);

CREATE INDEX forms_by_code ON forms (survey_id, instrument, code);
