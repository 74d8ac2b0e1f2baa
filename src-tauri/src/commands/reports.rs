//! Results on screen and the report files: the operations of
//! `klimat_app::reports`.

use std::path::Path;

use klimat_app::files::with_extension;
use klimat_app::reports::{self, ReportFormat};
use tauri::State;

use crate::dto::{ReportSettingsDto, ResultsDto};
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

/// The subdivisions a report of their own may be made for: those the
/// organization's report publishes (klimat_app::disclosure).
#[tauri::command]
pub async fn reportable_subdivisions(
    state: State<'_, AppState>,
    survey_id: i64,
) -> ApiResult<Vec<String>> {
    state.unlocked()?;
    let db = state.db()?;
    let subdivisions = db.survey(survey_id)?.settings.subdivisions;
    let rule = klimat_app::disclosure::of_survey(&db, survey_id)?;
    Ok(rule
        .reportable(&subdivisions)
        .into_iter()
        .map(str::to_owned)
        .collect())
}

/// One open answer for the operator's review before the report.
#[derive(serde::Serialize)]
pub struct OpenTextDto {
    text: String,
    count: u64,
    hidden: bool,
}

/// The open answers of a survey, for hiding one that names its author.
#[tauri::command]
pub async fn open_texts(state: State<'_, AppState>, survey_id: i64) -> ApiResult<Vec<OpenTextDto>> {
    state.unlocked()?;
    Ok(reports::open_texts(&*state.db()?, survey_id)?
        .into_iter()
        .map(|t| OpenTextDto {
            text: t.text,
            count: t.count,
            hidden: t.hidden,
        })
        .collect())
}

/// Hides an open answer from the survey's reports, or shows it again.
#[tauri::command]
pub async fn set_text_hidden(
    state: State<'_, AppState>,
    survey_id: i64,
    text: String,
    hidden: bool,
) -> ApiResult<()> {
    state.unlocked()?;
    Ok(reports::set_text_hidden(
        &*state.db()?,
        survey_id,
        &text,
        hidden,
    )?)
}

/// Writes the report in the chosen format (`pdf`, `xlsx`, `docx`); returns the
/// file written.
#[tauri::command]
pub async fn save_report(
    state: State<'_, AppState>,
    survey_id: i64,
    compare_with: Option<i64>,
    subdivision: Option<String>,
    format: String,
    path: String,
) -> ApiResult<String> {
    state.unlocked()?;
    let path = with_extension(
        Path::new(&path),
        ReportFormat::from_id(&format)?.extension(),
    );
    reports::write_report_for(
        &*state.db()?,
        survey_id,
        compare_with,
        subdivision.as_deref().filter(|s| !s.is_empty()),
        &path,
    )?;
    Ok(path.display().to_string())
}

/// The report settings of a survey: staff, signatures, proposals.
#[tauri::command]
pub fn report_settings(state: State<'_, AppState>, survey_id: i64) -> ApiResult<ReportSettingsDto> {
    state.unlocked()?;
    let db = state.db()?;
    let s = db.survey(survey_id)?;
    let r = db.report_settings(survey_id)?;
    Ok(ReportSettingsDto::new(&r, &s.settings.subdivisions))
}

/// Saves the report settings of a survey, checked as a whole.
#[tauri::command]
pub fn save_report_settings(
    state: State<'_, AppState>,
    survey_id: i64,
    settings: ReportSettingsDto,
) -> ApiResult<()> {
    state.unlocked()?;
    klimat_app::surveys::save_report_settings(&*state.db()?, survey_id, &settings.into())?;
    Ok(())
}

/// A starting text of the proposals: the methods of Table 1 for the weak
/// components of commitment.
#[tauri::command]
pub fn proposals_draft(state: State<'_, AppState>, survey_id: i64) -> ApiResult<String> {
    state.unlocked()?;
    Ok(reports::proposals_draft(&*state.db()?, survey_id)?)
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

/// Writes the consolidated report of several surveys in the chosen format;
/// returns the file written.
#[tauri::command]
pub async fn save_consolidated_report(
    state: State<'_, AppState>,
    surveys: Vec<i64>,
    compare: Option<Vec<i64>>,
    format: String,
    path: String,
) -> ApiResult<String> {
    state.unlocked()?;
    let path = with_extension(
        Path::new(&path),
        ReportFormat::from_id(&format)?.extension(),
    );
    reports::write_consolidated_report(
        &*state.db()?,
        &surveys,
        compare.as_deref().filter(|c| !c.is_empty()),
        &path,
    )?;
    Ok(path.display().to_string())
}

/// The consolidated report on screen, compared with a previous one if
/// given.
#[tauri::command]
pub async fn consolidated_results(
    state: State<'_, AppState>,
    surveys: Vec<i64>,
    compare: Option<Vec<i64>>,
) -> ApiResult<ResultsDto> {
    state.unlocked()?;
    let results = reports::consolidated_results(
        &*state.db()?,
        &surveys,
        compare.as_deref().filter(|c| !c.is_empty()),
    )?;
    Ok((&results).into())
}
