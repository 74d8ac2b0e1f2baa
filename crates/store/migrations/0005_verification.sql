-- Version 5: verification by double entry (docs/verification.md). The
-- change log may say «verified» — a form keyed a second time and settled
-- against its paper — and one row per form verified (or picked to be)
-- keeps what the comparison found: the number of fields compared and of
-- differences, the keystrokes and seconds of the second keying, whether
-- every difference has been settled. Who keyed either entry is not stored.
-- These rows are the department's own: exchange files do not carry them.

DROP TRIGGER form_log_is_append_only_update;
DROP TRIGGER form_log_is_append_only_delete;

CREATE TABLE form_log_v5 (
    id          INTEGER PRIMARY KEY,
    form_uuid   TEXT NOT NULL,
    survey_id   INTEGER NOT NULL,
    action      TEXT NOT NULL
                CHECK (action IN ('created', 'edited', 'deleted', 'merged', 'verified')),
    old_content TEXT,
    new_content TEXT,
    at          TEXT NOT NULL
);

INSERT INTO form_log_v5 (id, form_uuid, survey_id, action, old_content, new_content, at)
    SELECT id, form_uuid, survey_id, action, old_content, new_content, at FROM form_log;

DROP TABLE form_log;

ALTER TABLE form_log_v5 RENAME TO form_log;

CREATE INDEX form_log_by_form ON form_log (form_uuid);

CREATE TRIGGER form_log_is_append_only_update BEFORE UPDATE ON form_log
BEGIN
    SELECT RAISE(ABORT, 'form_log is append-only');
END;

CREATE TRIGGER form_log_is_append_only_delete BEFORE DELETE ON form_log
BEGIN
    SELECT RAISE(ABORT, 'form_log is append-only');
END;

CREATE TABLE verifications (
    form_uuid   TEXT PRIMARY KEY,
    survey_id   INTEGER NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
    instrument  TEXT NOT NULL CHECK (instrument IN ('commitment', 'satisfaction', 'culture')),
    -- 1 while the form waits in the list of forms picked for verification.
    planned     INTEGER NOT NULL DEFAULT 0,
    -- NULL until the form has been keyed a second time.
    fields      INTEGER,
    differences INTEGER,
    keystrokes  INTEGER,
    seconds     REAL,
    settled     INTEGER NOT NULL DEFAULT 0,
    day         TEXT
);

CREATE INDEX verifications_by_survey ON verifications (survey_id, instrument);
