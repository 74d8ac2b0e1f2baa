//! Kiosk mode: one employee at a time fills a form on a shared PC. While
//! it is on, every other command is refused by the backend itself
//! (`kiosk_locked`), not only hidden by the UI; leaving needs the PIN.

use klimat_app::kiosk::{self, KioskError};
use serde::Serialize;
use tauri::{State, WebviewWindow};

use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::text;

impl From<KioskError> for ApiError {
    fn from(e: KioskError) -> Self {
        match e {
            KioskError::Store(e) => e.into(),
            e => ApiError::new(e.code(), e.to_string()),
        }
    }
}

/// The kiosk's state for the UI.
#[derive(Serialize)]
pub struct KioskStatus {
    active: bool,
    pin_set: bool,
    survey_id: Option<i64>,
    instrument: Option<&'static str>,
}

/// Whether kiosk mode is on (and for which survey and questionnaire) and a
/// PIN is set. Kept in the database: after a restart the window comes back
/// in kiosk mode.
#[tauri::command]
pub fn kiosk_status(state: State<'_, AppState>) -> ApiResult<KioskStatus> {
    let s = kiosk::state(&*state.db()?)?;
    Ok(KioskStatus {
        active: s.active,
        pin_set: s.pin_set,
        survey_id: s.survey_id,
        instrument: s.instrument.map(|i| i.id()),
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
    Ok(())
}

/// Saves a self-filled form (only in kiosk mode, only to the kiosk's survey
/// and questionnaire, under a random code the backend draws).
#[tauri::command]
pub fn kiosk_save(state: State<'_, AppState>, content: serde_json::Value) -> ApiResult<()> {
    if !state.in_kiosk() {
        return Err(KioskError::NotActive.into());
    }
    let data = super::forms::form_data(&content)?;
    kiosk::save(&mut *state.db()?, data)?;
    Ok(())
}

/// One question as the kiosk shows it.
#[derive(Serialize)]
pub struct QuestionDto {
    text: &'static str,
    /// (label, value) pairs: the value goes into the form's answers.
    options: Vec<(String, serde_json::Value)>,
}

/// A questionnaire as printed in the methodology, for self-filling.
#[derive(Serialize)]
pub struct QuestionnaireDto {
    title: &'static str,
    greeting: &'static [&'static str],
    questions: Vec<QuestionDto>,
    /// Tenure options: (label, storage id).
    tenure_question: &'static str,
    tenure: Vec<(String, String)>,
}

/// The greeting, instructions, questions and options of a questionnaire
/// (commitment or satisfaction) verbatim from the methodology.
#[tauri::command]
pub fn questionnaire(instrument: String) -> ApiResult<QuestionnaireDto> {
    use klimat_core::Instrument;
    use klimat_core::tenure::{CommitmentBand, FineBand, SatisfactionBand, Tenure};
    use klimat_core::text::methodology as m;
    let range = |from: FineBand, to: FineBand| Tenure::Range { from, to }.storage_id();
    Ok(match super::instrument(&instrument)? {
        Instrument::Commitment => QuestionnaireDto {
            title: m::COMMITMENT_TITLE,
            greeting: m::COMMITMENT_GREETING,
            questions: m::COMMITMENT_STATEMENTS
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
            tenure_question: m::SATISFACTION_TENURE_QUESTION,
            tenure: CommitmentBand::ALL
                .iter()
                .map(|b| {
                    let id = match b {
                        CommitmentBand::Gt15 => range(FineBand::Y15To20, FineBand::Gt20),
                        _ => FineBand::ALL[*b as usize].id().to_owned(),
                    };
                    (b.label().to_owned(), id)
                })
                .collect(),
        },
        Instrument::Satisfaction => QuestionnaireDto {
            title: m::SATISFACTION_TITLE,
            greeting: m::SATISFACTION_GREETING,
            questions: m::SATISFACTION_QUESTIONS
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
            tenure_question: m::SATISFACTION_TENURE_QUESTION,
            tenure: SatisfactionBand::ALL
                .iter()
                .map(|b| {
                    let id = match b {
                        SatisfactionBand::Y10To20 => range(FineBand::Y10To15, FineBand::Y15To20),
                        SatisfactionBand::Gt20 => FineBand::Gt20.id().to_owned(),
                        _ => FineBand::ALL[*b as usize].id().to_owned(),
                    };
                    (b.label().to_owned(), id)
                })
                .collect(),
        },
        Instrument::Culture => return Err(ApiError::new("invalid", text::KIOSK_CULTURE)),
    })
}
