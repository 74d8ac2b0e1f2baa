//! Surveys and forms: the requests of the command and the window, checked
//! and turned into the store's settings in one place.

use chrono::NaiveDate;
use klimat_core::Instrument;
use klimat_core::satisfaction::SatisfactionKey;
use klimat_store::{Db, Entry, FormData, StoredForm, Survey, SurveySettings};

use crate::error::{AppError, Result};
use crate::text;

/// A survey as a user asks for it: every value as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SurveyRequest {
    /// «Диагностика 2026».
    pub name: String,
    /// The organization, if any (blank is none).
    pub organization: Option<String>,
    /// `YYYY-MM-DD`; `None` is today.
    pub date: Option<String>,
    /// Questionnaire ids: `commitment`, `satisfaction`, `culture`.
    pub instruments: Vec<String>,
    /// `corrected` or `printed`; `None` is the corrected key.
    pub satisfaction_key: Option<String>,
    /// Subdivisions (blank entries and repeats dropped).
    pub subdivisions: Vec<String>,
    /// Position categories; `None` is the three default categories.
    pub positions: Option<Vec<String>>,
    /// The anonymity threshold K; `None` is 3.
    pub anonymity_threshold: Option<u32>,
}

/// A questionnaire id.
///
/// # Errors
/// [`AppError::Invalid`] for an unknown id.
pub fn instrument(id: &str) -> Result<Instrument> {
    Instrument::from_id(id.trim()).ok_or(AppError::Invalid(text::BAD_INSTRUMENT))
}

/// A satisfaction key id. An unknown one is refused, never replaced by the
/// default: the key changes every satisfaction figure.
///
/// # Errors
/// [`AppError::Invalid`] for an unknown id.
pub fn satisfaction_key(id: &str) -> Result<SatisfactionKey> {
    SatisfactionKey::from_id(id.trim()).ok_or(AppError::Invalid(text::BAD_KEY))
}

fn clean(list: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for s in list.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        if !out.iter().any(|o| o == s) {
            out.push(s.to_owned());
        }
    }
    out
}

impl SurveyRequest {
    /// The settings this request asks for; `today` is the default date.
    ///
    /// # Errors
    /// [`AppError::Invalid`] for a bad date, questionnaire or key (the
    /// store checks the rest: a name, at least one questionnaire, K ≥ 1).
    pub fn settings(&self, today: NaiveDate) -> Result<SurveySettings> {
        let date = match &self.date {
            None => today,
            Some(d) => NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d")
                .map_err(|_| AppError::Invalid(text::BAD_DATE))?,
        };
        let instruments = self
            .instruments
            .iter()
            .map(|i| instrument(i))
            .collect::<Result<Vec<_>>>()?;
        let mut s = SurveySettings::new(&self.name, date, instruments);
        s.organization = self
            .organization
            .as_deref()
            .map(str::trim)
            .filter(|o| !o.is_empty())
            .map(str::to_owned);
        if let Some(k) = &self.satisfaction_key {
            s.satisfaction_key = satisfaction_key(k)?;
        }
        s.subdivisions = clean(&self.subdivisions);
        if let Some(p) = &self.positions {
            s.positions = clean(p);
        }
        if let Some(k) = self.anonymity_threshold {
            s.anonymity_threshold = k;
        }
        Ok(s)
    }
}

/// Creates a survey; returns its id.
///
/// # Errors
/// As [`SurveyRequest::settings`] and the store's validation.
pub fn create_survey(db: &mut Db, request: &SurveyRequest, today: NaiveDate) -> Result<i64> {
    Ok(db.create_survey(&request.settings(today)?)?)
}

/// Replaces a survey's settings.
///
/// # Errors
/// As [`create_survey`]; [`klimat_store::StoreError::NoSurvey`].
pub fn update_survey(
    db: &mut Db,
    id: i64,
    request: &SurveyRequest,
    today: NaiveDate,
) -> Result<()> {
    Ok(db.update_survey(id, &request.settings(today)?)?)
}

/// Every survey, newest first.
///
/// # Errors
/// The store's.
pub fn surveys(db: &Db) -> Result<Vec<Survey>> {
    Ok(db.surveys()?)
}

/// Archives a survey or brings it back.
///
/// # Errors
/// [`klimat_store::StoreError::NoSurvey`].
pub fn set_archived(db: &mut Db, id: i64, archived: bool) -> Result<()> {
    Ok(db.set_archived(id, archived)?)
}

/// The forms of one questionnaire of a survey, in the order they were saved.
///
/// # Errors
/// [`klimat_store::StoreError::NoSurvey`].
pub fn forms(db: &Db, survey: i64, instrument: Instrument) -> Result<Vec<StoredForm>> {
    Ok(db.forms(survey, instrument)?)
}

/// The codes of a questionnaire's forms, in the order stored.
///
/// # Errors
/// The store's.
pub fn form_codes(db: &Db, survey: i64, instrument: Instrument) -> Result<Vec<String>> {
    Ok(db.form_codes(survey, instrument)?)
}

/// The rows the entry screen lists: the newest forms whose code contains
/// `query`, at most [`FORMS_PAGE`].
///
/// # Errors
/// The store's.
pub fn forms_page(
    db: &Db,
    survey: i64,
    instrument: Instrument,
    query: &str,
) -> Result<klimat_store::FormsPage> {
    Ok(db.forms_page(survey, instrument, query, FORMS_PAGE)?)
}

/// The most forms the entry screen lists at once.
pub const FORMS_PAGE: usize = 100;

/// Deletes a form; the change log keeps its last content.
///
/// # Errors
/// [`klimat_store::StoreError::NoForm`].
pub fn delete_form(db: &mut Db, uuid: &str) -> Result<()> {
    Ok(db.delete_form(uuid)?)
}

/// Saves a form keyed in by the operator.
///
/// # Errors
/// The store's refusal (a code already used, a subdivision not in the list …).
pub fn save_form(db: &mut Db, survey: i64, form: &FormData) -> Result<StoredForm> {
    Ok(db.add_form(survey, form, Entry::Operator)?)
}

/// Corrects a form.
///
/// # Errors
/// As [`save_form`]; [`klimat_store::StoreError::NoForm`].
pub fn update_form(db: &mut Db, uuid: &str, form: &FormData) -> Result<StoredForm> {
    Ok(db.update_form(uuid, form)?)
}

/// The report settings of a survey as a user types them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReportSettingsRequest {
    /// Employees of the organization; blank is unknown.
    pub staff_total: Option<String>,
    /// «Отдел кадров=25; Финансовый отдел=30»; blank is none.
    pub staff: Option<String>,
    /// Who prepared the report: position and name; a blank name is none.
    pub prepared_by: Option<(String, String)>,
    /// Who approves it.
    pub approved_by: Option<(String, String)>,
    /// The proposals, as written.
    pub proposals: Option<String>,
}

/// «Отдел кадров=25; Финансовый отдел=30» as (subdivision, employees).
///
/// # Errors
/// [`AppError::Refused`] naming the part that is not «name=number».
pub fn parse_staff(text: &str) -> Result<Vec<(String, u64)>> {
    text.split([';', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|part| {
            let bad = || AppError::Refused(format!("{} «{part}»", text::BAD_STAFF_PART));
            let (name, n) = part.rsplit_once('=').ok_or_else(bad)?;
            let n = n.trim().replace([' ', '\u{a0}'], "");
            let n: u64 = n.parse().map_err(|_| bad())?;
            Ok((name.trim().to_owned(), n))
        })
        .collect()
}

/// The report settings as stored, for a form to show: (total, «name=n; …»).
pub fn staff_text(s: &klimat_store::ReportSettings) -> String {
    s.staff
        .iter()
        .map(|(name, n)| format!("{name}={n}"))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Updates the report settings of a survey: each field given replaces the
/// stored one, a field not given is kept. Checked as a whole before
/// anything is written.
///
/// # Errors
/// [`AppError::Refused`] for a staff list or number that does not parse;
/// the store's checks ([`klimat_store::ReportSettings::validate`]).
pub fn save_report_settings(db: &Db, survey: i64, r: &ReportSettingsRequest) -> Result<()> {
    let mut s = db.report_settings(survey)?;
    if let Some(total) = &r.staff_total {
        let t = total.trim().replace([' ', '\u{a0}'], "");
        s.staff_total = if t.is_empty() {
            None
        } else {
            Some(t.parse().map_err(|_| {
                AppError::Refused(format!("{} «{}»", text::BAD_STAFF_TOTAL, total.trim()))
            })?)
        };
    }
    if let Some(staff) = &r.staff {
        s.staff = parse_staff(staff)?;
    }
    let person = |p: &(String, String)| {
        (!p.1.trim().is_empty()).then(|| klimat_store::Person {
            position: p.0.trim().to_owned(),
            name: p.1.trim().to_owned(),
        })
    };
    if let Some(p) = &r.prepared_by {
        s.prepared_by = person(p);
    }
    if let Some(p) = &r.approved_by {
        s.approved_by = person(p);
    }
    if let Some(p) = &r.proposals {
        s.proposals = p.replace("\r\n", "\n").trim_end().to_owned();
    }
    db.set_report_settings(survey, &s)?;
    Ok(())
}
