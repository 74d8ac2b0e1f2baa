//! The Tauri commands, one module per area. Each is a few lines: state and
//! a DTO in, one call into the crates, `{code, message}` out on error.

pub mod about;
pub mod data;
pub mod forms;
pub mod kiosk;
pub mod network;
pub mod reports;
pub mod start;
pub mod surveys;
pub mod verify;

use klimat_core::Instrument;

use crate::error::ApiResult;

/// Parses an instrument id sent by the UI.
pub(crate) fn instrument(id: &str) -> ApiResult<Instrument> {
    Ok(klimat_app::surveys::instrument(id)?)
}
