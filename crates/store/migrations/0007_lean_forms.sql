-- Version 7: a large import writes less (issue 19). Nothing a user sees
-- changes; the tables are rebuilt because SQLite cannot change a CHECK
-- constraint in place.
--
-- - The CHECK constraints on the questionnaire, the way a form came in and
--   the log's action are written as chains of `=` instead of `IN (…)`:
--   SQLite evaluates a constant `IN` list by building a temporary b-tree at
--   every execution of an INSERT, and at 10⁵ forms that cost about a fifth
--   of an import.
-- - `forms_by_survey` (survey, questionnaire) goes: `forms_by_code`
--   (survey, questionnaire, code) begins with the same columns and serves
--   the same lookups, so every form was indexed twice by its survey.
-- - From now on a «created» or «merged» entry that adds a form no longer
--   copies the form's content into the log (the log held each imported
--   form twice): that content is the old content of the form's next log
--   entry, or the form itself while nothing has changed it, and
--   `Db::form_log` gives it back so. Entries written before keep theirs.

DROP TRIGGER form_log_is_append_only_update;
DROP TRIGGER form_log_is_append_only_delete;

CREATE TABLE form_log_v7 (
    id          INTEGER PRIMARY KEY,
    form_uuid   TEXT NOT NULL,
    survey_id   INTEGER NOT NULL,
    action      TEXT NOT NULL
                CHECK (action = 'created' OR action = 'edited' OR action = 'deleted'
                       OR action = 'merged' OR action = 'verified'),
    old_content TEXT,
    new_content TEXT,
    at          TEXT NOT NULL
);

INSERT INTO form_log_v7 (id, form_uuid, survey_id, action, old_content, new_content, at)
    SELECT id, form_uuid, survey_id, action, old_content, new_content, at FROM form_log;

DROP TABLE form_log;

ALTER TABLE form_log_v7 RENAME TO form_log;

CREATE INDEX form_log_by_form ON form_log (form_uuid);

CREATE TRIGGER form_log_is_append_only_update BEFORE UPDATE ON form_log
BEGIN
    SELECT RAISE(ABORT, 'form_log is append-only');
END;

CREATE TRIGGER form_log_is_append_only_delete BEFORE DELETE ON form_log
BEGIN
    SELECT RAISE(ABORT, 'form_log is append-only');
END;

CREATE TABLE forms_v7 (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    survey_id   INTEGER NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
    instrument  TEXT NOT NULL
                CHECK (instrument = 'commitment' OR instrument = 'satisfaction'
                       OR instrument = 'culture'),
    code        TEXT NOT NULL,
    tenure      TEXT NOT NULL DEFAULT '',
    subdivision TEXT,
    position    TEXT,
    answers     TEXT NOT NULL,
    entry       TEXT NOT NULL
                CHECK (entry = 'operator' OR entry = 'kiosk' OR entry = 'import'
                       OR entry = 'merge' OR entry = 'network'),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

INSERT INTO forms_v7 SELECT id, uuid, survey_id, instrument, code, tenure, subdivision,
    position, answers, entry, created_at, updated_at FROM forms;

DROP TABLE forms;

ALTER TABLE forms_v7 RENAME TO forms;

CREATE INDEX forms_by_code ON forms (survey_id, instrument, code);
