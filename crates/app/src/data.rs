//! Files in and out of the database: import, export, the blank template,
//! exchange files and merge, backup and restore. Each operation is the one
//! the command and the window both call.

use std::path::{Path, PathBuf};

use klimat_core::Instrument;
use klimat_store::{Db, MergeReport, export};

use crate::error::Result;
use crate::files::{FormsFormat, read_input, require_extension, write_output};
use crate::text;

/// What an import saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Imported {
    /// Forms saved.
    pub count: usize,
    /// Their questionnaire.
    pub instrument: Instrument,
}

/// Imports a CSV or XLSX template file into a survey: every form or none.
/// `instrument` `None` takes the questionnaire whose columns the file has.
/// `progress` is called with (saved, total) every 1000 forms.
///
/// # Errors
/// The file's refusal with every bad row; the survey's rules.
pub fn import_file(
    db: &mut Db,
    survey: i64,
    path: &Path,
    instrument: Option<Instrument>,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Imported> {
    db.survey(survey)?;
    let bytes = read_input(path)?;
    // Every problem of the file in one pass: the bad cells, and the survey's
    // rules broken by the good rows (issue 27).
    let (file, cells, more) = klimat_store::import::read_template_all(&bytes, instrument)?;
    let count = db.import_all(survey, &file, cells, more, progress)?;
    Ok(Imported {
        count,
        instrument: file.instrument,
    })
}

/// Writes one questionnaire's forms as CSV or XLSX, by the file's
/// extension; returns how many.
///
/// # Errors
/// An unknown extension; the store's; the file's.
pub fn export_forms(db: &Db, survey: i64, instrument: Instrument, path: &Path) -> Result<usize> {
    let format = FormsFormat::from_path(path)?;
    let forms: Vec<_> = db
        .forms(survey, instrument)?
        .into_iter()
        .map(|f| f.data)
        .collect();
    let bytes = match format {
        FormsFormat::Csv => export::to_csv(instrument, &forms)?,
        FormsFormat::Xlsx => export::to_xlsx(instrument, &forms)?,
    };
    write_output(path, &bytes)?;
    Ok(forms.len())
}

/// Writes the blank XLSX template of a questionnaire, with the survey's
/// lists as the allowed values.
///
/// # Errors
/// A path that is not `.xlsx`; the store's; the file's.
pub fn write_template(db: &Db, survey: i64, instrument: Instrument, path: &Path) -> Result<()> {
    require_extension(path, "xlsx", text::TEMPLATE_FORMATS)?;
    let settings = db.survey(survey)?.settings;
    write_output(path, &export::blank_template(instrument, &settings)?)
}

/// Writes the exchange file of a survey.
///
/// # Errors
/// The store's; the file's.
pub fn export_exchange(db: &Db, survey: i64, path: &Path) -> Result<()> {
    write_output(path, &db.exchange_export(survey)?)
}

/// Merges an exchange file.
///
/// # Errors
/// The file's refusal; nothing is changed then.
pub fn merge_file(db: &mut Db, path: &Path) -> Result<MergeReport> {
    Ok(db.merge(&read_input(path)?)?)
}

/// The copies of the database Klimat made beside it by itself (before a
/// restore or an update), newest first, and how many it keeps.
#[derive(Debug, Clone)]
pub struct Copies {
    /// The copies' paths, newest first.
    pub paths: Vec<PathBuf>,
    /// How many are kept; older ones are removed.
    pub keep: u32,
}

/// Klimat's own copies of the database and the number kept.
///
/// # Errors
/// The folder or the database cannot be read.
pub fn copies(db: &Db) -> Result<Copies> {
    Ok(Copies {
        paths: db.own_copies()?,
        keep: db.keep_copies()?,
    })
}

/// Sets how many of its own copies Klimat keeps (1 to 50), removing older
/// ones at once.
///
/// # Errors
/// A number out of range; the database's.
pub fn set_keep_copies(db: &Db, keep: u32) -> Result<Copies> {
    db.set_keep_copies(keep)?;
    copies(db)
}

/// Writes a backup of the whole database.
///
/// # Errors
/// A target that is not a writable file name; the database's.
pub fn backup(db: &Db, path: &Path) -> Result<()> {
    Ok(db.backup(path)?)
}

/// Replaces the database with a backup; returns where the replaced
/// database was kept.
///
/// # Errors
/// A file that is not a sound Klimat backup; nothing is changed then.
pub fn restore(db: &mut Db, path: &Path) -> Result<Option<PathBuf>> {
    Ok(db.restore(path)?)
}

/// Writes the bad cells of a refused file as a CSV the user can open in a
/// spreadsheet (semicolon-separated, UTF-8 with BOM, formulas neutralized):
/// row, column, value, reason.
///
/// # Errors
/// The file's.
pub fn save_import_errors(path: &Path, rows: &[[String; 4]]) -> Result<PathBuf> {
    let path = crate::files::with_extension(path, "csv");
    let mut out = String::from("\u{feff}");
    let cell = |s: &str| {
        let s = klimat_core::template::escape_formula(s);
        format!("\"{}\"", s.replace('"', "\"\""))
    };
    out.push_str(&crate::text::IMPORT_ERRORS_HEADER.map(cell).join(";"));
    out.push_str("\r\n");
    for r in rows {
        out.push_str(&r.iter().map(|s| cell(s)).collect::<Vec<_>>().join(";"));
        out.push_str("\r\n");
    }
    crate::files::write_output(&path, out.as_bytes())?;
    Ok(path)
}
