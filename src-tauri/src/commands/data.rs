//! Import, export, exchange, backup and restore.

use klimat_store::import::{read_file, read_template};
use serde::Serialize;
use tauri::State;

use crate::error::ApiResult;
use crate::state::AppState;

/// What an import did.
#[derive(Serialize)]
pub struct ImportDto {
    count: usize,
    instrument: &'static str,
}

/// Imports a CSV/XLSX template: all forms or none. A refused file comes
/// back as `bad_import_file` with every bad cell in `details`.
#[tauri::command]
pub async fn import_file(
    state: State<'_, AppState>,
    survey_id: i64,
    path: String,
) -> ApiResult<ImportDto> {
    state.unlocked()?;
    let bytes = read_file(std::path::Path::new(&path))?;
    let file = read_template(&bytes, None)?;
    let count = state.db()?.import(survey_id, &file, &mut |_, _| {})?;
    Ok(ImportDto {
        count,
        instrument: file.instrument.id(),
    })
}

/// Exports one questionnaire's forms as CSV or XLSX (by extension).
#[tauri::command]
pub async fn export_forms(
    state: State<'_, AppState>,
    survey_id: i64,
    instrument: String,
    path: String,
) -> ApiResult<usize> {
    state.unlocked()?;
    let i = super::instrument(&instrument)?;
    let forms: Vec<_> = state
        .db()?
        .forms(survey_id, i)?
        .into_iter()
        .map(|f| f.data)
        .collect();
    let bytes = if path.to_lowercase().ends_with(".xlsx") {
        klimat_store::export::to_xlsx(i, &forms)?
    } else {
        klimat_store::export::to_csv(i, &forms)?
    };
    std::fs::write(&path, bytes)?;
    Ok(forms.len())
}

/// The blank XLSX template of a questionnaire.
#[tauri::command]
pub async fn save_template(
    state: State<'_, AppState>,
    survey_id: i64,
    instrument: String,
    path: String,
) -> ApiResult<()> {
    state.unlocked()?;
    let i = super::instrument(&instrument)?;
    let s = state.db()?.survey(survey_id)?.settings;
    std::fs::write(&path, klimat_store::export::blank_template(i, &s)?)?;
    Ok(())
}

/// Writes the exchange file of a survey.
#[tauri::command]
pub async fn exchange_export(
    state: State<'_, AppState>,
    survey_id: i64,
    path: String,
) -> ApiResult<()> {
    state.unlocked()?;
    let bytes = state.db()?.exchange_export(survey_id)?;
    std::fs::write(&path, bytes)?;
    Ok(())
}

/// What a merge did.
#[derive(Serialize)]
pub struct MergeDto {
    survey_id: i64,
    survey_created: bool,
    added: u64,
    updated: u64,
    unchanged: u64,
    kept_newer_here: u64,
    kept_deleted_here: u64,
    conflicts: Vec<(String, String)>,
}

/// Merges an exchange file.
#[tauri::command]
pub async fn merge_file(state: State<'_, AppState>, path: String) -> ApiResult<MergeDto> {
    state.unlocked()?;
    let bytes = read_file(std::path::Path::new(&path))?;
    let r = state.db()?.merge(&bytes)?;
    Ok(MergeDto {
        survey_id: r.survey_id,
        survey_created: r.survey_created,
        added: r.added,
        updated: r.updated,
        unchanged: r.unchanged,
        kept_newer_here: r.kept_newer_here,
        kept_deleted_here: r.kept_deleted_here,
        conflicts: r.conflicts.into_iter().map(|c| (c.code, c.uuid)).collect(),
    })
}

/// Writes a backup of the whole database.
#[tauri::command]
pub async fn backup(state: State<'_, AppState>, path: String) -> ApiResult<()> {
    state.unlocked()?;
    Ok(state.db()?.backup(std::path::Path::new(&path))?)
}

/// Restores the database from a backup; returns where the replaced
/// database was kept.
#[tauri::command]
pub async fn restore(state: State<'_, AppState>, path: String) -> ApiResult<Option<String>> {
    state.unlocked()?;
    let saved = state.db()?.restore(std::path::Path::new(&path))?;
    Ok(saved.map(|p| p.display().to_string()))
}
