//! Results on screen and the report files: the operations of
//! `klimat_app::reports`.

use std::path::Path;

use klimat_app::files::with_extension;
use klimat_app::reports::{self, ReportFormat};
use tauri::State;

use crate::dto::ResultsDto;
use crate::error::ApiResult;
use crate::state::AppState;

/// The results screen of a survey (the report model with SVG charts).
#[tauri::command]
pub async fn results(
    state: State<'_, AppState>,
    survey_id: i64,
    compare_with: Option<i64>,
) -> ApiResult<ResultsDto> {
    state.unlocked()?;
    let results = reports::results(&*state.db()?, survey_id, compare_with)?;
    Ok((&results).into())
}

/// Writes the report in the chosen format (`pdf`, `xlsx`); returns the
/// file written.
#[tauri::command]
pub async fn save_report(
    state: State<'_, AppState>,
    survey_id: i64,
    compare_with: Option<i64>,
    format: String,
    path: String,
) -> ApiResult<String> {
    state.unlocked()?;
    let path = with_extension(
        Path::new(&path),
        ReportFormat::from_id(&format)?.extension(),
    );
    reports::write_report(&*state.db()?, survey_id, compare_with, &path)?;
    Ok(path.display().to_string())
}

/// Writes a blank form with the survey's subdivisions and positions;
/// returns the file written.
#[tauri::command]
pub async fn save_blank_form(
    state: State<'_, AppState>,
    survey_id: i64,
    instrument: String,
    path: String,
) -> ApiResult<String> {
    state.unlocked()?;
    let i = klimat_app::surveys::instrument(&instrument)?;
    let path = with_extension(Path::new(&path), "pdf");
    reports::write_blank_form(&*state.db()?, Some(survey_id), i, &path)?;
    Ok(path.display().to_string())
}
