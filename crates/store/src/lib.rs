//! Klimat's storage: surveys and forms in SQLite.
//!
//! - [`Db`]: opening with embedded numbered migrations (each in one
//!   transaction, a copy of the file written first), backup and restore;
//! - surveys ([`SurveySettings`], [`Survey`]) and forms ([`FormData`],
//!   [`StoredForm`]) with an append-only change log ([`LogEntry`]);
//! - [`import::read_template`] and [`export`]: the import template of
//!   docs/methodology.md ("The import template") in CSV and XLSX, round-tripping exactly;
//! - exchange files and [`MergeReport`]: `.klimat` files merged by UUID;
//! - [`paths`]: portable mode;
//! - verification by double entry ([`compare`], [`Db::verify_form`],
//!   [`VerificationStats`]).
//!
//! This is the only crate that knows SQL.

#![forbid(unsafe_code)]

mod answers;
pub mod codes;
mod db;
mod error;
mod exchange;
pub mod export;
mod forms;
pub mod import;
pub mod keys;
mod model;
pub mod paths;
mod report_settings;
mod surveys;
mod text;
mod validate;
mod verify;

pub use answers::{content_from_json, content_json, fingerprint};
pub use db::{Clock, Db, SCHEMA_VERSION};
pub use error::{Result, StoreError, too_many_files};
pub use exchange::{MergeConflict, MergeReport};
pub use forms::FormsPage;
pub use model::{Answers, Entry, FormData, LogEntry, StoredForm, Survey, SurveySettings};
pub use report_settings::{Person, ReportSettings};
pub use verify::{Comparison, FieldDiff, Keying, VerificationItem, VerificationStats, compare};
