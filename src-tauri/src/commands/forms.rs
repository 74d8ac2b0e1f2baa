//! Forms: operator entry, the list of entered forms, edit and delete (every
//! change goes to the change log in the store).

use tauri::State;

use crate::dto::{FormContentDto, FormDto};
use crate::error::ApiResult;
use crate::state::AppState;

/// The forms of one questionnaire of a survey.
#[tauri::command]
pub fn list_forms(
    state: State<'_, AppState>,
    survey_id: i64,
    instrument: String,
) -> ApiResult<Vec<FormDto>> {
    state.unlocked()?;
    let i = super::instrument(&instrument)?;
    Ok(klimat_app::surveys::forms(&*state.db()?, survey_id, i)?
        .into_iter()
        .map(Into::into)
        .collect())
}

/// Saves a form keyed in by the operator; it is on disk when this returns.
#[tauri::command]
pub fn save_form(
    state: State<'_, AppState>,
    survey_id: i64,
    content: FormContentDto,
) -> ApiResult<FormDto> {
    state.unlocked()?;
    let data = content.into_form()?;
    Ok(klimat_app::surveys::save_form(&mut *state.db()?, survey_id, &data)?.into())
}

/// Corrects a form.
#[tauri::command]
pub fn update_form(
    state: State<'_, AppState>,
    uuid: String,
    content: FormContentDto,
) -> ApiResult<FormDto> {
    state.unlocked()?;
    let data = content.into_form()?;
    Ok(klimat_app::surveys::update_form(&mut *state.db()?, &uuid, &data)?.into())
}

/// Deletes a form.
#[tauri::command]
pub fn delete_form(state: State<'_, AppState>, uuid: String) -> ApiResult<()> {
    state.unlocked()?;
    Ok(klimat_app::surveys::delete_form(&mut *state.db()?, &uuid)?)
}
