//! Forms: save, edit, delete, list, and the append-only change log that
//! records every one of those changes.

use klimat_core::Instrument;
use klimat_core::tenure::parse_storage_id;
use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::answers::{answers_from_json, answers_to_json, content_json};
use crate::db::Db;
use crate::error::{Result, StoreError};
use crate::model::{Entry, FormData, LogEntry, StoredForm};

const FORM_COLUMNS: &str = "uuid, survey_id, instrument, code, tenure, subdivision, position, answers, entry, created_at, updated_at";

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
    conn.prepare_cached(
        "INSERT INTO forms (uuid, survey_id, instrument, code, tenure, subdivision, position,
            answers, entry, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        uuid,
        survey_id,
        data.answers.instrument().id(),
        data.code,
        data.tenure.storage_id(),
        data.subdivision,
        data.position,
        answers_to_json(&data.answers).to_string(),
        entry.id(),
        created_at,
        updated_at,
    ])?;
    log(
        conn,
        uuid,
        survey_id,
        action,
        None,
        Some(&content_json(data)),
        now,
    )
}

pub(crate) fn log(
    conn: &Connection,
    uuid: &str,
    survey_id: i64,
    action: &str,
    old: Option<&str>,
    new: Option<&str>,
    now: &str,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO form_log (form_uuid, survey_id, action, old_content, new_content, at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![uuid, survey_id, action, old, new, now])?;
    Ok(())
}

impl Db {
    fn check_instrument(&self, survey_id: i64, instrument: Instrument) -> Result<()> {
        let survey = self.survey(survey_id)?;
        if survey.settings.instruments.contains(&instrument) {
            Ok(())
        } else {
            Err(StoreError::InstrumentNotInSurvey(instrument.label()))
        }
    }

    /// Saves one new form in its own transaction and returns it. When this
    /// returns, the form is on disk.
    ///
    /// # Errors
    /// [`StoreError::NoSurvey`], [`StoreError::InstrumentNotInSurvey`].
    pub fn add_form(
        &mut self,
        survey_id: i64,
        data: &FormData,
        entry: Entry,
    ) -> Result<StoredForm> {
        self.check_instrument(survey_id, data.answers.instrument())?;
        let uuid = uuid::Uuid::new_v4().to_string();
        let now = self.now();
        let tx = self.conn.transaction()?;
        insert_form(
            &tx, &uuid, survey_id, data, entry, &now, &now, "created", &now,
        )?;
        tx.commit()?;
        self.form(&uuid)
    }

    /// Saves many forms in one transaction: all of them or none. `progress`
    /// is called with (saved, total) every 1000 forms and at the end.
    ///
    /// # Errors
    /// As [`Db::add_form`]; on error nothing is saved.
    pub fn add_forms(
        &mut self,
        survey_id: i64,
        forms: &[FormData],
        entry: Entry,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<usize> {
        let instruments: Vec<Instrument> = self.survey(survey_id)?.settings.instruments;
        if let Some(bad) = forms
            .iter()
            .map(|f| f.answers.instrument())
            .find(|i| !instruments.contains(i))
        {
            return Err(StoreError::InstrumentNotInSurvey(bad.label()));
        }
        let now = self.now();
        let tx = self.conn.transaction()?;
        for (i, data) in forms.iter().enumerate() {
            let uuid = uuid::Uuid::new_v4().to_string();
            insert_form(
                &tx, &uuid, survey_id, data, entry, &now, &now, "created", &now,
            )?;
            if (i + 1) % 1000 == 0 {
                progress(i + 1, forms.len());
            }
        }
        tx.commit()?;
        progress(forms.len(), forms.len());
        Ok(forms.len())
    }

    /// Replaces a form's content; the log keeps the old and new content.
    ///
    /// # Errors
    /// [`StoreError::NoForm`]; a form cannot change instrument.
    pub fn update_form(&mut self, uuid: &str, data: &FormData) -> Result<StoredForm> {
        let old = self.form(uuid)?;
        if old.data.answers.instrument() != data.answers.instrument() {
            return Err(StoreError::InstrumentNotInSurvey(
                data.answers.instrument().label(),
            ));
        }
        let now = self.now();
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
                answers_to_json(&data.answers).to_string(),
                now,
            ],
        )?;
        log(
            &tx,
            uuid,
            old.survey_id,
            "edited",
            Some(&content_json(&old.data)),
            Some(&content_json(data)),
            &now,
        )?;
        tx.commit()?;
        self.form(uuid)
    }

    /// Deletes a form; the log keeps its last content.
    ///
    /// # Errors
    /// [`StoreError::NoForm`].
    pub fn delete_form(&mut self, uuid: &str) -> Result<()> {
        let old = self.form(uuid)?;
        let now = self.now();
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

    /// The forms of one instrument of a survey, in the order they were saved.
    pub fn forms(&self, survey_id: i64, instrument: Instrument) -> Result<Vec<StoredForm>> {
        self.survey(survey_id)?;
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {FORM_COLUMNS} FROM forms WHERE survey_id = ?1 AND instrument = ?2 ORDER BY id"
        ))?;
        let rows = stmt.query_map(params![survey_id, instrument.id()], form_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The number of forms in the whole database.
    pub fn form_count(&self) -> Result<u64> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM forms", [], |r| r.get(0))?;
        Ok(n.unsigned_abs())
    }

    /// A form's change log, oldest first (also for deleted forms).
    pub fn form_log(&self, uuid: &str) -> Result<Vec<LogEntry>> {
        let mut stmt = self.conn.prepare(
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
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
