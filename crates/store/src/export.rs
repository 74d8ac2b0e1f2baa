//! Writing forms in the import template (CSV or XLSX) so that export →
//! import gives back the same forms, and the blank XLSX template with the
//! allowed values as data validation.

use klimat_core::Instrument;
use klimat_core::template::escape_formula;
use klimat_core::tenure::{CommitmentBand, FineBand, SatisfactionBand};
use klimat_core::text::methodology::{CULTURE_N7_ACTORS, CULTURE_N7_TECH};
use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DataValidationRule, Format, Formula, Workbook,
    Worksheet,
};

use crate::error::Result;
use crate::model::{Answers, FormData, SurveySettings};
use crate::text;

/// One template cell: text, or a number (XLSX writes it as a number).
#[derive(Clone, Debug, PartialEq)]
enum Cell {
    Text(String),
    Number(u8),
}

impl Cell {
    fn rating(r: u8) -> Cell {
        if r == 0 {
            Cell::Text(String::new())
        } else {
            Cell::Number(r)
        }
    }

    fn text(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Number(n) => n.to_string(),
        }
    }
}

pub use klimat_core::template::columns;

fn words(bits: u8, list: &[&str; 3]) -> String {
    (0..3)
        .filter(|i| bits >> i & 1 == 1)
        .map(|i| list[i])
        .collect::<Vec<_>>()
        .join("|")
}

/// A form's cells in the template's column order ([`columns`]), as the
/// template writes them: what a verification entry compares field by field.
pub fn cells(form: &FormData) -> Vec<String> {
    raw_row(form).iter().map(Cell::text).collect()
}

fn row(form: &FormData) -> Vec<Cell> {
    let mut out = raw_row(form);
    // A row of empty cells is skipped on import (docs/methodology.md, "The import template"), so an
    // all-blank form without code or demographics would vanish on the way
    // back. «Не указали стаж» says the same as the empty tenure cell and
    // keeps the row.
    if out.iter().all(|c| c.text().is_empty()) {
        out[1] = Cell::Text(klimat_core::text::ru::UNKNOWN_TENURE.to_owned());
    }
    out
}

fn raw_row(form: &FormData) -> Vec<Cell> {
    let mut out = vec![
        Cell::Text(form.code.clone()),
        Cell::Text(form.tenure.template_value()),
        Cell::Text(form.subdivision.clone().unwrap_or_default()),
        Cell::Text(form.position.clone().unwrap_or_default()),
    ];
    match &form.answers {
        Answers::Commitment(a) => out.extend(a.0.iter().map(|&v| Cell::rating(v))),
        Answers::Satisfaction(a) => {
            out.extend(a.0.iter().map(|c| Cell::Text(c.letter().to_owned())))
        }
        Answers::Culture(f) => {
            for sides in &f.open {
                out.extend(sides.iter().map(|s| Cell::Text(s.clone())));
            }
            for p in &f.cohesion {
                out.extend([Cell::rating(p.sub), Cell::rating(p.org)]);
            }
            out.push(Cell::Text(f.cohesion_other.clone()));
            for p in &f.level {
                out.extend([Cell::rating(p.sub), Cell::rating(p.org)]);
            }
            out.extend(f.negative.iter().map(|&r| Cell::rating(r)));
            out.push(Cell::Text(words(f.n7_actors, &CULTURE_N7_ACTORS)));
            out.push(Cell::Text(words(f.n7_tech, &CULTURE_N7_TECH)));
            out.push(Cell::Text(f.negative_other.clone()));
        }
    }
    out
}

/// The forms as a CSV template: UTF-8 with BOM (so that Excel reads the
/// Cyrillic), comma-separated, header row first.
///
/// # Errors
/// Only if writing to memory fails.
pub fn to_csv(instrument: Instrument, forms: &[FormData]) -> Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(b"\xef\xbb\xbf".to_vec());
    w.write_record(columns(instrument))
        .map_err(std::io::Error::other)?;
    for f in forms {
        // A text a spreadsheet would evaluate («=HYPERLINK(…)», «@SUM(…)»)
        // gets a leading apostrophe (OWASP, CSV injection); the import
        // takes it off again, so the round trip keeps the text.
        let cells: Vec<String> = row(f)
            .iter()
            .map(|c| escape_formula(&c.text()).into_owned())
            .collect();
        w.write_record(&cells).map_err(std::io::Error::other)?;
    }
    w.into_inner()
        .map_err(|e| std::io::Error::other(e.to_string()).into())
}

/// The forms as an XLSX template: one sheet, ratings as numbers, every
/// text as a string (a respondent's "=1+1" stays text).
///
/// # Errors
/// When the workbook cannot be assembled.
pub fn to_xlsx(instrument: Instrument, forms: &[FormData]) -> Result<Vec<u8>> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let sheet = book.add_worksheet();
    sheet.set_name(text::SHEET_FORMS)?;
    for (c, name) in columns(instrument).iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, name, &bold)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    for (r, f) in forms.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row(f).iter().enumerate() {
            match cell {
                Cell::Text(s) if s.is_empty() => {}
                Cell::Text(s) => {
                    sheet.write_string(r, c as u16, s)?;
                }
                Cell::Number(n) => {
                    sheet.write_number(r, c as u16, f64::from(*n))?;
                }
            }
        }
    }
    Ok(book.save_to_buffer()?)
}

/// A culture column that holds a 1–5 rating.
fn is_culture_rating(name: &str) -> bool {
    name.ends_with("_sub")
        || name.ends_with("_org")
        || (name.starts_with('n') && name[1..].parse::<u8>().is_ok())
}

/// Rows of the blank template that carry data validation.
const TEMPLATE_ROWS: u32 = 5000;

/// The blank XLSX template of `instrument` for a survey: the header, drop-down
/// lists of the allowed values (tenure labels, the survey's subdivisions and
/// positions, answer letters) and whole-number limits on ratings, plus a
/// sheet of explanations.
///
/// # Errors
/// When the workbook cannot be assembled.
pub fn blank_template(instrument: Instrument, survey: &SurveySettings) -> Result<Vec<u8>> {
    let cols = columns(instrument);
    let tenure_labels: Vec<&str> = match instrument {
        Instrument::Commitment => CommitmentBand::ALL.iter().map(|b| b.label()).collect(),
        Instrument::Satisfaction => SatisfactionBand::ALL.iter().map(|b| b.label()).collect(),
        Instrument::Culture => FineBand::ALL.iter().map(|b| b.label()).collect(),
    };
    let bold = Format::new().set_bold();

    // The lists live on a hidden sheet: Excel limits inline lists to 255
    // characters. The forms sheet comes first, as import reads it.
    let lists_name = "Списки";
    let mut lists = Worksheet::new();
    lists.set_name(lists_name)?;
    for (col, values) in [
        tenure_labels
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>(),
        survey.subdivisions.clone(),
        survey.positions.clone(),
    ]
    .iter()
    .enumerate()
    {
        for (r, v) in values.iter().enumerate() {
            lists.write_string(r as u32, col as u16, v)?;
        }
    }
    lists.set_hidden(true);
    let list_formula =
        |col: char, n: usize| Formula::new(format!("='{lists_name}'!${col}$1:${col}${n}"));

    let mut sheet = Worksheet::new();
    sheet.set_name(text::SHEET_FORMS)?;
    for (c, name) in cols.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, name, &bold)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    let last = TEMPLATE_ROWS;
    let tenure = DataValidation::new()
        .allow_list_formula(list_formula('A', tenure_labels.len()))
        // A number of years is also accepted, so a value off the list only warns.
        .set_error_style(DataValidationErrorStyle::Information);
    sheet.add_data_validation(1, 1, last, 1, &tenure)?;
    if !survey.subdivisions.is_empty() {
        let v =
            DataValidation::new().allow_list_formula(list_formula('B', survey.subdivisions.len()));
        sheet.add_data_validation(1, 2, last, 2, &v)?;
    }
    if !survey.positions.is_empty() {
        let v = DataValidation::new().allow_list_formula(list_formula('C', survey.positions.len()));
        sheet.add_data_validation(1, 3, last, 3, &v)?;
    }
    for (c, name) in cols.iter().enumerate().skip(4) {
        let c = c as u16;
        let validation = match instrument {
            Instrument::Satisfaction => {
                Some(DataValidation::new().allow_list_strings(&["а", "б", "в"])?)
            }
            // 0 is also a blank (Table Б.2).
            Instrument::Commitment => {
                Some(DataValidation::new().allow_whole_number(DataValidationRule::Between(0, 5)))
            }
            Instrument::Culture if is_culture_rating(name) => {
                Some(DataValidation::new().allow_whole_number(DataValidationRule::Between(1, 5)))
            }
            Instrument::Culture => None,
        };
        if let Some(v) = validation {
            sheet.add_data_validation(1, c, last, c, &v)?;
        }
    }

    let mut help = Worksheet::new();
    help.set_name(text::SHEET_HELP)?;
    let mut lines: Vec<&str> = text::TEMPLATE_HELP.to_vec();
    lines.push(match instrument {
        Instrument::Commitment => text::TEMPLATE_HELP_COMMITMENT,
        Instrument::Satisfaction => text::TEMPLATE_HELP_SATISFACTION,
        Instrument::Culture => text::TEMPLATE_HELP_CULTURE,
    });
    for (r, line) in lines.iter().enumerate() {
        help.write_string(r as u32, 0, *line)?;
    }
    help.set_column_width(0, 120)?;

    let mut book = Workbook::new();
    book.push_worksheet(sheet);
    book.push_worksheet(help);
    book.push_worksheet(lists);
    Ok(book.save_to_buffer()?)
}
