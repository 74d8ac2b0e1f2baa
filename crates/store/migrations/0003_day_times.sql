-- Version 3: no stored time of a form is finer than the day. A time to the
-- millisecond could tell who filled a form at a kiosk (the next person in
-- the queue); forms and their change log keep the date only.

UPDATE forms SET created_at = substr(created_at, 1, 10), updated_at = substr(updated_at, 1, 10);

DROP TRIGGER form_log_is_append_only_update;

UPDATE form_log SET at = substr(at, 1, 10);

CREATE TRIGGER form_log_is_append_only_update BEFORE UPDATE ON form_log
BEGIN
    SELECT RAISE(ABORT, 'form_log is append-only');
END;
