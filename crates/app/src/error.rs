//! The one error of the operations layer. `Display` is the Russian message
//! for the user; [`AppError::code`] is a stable id that the window branches
//! on and the command prints nothing else for.

use klimat_store::StoreError;

use crate::kiosk::KioskError;
use crate::text;

/// Why an operation was refused or failed.
#[derive(Debug)]
pub enum AppError {
    /// The store refused or failed.
    Store(StoreError),
    /// Kiosk mode refused.
    Kiosk(KioskError),
    /// A file could not be read.
    Read {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// A file could not be written.
    Write {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// A file name whose extension says no format this operation writes.
    UnknownFormat {
        /// The file.
        path: String,
        /// What the operation accepts, in Russian.
        expected: &'static str,
    },
    /// A request value of the wrong shape (an unknown questionnaire id, a
    /// date that is not a date …), with its message.
    Invalid(&'static str),
    /// A request refused for a reason built from its values (a report of a
    /// subdivision with too few forms …).
    Refused(String),
}

impl std::error::Error for AppError {}

impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AppError::Store(e) => e.fmt(f),
            AppError::Kiosk(e) => e.fmt(f),
            AppError::Read { path, source } => {
                write!(f, "{} «{path}»: {}", text::CANNOT_READ, io_text(source))
            }
            AppError::Write { path, source } => {
                write!(f, "{} «{path}»: {}", text::CANNOT_WRITE, io_text(source))
            }
            AppError::UnknownFormat { path, expected } => {
                write!(f, "{} «{path}»: {expected}.", text::UNKNOWN_FORMAT)
            }
            AppError::Invalid(m) => f.write_str(m),
            AppError::Refused(m) => f.write_str(m),
        }
    }
}

/// The operating system's reason, in Russian for the common cases.
fn io_text(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => text::IO_NOT_FOUND.into(),
        ErrorKind::PermissionDenied => text::IO_DENIED.into(),
        ErrorKind::StorageFull => text::IO_FULL.into(),
        ErrorKind::IsADirectory => text::IO_FOLDER.into(),
        _ if klimat_store::too_many_files(e) => text::IO_TOO_MANY_FILES.into(),
        _ => e.to_string(),
    }
}

impl AppError {
    /// A stable id for the window and scripts, never translated.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::Store(e) => e.code(),
            AppError::Kiosk(e) => e.code(),
            AppError::Read { .. } => "cannot_read",
            AppError::Write { .. } => "cannot_write",
            AppError::UnknownFormat { .. } => "unknown_format",
            AppError::Invalid(_) => "invalid",
            AppError::Refused(_) => "refused",
        }
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        AppError::Store(e)
    }
}

impl From<KioskError> for AppError {
    fn from(e: KioskError) -> Self {
        match e {
            KioskError::Store(e) => AppError::Store(e),
            e => AppError::Kiosk(e),
        }
    }
}

/// Results of the operations layer.
pub type Result<T, E = AppError> = std::result::Result<T, E>;
