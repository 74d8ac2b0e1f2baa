//! The About screen: version, licences, where the database lives.

use serde::Serialize;
use tauri::State;

use crate::error::ApiResult;
use crate::state::AppState;

/// What the About screen shows.
#[derive(Serialize)]
pub struct AboutDto {
    version: &'static str,
    db_path: String,
    portable: bool,
    schema_version: i64,
    font_licence: &'static str,
}

/// Version, database location, licences.
#[tauri::command]
pub fn about(state: State<'_, AppState>) -> ApiResult<AboutDto> {
    Ok(AboutDto {
        version: env!("CARGO_PKG_VERSION"),
        db_path: state.db_path.display().to_string(),
        portable: state.portable,
        schema_version: state.db()?.schema_version()?,
        font_licence: include_str!("../../../crates/report/fonts/LICENSE-LiberationSerif.txt"),
    })
}

/// Called once by the UI when its first screen is painted; prints the time
/// since start on stderr (the cold-start figure of the README).
#[tauri::command]
pub fn first_paint(state: State<'_, AppState>) {
    eprintln!(
        "klimat: first screen painted {} ms after start",
        state.started.elapsed().as_millis()
    );
}
