//! Forms: save, edit, delete, list, and the append-only change log that
//! records every one of those changes.

use klimat_core::Instrument;
use klimat_core::tenure::parse_storage_id;
use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::answers::{answers_from_json, answers_text, content_json};
use crate::db::Db;
use crate::error::{Result, StoreError};
use crate::model::{Entry, FormData, LogEntry, StoredForm};
use crate::validate;

const FORM_COLUMNS: &str = "uuid, survey_id, instrument, code, tenure, subdivision, position, answers, entry, created_at, updated_at";

/// A page of forms (see [`Db::forms_page`]).
#[derive(Clone, Debug, PartialEq)]
pub struct FormsPage {
    /// Forms of the questionnaire in all.
    pub total: u64,
    /// Forms whose code matches the query.
    pub matching: u64,
    /// The newest matching forms, newest first.
    pub forms: Vec<StoredForm>,
}

fn form_from_row(r: &Row<'_>) -> rusqlite::Result<StoredForm> {
    let bad = |i: usize, what: &str| {
        rusqlite::Error::FromSqlConversionFailure(
            i,
            rusqlite::types::Type::Text,
            format!("malformed {what}").into(),
        )
    };
    let instrument: String = r.get(2)?;
    let instrument = Instrument::from_id(&instrument).ok_or_else(|| bad(2, "instrument"))?;
    let tenure: String = r.get(4)?;
    let answers: String = r.get(7)?;
    let answers = serde_json::from_str(&answers)
        .ok()
        .and_then(|v| answers_from_json(instrument, &v))
        .ok_or_else(|| bad(7, "answers"))?;
    let entry: String = r.get(8)?;
    Ok(StoredForm {
        uuid: r.get(0)?,
        survey_id: r.get(1)?,
        data: FormData {
            code: r.get(3)?,
            tenure: parse_storage_id(&tenure).ok_or_else(|| bad(4, "tenure"))?,
            subdivision: r.get(5)?,
            position: r.get(6)?,
            answers,
        },
        entry: Entry::from_id(&entry).ok_or_else(|| bad(8, "entry"))?,
        created_at: r.get(9)?,
        updated_at: r.get(10)?,
    })
}

/// Reads every survey and form of `conn` as Klimat reads them, so that a
/// restored file with a malformed stored value is refused before it
/// replaces the database.
pub(crate) fn check_all_rows(conn: &Connection) -> rusqlite::Result<()> {
    let mut stmt = conn.prepare(&format!("SELECT {FORM_COLUMNS} FROM forms"))?;
    for form in stmt.query_map([], form_from_row)? {
        form?;
    }
    crate::surveys::check_all_surveys(conn)
}

/// The forms of one survey on `conn`, in the order they were saved.
pub(crate) fn all_forms(conn: &Connection, survey_id: i64) -> rusqlite::Result<Vec<StoredForm>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {FORM_COLUMNS} FROM forms WHERE survey_id = ?1 ORDER BY id"
    ))?;
    let rows = stmt.query_map([survey_id], form_from_row)?;
    rows.collect()
}

/// Inserts a form and its log entry on `conn` (inside the caller's
/// transaction).
#[allow(clippy::too_many_arguments)]
pub(crate) fn insert_form(
    conn: &Connection,
    uuid: &str,
    survey_id: i64,
    data: &FormData,
    entry: Entry,
    created_at: &str,
    updated_at: &str,
    action: &str,
    now: &str,
) -> Result<()> {
    let batch = Batch {
        survey_id,
        entry,
        created_at,
        updated_at,
        action,
        now,
    };
    let mut insert = rows_statement(conn, &batch, 1)?;
    bind_row(&mut insert, 0, uuid, data)?;
    insert.raw_execute()?;
    if matches!(entry, Entry::Kiosk | Entry::Network) {
        // A self-filled form keeps no place in a queue (docs/methodology.md,
        // "Anonymity"): its row id and its log entry's id are drawn at
        // random below zero, so neither orders it among the others. Below
        // zero, because a new row takes the largest id plus one and the
        // operator's forms keep their order (the entry screen lists the
        // newest first).
        conn.execute(
            "UPDATE forms SET id = -1 - (abs(random()) % 4611686018427387903) WHERE uuid = ?1",
            [uuid],
        )?;
        conn.prepare_cached(
            "INSERT INTO form_log (id, form_uuid, survey_id, action, old_content, new_content, at)
             VALUES (-1 - (abs(random()) % 4611686018427387903), ?1, ?2, ?3, NULL, NULL, ?4)",
        )?
        .execute(params![uuid, survey_id, action, now])?;
        crate::db::mark_unsealed(conn)?;
        return Ok(());
    }
    // The content a new form was created with is not copied into its log
    // entry: it is the form itself until the next entry, which keeps it
    // as its old content (see `Db::form_log`).
    log(conn, uuid, survey_id, action, None, None, now)
}

/// What the new forms of one batch share.
struct Batch<'a> {
    survey_id: i64,
    entry: Entry,
    created_at: &'a str,
    updated_at: &'a str,
    /// The log's action: «created» or «merged».
    action: &'a str,
    /// The log entry's day.
    now: &'a str,
}

/// The parameters of one form in [`rows_statement`].
const ROW_PARAMS: usize = 7;

/// Forms saved by one INSERT in a batch: an import of 10⁵ forms spent a
/// sixth of its time starting and ending 10⁵ statements one form each.
const ROWS_PER_INSERT: usize = 64;

/// An INSERT of `n` forms of `batch`, what they share bound once (binding
/// each form's copy cost an import a tenth of its time); [`bind_row`]
/// binds the rest.
fn rows_statement<'c>(
    conn: &'c Connection,
    batch: &Batch<'_>,
    n: usize,
) -> Result<rusqlite::CachedStatement<'c>> {
    let shared = n * ROW_PARAMS;
    let rows: Vec<String> = (0..n)
        .map(|r| {
            let own: Vec<String> = (1..=ROW_PARAMS)
                .map(|k| format!("?{}", r * ROW_PARAMS + k))
                .collect();
            format!(
                "({}, ?{}, ?{}, ?{}, ?{})",
                own.join(", "),
                shared + 1,
                shared + 2,
                shared + 3,
                shared + 4
            )
        })
        .collect();
    let mut insert = conn.prepare_cached(&format!(
        "INSERT INTO forms (uuid, code, tenure, subdivision, position, answers, instrument,
            survey_id, entry, created_at, updated_at) VALUES {}",
        rows.join(", ")
    ))?;
    insert.raw_bind_parameter(shared + 1, batch.survey_id)?;
    insert.raw_bind_parameter(shared + 2, batch.entry.id())?;
    insert.raw_bind_parameter(shared + 3, batch.created_at)?;
    insert.raw_bind_parameter(shared + 4, batch.updated_at)?;
    Ok(insert)
}

/// Binds form `data` as row `r` (from 0) of a [`rows_statement`].
fn bind_row(
    insert: &mut rusqlite::Statement<'_>,
    r: usize,
    uuid: &str,
    data: &FormData,
) -> Result<()> {
    let at = r * ROW_PARAMS;
    insert.raw_bind_parameter(at + 1, uuid)?;
    insert.raw_bind_parameter(at + 2, &data.code)?;
    insert.raw_bind_parameter(at + 3, data.tenure.storage_id())?;
    insert.raw_bind_parameter(at + 4, &data.subdivision)?;
    insert.raw_bind_parameter(at + 5, &data.position)?;
    insert.raw_bind_parameter(at + 6, answers_text(&data.answers))?;
    insert.raw_bind_parameter(at + 7, data.answers.instrument().id())?;
    Ok(())
}

/// Saves `forms` as a batch on `conn` (inside the caller's transaction),
/// [`ROWS_PER_INSERT`] to a statement, then their log entries in one
/// statement: as [`insert_form`] would one by one, in the same order.
/// `progress` is called with (saved, total) every 1000 forms.
fn insert_batch(
    conn: &Connection,
    batch: &Batch<'_>,
    forms: &[FormData],
    progress: &mut dyn FnMut(usize, usize),
) -> Result<()> {
    let before: i64 = conn.query_row("SELECT coalesce(max(id), 0) FROM forms", [], |r| r.get(0))?;
    let uuids = BatchUuids::new();
    let mut full = rows_statement(conn, batch, ROWS_PER_INSERT)?;
    let mut done = 0;
    for chunk in forms.chunks(ROWS_PER_INSERT) {
        let mut rest;
        let insert = if chunk.len() == ROWS_PER_INSERT {
            &mut full
        } else {
            rest = rows_statement(conn, batch, chunk.len())?;
            &mut rest
        };
        for (r, data) in chunk.iter().enumerate() {
            bind_row(insert, r, &uuids.get(done + r), data)?;
        }
        insert.raw_execute()?;
        let next = done + chunk.len();
        if next / 1000 > done / 1000 {
            progress(next / 1000 * 1000, forms.len());
        }
        done = next;
    }
    // A new form's row id is the largest before it plus one, so the
    // batch's forms are those after `before`, in the order they came.
    conn.execute(
        "INSERT INTO form_log (form_uuid, survey_id, action, old_content, new_content, at)
         SELECT uuid, survey_id, ?1, NULL, NULL, ?2 FROM forms WHERE id > ?3 ORDER BY id",
        params![batch.action, batch.now, before],
    )?;
    Ok(())
}

const LOG_INSERT: &str =
    "INSERT INTO form_log (form_uuid, survey_id, action, old_content, new_content, at)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6)";

pub(crate) fn log(
    conn: &Connection,
    uuid: &str,
    survey_id: i64,
    action: &str,
    old: Option<&str>,
    new: Option<&str>,
    now: &str,
) -> Result<()> {
    conn.prepare_cached(LOG_INSERT)?
        .execute(params![uuid, survey_id, action, old, new, now])?;
    Ok(())
}

/// More to write in the transaction of a form's change.
pub(crate) type AlsoInTransaction<'a> =
    &'a dyn Fn(&rusqlite::Transaction<'_>) -> rusqlite::Result<()>;

/// Identifiers for the forms of one import: a random version-4 UUID for
/// the first and the next ones counted up from it in the last 48 bits.
/// They sort in the order of the file, so that SQLite appends them to its
/// UUID indexes instead of inserting each at a random place (an import of
/// 10⁵ forms spent much of its time there and in 10⁵ calls for random
/// bytes). They say no more than the forms' row numbers, which follow the
/// file's order already; 74 random bits per batch keep two databases'
/// forms apart when they are merged.
struct BatchUuids {
    first: [u8; 16],
}

impl BatchUuids {
    fn new() -> BatchUuids {
        BatchUuids {
            first: *uuid::Uuid::new_v4().as_bytes(),
        }
    }

    fn get(&self, i: usize) -> String {
        let mut bytes = self.first;
        let mut tail = [0u8; 8];
        tail[2..].copy_from_slice(&bytes[10..]);
        // 2⁴⁸ forms would be needed to wrap around.
        let n = u64::from_be_bytes(tail).wrapping_add(i as u64) & 0xffff_ffff_ffff;
        bytes[10..].copy_from_slice(&n.to_be_bytes()[2..]);
        uuid::Builder::from_random_bytes(bytes)
            .into_uuid()
            .to_string()
    }
}

impl Db {
    /// Checks forms against their survey's rules ([`crate::validate`]);
    /// `row` numbers them for messages, `None` for forms saved one at a time.
    pub(crate) fn check(
        &self,
        survey_id: i64,
        forms: &[FormData],
        replacing: Option<&str>,
        rows: Option<&dyn Fn(usize) -> u64>,
    ) -> Result<()> {
        let survey = self.survey(survey_id)?;
        if let Some(bad) = forms
            .iter()
            .map(|f| f.answers.instrument())
            .find(|i| !survey.settings.instruments.contains(i))
        {
            return Err(StoreError::InstrumentNotInSurvey(bad.label()));
        }
        let position = |i: usize| i as u64 + 1;
        let row = rows.unwrap_or(&position);
        let problems = validate::check_forms(Some(&self.conn), &survey, forms, replacing, row)?;
        if problems.is_empty() {
            Ok(())
        } else if rows.is_some() {
            Err(validate::as_template_error(problems, row))
        } else {
            Err(validate::as_refusal(&problems, forms))
        }
    }

    /// Saves one new form in its own transaction and returns it. When this
    /// returns, the form is on disk.
    ///
    /// # Errors
    /// [`StoreError::NoSurvey`], [`StoreError::InstrumentNotInSurvey`],
    /// [`StoreError::FormsRefused`] when the form breaks a rule of
    /// [`crate::validate`] (a code already used, a subdivision not in the
    /// survey's list, an over-long text).
    pub fn add_form(
        &mut self,
        survey_id: i64,
        data: &FormData,
        entry: Entry,
    ) -> Result<StoredForm> {
        self.check(survey_id, std::slice::from_ref(data), None, None)?;
        let uuid = uuid::Uuid::new_v4().to_string();
        let now = self.today();
        let tx = self.conn.transaction()?;
        insert_form(
            &tx, &uuid, survey_id, data, entry, &now, &now, "created", &now,
        )?;
        tx.commit()?;
        self.form(&uuid)
    }

    /// Saves the forms of an import file in one transaction: all of them or
    /// none, after the same checks as every other form; a refusal names
    /// the file's rows. `progress` is called with (saved, total) every 1000
    /// forms and at the end.
    ///
    /// # Errors
    /// [`StoreError::Template`] with every bad row; as [`Db::add_form`].
    pub fn import(
        &mut self,
        survey_id: i64,
        file: &crate::import::TemplateFile,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<usize> {
        let row = |i: usize| file.rows.get(i).copied().unwrap_or(i as u64 + 2);
        self.check(survey_id, &file.forms, None, Some(&row))?;
        self.insert_many(survey_id, &file.forms, Entry::Import, progress)
    }

    /// Imports a file read by [`crate::import::read_template_all`]: its good
    /// rows are checked by the survey's rules too (codes, subdivisions,
    /// positions …), and every problem — the bad cells and the broken
    /// rules — is refused at once, in row order; otherwise every form is
    /// saved in one transaction.
    ///
    /// # Errors
    /// [`StoreError::Template`] with every problem; as [`Db::import`].
    pub fn import_all(
        &mut self,
        survey_id: i64,
        file: &crate::import::TemplateFile,
        mut cells: Vec<klimat_core::template::CellError>,
        mut more: u64,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<usize> {
        use klimat_core::template::{TemplateError, limits::MAX_LISTED_ERRORS};
        let row = |i: usize| file.rows.get(i).copied().unwrap_or(i as u64 + 2);
        match self.check(survey_id, &file.forms, None, Some(&row)) {
            Ok(()) => {}
            Err(StoreError::Template(TemplateError::Cells { cells: c, more: m })) => {
                cells.extend(c);
                more += m;
            }
            Err(e) => return Err(e),
        }
        if !cells.is_empty() {
            // Stable: within a row the cells keep their column order.
            cells.sort_by_key(|c| c.row);
            if cells.len() > MAX_LISTED_ERRORS {
                more += (cells.len() - MAX_LISTED_ERRORS) as u64;
                cells.truncate(MAX_LISTED_ERRORS);
            }
            return Err(TemplateError::Cells { cells, more }.into());
        }
        self.insert_many(survey_id, &file.forms, Entry::Import, progress)
    }

    /// Saves many forms in one transaction: all of them or none. `progress`
    /// is called with (saved, total) every 1000 forms and at the end.
    ///
    /// # Errors
    /// As [`Db::add_form`], naming each bad form by its position in
    /// `forms` (1 for the first); on error nothing is saved.
    pub fn add_forms(
        &mut self,
        survey_id: i64,
        forms: &[FormData],
        entry: Entry,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<usize> {
        let position = |i: usize| i as u64 + 1;
        self.check(survey_id, forms, None, Some(&position))?;
        self.insert_many(survey_id, forms, entry, progress)
    }

    fn insert_many(
        &mut self,
        survey_id: i64,
        forms: &[FormData],
        entry: Entry,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<usize> {
        let now = self.today();
        let tx = self.conn.transaction()?;
        let batch = Batch {
            survey_id,
            entry,
            created_at: &now,
            updated_at: &now,
            action: "created",
            now: &now,
        };
        insert_batch(&tx, &batch, forms, progress)?;
        tx.commit()?;
        progress(forms.len(), forms.len());
        Ok(forms.len())
    }

    /// Replaces a form's content; the log keeps the old and new content.
    ///
    /// # Errors
    /// [`StoreError::NoForm`]; a form cannot change instrument.
    pub fn update_form(&mut self, uuid: &str, data: &FormData) -> Result<StoredForm> {
        self.replace_form(uuid, data, "edited", None)
    }

    /// [`Db::update_form`] logged as `action`, with `also` run in the same
    /// transaction (a verification's row).
    pub(crate) fn replace_form(
        &mut self,
        uuid: &str,
        data: &FormData,
        action: &str,
        also: Option<AlsoInTransaction<'_>>,
    ) -> Result<StoredForm> {
        let old = self.form(uuid)?;
        if old.data.answers.instrument() != data.answers.instrument() {
            return Err(StoreError::InstrumentNotInSurvey(
                data.answers.instrument().label(),
            ));
        }
        self.check(old.survey_id, std::slice::from_ref(data), Some(uuid), None)?;
        let now = self.today();
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE forms SET code = ?2, tenure = ?3, subdivision = ?4, position = ?5,
                answers = ?6, updated_at = ?7 WHERE uuid = ?1",
            params![
                uuid,
                data.code,
                data.tenure.storage_id(),
                data.subdivision,
                data.position,
                answers_text(&data.answers),
                now,
            ],
        )?;
        log(
            &tx,
            uuid,
            old.survey_id,
            action,
            Some(&content_json(&old.data)),
            Some(&content_json(data)),
            &now,
        )?;
        if let Some(also) = also {
            also(&tx)?;
        }
        tx.commit()?;
        self.form(uuid)
    }

    /// Deletes a form; the log keeps its last content.
    ///
    /// # Errors
    /// [`StoreError::NoForm`].
    pub fn delete_form(&mut self, uuid: &str) -> Result<()> {
        let old = self.form(uuid)?;
        let now = self.today();
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM forms WHERE uuid = ?1", [uuid])?;
        log(
            &tx,
            uuid,
            old.survey_id,
            "deleted",
            Some(&content_json(&old.data)),
            None,
            &now,
        )?;
        tx.commit()?;
        Ok(())
    }

    /// One form.
    ///
    /// # Errors
    /// [`StoreError::NoForm`].
    pub fn form(&self, uuid: &str) -> Result<StoredForm> {
        self.conn
            .query_row(
                &format!("SELECT {FORM_COLUMNS} FROM forms WHERE uuid = ?1"),
                [uuid],
                form_from_row,
            )
            .optional()?
            .ok_or_else(|| StoreError::NoForm(uuid.to_owned()))
    }

    /// The forms of one instrument of a survey, ordered by their UUID: an
    /// order that says nothing (the UUID is random), so that no report,
    /// export or exchange file built from this list keeps the order forms
    /// were keyed in or arrived in (docs/methodology.md, "Anonymity").
    pub fn forms(&self, survey_id: i64, instrument: Instrument) -> Result<Vec<StoredForm>> {
        self.survey(survey_id)?;
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {FORM_COLUMNS} FROM forms WHERE survey_id = ?1 AND instrument = ?2 ORDER BY uuid"
        ))?;
        let rows = stmt.query_map(params![survey_id, instrument.id()], form_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The codes of one questionnaire's forms of a survey: what the entry
    /// screen needs to suggest the next code and to refuse a repeated one,
    /// without loading every form. The operator's own keyed forms come
    /// last, in the order they were keyed, so that the next code follows
    /// the operator's series, not an imported file's, a merged
    /// installation's or a kiosk's random code; kiosk and network forms
    /// come first (their order tells nothing: their ids are random).
    ///
    /// # Errors
    /// [`StoreError::NoSurvey`]; SQLite's.
    pub fn form_codes(&self, survey_id: i64, instrument: Instrument) -> Result<Vec<String>> {
        self.survey(survey_id)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT code FROM forms WHERE survey_id = ?1 AND instrument = ?2
             ORDER BY CASE entry WHEN 'operator' THEN 2 WHEN 'kiosk' THEN 0 WHEN 'network' THEN 0 ELSE 1 END, id",
        )?;
        let rows = stmt.query_map(params![survey_id, instrument.id()], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A page of one questionnaire's forms of a survey, newest first: at
    /// most `limit` forms whose code contains `query` (any case; all forms
    /// when `query` is blank), with the numbers of forms in all and of
    /// matching ones. The search runs over every stored code, not over a
    /// page.
    ///
    /// # Errors
    /// [`StoreError::NoSurvey`]; SQLite's.
    pub fn forms_page(
        &self,
        survey_id: i64,
        instrument: Instrument,
        query: &str,
        limit: usize,
    ) -> Result<FormsPage> {
        self.survey(survey_id)?;
        let query = query.trim().to_lowercase();
        // Codes first (small), filtered here: SQLite's lower() knows only
        // ASCII, and codes are mostly Cyrillic («Анкета 017»).
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, code FROM forms WHERE survey_id = ?1 AND instrument = ?2 ORDER BY id DESC",
        )?;
        let codes = stmt.query_map(params![survey_id, instrument.id()], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
        })?;
        let (mut total, mut matching, mut ids) = (0u64, 0u64, Vec::new());
        for row in codes {
            let (id, code) = row?;
            total += 1;
            if query.is_empty() || code.to_lowercase().contains(&query) {
                matching += 1;
                if ids.len() < limit {
                    ids.push(id);
                }
            }
        }
        let mut stmt = self
            .conn
            .prepare_cached(&format!("SELECT {FORM_COLUMNS} FROM forms WHERE id = ?1"))?;
        let forms = ids
            .iter()
            .map(|id| stmt.query_row([id], form_from_row))
            .collect::<rusqlite::Result<_>>()?;
        Ok(FormsPage {
            total,
            matching,
            forms,
        })
    }

    /// The number of forms in the whole database.
    pub fn form_count(&self) -> Result<u64> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM forms", [], |r| r.get(0))?;
        Ok(n.unsigned_abs())
    }

    /// A form's change log, oldest first (also for deleted forms), every
    /// entry with its content before and after.
    ///
    /// An entry that added the form is stored without its content (schema
    /// version 7 on): that content is the old content of the next entry,
    /// or, while there is none, the form as it is stored now.
    pub fn form_log(&self, uuid: &str) -> Result<Vec<LogEntry>> {
        self.form_log_with(uuid, &|| {
            Ok(self
                .conn
                .query_row(
                    &format!("SELECT {FORM_COLUMNS} FROM forms WHERE uuid = ?1"),
                    [uuid],
                    form_from_row,
                )
                .optional()?
                .map(|f| content_json(&f.data)))
        })
    }

    /// [`Db::form_log`] with the form's current content (`None` once it is
    /// deleted) given by `current`, asked only when an entry needs it: the
    /// exchange export has every form read already.
    pub(crate) fn form_log_with(
        &self,
        uuid: &str,
        current: &dyn Fn() -> Result<Option<String>>,
    ) -> Result<Vec<LogEntry>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT action, old_content, new_content, at FROM form_log WHERE form_uuid = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([uuid], |r| {
            Ok(LogEntry {
                action: r.get(0)?,
                old_content: r.get(1)?,
                new_content: r.get(2)?,
                at: r.get(3)?,
            })
        })?;
        let mut entries = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        for i in 0..entries.len() {
            let e = &entries[i];
            if e.new_content.is_some() || e.old_content.is_some() || e.action == "deleted" {
                continue;
            }
            let content = match entries.get(i + 1) {
                Some(next) => next.old_content.clone(),
                None => current()?,
            };
            entries[i].new_content = content;
        }
        Ok(entries)
    }
}
