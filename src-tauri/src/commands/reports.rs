//! Results on screen and the report files.

use klimat_report::forms::Demographics;
use tauri::State;

use crate::dto::ResultsDto;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;

/// The results screen of a survey (the report model with SVG charts).
#[tauri::command]
pub async fn results(
    state: State<'_, AppState>,
    survey_id: i64,
    compare_with: Option<i64>,
) -> ApiResult<ResultsDto> {
    state.unlocked()?;
    let input = {
        let db = state.db()?;
        klimat_app::report_input(&db, survey_id, compare_with)?
    };
    Ok((&klimat_report::build(&input)).into())
}

/// Writes the report as PDF or XLSX to `path`.
#[tauri::command]
pub async fn save_report(
    state: State<'_, AppState>,
    survey_id: i64,
    compare_with: Option<i64>,
    format: String,
    path: String,
) -> ApiResult<()> {
    state.unlocked()?;
    let input = {
        let db = state.db()?;
        klimat_app::report_input(&db, survey_id, compare_with)?
    };
    let model = klimat_report::build(&input);
    let bytes = if format == "xlsx" {
        klimat_report::xlsx::render(&model)
            .map_err(|e| ApiError::from(klimat_store::StoreError::XlsxWrite(e)))?
    } else {
        klimat_report::pdf::render(&model)
    };
    std::fs::write(&path, bytes)?;
    Ok(())
}

/// Writes a blank form with the survey's subdivisions and positions.
#[tauri::command]
pub async fn save_blank_form(
    state: State<'_, AppState>,
    survey_id: i64,
    instrument: String,
    path: String,
) -> ApiResult<()> {
    state.unlocked()?;
    let i = super::instrument(&instrument)?;
    let s = state.db()?.survey(survey_id)?.settings;
    let bytes = klimat_report::forms::render(
        i,
        &Demographics {
            subdivisions: s.subdivisions,
            positions: s.positions,
        },
    );
    std::fs::write(&path, bytes)?;
    Ok(())
}
