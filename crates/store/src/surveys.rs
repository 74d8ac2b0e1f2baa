//! Surveys: create, edit, archive, list.

use chrono::NaiveDate;
use klimat_core::Instrument;
use klimat_core::satisfaction::SatisfactionKey;
use rusqlite::types::Value;
use rusqlite::{OptionalExtension, Row, params, params_from_iter};

use klimat_core::template::{hidden_char, limits};

use crate::db::Db;
use crate::error::{Result, StoreError};
use crate::model::{Survey, SurveySettings};
use crate::text;

const SURVEY_COLUMNS: &str =
    "s.id, s.uuid, s.name, o.name, s.date, s.instruments, s.satisfaction_key,
    s.subdivisions, s.positions, s.anonymity_threshold, s.archived,
    (SELECT count(*) FROM forms f WHERE f.survey_id = s.id AND f.instrument = 'commitment'),
    (SELECT count(*) FROM forms f WHERE f.survey_id = s.id AND f.instrument = 'satisfaction'),
    (SELECT count(*) FROM forms f WHERE f.survey_id = s.id AND f.instrument = 'culture')";

fn instruments_to_text(list: &[Instrument]) -> String {
    Instrument::ALL
        .iter()
        .filter(|i| list.contains(i))
        .map(|i| i.id())
        .collect::<Vec<_>>()
        .join(",")
}

/// A survey row, refusing a malformed stored value instead of defaulting it
/// (a wrong default key would silently change every satisfaction figure).
fn survey_from_row(r: &Row<'_>) -> rusqlite::Result<Survey> {
    let bad = |i: usize, what: &str| {
        rusqlite::Error::FromSqlConversionFailure(
            i,
            rusqlite::types::Type::Text,
            format!("malformed survey {what}").into(),
        )
    };
    let list = |i: usize| -> rusqlite::Result<Vec<String>> {
        let text: String = r.get(i)?;
        serde_json::from_str(&text).map_err(|_| bad(i, "list"))
    };
    let date: String = r.get(4)?;
    let instruments: String = r.get(5)?;
    let key: String = r.get(6)?;
    Ok(Survey {
        id: r.get(0)?,
        uuid: r.get(1)?,
        settings: SurveySettings {
            name: r.get(2)?,
            organization: r.get(3)?,
            date: NaiveDate::parse_from_str(&date, "%Y-%m-%d").map_err(|_| bad(4, "date"))?,
            instruments: instruments
                .split(',')
                .map(|i| Instrument::from_id(i).ok_or_else(|| bad(5, "instruments")))
                .collect::<rusqlite::Result<_>>()?,
            satisfaction_key: SatisfactionKey::from_id(&key).ok_or_else(|| bad(6, "key"))?,
            subdivisions: list(7)?,
            positions: list(8)?,
            anonymity_threshold: r.get(9)?,
        },
        archived: r.get(10)?,
        form_counts: [
            r.get::<_, i64>(11)?.unsigned_abs(),
            r.get::<_, i64>(12)?.unsigned_abs(),
            r.get::<_, i64>(13)?.unsigned_abs(),
        ],
    })
}

/// The parameters ?1..?10 of the INSERT and UPDATE of a survey: the key
/// (UUID or id), then the settings and the time.
fn settings_values(key: Value, org: Option<i64>, s: &SurveySettings, now: String) -> [Value; 10] {
    [
        key,
        org.map_or(Value::Null, Value::from),
        Value::from(s.name.trim().to_owned()),
        Value::from(s.date.format("%Y-%m-%d").to_string()),
        Value::from(instruments_to_text(&s.instruments)),
        Value::from(s.satisfaction_key.id().to_owned()),
        Value::from(serde_json::to_string(&s.subdivisions).unwrap_or_default()),
        Value::from(serde_json::to_string(&s.positions).unwrap_or_default()),
        Value::from(i64::from(s.anonymity_threshold)),
        Value::from(now),
    ]
}

/// The most subdivisions or positions a survey may list.
const MAX_LIST: usize = 500;

/// A name on one line, of at most [`limits::MAX_NAME_CHARS`] characters,
/// without hidden characters.
fn bad_name(name: &str) -> bool {
    name.chars().count() > limits::MAX_NAME_CHARS || name.chars().any(|c| hidden_char(c, false))
}

pub(crate) fn validate(s: &SurveySettings) -> Result<()> {
    if s.name.trim().is_empty() {
        return Err(StoreError::Invalid(text::EMPTY_NAME.into()));
    }
    if bad_name(&s.name) || s.organization.as_deref().is_some_and(bad_name) {
        return Err(StoreError::Invalid(text::BAD_SURVEY_NAME.into()));
    }
    for list in [&s.subdivisions, &s.positions] {
        if list.len() > MAX_LIST || list.iter().any(|x| x.trim().is_empty() || bad_name(x)) {
            return Err(StoreError::Invalid(text::BAD_LIST.into()));
        }
        let mut seen = std::collections::HashSet::new();
        if let Some(dup) = list.iter().find(|x| !seen.insert(x.as_str())) {
            return Err(StoreError::Invalid(format!(
                "{} «{dup}»",
                text::DUPLICATE_IN_LIST
            )));
        }
    }
    let year = chrono::Datelike::year(&s.date);
    if !(1990..=2100).contains(&year) {
        return Err(StoreError::Invalid(text::BAD_SURVEY_DATE.into()));
    }
    if s.instruments.is_empty() {
        return Err(StoreError::Invalid(text::NO_INSTRUMENTS.into()));
    }
    if s.anonymity_threshold < klimat_core::anonymity::MIN_K {
        return Err(StoreError::Invalid(text::BAD_THRESHOLD.into()));
    }
    Ok(())
}

/// Every survey of `conn`.
pub(crate) fn all_surveys(conn: &rusqlite::Connection) -> rusqlite::Result<Vec<Survey>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {SURVEY_COLUMNS} FROM surveys s LEFT JOIN organizations o ON o.id = s.organization_id"
    ))?;
    let rows = stmt.query_map([], survey_from_row)?;
    rows.collect()
}

/// Reads every survey of `conn` (see [`crate::forms::check_all_rows`]).
pub(crate) fn check_all_surveys(conn: &rusqlite::Connection) -> rusqlite::Result<()> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {SURVEY_COLUMNS} FROM surveys s LEFT JOIN organizations o ON o.id = s.organization_id"
    ))?;
    for s in stmt.query_map([], survey_from_row)? {
        s?;
    }
    Ok(())
}

impl Db {
    fn organization_id(&self, name: Option<&str>) -> Result<Option<i64>> {
        let Some(name) = name.map(str::trim).filter(|n| !n.is_empty()) else {
            return Ok(None);
        };
        self.conn.execute(
            "INSERT INTO organizations (name) VALUES (?1) ON CONFLICT (name) DO NOTHING",
            [name],
        )?;
        Ok(Some(self.conn.query_row(
            "SELECT id FROM organizations WHERE name = ?1",
            [name],
            |r| r.get(0),
        )?))
    }

    /// Creates a survey and returns its id.
    ///
    /// # Errors
    /// [`StoreError::Invalid`] for an empty name, no instruments or K < 1.
    pub fn create_survey(&self, settings: &SurveySettings) -> Result<i64> {
        self.create_survey_with_uuid(settings, &uuid::Uuid::new_v4().to_string())
    }

    pub(crate) fn create_survey_with_uuid(&self, s: &SurveySettings, uuid: &str) -> Result<i64> {
        validate(s)?;
        let now = self.now();
        // The organization and the survey in one transaction: a refused
        // survey leaves no organization behind.
        self.in_transaction(|| {
            let org = self.organization_id(s.organization.as_deref())?;
            self.conn.execute(
                "INSERT INTO surveys (uuid, organization_id, name, date, instruments, satisfaction_key,
                    subdivisions, positions, anonymity_threshold, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
                params_from_iter(settings_values(Value::from(uuid.to_owned()), org, s, now)),
            )?;
            Ok(self.conn.last_insert_rowid())
        })
    }

    /// Replaces a survey's settings.
    ///
    /// # Errors
    /// [`StoreError::NoSurvey`], or the validation errors of [`Db::create_survey`].
    pub fn update_survey(&self, id: i64, s: &SurveySettings) -> Result<()> {
        validate(s)?;
        let before = self.survey(id)?.settings;
        self.in_transaction(|| {
            // A subdivision or position renamed in its line of the list is
            // renamed in the forms and the staff list; one removed while
            // forms hold it is refused with the reason (issue 27, item 3:
            // the forms kept the old name, reports listed both, and an
            // edit dropped it). No stored value is ever dropped silently.
            self.carry_names(
                id,
                &before.subdivisions,
                &s.subdivisions,
                Column::Subdivision,
            )?;
            self.carry_names(id, &before.positions, &s.positions, Column::Position)?;
            let org = self.organization_id(s.organization.as_deref())?;
            let n = self.conn.execute(
                "UPDATE surveys SET organization_id = ?2, name = ?3, date = ?4, instruments = ?5,
                    satisfaction_key = ?6, subdivisions = ?7, positions = ?8,
                    anonymity_threshold = ?9, updated_at = ?10
                 WHERE id = ?1",
                params_from_iter(settings_values(Value::from(id), org, s, self.now())),
            )?;
            if n == 0 {
                return Err(StoreError::NoSurvey(id));
            }
            Ok(())
        })
    }

    /// Renames in the forms the names of `old` that `new` replaces in the
    /// same line (the list kept its length), and refuses to drop a name
    /// forms still hold.
    fn carry_names(&self, id: i64, old: &[String], new: &[String], column: Column) -> Result<()> {
        let col = match column {
            Column::Subdivision => "subdivision",
            Column::Position => "position",
        };
        let now = self.today();
        for (i, name) in old.iter().enumerate() {
            if new.contains(name) {
                continue;
            }
            let renamed = (old.len() == new.len() && !old.contains(&new[i])).then(|| &new[i]);
            let held: i64 = self.conn.query_row(
                &format!("SELECT count(*) FROM forms WHERE survey_id = ?1 AND {col} = ?2"),
                params![id, name],
                |r| r.get(0),
            )?;
            if held == 0 {
                continue;
            }
            let Some(to) = renamed else {
                return Err(StoreError::Invalid(text::name_in_use(
                    matches!(column, Column::Subdivision),
                    name,
                    held.unsigned_abs(),
                )));
            };
            for instrument in Instrument::ALL {
                for f in self.forms(id, instrument)? {
                    let holds = match column {
                        Column::Subdivision => f.data.subdivision.as_deref() == Some(name),
                        Column::Position => f.data.position.as_deref() == Some(name),
                    };
                    if !holds {
                        continue;
                    }
                    let mut data = f.data.clone();
                    match column {
                        Column::Subdivision => data.subdivision = Some(to.clone()),
                        Column::Position => data.position = Some(to.clone()),
                    }
                    self.conn.execute(
                        &format!("UPDATE forms SET {col} = ?2, updated_at = ?3 WHERE uuid = ?1"),
                        params![f.uuid, to, now],
                    )?;
                    crate::forms::log(
                        &self.conn,
                        &f.uuid,
                        id,
                        "edited",
                        Some(&crate::answers::content_json(&f.data)),
                        Some(&crate::answers::content_json(&data)),
                        &now,
                    )?;
                }
            }
            if matches!(column, Column::Subdivision) {
                let mut r = self.report_settings(id)?;
                let mut changed = false;
                for (sub, _) in &mut r.staff {
                    if sub == name {
                        sub.clone_from(to);
                        changed = true;
                    }
                }
                if changed {
                    self.conn.execute(
                        "UPDATE surveys SET report_settings = ?2 WHERE id = ?1",
                        params![id, r.to_json()],
                    )?;
                }
            }
        }
        Ok(())
    }

    /// Archives or restores a survey.
    pub fn set_archived(&self, id: i64, archived: bool) -> Result<()> {
        let n = self.conn.execute(
            "UPDATE surveys SET archived = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, archived, self.now()],
        )?;
        if n == 0 {
            return Err(StoreError::NoSurvey(id));
        }
        Ok(())
    }

    /// Deletes a survey and its forms in one transaction; each form's
    /// deletion is written to the change log, as a single deletion is.
    ///
    /// # Errors
    /// [`StoreError::NoSurvey`].
    pub fn delete_survey(&self, id: i64) -> Result<()> {
        let uuid = self.survey(id)?.uuid;
        let now = self.today();
        self.in_transaction(|| {
            for instrument in Instrument::ALL {
                for f in self.forms(id, instrument)? {
                    crate::forms::log(
                        &self.conn,
                        &f.uuid,
                        id,
                        "deleted",
                        Some(&crate::answers::content_json(&f.data)),
                        None,
                        &now,
                    )?;
                }
            }
            self.conn
                .execute("DELETE FROM forms WHERE survey_id = ?1", [id])?;
            self.conn
                .execute("DELETE FROM surveys WHERE id = ?1", [id])?;
            // Every setting that names this survey goes with it (a key
            // ending in «_survey» holds a survey's id or UUID: the example,
            // the kiosk's survey), so that none can name another survey.
            self.conn.execute(
                "DELETE FROM settings WHERE key LIKE '%\\_survey' ESCAPE '\\'
                   AND (value = CAST(?1 AS TEXT) OR value = ?2)",
                params![id, uuid],
            )?;
            Ok(())
        })
    }

    /// Every survey, newest date first.
    pub fn surveys(&self) -> Result<Vec<Survey>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {SURVEY_COLUMNS} FROM surveys s LEFT JOIN organizations o ON o.id = s.organization_id
             ORDER BY s.date DESC, s.id DESC"
        ))?;
        let rows = stmt.query_map([], survey_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One survey.
    ///
    /// # Errors
    /// [`StoreError::NoSurvey`].
    pub fn survey(&self, id: i64) -> Result<Survey> {
        self.conn
            .query_row(
                &format!(
                    "SELECT {SURVEY_COLUMNS} FROM surveys s
                     LEFT JOIN organizations o ON o.id = s.organization_id WHERE s.id = ?1"
                ),
                [id],
                survey_from_row,
            )
            .optional()?
            .ok_or(StoreError::NoSurvey(id))
    }

    pub(crate) fn survey_by_uuid(&self, uuid: &str) -> Result<Option<i64>> {
        Ok(self
            .conn
            .query_row("SELECT id FROM surveys WHERE uuid = ?1", [uuid], |r| {
                r.get(0)
            })
            .optional()?)
    }
}

/// A list of a survey whose names forms hold.
#[derive(Clone, Copy)]
enum Column {
    Subdivision,
    Position,
}
