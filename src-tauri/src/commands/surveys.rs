//! Surveys: list, create, edit, archive.

use tauri::State;

use crate::dto::{SurveyDto, SurveyInput};
use crate::error::ApiResult;
use crate::state::AppState;

/// Every survey, newest first.
#[tauri::command]
pub fn list_surveys(state: State<'_, AppState>) -> ApiResult<Vec<SurveyDto>> {
    state.unlocked()?;
    Ok(state.db()?.surveys()?.into_iter().map(Into::into).collect())
}

/// Creates a survey; returns its id.
#[tauri::command]
pub fn create_survey(state: State<'_, AppState>, survey: SurveyInput) -> ApiResult<i64> {
    state.unlocked()?;
    Ok(state.db()?.create_survey(&survey.settings()?)?)
}

/// Replaces a survey's settings.
#[tauri::command]
pub fn update_survey(state: State<'_, AppState>, id: i64, survey: SurveyInput) -> ApiResult<()> {
    state.unlocked()?;
    Ok(state.db()?.update_survey(id, &survey.settings()?)?)
}

/// Archives or restores a survey.
#[tauri::command]
pub fn set_survey_archived(state: State<'_, AppState>, id: i64, archived: bool) -> ApiResult<()> {
    state.unlocked()?;
    Ok(state.db()?.set_archived(id, archived)?)
}
