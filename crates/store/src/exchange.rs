//! Exchange files (`.klimat`): one survey and its forms with the versions
//! each form went through, merged into another installation by UUID.
//!
//! Merging is idempotent (the same file twice adds nothing) and never
//! overwrites an edit silently: a form changed on both sides since they last
//! agreed is reported as a conflict and left as it is here.

use std::collections::HashSet;

use chrono::NaiveDate;
use klimat_core::Instrument;
use klimat_core::satisfaction::SatisfactionKey;
use rusqlite::params;
use serde_json::{Value, json};

use crate::answers::{content_from_json, content_json, fingerprint};
use crate::db::Db;
use crate::error::{Result, StoreError};
use crate::forms::{insert_form, log};
use crate::model::{Entry, FormData, SurveySettings};
use crate::validate;

const FORMAT: &str = "klimat-exchange";
const VERSION: u64 = 1;

/// What a merge did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// The local survey the forms went to.
    pub survey_id: i64,
    /// True when the survey was not here before.
    pub survey_created: bool,
    /// Forms new here.
    pub added: u64,
    /// Forms whose newer version came in.
    pub updated: u64,
    /// Forms already identical here.
    pub unchanged: u64,
    /// Forms that are newer here than in the file (kept).
    pub kept_newer_here: u64,
    /// Forms deleted here that the file still has (kept deleted).
    pub kept_deleted_here: u64,
    /// Forms edited on both sides: left as they are here.
    pub conflicts: Vec<MergeConflict>,
}

/// A form changed on both sides.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MergeConflict {
    /// The form's UUID.
    pub uuid: String,
    /// Its code here (or in the file, when deleted here).
    pub code: String,
}

/// The fingerprints of every version of a form whose current content is
/// `current` (`None`: not stored here).
fn history_of(db: &Db, uuid: &str, current: Option<&str>) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for e in db.form_log_with(uuid, &|| Ok(current.map(str::to_owned)))? {
        for c in [e.old_content, e.new_content].into_iter().flatten() {
            let fp = fingerprint(&c);
            if !out.contains(&fp) {
                out.push(fp);
            }
        }
    }
    Ok(out)
}

impl Db {
    /// The exchange file of a survey: its settings and every form with the
    /// fingerprints of the versions it went through.
    ///
    /// # Errors
    /// [`StoreError::NoSurvey`].
    pub fn exchange_export(&self, survey_id: i64) -> Result<Vec<u8>> {
        let survey = self.survey(survey_id)?;
        let s = &survey.settings;
        let mut forms = Vec::new();
        for instrument in Instrument::ALL {
            for f in self.forms(survey_id, instrument)? {
                let current = content_json(&f.data);
                let cur_fp = fingerprint(&current);
                let history: Vec<String> = history_of(self, &f.uuid, Some(&current))?
                    .into_iter()
                    .filter(|h| *h != cur_fp)
                    .collect();
                forms.push(json!({
                    "uuid": f.uuid,
                    "content": serde_json::from_str::<Value>(&current).unwrap_or(Value::Null),
                    "entry": f.entry.id(),
                    "created_at": f.created_at,
                    "updated_at": f.updated_at,
                    "history": history,
                }));
            }
        }
        let doc = json!({
            "format": FORMAT,
            "version": VERSION,
            "exported_at": self.now(),
            "survey": {
                "uuid": survey.uuid,
                "name": s.name,
                "organization": s.organization,
                "date": s.date.format("%Y-%m-%d").to_string(),
                "instruments": s.instruments.iter().map(|i| i.id()).collect::<Vec<_>>(),
                "satisfaction_key": s.satisfaction_key.id(),
                "subdivisions": s.subdivisions,
                "positions": s.positions,
                "anonymity_threshold": s.anonymity_threshold,
                // The open answers the operator hid travel with the forms:
                // a report made at the parent body hides them too.
                "hidden_texts": self.report_settings(survey_id)?.hidden_texts,
            },
            "forms": forms,
        });
        Ok(serde_json::to_vec_pretty(&doc).unwrap_or_default())
    }

    /// Merges an exchange file in one transaction, survey creation
    /// included. Every form goes through the checks of an import
    /// ([`crate::validate`]); a stored form never changes survey or
    /// questionnaire through a merge.
    ///
    /// # Errors
    /// [`StoreError::BadExchange`] when the file is not a valid exchange
    /// file, [`StoreError::NewerExchange`] for a newer format,
    /// [`StoreError::FormsRefused`] when a form breaks a rule; nothing is
    /// changed then.
    pub fn merge(&mut self, bytes: &[u8]) -> Result<MergeReport> {
        if bytes.len() as u64 > klimat_core::template::limits::MAX_FILE_BYTES {
            return Err(StoreError::TooLarge(crate::text::FILE_TOO_LARGE));
        }
        let file = ExchangeFile::parse(bytes)?;
        self.in_transaction(|| self.merge_parsed(&file))
    }

    fn merge_parsed(&self, file: &ExchangeFile) -> Result<MergeReport> {
        let mut report = MergeReport::default();
        let now = self.today();
        let existing = self.survey_by_uuid(&file.survey_uuid)?;
        let survey_id = match existing {
            Some(id) => {
                // The file may carry an instrument, a subdivision or a
                // position this copy of the survey lacks.
                let mut settings = self.survey(id)?.settings;
                let before = settings.clone();
                for i in &file.settings.instruments {
                    if !settings.instruments.contains(i) {
                        settings.instruments.push(*i);
                    }
                }
                for (mine, theirs) in [
                    (&mut settings.subdivisions, &file.settings.subdivisions),
                    (&mut settings.positions, &file.settings.positions),
                ] {
                    for name in theirs {
                        if !mine.contains(name) {
                            mine.push(name.clone());
                        }
                    }
                }
                if settings != before {
                    self.update_survey(id, &settings)?;
                }
                id
            }
            None => {
                report.survey_created = true;
                self.create_survey_with_uuid(&file.settings, &file.survey_uuid)?
            }
        };
        report.survey_id = survey_id;
        self.set_texts_hidden(survey_id, &file.hidden_texts, true)?;
        let mut plans = Vec::new();
        let mut problems = Vec::new();
        let refuse = |index: usize, expected: &'static str| validate::Problem {
            index,
            column: "uuid",
            value: file.forms[index].uuid.clone(),
            expected,
            see_row: None,
        };
        for (index, f) in file.forms.iter().enumerate() {
            let incoming = content_json(&f.data);
            let in_fp = fingerprint(&incoming);
            let local = match self.form(&f.uuid) {
                Ok(local) => Some(local),
                Err(StoreError::NoForm(_)) => None,
                Err(e) => return Err(e),
            };
            if let Some(local) = &local {
                if local.survey_id != survey_id {
                    problems.push(refuse(index, crate::text::EXCHANGE_OTHER_SURVEY));
                    continue;
                }
                if local.data.answers.instrument() != f.data.answers.instrument() {
                    problems.push(refuse(index, crate::text::EXCHANGE_OTHER_INSTRUMENT));
                    continue;
                }
            }
            let here = local.as_ref().map(|l| content_json(&l.data));
            let history = history_of(self, &f.uuid, here.as_deref())?;
            match local {
                None if history.is_empty() => plans.push((index, None)),
                None if history.contains(&in_fp) => report.kept_deleted_here += 1,
                None => report.conflicts.push(MergeConflict {
                    uuid: f.uuid.clone(),
                    code: f.data.code.clone(),
                }),
                Some(local) => {
                    let current = content_json(&local.data);
                    let cur_fp = fingerprint(&current);
                    if cur_fp == in_fp {
                        report.unchanged += 1;
                    } else if history.contains(&in_fp) {
                        report.kept_newer_here += 1;
                    } else if f.history.contains(&cur_fp) {
                        plans.push((index, Some(current)));
                    } else {
                        report.conflicts.push(MergeConflict {
                            uuid: f.uuid.clone(),
                            code: local.data.code,
                        });
                    }
                }
            }
        }
        // The same rules as an import: new forms as one batch, each updated
        // form against the others stored.
        let survey = self.survey(survey_id)?;
        let all: Vec<FormData> = file.forms.iter().map(|f| f.data.clone()).collect();
        let added: Vec<usize> = plans
            .iter()
            .filter(|p| p.1.is_none())
            .map(|p| p.0)
            .collect();
        let batch: Vec<FormData> = added.iter().map(|&i| all[i].clone()).collect();
        let position = |i: usize| i as u64 + 1;
        for p in validate::check_forms(Some(&self.conn), &survey, &batch, None, &position)? {
            problems.push(validate::Problem {
                index: added[p.index],
                ..p
            });
        }
        for (index, old) in &plans {
            if old.is_some() {
                let f = &file.forms[*index];
                for p in validate::check_forms(
                    Some(&self.conn),
                    &survey,
                    std::slice::from_ref(&f.data),
                    Some(&f.uuid),
                    &position,
                )? {
                    problems.push(validate::Problem { index: *index, ..p });
                }
            }
        }
        if !problems.is_empty() {
            problems.sort_by_key(|p| p.index);
            return Err(validate::as_refusal(&problems, &all));
        }
        for (index, old) in plans {
            let f = &file.forms[index];
            match old {
                None => {
                    insert_form(
                        &self.conn,
                        &f.uuid,
                        survey_id,
                        &f.data,
                        f.entry,
                        &f.created_at,
                        &f.updated_at,
                        "merged",
                        &now,
                    )?;
                    report.added += 1;
                }
                Some(old) => {
                    self.conn.execute(
                        "UPDATE forms SET code = ?2, tenure = ?3, subdivision = ?4, position = ?5,
                            answers = ?6, updated_at = ?7 WHERE uuid = ?1",
                        params![
                            f.uuid,
                            f.data.code,
                            f.data.tenure.storage_id(),
                            f.data.subdivision,
                            f.data.position,
                            crate::answers::answers_text(&f.data.answers),
                            f.updated_at,
                        ],
                    )?;
                    log(
                        &self.conn,
                        &f.uuid,
                        survey_id,
                        "merged",
                        Some(&old),
                        Some(&content_json(&f.data)),
                        &now,
                    )?;
                    report.updated += 1;
                }
            }
        }
        Ok(report)
    }
}

/// The date of a stored time (`2026-11-25T10:40:48.123Z` → `2026-11-25`):
/// a merged form keeps no time finer than the day, as a form saved here.
fn day(time: Option<String>) -> Option<String> {
    let time = time?;
    let date = time.get(..10)?;
    NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
    Some(date.to_owned())
}

struct ExchangeForm {
    uuid: String,
    data: FormData,
    entry: Entry,
    created_at: String,
    updated_at: String,
    history: HashSet<String>,
}

struct ExchangeFile {
    survey_uuid: String,
    settings: SurveySettings,
    /// Open answers hidden by the sender's operator (absent in older files).
    hidden_texts: Vec<String>,
    forms: Vec<ExchangeForm>,
}

impl ExchangeFile {
    fn parse(bytes: &[u8]) -> Result<ExchangeFile> {
        use crate::text::{
            EXCHANGE_BAD_FIELD as FIELD, EXCHANGE_FORM as FORM, EXCHANGE_NOT_JSON,
            EXCHANGE_NOT_OURS, EXCHANGE_REPEATED_UUID, EXCHANGE_UNKNOWN_VERSION,
        };
        let bad = |what: String| StoreError::BadExchange(what);
        let field = |name: &str| bad(format!("{FIELD} «{name}»"));
        // A file opened and saved in Windows Notepad starts with a BOM.
        let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
        let v: Value = serde_json::from_slice(bytes).map_err(|_| bad(EXCHANGE_NOT_JSON.into()))?;
        if v.get("format").and_then(Value::as_str) != Some(FORMAT) {
            return Err(bad(EXCHANGE_NOT_OURS.into()));
        }
        match v.get("version").and_then(Value::as_u64) {
            Some(VERSION) => {}
            Some(newer) if newer > VERSION => return Err(StoreError::NewerExchange(newer)),
            _ => return Err(bad(EXCHANGE_UNKNOWN_VERSION.into())),
        }
        let s = v.get("survey").ok_or_else(|| field("survey"))?;
        let text = |o: &Value, k: &str| o.get(k).and_then(Value::as_str).map(str::to_owned);
        let strings = |o: &Value, k: &str| -> Option<Vec<String>> {
            o.get(k)?
                .as_array()?
                .iter()
                .map(|x| x.as_str().map(str::to_owned))
                .collect()
        };
        let settings = SurveySettings {
            name: text(s, "name").ok_or_else(|| field("survey.name"))?,
            organization: text(s, "organization"),
            date: text(s, "date")
                .and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())
                .ok_or_else(|| field("survey.date"))?,
            // An unknown questionnaire id is refused, not dropped.
            instruments: strings(s, "instruments")
                .ok_or_else(|| field("survey.instruments"))?
                .iter()
                .map(|i| Instrument::from_id(i))
                .collect::<Option<Vec<_>>>()
                .ok_or_else(|| field("survey.instruments"))?,
            satisfaction_key: text(s, "satisfaction_key")
                .and_then(|k| SatisfactionKey::from_id(&k))
                .ok_or_else(|| field("survey.satisfaction_key"))?,
            subdivisions: strings(s, "subdivisions").ok_or_else(|| field("survey.subdivisions"))?,
            positions: strings(s, "positions").ok_or_else(|| field("survey.positions"))?,
            anonymity_threshold: s
                .get("anonymity_threshold")
                .and_then(Value::as_u64)
                .and_then(|k| u32::try_from(k).ok())
                .filter(|&k| k >= 1)
                // A file from a Klimat that allowed K of 1 or 2 is read
                // with the least K now allowed (docs/methodology.md,
                // "Anonymity").
                .map(|k| k.max(klimat_core::anonymity::MIN_K))
                .ok_or_else(|| field("survey.anonymity_threshold"))?,
        };
        // The survey's settings obey the rules of a survey created here.
        crate::surveys::validate(&settings)?;
        let survey_uuid = text(s, "uuid")
            .filter(|u| uuid::Uuid::parse_str(u).is_ok())
            .ok_or_else(|| field("survey.uuid"))?;
        let mut forms = Vec::new();
        let mut uuids = HashSet::new();
        for (i, f) in v
            .get("forms")
            .and_then(Value::as_array)
            .ok_or_else(|| field("forms"))?
            .iter()
            .enumerate()
        {
            let what = |k: &str| bad(format!("{FORM} {}: {FIELD} «{k}»", i + 1));
            let data = f
                .get("content")
                .and_then(content_from_json)
                .ok_or_else(|| what("content"))?;
            if !settings.instruments.contains(&data.answers.instrument()) {
                return Err(what("content.instrument"));
            }
            let uuid = text(f, "uuid")
                .filter(|u| uuid::Uuid::parse_str(u).is_ok())
                .ok_or_else(|| what("uuid"))?;
            if !uuids.insert(uuid.clone()) {
                return Err(bad(format!("{FORM} {}: {EXCHANGE_REPEATED_UUID}", i + 1)));
            }
            forms.push(ExchangeForm {
                uuid,
                data,
                entry: text(f, "entry")
                    .and_then(|e| Entry::from_id(&e))
                    .ok_or_else(|| what("entry"))?,
                created_at: day(text(f, "created_at")).ok_or_else(|| what("created_at"))?,
                updated_at: day(text(f, "updated_at")).ok_or_else(|| what("updated_at"))?,
                history: strings(f, "history")
                    .unwrap_or_default()
                    .into_iter()
                    .collect(),
            });
        }
        let hidden_texts = match s.get("hidden_texts") {
            None | Some(Value::Null) => Vec::new(),
            Some(_) => strings(s, "hidden_texts")
                .filter(|list| {
                    list.len() <= crate::report_settings::MAX_HIDDEN_TEXTS
                        && list.iter().all(|t| {
                            !t.trim().is_empty()
                                && t.chars().count()
                                    <= klimat_core::template::limits::MAX_TEXT_CHARS
                        })
                })
                .ok_or_else(|| field("survey.hidden_texts"))?,
        };
        Ok(ExchangeFile {
            survey_uuid,
            settings,
            hidden_texts,
            forms,
        })
    }
}
