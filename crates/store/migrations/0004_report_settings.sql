-- Version 4: what the annual report needs beyond the survey itself, kept
-- by the department that prints it and never carried in exchange files:
-- the number of employees (overall and per subdivision), who prepared and
-- who approves the report, and the department's proposals. One JSON object,
-- see crates/store/src/report_settings.rs.

ALTER TABLE surveys ADD COLUMN report_settings TEXT NOT NULL DEFAULT '{}';
