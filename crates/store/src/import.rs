//! Reading the import template (docs/methodology.md, "The import template") from CSV or XLSX into forms.
//! Validation is the core's [`TemplateParser`]; this module only turns files
//! into rows of text cells and picks the instrument.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use klimat_core::Instrument;
use klimat_core::commitment::CommitmentAnswers;
use klimat_core::culture::CultureForm;
use klimat_core::satisfaction::SatisfactionAnswers;
use klimat_core::template::{Cells, Dataset, FormAnswers, TemplateError, TemplateParser, limits};

use crate::error::{Result, StoreError};
use crate::model::{Answers, FormData};

/// The forms of one template file.
#[derive(Debug, Clone, PartialEq)]
pub struct TemplateFile {
    /// The instrument the columns belong to.
    pub instrument: Instrument,
    /// The forms, in file order.
    pub forms: Vec<FormData>,
    /// The row of the file each form came from (the header is row 1).
    pub rows: Vec<u64>,
}

/// True when `bytes` look like an XLSX (zip) file.
pub fn is_xlsx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// Reads a template file, CSV or XLSX (told apart by content). With
/// `instrument` `None`, the instrument is the one whose columns the file has
/// (culture, then satisfaction, then commitment: q1…q18 is satisfaction even
/// though it contains q1…q15).
///
/// # Errors
/// [`StoreError::Template`] with every bad cell; [`StoreError::UnknownTemplate`]
/// when no instrument's columns are all present; [`StoreError::Xlsx`].
pub fn read_template(bytes: &[u8], instrument: Option<Instrument>) -> Result<TemplateFile> {
    let (file, cells, more) = read_template_all(bytes, instrument)?;
    if !cells.is_empty() {
        return Err(TemplateError::Cells { cells, more }.into());
    }
    Ok(file)
}

/// [`read_template`], giving the forms of the good rows beside the bad
/// cells of the others, so that the import can check the good rows by the
/// survey's rules too and name every problem of a file at once.
///
/// # Errors
/// As [`read_template`], but for the bad cells.
pub fn read_template_all(
    bytes: &[u8],
    instrument: Option<Instrument>,
) -> Result<(TemplateFile, Vec<klimat_core::template::CellError>, u64)> {
    if bytes.len() as u64 > limits::MAX_FILE_BYTES {
        return Err(StoreError::TooLarge(crate::text::FILE_TOO_LARGE));
    }
    // Files that are neither CSV text nor an XLSX book get their own words.
    if bytes.starts_with(&[0xd0, 0xcf, 0x11, 0xe0]) {
        return Err(StoreError::Xlsx(crate::text::XLS_OLD.into()));
    }
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(StoreError::Invalid(crate::text::UTF16.into()));
    }
    if !is_xlsx(bytes) && bytes.iter().take(8192).any(|&b| b == 0) {
        return Err(StoreError::Invalid(crate::text::NOT_TEXT.into()));
    }
    let rows = if is_xlsx(bytes) {
        Some(xlsx_rows(bytes)?)
    } else {
        None
    };
    let candidates: Vec<Instrument> = match instrument {
        Some(i) => vec![i],
        None => vec![
            Instrument::Culture,
            Instrument::Satisfaction,
            Instrument::Commitment,
        ],
    };
    let mut last = None;
    for candidate in candidates {
        let result = match candidate {
            Instrument::Commitment => parse::<CommitmentAnswers>(bytes, rows.as_ref())
                .map(|(d, c, m)| (forms(d, Answers::Commitment), c, m)),
            Instrument::Satisfaction => parse::<SatisfactionAnswers>(bytes, rows.as_ref())
                .map(|(d, c, m)| (forms(d, Answers::Satisfaction), c, m)),
            Instrument::Culture => parse::<CultureForm>(bytes, rows.as_ref())
                .map(|(d, c, m)| (forms(d, |f| Answers::Culture(Box::new(f))), c, m)),
        };
        match result {
            Ok(((forms, rows), cells, more)) => {
                return Ok((
                    TemplateFile {
                        instrument: candidate,
                        forms,
                        rows,
                    },
                    cells,
                    more,
                ));
            }
            Err(e @ TemplateError::MissingColumns(_)) if instrument.is_none() => last = Some(e),
            Err(e) => return Err(e.into()),
        }
    }
    Err(match (instrument, last) {
        (None, _) => StoreError::UnknownTemplate,
        (Some(_), Some(e)) => e.into(),
        (Some(_), None) => StoreError::UnknownTemplate,
    })
}

#[allow(clippy::type_complexity)]
fn parse<A: FormAnswers>(
    bytes: &[u8],
    rows: Option<&(u64, Vec<SheetRow>)>,
) -> std::result::Result<(Dataset<A>, Vec<klimat_core::template::CellError>, u64), TemplateError> {
    match rows {
        None => klimat_core::template::parse_csv_all(bytes),
        Some((first_row, rows)) => {
            let (header, body) = rows.split_first().ok_or(TemplateError::Empty)?;
            let mut parser = TemplateParser::<A>::new(header.cells.as_slice())?;
            for (i, row) in body.iter().enumerate() {
                parser.push_row(first_row + 1 + i as u64, row);
            }
            parser.finish_all()
        }
    }
}

/// One form from its cells in the template's column order
/// ([`crate::export::columns`]), read by the same parser and limits as a
/// file's row: a form settled field by field after a verification entry.
///
/// # Errors
/// The bad cells, as an import names them (row 2 of a one-form file).
pub fn form_from_cells(
    instrument: Instrument,
    cells: &[String],
) -> std::result::Result<FormData, TemplateError> {
    fn one<A: FormAnswers>(
        header: &[String],
        cells: &[String],
        wrap: impl Fn(A) -> Answers,
    ) -> std::result::Result<FormData, TemplateError> {
        let mut parser = TemplateParser::<A>::new(header)?;
        parser.push_row(2, cells);
        let (mut forms, _) = forms(parser.finish()?, wrap);
        forms.pop().ok_or(TemplateError::NoForms)
    }
    let header = crate::export::columns(instrument);
    match instrument {
        Instrument::Commitment => one::<CommitmentAnswers>(&header, cells, Answers::Commitment),
        Instrument::Satisfaction => {
            one::<SatisfactionAnswers>(&header, cells, Answers::Satisfaction)
        }
        Instrument::Culture => {
            one::<CultureForm>(&header, cells, |f| Answers::Culture(Box::new(f)))
        }
    }
}

/// The bad cells of a refused form, each named by its column's label as a
/// person reads it («Утверждение 2: «9» — ожидается …»): for a form
/// checked field by field (a settled verification, the network form).
/// A template column as a person reads it, whatever the questionnaire:
/// «Код анкеты», «Вопрос 4», «А.2, п. 3 …: в подразделении». Columns
/// `q1`…`q15` are named as the satisfaction questionnaire names them
/// («Вопрос»), which reads right for either.
pub fn column_label(column: &str) -> String {
    for instrument in [
        Instrument::Satisfaction,
        Instrument::Culture,
        Instrument::Commitment,
    ] {
        let columns = crate::export::columns(instrument);
        if let Some(i) = columns.iter().position(|x| x == column) {
            return klimat_core::template::column_labels(instrument)[i].clone();
        }
    }
    column.to_owned()
}

pub fn labelled_cell_errors(
    instrument: Instrument,
    cells: &[klimat_core::template::CellError],
) -> Vec<String> {
    let columns = crate::export::columns(instrument);
    let labels = klimat_core::template::column_labels(instrument);
    cells
        .iter()
        .map(|c| {
            let label = columns
                .iter()
                .position(|x| *x == c.column)
                .map_or(c.column.as_str(), |i| labels[i].as_str());
            format!("{label}: «{}» — {}", c.value, c.expected)
        })
        .collect()
}

fn forms<A>(data: Dataset<A>, wrap: impl Fn(A) -> Answers) -> (Vec<FormData>, Vec<u64>) {
    let name = |names: &[String], i: Option<u32>| i.map(|i| names[i as usize].clone());
    let rows = data.forms.iter().map(|f| f.row).collect();
    let forms = data
        .forms
        .into_iter()
        .map(|f| FormData {
            code: f.code,
            tenure: f.tenure,
            subdivision: name(&data.subdivisions, f.subdivision),
            position: name(&data.positions, f.position),
            answers: wrap(f.answers),
        })
        .collect();
    (forms, rows)
}

/// Reads an import or exchange file from disk, refusing one larger than
/// [`limits::MAX_FILE_BYTES`] before reading it.
///
/// # Errors
/// [`StoreError::TooLarge`], or the I/O error.
pub fn read_file(path: &std::path::Path) -> Result<Vec<u8>> {
    use std::io::Read;
    let file = std::fs::File::open(path)?;
    if file.metadata()?.len() > limits::MAX_FILE_BYTES {
        return Err(StoreError::TooLarge(crate::text::FILE_TOO_LARGE));
    }
    let mut bytes = Vec::new();
    // `take` also holds if the file grows while it is read.
    file.take(limits::MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limits::MAX_FILE_BYTES {
        return Err(StoreError::TooLarge(crate::text::FILE_TOO_LARGE));
    }
    Ok(bytes)
}

/// One worksheet row: the cells as the text a CSV would hold, and the cells
/// that hold a value that is not text or a number.
#[derive(Debug, Default)]
struct SheetRow {
    cells: Vec<String>,
    flaws: Vec<(usize, &'static str)>,
}

impl Cells for SheetRow {
    fn cell(&self, i: usize) -> &str {
        self.cells.get(i).map_or("", String::as_str)
    }
    fn len(&self) -> usize {
        self.cells.len()
    }
    fn flaw(&self, i: usize) -> Option<&'static str> {
        self.flaws.iter().find(|(c, _)| *c == i).map(|(_, f)| *f)
    }
}

/// Limits of an XLSX file, checked on the compressed archive before the
/// workbook reader builds anything: the reader allocates the whole
/// rectangle from the first to the last cell, so one cell at XFD1048576
/// would ask for 500 GB, and a few megabytes of zip can unpack to
/// gigabytes.
mod xlsx_limits {
    /// All parts of the archive, unpacked.
    pub const MAX_UNPACKED_BYTES: u64 = 100 * 1024 * 1024;
    /// Parts of the archive.
    pub const MAX_ENTRIES: usize = 10_000;
    /// Columns of a sheet (the template has at most 68).
    pub const MAX_COLUMNS: u64 = 1_024;
    /// Cells of the rectangle a sheet spans: the reader keeps 32 bytes a
    /// cell and Klimat's rows 24 more, so 3 000 000 cells stay under 200 MB
    /// (10⁵ commitment forms are 1,9 million cells).
    pub const MAX_CELLS: u64 = 3_000_000;
}

/// What the pre-scan of an XLSX archive found.
#[derive(Debug, Default)]
struct XlsxScan {
    /// Some worksheet holds a formula.
    formulas: bool,
}

/// Checks the limits of [`xlsx_limits`] by unpacking the archive as a
/// stream (never trusting the sizes it declares) and reading the cell
/// references of every worksheet.
fn scan_xlsx(bytes: &[u8]) -> Result<XlsxScan> {
    use std::io::Read;
    use xlsx_limits::*;
    let broken = || StoreError::Xlsx(crate::text::XLSX_BROKEN.into());
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| broken())?;
    if archive.len() > MAX_ENTRIES {
        return Err(StoreError::TooLarge(crate::text::XLSX_TOO_LARGE));
    }
    let mut scan = XlsxScan::default();
    let mut unpacked = 0u64;
    let mut buf = vec![0u8; 64 * 1024];
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(|_| broken())?;
        let sheet = {
            let name = entry.name().map_err(|_| broken())?;
            name.starts_with("xl/worksheets/") && name.ends_with(".xml")
        };
        let mut refs = CellRefs::default();
        let mut carry: Vec<u8> = Vec::new();
        loop {
            let n = match entry.read(&mut buf) {
                Ok(0) => {
                    if sheet {
                        refs.feed(&carry, &mut scan, true);
                    }
                    break;
                }
                Ok(n) => n,
                Err(_) => return Err(broken()),
            };
            unpacked += n as u64;
            if unpacked > MAX_UNPACKED_BYTES {
                return Err(StoreError::TooLarge(crate::text::XLSX_TOO_LARGE));
            }
            if sheet {
                // The tail of the previous chunk keeps a reference that
                // straddles two chunks whole.
                carry.extend_from_slice(&buf[..n]);
                let keep = refs.feed(&carry, &mut scan, false);
                carry.drain(..carry.len() - keep);
                if refs.max_col > MAX_COLUMNS
                    || refs.max_col.saturating_mul(refs.max_row) > MAX_CELLS
                {
                    return Err(StoreError::TooLarge(crate::text::XLSX_TOO_LARGE));
                }
            }
        }
    }
    Ok(scan)
}

/// The largest row and column that the `r="B12"` attributes of a
/// worksheet's XML name.
#[derive(Debug, Default)]
struct CellRefs {
    max_row: u64,
    max_col: u64,
}

impl CellRefs {
    /// Reads the references in `xml`; returns how many bytes at its end
    /// may belong to a reference cut by the chunk boundary (none when
    /// `last`, the end of the part).
    fn feed(&mut self, xml: &[u8], scan: &mut XlsxScan, last: bool) -> usize {
        const TAIL: usize = 48;
        let mut i = 0;
        let end = xml.len();
        while i + 4 < end || (last && i < end) {
            let b = xml[i];
            if b == b'<' && (xml[i + 1..].starts_with(b"f>") || xml[i + 1..].starts_with(b"f ")) {
                scan.formulas = true;
            }
            if i + 4 >= end {
                i += 1;
                continue;
            }
            if matches!(b, b' ' | b'\t' | b'\n' | b'\r')
                && xml[i + 1] == b'r'
                && xml[i + 2] == b'='
                && matches!(xml[i + 3], b'"' | b'\'')
            {
                if end - i < TAIL && !last {
                    return end - i;
                }
                let mut j = i + 4;
                let mut col = 0u64;
                while j < end && xml[j].is_ascii_uppercase() {
                    col = col
                        .saturating_mul(26)
                        .saturating_add(u64::from(xml[j] - b'A' + 1));
                    j += 1;
                }
                let mut row = 0u64;
                while j < end && xml[j].is_ascii_digit() {
                    row = row
                        .saturating_mul(10)
                        .saturating_add(u64::from(xml[j] - b'0'));
                    j += 1;
                }
                self.max_row = self.max_row.max(row);
                self.max_col = self.max_col.max(col.max(1));
                i = j;
                continue;
            }
            i += 1;
        }
        if last { 0 } else { end - i }
    }
}

/// The first worksheet of an XLSX file as rows of text cells, with the
/// spreadsheet row number of the first row. A panic inside the XLSX reader
/// (calamine 0.38 overflows on absurd cell references when built with
/// overflow checks; found by the import_xlsx fuzz target) is a refused file,
/// not a crash.
fn xlsx_rows(bytes: &[u8]) -> Result<(u64, Vec<SheetRow>)> {
    let scan = scan_xlsx(bytes)?;
    std::panic::catch_unwind(|| read_xlsx_rows(bytes, &scan))
        .unwrap_or_else(|_| Err(StoreError::Xlsx(crate::text::XLSX_BROKEN.into())))
}

fn read_xlsx_rows(bytes: &[u8], scan: &XlsxScan) -> Result<(u64, Vec<SheetRow>)> {
    // The reader's own words are English and technical: the user is told
    // the file is damaged or not a workbook.
    let broken = || StoreError::Xlsx(crate::text::XLSX_BROKEN.into());
    let mut book: Xlsx<_> =
        open_workbook_from_rs(Cursor::new(bytes)).map_err(|_: calamine::XlsxError| broken())?;
    // The sheet Klimat's own files name «Анкеты», otherwise the first one.
    let names = book.sheet_names();
    let index = names
        .iter()
        .position(|n| n == crate::text::SHEET_FORMS)
        .unwrap_or(0);
    let name = names
        .get(index)
        .cloned()
        .ok_or_else(|| StoreError::Xlsx(crate::text::NO_SHEETS.into()))?;
    let range = book
        .worksheet_range_at(index)
        .ok_or_else(|| StoreError::Xlsx(crate::text::NO_SHEETS.into()))?
        .map_err(|_| broken())?;
    // Formulas are read only when the sheet has any: a formula whose result
    // was never saved (a file written by a program, not by Excel) reads as
    // an empty cell, and would be taken for "no answer".
    let formulas = if scan.formulas {
        Some(book.worksheet_formula(&name).map_err(|_| broken())?)
    } else {
        None
    };
    let (first_row, first_col) = range.start().unwrap_or((0, 0));
    let pad = first_col as usize;
    let rows = range
        .rows()
        .enumerate()
        .map(|(r, cells)| {
            let mut row = SheetRow {
                cells: Vec::with_capacity(pad + cells.len()),
                flaws: Vec::new(),
            };
            row.cells.extend(std::iter::repeat_n(String::new(), pad));
            for (c, cell) in cells.iter().enumerate() {
                let i = pad + c;
                let flaw = match cell {
                    Data::DateTime(_) | Data::DateTimeIso(_) | Data::DurationIso(_) => {
                        Some(crate::text::FLAW_DATE)
                    }
                    Data::Error(_) => Some(crate::text::FLAW_ERROR),
                    Data::Empty => formulas
                        .as_ref()
                        .and_then(|f| f.get_value((first_row + r as u32, first_col + c as u32)))
                        .filter(|f| !f.is_empty())
                        .map(|_| crate::text::FLAW_FORMULA),
                    _ => None,
                };
                if let Some(flaw) = flaw {
                    row.flaws.push((i, flaw));
                }
                row.cells.push(cell_text(cell));
            }
            row
        })
        .collect();
    Ok((u64::from(first_row) + 1, rows))
}

/// A cell as the text a CSV would hold: whole numbers without ".0".
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => d.to_string(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_references_are_read_across_chunks() {
        let mut refs = CellRefs::default();
        let mut scan = XlsxScan::default();
        let xml =
            br#"<row r="7"><c r="XFD1048576" t="n"><v>1</v></c></row><c r="B3"><f>1+1</f></c>"#;
        let keep = refs.feed(xml, &mut scan, false);
        assert!(
            keep > 0,
            "the reference near the end waits for the next chunk"
        );
        refs.feed(&xml[xml.len() - keep..], &mut scan, true);
        assert_eq!(refs.max_col, 16_384);
        assert_eq!(refs.max_row, 1_048_576);
        assert!(scan.formulas);
    }
}
