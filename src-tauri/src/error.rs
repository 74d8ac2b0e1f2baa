//! The one error that crosses IPC: `{code, message, details}`. The UI
//! branches on `code`, never on the Russian `message`.

use klimat_core::template::TemplateError;
use klimat_store::StoreError;
use serde::Serialize;

/// A refused or failed command.
#[derive(Debug, Clone, Serialize)]
pub struct ApiError {
    /// A stable id (`bad_import_file`, `no_survey`, …).
    pub code: &'static str,
    /// The message for the user, in Russian.
    pub message: String,
    /// Structured details: the bad cells of a refused import.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub details: Option<serde_json::Value>,
}

impl ApiError {
    /// An error with a code and a message.
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            details: None,
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        let details = match &e {
            StoreError::Template(TemplateError::Cells { cells, .. }) => Some(
                cells
                    .iter()
                    .map(|c| {
                        serde_json::json!({
                            "row": c.row,
                            "column": klimat_store::import::column_label(&c.column),
                            "value": c.value,
                            "expected": c.expected,
                        })
                    })
                    .collect(),
            ),
            _ => None,
        };
        Self {
            code: e.code(),
            message: e.to_string(),
            details,
        }
    }
}

impl From<klimat_app::AppError> for ApiError {
    fn from(e: klimat_app::AppError) -> Self {
        match e {
            klimat_app::AppError::Store(e) => e.into(),
            e => ApiError::new(e.code(), e.to_string()),
        }
    }
}

impl From<std::io::Error> for ApiError {
    fn from(e: std::io::Error) -> Self {
        StoreError::Io(e).into()
    }
}

/// Results of commands.
pub type ApiResult<T> = Result<T, ApiError>;
