//! Reading the import template (SPEC.md §4) from CSV or XLSX into forms.
//! Validation is the core's [`TemplateParser`]; this module only turns files
//! into rows of text cells and picks the instrument.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use klimat_core::Instrument;
use klimat_core::commitment::CommitmentAnswers;
use klimat_core::culture::CultureForm;
use klimat_core::satisfaction::SatisfactionAnswers;
use klimat_core::template::{Dataset, FormAnswers, TemplateError, TemplateParser, parse_csv};

use crate::error::{Result, StoreError};
use crate::model::{Answers, FormData};

/// The forms of one template file.
#[derive(Debug, Clone, PartialEq)]
pub struct TemplateFile {
    /// The instrument the columns belong to.
    pub instrument: Instrument,
    /// The forms, in file order.
    pub forms: Vec<FormData>,
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
                .map(|d| forms(d, Answers::Commitment)),
            Instrument::Satisfaction => parse::<SatisfactionAnswers>(bytes, rows.as_ref())
                .map(|d| forms(d, Answers::Satisfaction)),
            Instrument::Culture => parse::<CultureForm>(bytes, rows.as_ref())
                .map(|d| forms(d, |f| Answers::Culture(Box::new(f)))),
        };
        match result {
            Ok(forms) => {
                return Ok(TemplateFile {
                    instrument: candidate,
                    forms,
                });
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

fn parse<A: FormAnswers>(
    bytes: &[u8],
    rows: Option<&(u64, Vec<Vec<String>>)>,
) -> std::result::Result<Dataset<A>, TemplateError> {
    match rows {
        None => parse_csv(bytes),
        Some((first_row, rows)) => {
            let (header, body) = rows.split_first().ok_or(TemplateError::Empty)?;
            let mut parser = TemplateParser::<A>::new(header.as_slice())?;
            for (i, row) in body.iter().enumerate() {
                parser.push_row(first_row + 1 + i as u64, row.as_slice());
            }
            parser.finish()
        }
    }
}

fn forms<A>(data: Dataset<A>, wrap: impl Fn(A) -> Answers) -> Vec<FormData> {
    let name = |names: &[String], i: Option<u32>| i.map(|i| names[i as usize].clone());
    data.forms
        .into_iter()
        .map(|f| FormData {
            code: f.code,
            tenure: f.tenure,
            subdivision: name(&data.subdivisions, f.subdivision),
            position: name(&data.positions, f.position),
            answers: wrap(f.answers),
        })
        .collect()
}

/// The first worksheet of an XLSX file as rows of text cells, with the
/// spreadsheet row number of the first row. A panic inside the XLSX reader
/// (calamine 0.38 overflows on absurd cell references when built with
/// overflow checks; found by the import_xlsx fuzz target) is a refused file,
/// not a crash.
fn xlsx_rows(bytes: &[u8]) -> Result<(u64, Vec<Vec<String>>)> {
    std::panic::catch_unwind(|| read_xlsx_rows(bytes))
        .unwrap_or_else(|_| Err(StoreError::Xlsx(crate::text::XLSX_BROKEN.into())))
}

fn read_xlsx_rows(bytes: &[u8]) -> Result<(u64, Vec<Vec<String>>)> {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e: calamine::XlsxError| StoreError::Xlsx(e.to_string()))?;
    // The sheet Klimat's own files name «Анкеты», otherwise the first one.
    let names = book.sheet_names();
    let index = names
        .iter()
        .position(|n| n == crate::text::SHEET_FORMS)
        .unwrap_or(0);
    let range = book
        .worksheet_range_at(index)
        .ok_or_else(|| StoreError::Xlsx(crate::text::NO_SHEETS.into()))?
        .map_err(|e| StoreError::Xlsx(e.to_string()))?;
    let (first_row, first_col) = range.start().unwrap_or((0, 0));
    let pad = first_col as usize;
    let rows = range
        .rows()
        .map(|r| {
            std::iter::repeat_n(String::new(), pad)
                .chain(r.iter().map(cell_text))
                .collect()
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
