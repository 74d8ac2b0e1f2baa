-- Version 2: application settings (kiosk PIN, idle time, last survey …)
-- as key/value pairs, and the form codes' lookup index used by operator
-- entry to find the next free code.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE INDEX forms_by_code ON forms (survey_id, instrument, code);
