//! The rules every form obeys before it is stored, whichever way it came
//! (keyed in, kiosk, import, exchange file): the same checks, in one place.
//!
//! - the survey includes the form's questionnaire;
//! - the code is at most [`limits::MAX_CODE_CHARS`] characters on one line,
//!   and unique in the survey and questionnaire (blank codes aside);
//! - a subdivision or position is one of the survey's lists;
//! - every free text is at most [`limits::MAX_TEXT_CHARS`] characters.

use std::collections::HashMap;

use klimat_core::template::{hidden_char, limits};
use rusqlite::Connection;

use crate::error::{Result, StoreError};
use crate::model::{Answers, FormData, Survey};
use crate::text;

/// One broken rule of one form of a batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Problem {
    /// The form's index in the batch.
    pub index: usize,
    /// The template column the problem is in.
    pub column: &'static str,
    /// The value found.
    pub value: String,
    /// What is wrong, in Russian.
    pub expected: &'static str,
    /// A number completing the message (the row of the earlier duplicate).
    pub see_row: Option<u64>,
}

fn too_long(s: &str, max: usize) -> bool {
    s.chars().count() > max
}

/// Checks `forms` against `survey` and the forms already stored in it.
/// `replacing` is the UUID of the form an edit replaces (its own code is
/// not a duplicate); `row` gives the row (or position) of a form for
/// messages.
pub(crate) fn check_forms(
    conn: Option<&Connection>,
    survey: &Survey,
    forms: &[FormData],
    replacing: Option<&str>,
    row: &dyn Fn(usize) -> u64,
) -> Result<Vec<Problem>> {
    let s = &survey.settings;
    let mut problems = Vec::new();
    let mut seen: HashMap<(klimat_core::Instrument, &str), usize> = HashMap::new();
    let mut stored: HashMap<klimat_core::Instrument, std::collections::HashSet<String>> =
        HashMap::new();
    for (index, f) in forms.iter().enumerate() {
        let mut bad = |column, value: &str, expected| {
            problems.push(Problem {
                index,
                column,
                value: value.to_owned(),
                expected,
                see_row: None,
            })
        };
        let instrument = f.answers.instrument();
        if !s.instruments.contains(&instrument) {
            bad("code", &f.code, text::NOT_IN_SURVEY);
            continue;
        }
        if too_long(&f.code, limits::MAX_CODE_CHARS) {
            bad("code", &f.code, klimat_core::text::ru::EXPECTED_SHORT_CODE);
        } else if f.code.contains(['\n', '\r']) {
            bad("code", &f.code, klimat_core::text::ru::EXPECTED_ONE_LINE);
        } else if f.code.chars().any(|c| hidden_char(c, false)) {
            bad("code", &f.code, klimat_core::text::ru::EXPECTED_NO_CONTROL);
        }
        if let Some(sub) = &f.subdivision
            && !s.subdivisions.iter().any(|x| x == sub)
        {
            bad("subdivision", sub, text::UNKNOWN_SUBDIVISION);
        }
        if let Some(pos) = &f.position
            && !s.positions.iter().any(|x| x == pos)
        {
            bad("position", pos, text::UNKNOWN_POSITION);
        }
        if let Answers::Culture(c) = &f.answers {
            let texts = c
                .open
                .iter()
                .flatten()
                .chain([&c.cohesion_other, &c.negative_other]);
            for t in texts {
                if too_long(t, limits::MAX_TEXT_CHARS) {
                    bad(
                        "o1_pos…n8_text",
                        t,
                        klimat_core::text::ru::EXPECTED_SHORT_TEXT,
                    );
                } else if t.chars().any(|c| hidden_char(c, true)) {
                    bad(
                        "o1_pos…n8_text",
                        t,
                        klimat_core::text::ru::EXPECTED_NO_CONTROL,
                    );
                }
            }
        }
        if f.code.trim().is_empty() {
            continue;
        }
        if let Some(&first) = seen.get(&(instrument, f.code.as_str())) {
            problems.push(Problem {
                index,
                column: "code",
                value: f.code.clone(),
                expected: text::DUPLICATE_CODE_IN_FILE,
                see_row: Some(row(first)),
            });
            continue;
        }
        seen.insert((instrument, f.code.as_str()), index);
        // Without a connection (a restored file) only the batch itself is
        // checked for repeated codes.
        let Some(conn) = conn else {
            continue;
        };
        let codes = match stored.entry(instrument) {
            std::collections::hash_map::Entry::Occupied(o) => o.into_mut(),
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(stored_codes(conn, survey.id, instrument, replacing)?)
            }
        };
        if codes.contains(&f.code) {
            problems.push(Problem {
                index,
                column: "code",
                value: f.code.clone(),
                expected: text::DUPLICATE_CODE_STORED,
                see_row: None,
            });
        }
    }
    Ok(problems)
}

fn stored_codes(
    conn: &Connection,
    survey_id: i64,
    instrument: klimat_core::Instrument,
    replacing: Option<&str>,
) -> Result<std::collections::HashSet<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT code FROM forms WHERE survey_id = ?1 AND instrument = ?2 AND code <> ''
            AND uuid <> ?3",
    )?;
    let rows = stmt.query_map(
        rusqlite::params![survey_id, instrument.id(), replacing.unwrap_or("")],
        |r| r.get::<_, String>(0),
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Checks a database about to be restored by the rules every stored form
/// obeys: no form without its survey, every survey's settings valid, every
/// form of a questionnaire its survey includes, and the rules of
/// [`check_forms`] within each survey.
pub(crate) fn check_restored(conn: &Connection, now: i64) -> Result<()> {
    use rusqlite::OptionalExtension;
    let refuse = |m: String| StoreError::BadBackup(m);
    check_restored_settings(conn, now)?;
    let orphan: Option<String> = conn
        .query_row(
            "SELECT \"table\" FROM pragma_foreign_key_check LIMIT 1",
            [],
            |r| r.get(0),
        )
        .optional()?;
    if orphan.is_some() {
        return Err(refuse(text::RESTORE_ORPHANS.into()));
    }
    for survey in crate::surveys::all_surveys(conn)? {
        let name = short(&survey.settings.name);
        crate::surveys::validate(&survey.settings)
            .map_err(|e| refuse(format!("{} «{name}»: {e}", text::SURVEY)))?;
        let forms = crate::forms::all_forms(conn, survey.id)?;
        if forms.iter().any(|f| {
            !survey
                .settings
                .instruments
                .contains(&f.data.answers.instrument())
        }) {
            return Err(refuse(format!(
                "{} «{name}»: {}",
                text::SURVEY,
                text::NOT_IN_SURVEY
            )));
        }
        let data: Vec<FormData> = forms.into_iter().map(|f| f.data).collect();
        let position = |i: usize| i as u64 + 1;
        let problems = check_forms(None, &survey, &data, None, &position)?;
        if let Some(p) = problems.first() {
            return Err(refuse(format!(
                "{} «{name}», {} «{}»: {} — {}",
                text::SURVEY,
                text::FORM,
                short(&data[p.index].code),
                column_label(p.column),
                p.expected
            )));
        }
    }
    Ok(())
}

/// Whether a table of the file being restored has a column (older schemas
/// lack some).
fn has_column(conn: &Connection, table: &str, column: &str) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT count(*) FROM pragma_table_info(?1) WHERE name = ?2",
        [table, column],
        |r| r.get::<_, i64>(0),
    )? > 0)
}

/// Checks the settings of a database about to be restored: every value of
/// the `settings` table has its key's shape ([`crate::keys::valid`]), and
/// every survey's report settings read and obey their rules.
fn check_restored_settings(conn: &Connection, now: i64) -> Result<()> {
    let refuse = |m: String| StoreError::BadBackup(m);
    if has_column(conn, "settings", "key")? {
        let mut stmt = conn.prepare("SELECT key, CAST(value AS TEXT) FROM settings")?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))
        })?;
        for row in rows {
            let (key, value) = row?;
            if !crate::keys::valid(&key, value.as_deref().unwrap_or(""), now) {
                return Err(refuse(format!(
                    "{} «{}»",
                    text::RESTORE_BAD_SETTING,
                    short(&key)
                )));
            }
        }
    }
    if has_column(conn, "surveys", "report_settings")? {
        for survey in crate::surveys::all_surveys(conn)? {
            let json: Option<String> = conn.query_row(
                "SELECT report_settings FROM surveys WHERE id = ?1",
                [survey.id],
                |r| r.get(0),
            )?;
            let ok = json
                .as_deref()
                .and_then(crate::ReportSettings::from_json)
                .is_some_and(|r| {
                    r.hidden_texts.len() <= crate::report_settings::MAX_HIDDEN_TEXTS
                        && r.validate(&survey.settings.subdivisions).is_ok()
                });
            if !ok {
                return Err(refuse(format!(
                    "{} «{}»: {}",
                    text::SURVEY,
                    short(&survey.settings.name),
                    text::RESTORE_BAD_REPORT_SETTINGS
                )));
            }
        }
    }
    Ok(())
}

/// A template column as a person reads it.
fn column_label(column: &str) -> &'static str {
    match column {
        "code" => text::COLUMN_CODE,
        "subdivision" => text::COLUMN_SUBDIVISION,
        "position" => text::COLUMN_POSITION,
        "uuid" => text::COLUMN_UUID,
        _ => text::COLUMN_ANSWER,
    }
}

/// The problems of an import as the bad cells of a refused file.
pub(crate) fn as_template_error(problems: Vec<Problem>, row: &dyn Fn(usize) -> u64) -> StoreError {
    use klimat_core::template::{CellError, TemplateError};
    let listed = problems.len().min(limits::MAX_LISTED_ERRORS);
    let more = (problems.len() - listed) as u64;
    let cells = problems
        .into_iter()
        .take(listed)
        .map(|p| CellError {
            row: row(p.index),
            column: p.column.to_owned(),
            value: short(&p.value),
            expected: p.expected,
        })
        .collect::<Vec<_>>();
    StoreError::Template(TemplateError::Cells { cells, more })
}

/// The problems of forms saved one at a time or merged, as one message a
/// line.
pub(crate) fn as_refusal(problems: &[Problem], forms: &[FormData]) -> StoreError {
    StoreError::FormsRefused(
        problems
            .iter()
            .take(limits::MAX_LISTED_ERRORS)
            .map(|p| {
                let code = &forms[p.index].code;
                let mut line = format!(
                    "{} {} «{}», {}: «{}» — {}",
                    text::FORM,
                    text::CODE,
                    short(code),
                    column_label(p.column),
                    short(&p.value),
                    p.expected
                );
                if let Some(r) = p.see_row {
                    line.push_str(&format!(" ({} {r})", text::FIRST_AT_ROW));
                }
                line
            })
            .collect(),
    )
}

/// A value as an error message quotes it (the template parser's rule).
fn short(s: &str) -> String {
    klimat_core::template::quote_value(s)
}
