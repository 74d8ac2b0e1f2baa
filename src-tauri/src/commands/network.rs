//! «Заполнение по сети»: access-code slips, and the network form started
//! and stopped from the window, with the addresses to give out and the
//! count of forms submitted.

use std::path::Path;
use std::sync::Arc;

use serde::Serialize;
use tauri::{AppHandle, Manager, State};

use crate::error::{ApiError, ApiResult};
use crate::state::AppState;

/// What the screen shows.
#[derive(Serialize)]
pub struct NetworkStatusDto {
    running: bool,
    /// The survey served, while running.
    survey_id: Option<i64>,
    /// The addresses to give out, while running.
    addresses: Vec<String>,
    /// Forms stored since it started.
    submitted: u64,
    /// Codes made for the survey asked about, and spent.
    codes_made: u64,
    codes_spent: u64,
    /// The address to print on slips: the first to give out, or this
    /// computer's with the default port.
    slip_address: String,
    /// The default address to listen on.
    default_listen: &'static str,
}

fn status(state: &AppState, survey_id: i64) -> ApiResult<NetworkStatusDto> {
    let (codes_made, codes_spent) = state.db()?.code_counts(survey_id).map_err(ApiError::from)?;
    let guard = state
        .network
        .lock()
        .map_err(|_| ApiError::new("busy", crate::text::BUSY))?;
    let (running, served, addresses, submitted) = match guard.as_ref() {
        Some((server, id)) => (
            true,
            Some(*id),
            klimat_app::network::addresses(server.addr()),
            server.submitted(),
        ),
        None => (false, None, Vec::new(), 0),
    };
    let default: std::net::SocketAddr = klimat_app::network::DEFAULT_LISTEN
        .parse()
        .unwrap_or_else(|_| std::net::SocketAddr::from(([0, 0, 0, 0], 8080)));
    let slip_address = addresses
        .first()
        .cloned()
        .or_else(|| klimat_app::network::addresses(default).into_iter().next())
        .unwrap_or_default();
    Ok(NetworkStatusDto {
        running,
        survey_id: served,
        addresses,
        submitted,
        codes_made,
        codes_spent,
        slip_address,
        default_listen: klimat_app::network::DEFAULT_LISTEN,
    })
}

/// The network form's state, and the codes of `survey_id`.
#[tauri::command]
pub fn network_status(state: State<'_, AppState>, survey_id: i64) -> ApiResult<NetworkStatusDto> {
    state.unlocked()?;
    status(&state, survey_id)
}

/// Starts the network form of a survey on `listen` («0.0.0.0:8080»); a
/// running one is stopped first.
#[tauri::command]
pub fn network_start(
    app: AppHandle,
    state: State<'_, AppState>,
    survey_id: i64,
    listen: String,
) -> ApiResult<NetworkStatusDto> {
    state.unlocked()?;
    let addr = klimat_app::network::parse_listen(&listen)?;
    {
        let mut slot = state
            .network
            .lock()
            .map_err(|_| ApiError::new("busy", crate::text::BUSY))?;
        if let Some((old, _)) = slot.take() {
            old.stop();
        }
        let handle = app.clone();
        let with: klimat_serve::WithDb = Arc::new(move |f| {
            let state = handle.state::<AppState>();
            if let Ok(mut db) = state.db() {
                f(&mut db);
            }
        });
        let server = klimat_app::network::start(with, survey_id, addr)?;
        *slot = Some((server, survey_id));
    }
    status(&state, survey_id)
}

/// Stops the network form.
#[tauri::command]
pub fn network_stop(state: State<'_, AppState>, survey_id: i64) -> ApiResult<NetworkStatusDto> {
    state.unlocked()?;
    let old = state
        .network
        .lock()
        .map_err(|_| ApiError::new("busy", crate::text::BUSY))?
        .take();
    if let Some((server, _)) = old {
        server.stop();
        // Once the form stops, the file no longer tells in what order
        // forms arrived or codes were spent (Db::seal).
        state.db()?.seal()?;
    }
    status(&state, survey_id)
}

/// Makes `count` access codes and saves their slips as a PDF; returns the
/// file written.
#[tauri::command]
pub fn save_code_slips(
    state: State<'_, AppState>,
    survey_id: i64,
    count: usize,
    address: String,
    path: String,
) -> ApiResult<String> {
    state.unlocked()?;
    let path = klimat_app::files::with_extension(Path::new(&path), "pdf");
    klimat_app::network::make_codes(
        &mut *state.db()?,
        survey_id,
        count,
        address.trim(),
        &path,
        None,
    )?;
    Ok(path.display().to_string())
}
