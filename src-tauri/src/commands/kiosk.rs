//! Kiosk mode: one employee at a time fills a form on a shared PC. While
//! it is on, every other command is refused by the backend itself
//! (`kiosk_locked`), not only hidden by the UI; leaving needs the PIN.

use klimat_app::kiosk::{self, KioskError};
use serde::Serialize;
use tauri::{State, WebviewWindow};

use crate::dto::FormContentDto;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;

impl From<KioskError> for ApiError {
    fn from(e: KioskError) -> Self {
        match e {
            KioskError::Store(e) => e.into(),
            e => ApiError::new(e.code(), e.to_string()),
        }
    }
}

/// The kiosk's state for the UI, with the lists its demographic questions
/// offer (the page cannot list surveys while the kiosk is on).
#[derive(Serialize)]
pub struct KioskStatus {
    active: bool,
    pin_set: bool,
    survey_id: Option<i64>,
    instrument: Option<&'static str>,
    subdivisions: Vec<String>,
    positions: Vec<String>,
}

/// Whether kiosk mode is on (and for which survey and questionnaire) and a
/// PIN is set. Kept in the database: after a restart the window comes back
/// in kiosk mode.
#[tauri::command]
pub fn kiosk_status(state: State<'_, AppState>) -> ApiResult<KioskStatus> {
    let db = state.db()?;
    let s = kiosk::state(&db)?;
    let lists = match s.survey_id.filter(|_| s.active) {
        Some(id) => db.survey(id).ok().map(|v| v.settings),
        None => None,
    };
    let (subdivisions, positions) =
        lists.map_or_else(Default::default, |l| (l.subdivisions, l.positions));
    Ok(KioskStatus {
        active: s.active,
        pin_set: s.pin_set,
        survey_id: s.survey_id,
        instrument: s.instrument.map(|i| i.id()),
        subdivisions,
        positions,
    })
}

/// Sets the PIN that leaving kiosk mode needs.
#[tauri::command]
pub fn set_kiosk_pin(state: State<'_, AppState>, pin: String) -> ApiResult<()> {
    state.unlocked()?;
    Ok(kiosk::set_pin(&*state.db()?, &pin)?)
}

/// Enters kiosk mode for a survey's questionnaire: full screen, everything
/// but the form locked.
#[tauri::command]
pub fn enter_kiosk(
    state: State<'_, AppState>,
    window: WebviewWindow,
    survey_id: i64,
    instrument: String,
) -> ApiResult<()> {
    state.unlocked()?;
    let instrument = super::instrument(&instrument)?;
    kiosk::enter(&*state.db()?, survey_id, instrument)?;
    state.set_kiosk(true);
    let _ = window.set_fullscreen(true);
    // No other window is brought over the kiosk.
    let _ = window.set_always_on_top(true);
    Ok(())
}

/// Leaves kiosk mode if `pin` is right; wrong PINs start a growing wait.
#[tauri::command]
pub fn leave_kiosk(
    state: State<'_, AppState>,
    window: WebviewWindow,
    pin: String,
) -> ApiResult<()> {
    kiosk::leave(&*state.db()?, &pin, chrono::Utc::now().timestamp())?;
    state.set_kiosk(false);
    let _ = window.set_fullscreen(false);
    let _ = window.set_always_on_top(false);
    Ok(())
}

/// Saves a self-filled form (only in kiosk mode, only to the kiosk's survey
/// and questionnaire, under a random code the backend draws).
#[tauri::command]
pub fn kiosk_save(state: State<'_, AppState>, content: FormContentDto) -> ApiResult<()> {
    if !state.in_kiosk() {
        return Err(KioskError::NotActive.into());
    }
    kiosk::save(&mut *state.db()?, content.into_form()?)?;
    Ok(())
}

/// One question with its answer options.
#[derive(Serialize)]
pub struct QuestionDto {
    text: &'static str,
    /// (label, value) pairs: the value goes into the form's answers.
    options: Vec<(String, serde_json::Value)>,
}

/// An open question of Table А.1 with the prompts of its two sides.
#[derive(Serialize)]
pub struct OpenQuestionDto {
    text: &'static str,
    positive: &'static str,
    negative: &'static str,
}

/// The culture questionnaire's parts (Tables А.1–А.4), with the
/// instructions above each block and the two column headers.
#[derive(Serialize)]
pub struct CultureSheetDto {
    blocks: [&'static [&'static str]; 4],
    cohesion_title: &'static str,
    column_sub: &'static str,
    column_org: &'static str,
    open: Vec<OpenQuestionDto>,
    cohesion: &'static [&'static str],
    level: &'static [&'static str],
    negative: &'static [&'static str],
    actors: &'static [&'static str],
    tech: &'static [&'static str],
}

/// A questionnaire as printed in the methodology: everything the entry
/// screen and the kiosk show of it, so that the page holds no list of its
/// own.
#[derive(Serialize)]
pub struct QuestionnaireDto {
    instrument: &'static str,
    title: &'static str,
    greeting: &'static [&'static str],
    /// The rated questions (commitment, satisfaction); empty for culture.
    questions: Vec<QuestionDto>,
    /// The value of "no answer" in `answers`.
    blank: serde_json::Value,
    tenure_question: &'static str,
    /// Tenure options: (label, stored id), "" first for "не указано".
    tenure: Vec<(String, String)>,
    /// The culture questionnaire's tables.
    culture: Option<CultureSheetDto>,
}

/// The greeting, instructions, questions, options and tenure choices of a
/// questionnaire, verbatim from the methodology.
#[tauri::command]
pub fn questionnaire(instrument: String) -> ApiResult<QuestionnaireDto> {
    use klimat_core::Instrument;
    use klimat_core::tenure::{Tenure, TenureNeed};
    use klimat_core::text::methodology as m;
    let instrument = super::instrument(&instrument)?;
    let need = match instrument {
        Instrument::Commitment => TenureNeed::Commitment,
        Instrument::Satisfaction => TenureNeed::Satisfaction,
        Instrument::Culture => TenureNeed::Any,
    };
    let tenure = std::iter::once(Tenure::Unknown)
        .chain(Tenure::options(need))
        .map(|t| (t.label(), t.storage_id()))
        .collect();
    let (title, greeting, questions, blank) = match instrument {
        Instrument::Commitment => (
            m::COMMITMENT_TITLE,
            m::COMMITMENT_GREETING,
            m::COMMITMENT_STATEMENTS
                .iter()
                .map(|s| QuestionDto {
                    text: s,
                    options: m::COMMITMENT_OPTIONS
                        .iter()
                        .zip(1..)
                        .map(|(o, v)| ((*o).to_owned(), serde_json::json!(v)))
                        .collect(),
                })
                .collect(),
            serde_json::json!(0),
        ),
        Instrument::Satisfaction => (
            m::SATISFACTION_TITLE,
            m::SATISFACTION_GREETING,
            m::SATISFACTION_QUESTIONS
                .iter()
                .map(|q| QuestionDto {
                    text: q.text,
                    options: m::SATISFACTION_LETTERS
                        .iter()
                        .zip(q.options)
                        .map(|(l, o)| (format!("{l}) {o}"), serde_json::json!(l)))
                        .collect(),
                })
                .collect(),
            serde_json::json!(""),
        ),
        Instrument::Culture => (
            m::CULTURE_TITLE,
            m::CULTURE_GREETING,
            Vec::new(),
            serde_json::json!(0),
        ),
    };
    Ok(QuestionnaireDto {
        instrument: instrument.id(),
        title,
        greeting,
        questions,
        blank,
        tenure_question: m::SATISFACTION_TENURE_QUESTION,
        tenure,
        culture: (instrument == Instrument::Culture).then(|| CultureSheetDto {
            blocks: [
                m::CULTURE_BLOCK1_INSTRUCTIONS,
                m::CULTURE_BLOCK2_INSTRUCTIONS,
                m::CULTURE_BLOCK3_INSTRUCTIONS,
                m::CULTURE_BLOCK4_INSTRUCTIONS,
            ],
            cohesion_title: m::CULTURE_COHESION_TITLE,
            column_sub: m::CULTURE_COLUMN_SUB,
            column_org: m::CULTURE_COLUMN_ORG,
            open: m::CULTURE_OPEN_QUESTIONS
                .iter()
                .map(|q| OpenQuestionDto {
                    text: q.text,
                    positive: q.positive,
                    negative: q.negative,
                })
                .collect(),
            cohesion: &m::CULTURE_COHESION_ITEMS,
            level: &m::CULTURE_LEVEL_ITEMS,
            negative: &m::CULTURE_NEGATIVE_ITEMS,
            actors: &m::CULTURE_N7_ACTORS,
            tech: &m::CULTURE_N7_TECH,
        }),
    })
}
