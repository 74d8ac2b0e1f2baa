-- Klimat schema, version 1: organizations, surveys, forms and the
-- append-only change log of forms.

CREATE TABLE organizations (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE surveys (
    id                  INTEGER PRIMARY KEY,
    uuid                TEXT NOT NULL UNIQUE,
    organization_id     INTEGER REFERENCES organizations(id),
    name                TEXT NOT NULL,
    date                TEXT NOT NULL,            -- YYYY-MM-DD
    instruments         TEXT NOT NULL,            -- e.g. "commitment,satisfaction"
    satisfaction_key    TEXT NOT NULL DEFAULT 'corrected'
                        CHECK (satisfaction_key IN ('corrected', 'printed')),
    subdivisions        TEXT NOT NULL DEFAULT '[]', -- JSON array of names
    positions           TEXT NOT NULL DEFAULT '[]', -- JSON array of names
    anonymity_threshold INTEGER NOT NULL DEFAULT 3 CHECK (anonymity_threshold >= 1),
    archived            INTEGER NOT NULL DEFAULT 0,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
);

CREATE TABLE forms (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    survey_id   INTEGER NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
    instrument  TEXT NOT NULL CHECK (instrument IN ('commitment', 'satisfaction', 'culture')),
    code        TEXT NOT NULL,
    tenure      TEXT NOT NULL DEFAULT '',     -- klimat_core::tenure storage id
    subdivision TEXT,
    position    TEXT,
    answers     TEXT NOT NULL,                -- JSON, see crates/store/src/answers.rs
    entry       TEXT NOT NULL CHECK (entry IN ('operator', 'kiosk', 'import', 'merge')),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE INDEX forms_by_survey ON forms (survey_id, instrument);

-- Every change to a form: its content before and after, as canonical JSON.
CREATE TABLE form_log (
    id          INTEGER PRIMARY KEY,
    form_uuid   TEXT NOT NULL,
    survey_id   INTEGER NOT NULL,
    action      TEXT NOT NULL CHECK (action IN ('created', 'edited', 'deleted', 'merged')),
    old_content TEXT,
    new_content TEXT,
    at          TEXT NOT NULL
);

CREATE INDEX form_log_by_form ON form_log (form_uuid);

CREATE TRIGGER form_log_is_append_only_update BEFORE UPDATE ON form_log
BEGIN
    SELECT RAISE(ABORT, 'form_log is append-only');
END;

CREATE TRIGGER form_log_is_append_only_delete BEFORE DELETE ON form_log
BEGIN
    SELECT RAISE(ABORT, 'form_log is append-only');
END;
