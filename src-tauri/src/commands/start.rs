//! The start of the window: whether the database opened, trying again, and
//! closing the window from the start screen.

use serde::Serialize;
use tauri::{AppHandle, State};

use crate::error::{ApiError, ApiResult};
use crate::state::AppState;

/// What the UI needs before its first screen.
#[derive(Serialize)]
pub struct StartupDto {
    /// The database file.
    db_path: String,
    /// Why the database is not open (`{code, message}`), or null.
    problem: Option<ApiError>,
}

fn status(state: &AppState, problem: Option<ApiError>) -> StartupDto {
    StartupDto {
        db_path: state.db_path.display().to_string(),
        problem,
    }
}

/// Whether the database opened at start.
#[tauri::command]
pub fn startup(state: State<'_, AppState>) -> ApiResult<StartupDto> {
    Ok(status(&state, state.open_error()?))
}

/// Tries to open the database again (after the other Klimat was closed).
#[tauri::command]
pub fn retry_open(state: State<'_, AppState>) -> ApiResult<StartupDto> {
    Ok(status(&state, state.retry_open()?))
}

/// Closes Klimat (the start screen's «Закрыть» button). Refused in kiosk
/// mode, where only the PIN leaves.
#[tauri::command]
pub fn quit(app: AppHandle, state: State<'_, AppState>) -> ApiResult<()> {
    state.unlocked()?;
    app.exit(0);
    Ok(())
}
