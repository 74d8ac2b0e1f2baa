//! Surveys: list, create, edit, archive.

use tauri::State;

use crate::dto::{SurveyDto, SurveyInput};
use crate::error::ApiResult;
use crate::state::AppState;

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// Every survey, newest first.
#[tauri::command]
pub fn list_surveys(state: State<'_, AppState>) -> ApiResult<Vec<SurveyDto>> {
    state.unlocked()?;
    let db = state.db()?;
    let example = klimat_app::examples::example_id(&db)?;
    Ok(klimat_app::surveys::surveys(&db)?
        .into_iter()
        .map(|s| SurveyDto::new(s, example))
        .collect())
}

/// Opens the example survey (created the first time); returns its id.
#[tauri::command]
pub fn open_example(state: State<'_, AppState>) -> ApiResult<i64> {
    state.unlocked()?;
    Ok(klimat_app::examples::open_example(
        &mut *state.db()?,
        today(),
    )?)
}

/// Removes the example survey and its forms.
#[tauri::command]
pub fn remove_example(state: State<'_, AppState>) -> ApiResult<()> {
    state.unlocked()?;
    Ok(klimat_app::examples::remove_example(&mut *state.db()?)?)
}

/// Creates a survey; returns its id.
#[tauri::command]
pub fn create_survey(state: State<'_, AppState>, survey: SurveyInput) -> ApiResult<i64> {
    state.unlocked()?;
    Ok(klimat_app::surveys::create_survey(
        &mut *state.db()?,
        &survey.into(),
        today(),
    )?)
}

/// Replaces a survey's settings.
#[tauri::command]
pub fn update_survey(state: State<'_, AppState>, id: i64, survey: SurveyInput) -> ApiResult<()> {
    state.unlocked()?;
    Ok(klimat_app::surveys::update_survey(
        &mut *state.db()?,
        id,
        &survey.into(),
        today(),
    )?)
}

/// Archives or restores a survey.
#[tauri::command]
pub fn set_survey_archived(state: State<'_, AppState>, id: i64, archived: bool) -> ApiResult<()> {
    state.unlocked()?;
    Ok(klimat_app::surveys::set_archived(
        &mut *state.db()?,
        id,
        archived,
    )?)
}

/// The settings a new survey starts from: the questionnaires asked every
/// year, the corrected key, the three default position categories, K = 3.
#[tauri::command]
pub fn survey_defaults(state: State<'_, AppState>) -> ApiResult<SurveyDefaultsDto> {
    state.unlocked()?;
    use klimat_core::Instrument;
    let s = klimat_store::SurveySettings::new(
        "",
        today(),
        vec![Instrument::Commitment, Instrument::Satisfaction],
    );
    Ok(SurveyDefaultsDto {
        organization: String::new(),
        instruments: s.instruments.iter().map(|i| i.id()).collect(),
        satisfaction_key: s.satisfaction_key.id(),
        subdivisions: s.subdivisions,
        positions: s.positions,
        anonymity_threshold: s.anonymity_threshold,
    })
}

/// The defaults of a new survey.
#[derive(serde::Serialize)]
pub struct SurveyDefaultsDto {
    organization: String,
    instruments: Vec<&'static str>,
    satisfaction_key: &'static str,
    subdivisions: Vec<String>,
    positions: Vec<String>,
    anonymity_threshold: u32,
}
