//! Import, export, exchange, backup and restore: each command calls the
//! operation of `klimat_app::data` and returns what the page shows.

use std::path::Path;

use klimat_app::data as ops;
use klimat_app::files::{FormsFormat, with_extension};
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
    let done = ops::import_file(
        &mut *state.db()?,
        survey_id,
        Path::new(&path),
        None,
        &mut |_, _| {},
    )?;
    Ok(ImportDto {
        count: done.count,
        instrument: done.instrument.id(),
    })
}

/// Exports one questionnaire's forms in the chosen format; returns the
/// number of forms and the file written.
#[tauri::command]
pub async fn export_forms(
    state: State<'_, AppState>,
    survey_id: i64,
    instrument: String,
    format: String,
    path: String,
) -> ApiResult<(usize, String)> {
    state.unlocked()?;
    let i = klimat_app::surveys::instrument(&instrument)?;
    let path = with_extension(Path::new(&path), FormsFormat::from_id(&format)?.extension());
    let n = ops::export_forms(&*state.db()?, survey_id, i, &path)?;
    Ok((n, path.display().to_string()))
}

/// The blank XLSX template of a questionnaire; returns the file written.
#[tauri::command]
pub async fn save_template(
    state: State<'_, AppState>,
    survey_id: i64,
    instrument: String,
    path: String,
) -> ApiResult<String> {
    state.unlocked()?;
    let i = klimat_app::surveys::instrument(&instrument)?;
    let path = with_extension(Path::new(&path), "xlsx");
    ops::write_template(&*state.db()?, survey_id, i, &path)?;
    Ok(path.display().to_string())
}

/// Writes the exchange file of a survey; returns the file written.
#[tauri::command]
pub async fn exchange_export(
    state: State<'_, AppState>,
    survey_id: i64,
    path: String,
) -> ApiResult<String> {
    state.unlocked()?;
    let path = with_extension(Path::new(&path), "klimat");
    ops::export_exchange(&*state.db()?, survey_id, &path)?;
    Ok(path.display().to_string())
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
    let r = ops::merge_file(&mut *state.db()?, Path::new(&path))?;
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

/// Writes a backup of the whole database; returns the file written.
#[tauri::command]
pub async fn backup(state: State<'_, AppState>, path: String) -> ApiResult<String> {
    state.unlocked()?;
    let path = with_extension(Path::new(&path), "db");
    ops::backup(&*state.db()?, &path)?;
    Ok(path.display().to_string())
}

/// Restores the database from a backup; returns where the replaced
/// database was kept.
#[tauri::command]
pub async fn restore(state: State<'_, AppState>, path: String) -> ApiResult<Option<String>> {
    state.unlocked()?;
    let saved = ops::restore(&mut *state.db()?, Path::new(&path))?;
    Ok(saved.map(|p| p.display().to_string()))
}

/// Klimat's own copies of the database beside it.
#[derive(Serialize)]
pub struct CopiesDto {
    count: usize,
    keep: u32,
    newest: Option<String>,
}

impl From<ops::Copies> for CopiesDto {
    fn from(c: ops::Copies) -> Self {
        CopiesDto {
            count: c.paths.len(),
            keep: c.keep,
            newest: c.paths.first().map(|p| p.display().to_string()),
        }
    }
}

/// The copies Klimat made of the database by itself, and how many it keeps.
#[tauri::command]
pub async fn copies(state: State<'_, AppState>) -> ApiResult<CopiesDto> {
    state.unlocked()?;
    Ok(ops::copies(&*state.db()?)?.into())
}

/// Sets how many of its own copies Klimat keeps; older ones are removed.
#[tauri::command]
pub async fn set_keep_copies(state: State<'_, AppState>, keep: u32) -> ApiResult<CopiesDto> {
    state.unlocked()?;
    Ok(ops::set_keep_copies(&*state.db()?, keep)?.into())
}

/// Saves the list of a refused file's errors (row, column, value, reason)
/// as CSV; returns the file written.
#[tauri::command]
pub async fn save_import_errors(
    state: State<'_, AppState>,
    path: String,
    rows: Vec<[String; 4]>,
) -> ApiResult<String> {
    state.unlocked()?;
    Ok(ops::save_import_errors(Path::new(&path), &rows)?
        .display()
        .to_string())
}
