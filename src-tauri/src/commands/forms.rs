//! Forms: operator entry, the list of entered forms, edit and delete (every
//! change goes to the change log in the store).

use tauri::State;

use crate::dto::{FormContentDto, FormDto, FormsPageDto};
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

/// The codes of one questionnaire's forms, in the order stored (for the
/// next code and the duplicate check of the entry screen).
#[tauri::command]
pub fn form_codes(
    state: State<'_, AppState>,
    survey_id: i64,
    instrument: String,
) -> ApiResult<Vec<String>> {
    state.unlocked()?;
    let i = super::instrument(&instrument)?;
    Ok(klimat_app::surveys::form_codes(
        &*state.db()?,
        survey_id,
        i,
    )?)
}

/// The newest forms whose code contains `query`, with the counts: what the
/// entry screen lists, whatever the survey's size.
#[tauri::command]
pub fn forms_page(
    state: State<'_, AppState>,
    survey_id: i64,
    instrument: String,
    query: String,
) -> ApiResult<FormsPageDto> {
    state.unlocked()?;
    let i = super::instrument(&instrument)?;
    Ok(klimat_app::surveys::forms_page(&*state.db()?, survey_id, i, &query)?.into())
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
