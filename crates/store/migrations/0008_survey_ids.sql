-- Version 8: a survey's id is never given to another survey (issue 27).
--
-- Without AUTOINCREMENT SQLite gives a new row the largest id plus one, so
-- the id of the last survey deleted went to the next survey created, and
-- anything that still named the old id — the example's setting, the entry
-- screen's state, the change log's survey_id — named the new survey. The
-- table is rebuilt with AUTOINCREMENT, and the counter starts above every
-- id a survey ever had, the log's included.
--
-- Runs with foreign keys off (Db::migrate), as SQLite's procedure for
-- rebuilding a table that others reference requires; the foreign keys are
-- checked before the transaction commits.

CREATE TABLE surveys_v8 (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid                TEXT NOT NULL UNIQUE,
    organization_id     INTEGER REFERENCES organizations(id),
    name                TEXT NOT NULL,
    date                TEXT NOT NULL,            -- YYYY-MM-DD
    instruments         TEXT NOT NULL,            -- e.g. "commitment,satisfaction"
    satisfaction_key    TEXT NOT NULL DEFAULT 'corrected'
                        CHECK (satisfaction_key = 'corrected' OR satisfaction_key = 'printed'),
    subdivisions        TEXT NOT NULL DEFAULT '[]', -- JSON array of names
    positions           TEXT NOT NULL DEFAULT '[]', -- JSON array of names
    anonymity_threshold INTEGER NOT NULL DEFAULT 5 CHECK (anonymity_threshold >= 1),
    archived            INTEGER NOT NULL DEFAULT 0,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    report_settings     TEXT NOT NULL DEFAULT '{}'
);

INSERT INTO surveys_v8 (id, uuid, organization_id, name, date, instruments, satisfaction_key,
    subdivisions, positions, anonymity_threshold, archived, created_at, updated_at,
    report_settings)
    SELECT id, uuid, organization_id, name, date, instruments, satisfaction_key,
        subdivisions, positions, anonymity_threshold, archived, created_at, updated_at,
        report_settings FROM surveys;

DROP TABLE surveys;

ALTER TABLE surveys_v8 RENAME TO surveys;

-- The copy above already left a row of the counter (the largest id
-- copied); it is replaced by one that counts the log's ids too.
DELETE FROM sqlite_sequence WHERE name = 'surveys';

INSERT INTO sqlite_sequence (name, seq)
    SELECT 'surveys', max(coalesce((SELECT max(id) FROM surveys), 0),
                          coalesce((SELECT max(survey_id) FROM form_log), 0));

-- The least threshold K is now 3 (docs/methodology.md, "Anonymity"): a
-- survey made with 1 or 2 is raised to 3, so that none of its reports
-- shows a group of one or two forms.
UPDATE surveys SET anonymity_threshold = 3 WHERE anonymity_threshold < 3;

-- A setting whose key ends in «_survey» names a survey by id (the example,
-- the kiosk's survey); one that names no survey any more goes.
DELETE FROM settings
    WHERE key LIKE '%\_survey' ESCAPE '\'
      AND value NOT IN (SELECT CAST(id AS TEXT) FROM surveys);

-- Self-filled forms (kiosk, network) keep no place in a queue: their row
-- ids, and the ids of the log entries that added them, are drawn at random
-- below zero, as new ones are from now on (crate::forms::insert_form).
UPDATE forms SET id = -1 - (abs(random()) % 4611686018427387903)
    WHERE entry = 'kiosk' OR entry = 'network';

DROP TRIGGER form_log_is_append_only_update;

UPDATE form_log SET id = -1 - (abs(random()) % 4611686018427387903)
    WHERE action = 'created'
      AND form_uuid IN (SELECT uuid FROM forms WHERE entry = 'kiosk' OR entry = 'network');

CREATE TRIGGER form_log_is_append_only_update BEFORE UPDATE ON form_log
BEGIN
    SELECT RAISE(ABORT, 'form_log is append-only');
END;
