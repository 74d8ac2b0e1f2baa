//! The operations layer: every use case of Klimat as one function, called
//! alike by the `klimat` command and the desktop window, which only parse
//! their arguments, call it and present the result.
//!
//! - [`surveys`]: survey requests checked into settings, create and edit,
//!   forms saved and corrected;
//! - [`data`]: import, export, the blank template, exchange and merge,
//!   backup and restore;
//! - [`reports`]: the report input of a stored survey, the report in every
//!   format, the results screen's model, blank forms;
//! - [`kiosk`]: kiosk mode's state, PIN and self-filled forms;
//! - [`disclosure`]: which groups of a survey any output may show;
//! - [`verify`]: verification by double entry and its statistics;
//! - [`network`]: access codes, slips and the network form's server;
//! - [`files`]: reading and writing the user's files, formats by extension;
//! - [`AppError`]: one error with stable codes.
//!
//! Time comes in as an argument; nothing here reads the clock.

#![forbid(unsafe_code)]

pub mod data;
pub mod disclosure;
mod error;
pub mod examples;
pub mod files;
pub mod headline;
pub mod kiosk;
pub mod network;
pub mod reports;
pub mod surveys;
mod text;
pub mod verify;

pub use error::{AppError, Result};
pub use reports::report_input;
