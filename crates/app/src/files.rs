//! Reading the files a user picks and writing the files Klimat makes, with
//! the file's name in every error, and the choice of a file's format by its
//! extension, made here once for the command and the window.

use std::path::Path;

use klimat_store::StoreError;

use crate::error::{AppError, Result};
use crate::text;

/// Reads an input file (import, exchange), refusing one over the input
/// size limit before reading it.
///
/// # Errors
/// [`AppError::Read`], or the store's [`StoreError::TooLarge`].
pub fn read_input(path: &Path) -> Result<Vec<u8>> {
    klimat_store::import::read_file(path).map_err(|e| match e {
        StoreError::Io(source) => AppError::Read {
            path: path.display().to_string(),
            source,
        },
        e => e.into(),
    })
}

/// Writes an output file whole or not at all: the bytes go to a temporary
/// file beside it, which then replaces it, so that a full disk or a crash
/// never leaves half a report where the old one was.
///
/// # Errors
/// [`AppError::Write`].
pub fn write_output(path: &Path, bytes: &[u8]) -> Result<()> {
    let fail = |source| AppError::Write {
        path: path.display().to_string(),
        source,
    };
    if path.is_dir() {
        return Err(fail(std::io::Error::from(std::io::ErrorKind::IsADirectory)));
    }
    let name = path
        .file_name()
        .ok_or_else(|| fail(std::io::Error::from(std::io::ErrorKind::InvalidInput)))?;
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(name);
    tmp_name.push(".klimat-tmp");
    let tmp = path.with_file_name(tmp_name);
    let result = std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(fail)
}

/// The format of a file of forms (export), by extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormsFormat {
    /// The import template as CSV (UTF-8 with BOM).
    Csv,
    /// The import template as an XLSX workbook.
    Xlsx,
}

impl FormsFormat {
    /// `csv` or `xlsx`, as the window names the format a user chose.
    ///
    /// # Errors
    /// [`AppError::Invalid`] for another id.
    pub fn from_id(id: &str) -> Result<FormsFormat> {
        match id {
            "csv" => Ok(FormsFormat::Csv),
            "xlsx" => Ok(FormsFormat::Xlsx),
            _ => Err(AppError::Invalid(text::FORMS_FORMATS_ID)),
        }
    }

    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            FormsFormat::Csv => "csv",
            FormsFormat::Xlsx => "xlsx",
        }
    }

    /// `.csv` or `.xlsx`, any case.
    ///
    /// # Errors
    /// [`AppError::UnknownFormat`] for another extension.
    pub fn from_path(path: &Path) -> Result<FormsFormat> {
        match extension(path).as_deref() {
            Some("csv") => Ok(FormsFormat::Csv),
            Some("xlsx") => Ok(FormsFormat::Xlsx),
            _ => Err(unknown(path, text::FORMS_FORMATS)),
        }
    }
}

/// The format of a report file, by extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportFormat {
    /// The annual report, A4 PDF.
    Pdf,
    /// The workbook: a sheet per table, native charts.
    Xlsx,
    /// The same report as an editable Word document.
    Docx,
}

impl ReportFormat {
    /// `pdf`, `xlsx` or `docx`, as the window names the format a user chose.
    ///
    /// # Errors
    /// [`AppError::Invalid`] for another id (the window used to write a
    /// PDF for any id but `xlsx`).
    pub fn from_id(id: &str) -> Result<ReportFormat> {
        match id {
            "pdf" => Ok(ReportFormat::Pdf),
            "xlsx" => Ok(ReportFormat::Xlsx),
            "docx" => Ok(ReportFormat::Docx),
            _ => Err(AppError::Invalid(text::REPORT_FORMATS_ID)),
        }
    }

    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ReportFormat::Pdf => "pdf",
            ReportFormat::Xlsx => "xlsx",
            ReportFormat::Docx => "docx",
        }
    }

    /// `.pdf`, `.xlsx` or `.docx`, any case.
    ///
    /// # Errors
    /// [`AppError::UnknownFormat`] for another extension.
    pub fn from_path(path: &Path) -> Result<ReportFormat> {
        match extension(path).as_deref() {
            Some("pdf") => Ok(ReportFormat::Pdf),
            Some("xlsx") => Ok(ReportFormat::Xlsx),
            Some("docx") => Ok(ReportFormat::Docx),
            _ => Err(unknown(path, text::REPORT_FORMATS)),
        }
    }
}

/// `path` with the extension `ext` (without the dot) appended when it ends
/// otherwise: a save dialog returns the name as typed, «отчет» or
/// «отчет.doc», and the file written must say what it is.
pub fn with_extension(path: &Path, ext: &str) -> std::path::PathBuf {
    if extension(path).as_deref() == Some(ext) {
        path.to_owned()
    } else {
        let mut name = path.as_os_str().to_owned();
        name.push(".");
        name.push(ext);
        name.into()
    }
}

/// Requires the extension `ext` (`xlsx`, `pdf`).
///
/// # Errors
/// [`AppError::UnknownFormat`] with `expected`.
pub fn require_extension(path: &Path, ext: &str, expected: &'static str) -> Result<()> {
    if extension(path).as_deref() == Some(ext) {
        Ok(())
    } else {
        Err(unknown(path, expected))
    }
}

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}

fn unknown(path: &Path, expected: &'static str) -> AppError {
    AppError::UnknownFormat {
        path: path.display().to_string(),
        expected,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_follow_the_extension_in_any_case_and_refuse_others() {
        assert_eq!(
            FormsFormat::from_path(Path::new("a.CSV")).unwrap(),
            FormsFormat::Csv
        );
        assert_eq!(
            FormsFormat::from_path(Path::new("a.xlsx")).unwrap(),
            FormsFormat::Xlsx
        );
        assert_eq!(
            ReportFormat::from_path(Path::new("отчет.PDF")).unwrap(),
            ReportFormat::Pdf
        );
        assert_eq!(
            ReportFormat::from_path(Path::new("отчет.Docx")).unwrap(),
            ReportFormat::Docx
        );
        for bad in ["a.doc", "a", "a.xls", "a.pdf.txt"] {
            assert_eq!(
                ReportFormat::from_path(Path::new(bad)).unwrap_err().code(),
                "unknown_format",
                "{bad}"
            );
        }
        assert!(FormsFormat::from_path(Path::new("a.pdf")).is_err());
        assert_eq!(ReportFormat::from_id("doc").unwrap_err().code(), "invalid");
        assert_eq!(ReportFormat::from_id("docx").unwrap(), ReportFormat::Docx);
        assert_eq!(
            with_extension(Path::new("отчет"), "pdf"),
            Path::new("отчет.pdf")
        );
        assert_eq!(
            with_extension(Path::new("a.PDF"), "pdf"),
            Path::new("a.PDF")
        );
        assert_eq!(
            with_extension(Path::new("a.doc"), "pdf"),
            Path::new("a.doc.pdf")
        );
    }
}
