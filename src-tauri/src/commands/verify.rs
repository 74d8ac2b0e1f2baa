//! Verification by double entry: the entry screen's second keying, the
//! differences view and its settling, the pick of forms and the figures.

use serde::{Deserialize, Serialize};
use tauri::State;

use crate::dto::{FormContentDto, FormDto};
use crate::error::ApiResult;
use crate::state::AppState;

/// One differing field.
#[derive(Serialize)]
pub struct FieldDiffDto {
    column: String,
    label: String,
    first: String,
    second: String,
    first_shown: String,
    second_shown: String,
}

/// A second keying compared with the first.
#[derive(Serialize)]
pub struct VerifiedDto {
    uuid: String,
    code: String,
    fields: usize,
    differences: Vec<FieldDiffDto>,
}

/// A form picked for verification, or verified.
#[derive(Serialize)]
pub struct VerificationItemDto {
    uuid: String,
    code: String,
    /// `None` while it waits.
    differences: Option<u64>,
    settled: bool,
}

/// The figures of one questionnaire.
#[derive(Serialize)]
pub struct VerificationStatsDto {
    instrument: String,
    forms: u64,
    verified: u64,
    fields: u64,
    differences: u64,
    unsettled: u64,
    planned: u64,
    share: Option<f64>,
    per_thousand_fields: Option<f64>,
    per_thousand_keystrokes: Option<f64>,
    forms_per_hour: Option<f64>,
    /// The figures as one Russian line for the screen.
    line: String,
}

/// How the window measured the second keying.
#[derive(Deserialize)]
pub struct KeyingDto {
    keystrokes: Option<u64>,
    seconds: Option<f64>,
}

/// One settled field: its template column and the value on the paper.
#[derive(Deserialize)]
pub struct SettledFieldDto {
    column: String,
    value: String,
}

fn item(i: klimat_store::VerificationItem) -> VerificationItemDto {
    VerificationItemDto {
        uuid: i.uuid,
        code: i.code,
        differences: i.differences,
        settled: i.settled,
    }
}

/// Compares a form keyed a second time with the stored one of its code.
#[tauri::command]
pub fn verify_form(
    state: State<'_, AppState>,
    survey_id: i64,
    content: FormContentDto,
    keying: KeyingDto,
) -> ApiResult<VerifiedDto> {
    state.unlocked()?;
    let data = content.into_form()?;
    let keying = klimat_store::Keying {
        keystrokes: keying.keystrokes,
        seconds: keying.seconds,
    };
    let v = klimat_app::verify::verify_form(&mut *state.db()?, survey_id, &data, keying)?;
    Ok(VerifiedDto {
        uuid: v.uuid,
        code: v.code,
        fields: v.comparison.fields,
        differences: v
            .comparison
            .differences
            .into_iter()
            .map(|d| FieldDiffDto {
                column: d.column,
                label: d.label,
                first: d.first,
                second: d.second,
                first_shown: d.first_shown,
                second_shown: d.second_shown,
            })
            .collect(),
    })
}

/// Settles a verified form with the values on the paper.
#[tauri::command]
pub fn settle_verification(
    state: State<'_, AppState>,
    uuid: String,
    values: Vec<SettledFieldDto>,
) -> ApiResult<FormDto> {
    state.unlocked()?;
    let values: Vec<(String, String)> = values.into_iter().map(|v| (v.column, v.value)).collect();
    Ok(klimat_app::verify::settle(&mut *state.db()?, &uuid, &values)?.into())
}

/// Picks a share of a questionnaire's forms to verify (100: all).
#[tauri::command]
pub fn plan_verification(
    state: State<'_, AppState>,
    survey_id: i64,
    instrument: String,
    percent: u32,
) -> ApiResult<Vec<VerificationItemDto>> {
    state.unlocked()?;
    let i = super::instrument(&instrument)?;
    Ok(
        klimat_app::verify::plan(&mut *state.db()?, survey_id, i, percent)?
            .into_iter()
            .map(item)
            .collect(),
    )
}

/// The forms picked or verified.
#[tauri::command]
pub fn verification_list(
    state: State<'_, AppState>,
    survey_id: i64,
    instrument: String,
) -> ApiResult<Vec<VerificationItemDto>> {
    state.unlocked()?;
    let i = super::instrument(&instrument)?;
    Ok(klimat_app::verify::list(&*state.db()?, survey_id, i)?
        .into_iter()
        .map(item)
        .collect())
}

/// The figures per questionnaire.
#[tauri::command]
pub fn verification_stats(
    state: State<'_, AppState>,
    survey_id: i64,
) -> ApiResult<Vec<VerificationStatsDto>> {
    state.unlocked()?;
    Ok(klimat_app::verify::stats(&*state.db()?, survey_id)?
        .into_iter()
        .map(|s| VerificationStatsDto {
            instrument: s.instrument.map_or("", |i| i.id()).to_owned(),
            forms: s.forms,
            verified: s.verified,
            fields: s.fields,
            differences: s.differences,
            unsettled: s.unsettled,
            planned: s.planned,
            share: s.share(),
            per_thousand_fields: s.per_thousand_fields(),
            per_thousand_keystrokes: s.per_thousand_keystrokes(),
            forms_per_hour: s.forms_per_hour(),
            line: klimat_app::verify::stats_line(&s),
        })
        .collect())
}
