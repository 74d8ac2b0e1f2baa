//! The one error type of the store. Its `Display` is a Russian message for
//! the user; [`StoreError::code`] is a stable id the UI branches on.

use crate::text;
use klimat_core::template::TemplateError;

/// Why a store operation was refused or failed. Nothing is half-written
/// when an error is returned: every write runs in a transaction.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file was written by a newer Klimat.
    #[error("{m} ({v} {found}, {u} {supported}).", m = text::NEWER_SCHEMA, v = text::SCHEMA_VERSION, u = text::UNDERSTANDS_UP_TO)]
    NewerSchema {
        /// The file's schema version.
        found: i64,
        /// The newest version this build knows.
        supported: i64,
    },
    /// The file is an SQLite database but not Klimat's.
    #[error("{m}", m = text::NOT_KLIMAT_DB)]
    NotKlimatDatabase,
    /// An import file with bad rows or columns; nothing was imported.
    #[error("{0}")]
    Template(#[from] TemplateError),
    /// An XLSX file that cannot be read.
    #[error("{m}: {0}", m = text::BAD_XLSX)]
    Xlsx(String),
    /// A file's columns match none of the three templates.
    #[error("{m}", m = text::UNKNOWN_TEMPLATE)]
    UnknownTemplate,
    /// No survey with this id.
    #[error("{m} {0}", m = text::NO_SURVEY)]
    NoSurvey(i64),
    /// No form with this UUID.
    #[error("{m} {0}", m = text::NO_FORM)]
    NoForm(String),
    /// The survey does not include this questionnaire.
    #[error("{m} «{0}»", m = text::INSTRUMENT_NOT_IN_SURVEY)]
    InstrumentNotInSurvey(&'static str),
    /// A file over one of the input limits; nothing was read from it.
    #[error("{0}")]
    TooLarge(&'static str),
    /// Forms that break a rule of the survey (a repeated code, a subdivision
    /// not in its list, an over-long text); nothing was saved.
    #[error("{m}\n{}", .0.join("\n"), m = text::FORMS_REFUSED)]
    FormsRefused(Vec<String>),
    /// An exchange file from a newer Klimat.
    #[error("{m} ({v} {0}).", m = text::NEWER_EXCHANGE, v = text::FORMAT_VERSION)]
    NewerExchange(u64),
    /// The target of a backup is not a file that can be written.
    #[error("{0}")]
    BadTarget(String),
    /// An access code that admits no form (unknown, or spent).
    #[error("{0}")]
    CodeRefused(&'static str),
    /// A value the caller passed is not acceptable.
    #[error("{0}")]
    Invalid(String),
    /// An exchange file that cannot be read.
    #[error("{m}: {0}", m = text::BAD_EXCHANGE)]
    BadExchange(String),
    /// A backup file that is not a usable Klimat database.
    #[error("{m}: {0}", m = text::BAD_BACKUP)]
    BadBackup(String),
    /// Another Klimat has this database open.
    #[error("{m}", m = text::IN_USE)]
    InUse,
    /// The disk is full; nothing of the interrupted write was kept.
    #[error("{m}", m = text::DISK_FULL)]
    DiskFull,
    /// The database file or its folder cannot be written.
    #[error("{m}", m = text::READ_ONLY)]
    ReadOnly,
    /// The process has no file descriptors left (many network connections
    /// or files open at once).
    #[error("{m}", m = text::TOO_MANY_FILES)]
    TooManyFiles,
    /// The database reported an error.
    #[error("{m}: {0}", m = text::DATABASE)]
    Sqlite(rusqlite::Error),
    /// A file could not be read or written.
    #[error("{m}: {0}", m = text::IO)]
    Io(#[from] std::io::Error),
    /// Writing an XLSX file failed.
    #[error("{m}: {0}", m = text::XLSX_WRITE)]
    XlsxWrite(#[from] rust_xlsxwriter::XlsxError),
}

impl StoreError {
    /// A stable id for the UI and scripts, never translated.
    pub fn code(&self) -> &'static str {
        match self {
            StoreError::NewerSchema { .. } => "newer_schema",
            StoreError::NotKlimatDatabase => "not_klimat_database",
            StoreError::Template(_) => "bad_import_file",
            StoreError::Xlsx(_) => "bad_xlsx",
            StoreError::UnknownTemplate => "unknown_template",
            StoreError::NoSurvey(_) => "no_survey",
            StoreError::NoForm(_) => "no_form",
            StoreError::InstrumentNotInSurvey(_) => "instrument_not_in_survey",
            StoreError::Invalid(_) => "invalid",
            StoreError::CodeRefused(_) => "code_refused",
            StoreError::TooLarge(_) => "too_large",
            StoreError::FormsRefused(_) => "forms_refused",
            StoreError::NewerExchange(_) => "newer_exchange",
            StoreError::BadTarget(_) => "bad_target",
            StoreError::BadExchange(_) => "bad_exchange_file",
            StoreError::BadBackup(_) => "bad_backup_file",
            StoreError::InUse => "database_in_use",
            StoreError::DiskFull => "disk_full",
            StoreError::ReadOnly => "read_only",
            StoreError::TooManyFiles => "too_many_files",
            StoreError::Sqlite(_) => "database",
            StoreError::Io(_) => "io",
            StoreError::XlsxWrite(_) => "xlsx_write",
        }
    }
}

/// Whether an I/O error says the process has no file descriptors left
/// (EMFILE, ENFILE), which is not a read-only folder.
pub fn too_many_files(e: &std::io::Error) -> bool {
    cfg!(unix) && matches!(e.raw_os_error(), Some(23 | 24))
}

/// Whether this process is (nearly) out of files now: asked when SQLite
/// says only that it "cannot open" a file. SQLite may have closed a file
/// or two on its way out of the failure, so a few are opened at once.
fn out_of_files() -> bool {
    let Ok(exe) = std::env::current_exe() else {
        return false;
    };
    let mut held = Vec::new();
    for _ in 0..4 {
        match std::fs::File::open(&exe) {
            Ok(f) => held.push(f),
            Err(e) => return too_many_files(&e),
        }
    }
    false
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        match e.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => StoreError::DiskFull,
            Some(ErrorCode::ReadOnly) => StoreError::ReadOnly,
            Some(ErrorCode::CannotOpen) if out_of_files() => StoreError::TooManyFiles,
            Some(ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => StoreError::ReadOnly,
            _ => StoreError::Sqlite(e),
        }
    }
}

/// Results of the store.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;
