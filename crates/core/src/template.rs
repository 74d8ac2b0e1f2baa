//! The import template of SPEC.md §4: header matching, cell validation and
//! the forms it yields, for CSV bytes here and for any other row source
//! (XLSX in the store crate) through [`TemplateParser`].
//!
//! Parsing is all-or-nothing: [`TemplateParser::finish`] returns either every
//! form or every bad cell, never a part of the file.

use std::collections::HashMap;
use std::fmt;

use crate::commitment::CommitmentAnswers;
use crate::culture::{CultureForm, RatingPair};
use crate::satisfaction::{Choice, SatisfactionAnswers};
use crate::tenure::{Tenure, TenureNeed, parse_tenure};
use crate::text::{methodology, ru};
use crate::{Instrument, commitment, culture, satisfaction};

/// The answers of one instrument, as read from template cells.
pub trait FormAnswers: Sized {
    /// The instrument these answers belong to.
    const INSTRUMENT: Instrument;

    /// The answer columns of the template, in a fixed order.
    fn columns() -> Vec<String>;

    /// Reads the answers from `cell(i)`, the cell of the i-th name of
    /// [`FormAnswers::columns`]. Each bad cell is passed to `bad` with the
    /// column index and what was expected; the value returned then does not
    /// matter.
    fn parse<'c>(cell: impl Fn(usize) -> &'c str, bad: &mut dyn FnMut(usize, &'static str))
    -> Self;
}

/// One form read from a file.
#[derive(Clone, Debug, PartialEq)]
pub struct Form<A> {
    /// The row of the file it came from (the header is row 1).
    pub row: u64,
    /// The form code, as written (trimmed); may be empty.
    pub code: String,
    /// Tenure.
    pub tenure: Tenure,
    /// Index into [`Dataset::subdivisions`], `None` when not given.
    pub subdivision: Option<u32>,
    /// Index into [`Dataset::positions`], `None` when not given.
    pub position: Option<u32>,
    /// The answers.
    pub answers: A,
}

/// The forms of one file, with subdivision and position names interned.
#[derive(Clone, Debug, PartialEq)]
pub struct Dataset<A> {
    /// Distinct subdivision names in order of first appearance.
    pub subdivisions: Vec<String>,
    /// Distinct position categories in order of first appearance.
    pub positions: Vec<String>,
    /// The forms, in file order.
    pub forms: Vec<Form<A>>,
}

impl<A> Default for Dataset<A> {
    fn default() -> Self {
        Self {
            subdivisions: Vec::new(),
            positions: Vec::new(),
            forms: Vec::new(),
        }
    }
}

impl<A> Dataset<A> {
    /// The subdivision name of a form, if any.
    pub fn subdivision_of(&self, form: &Form<A>) -> Option<&str> {
        form.subdivision
            .map(|i| self.subdivisions[i as usize].as_str())
    }

    /// The position category of a form, if any.
    pub fn position_of(&self, form: &Form<A>) -> Option<&str> {
        form.position.map(|i| self.positions[i as usize].as_str())
    }
}

/// One bad cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellError {
    /// The row of the file (the header is row 1).
    pub row: u64,
    /// The column name as the template names it.
    pub column: String,
    /// The value found.
    pub value: String,
    /// What was expected, in Russian.
    pub expected: &'static str,
}

/// Why a template file was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TemplateError {
    /// The file holds no header row.
    Empty,
    /// The CSV structure itself is broken at a row.
    Malformed {
        /// The row, header = 1.
        row: u64,
        /// What the CSV reader said.
        detail: String,
    },
    /// Answer columns the instrument needs are absent.
    MissingColumns(Vec<String>),
    /// A column name appears twice.
    DuplicateColumn(String),
    /// Bad cells; nothing was read.
    Cells(Vec<CellError>),
}

impl std::error::Error for TemplateError {}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TemplateError::Empty => f.write_str(ru::ERR_EMPTY_FILE),
            TemplateError::Malformed { row, detail } => {
                write!(f, "{} {row}: {detail}", ru::ERR_MALFORMED_ROW)
            }
            TemplateError::MissingColumns(cols) => {
                write!(f, "{} {}", ru::ERR_MISSING_COLUMNS, quoted_list(cols))
            }
            TemplateError::DuplicateColumn(col) => {
                write!(f, "{} «{col}»", ru::ERR_DUPLICATE_COLUMN)
            }
            TemplateError::Cells(cells) => {
                let rows = {
                    let mut r: Vec<u64> = cells.iter().map(|c| c.row).collect();
                    r.dedup();
                    r.len()
                };
                writeln!(f, "{} {}", ru::ERR_BAD_ROWS, rows)?;
                for c in cells {
                    writeln!(
                        f,
                        "{} {}, {} «{}»: {} «{}» — {}",
                        ru::ROW,
                        c.row,
                        ru::COLUMN,
                        c.column,
                        ru::VALUE,
                        c.value,
                        c.expected
                    )?;
                }
                Ok(())
            }
        }
    }
}

fn quoted_list(cols: &[String]) -> String {
    cols.iter()
        .map(|c| format!("«{c}»"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Where the template's columns are in a file.
#[derive(Clone, Debug)]
struct Columns {
    code: Option<usize>,
    tenure: Option<usize>,
    subdivision: Option<usize>,
    position: Option<usize>,
    answers: Vec<usize>,
    names: Vec<String>,
}

impl Columns {
    fn resolve<A: FormAnswers>(header: &[&str]) -> Result<Columns, TemplateError> {
        let names = A::columns();
        let known = |n: &str| {
            matches!(n, "code" | "tenure" | "subdivision" | "position")
                || names.iter().any(|c| c == n)
        };
        let mut by_name = HashMap::new();
        for (i, raw) in header.iter().enumerate() {
            let name = raw
                .trim()
                .trim_start_matches('\u{feff}')
                .trim()
                .to_lowercase();
            // Unknown columns are ignored, even when their names repeat.
            if !known(&name) {
                continue;
            }
            if by_name.insert(name, i).is_some() {
                return Err(TemplateError::DuplicateColumn(raw.trim().to_owned()));
            }
        }
        let missing: Vec<String> = names
            .iter()
            .filter(|n| !by_name.contains_key(n.as_str()))
            .cloned()
            .collect();
        if !missing.is_empty() {
            return Err(TemplateError::MissingColumns(missing));
        }
        Ok(Columns {
            code: by_name.get("code").copied(),
            tenure: by_name.get("tenure").copied(),
            subdivision: by_name.get("subdivision").copied(),
            position: by_name.get("position").copied(),
            answers: names.iter().map(|n| by_name[n.as_str()]).collect(),
            names,
        })
    }
}

/// A row of cells from any source.
pub trait Cells {
    /// The cell at `i`, or "" past the end of the row.
    fn cell(&self, i: usize) -> &str;
    /// Number of cells.
    fn len(&self) -> usize;
    /// True when the row has no cells.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Cells for csv::StringRecord {
    fn cell(&self, i: usize) -> &str {
        self.get(i).unwrap_or("")
    }
    fn len(&self) -> usize {
        csv::StringRecord::len(self)
    }
}

impl<S: AsRef<str>> Cells for [S] {
    fn cell(&self, i: usize) -> &str {
        self.get(i).map_or("", AsRef::as_ref)
    }
    fn len(&self) -> usize {
        <[S]>::len(self)
    }
}

/// Reads template rows one at a time, collecting forms or errors.
#[derive(Debug)]
pub struct TemplateParser<A> {
    columns: Columns,
    need: TenureNeed,
    dataset: Dataset<A>,
    subdivision_index: HashMap<String, u32>,
    position_index: HashMap<String, u32>,
    errors: Vec<CellError>,
}

impl<A: FormAnswers> TemplateParser<A> {
    /// Matches the header row (case-insensitively, any order, unknown
    /// columns ignored).
    ///
    /// # Errors
    /// [`TemplateError::MissingColumns`] when an answer column is absent,
    /// [`TemplateError::DuplicateColumn`] when a name repeats.
    pub fn new(header: &(impl Cells + ?Sized)) -> Result<Self, TemplateError> {
        let names: Vec<&str> = (0..header.len()).map(|i| header.cell(i)).collect();
        Ok(Self {
            columns: Columns::resolve::<A>(&names)?,
            need: match A::INSTRUMENT {
                Instrument::Commitment => TenureNeed::Commitment,
                Instrument::Satisfaction => TenureNeed::Satisfaction,
                Instrument::Culture => TenureNeed::Any,
            },
            dataset: Dataset::default(),
            subdivision_index: HashMap::new(),
            position_index: HashMap::new(),
            errors: Vec::new(),
        })
    }

    /// Reads one data row; `row` is its number in the file (header = 1). A
    /// row whose cells are all empty is skipped.
    pub fn push_row(&mut self, row: u64, cells: &(impl Cells + ?Sized)) {
        if (0..cells.len()).all(|i| cells.cell(i).trim().is_empty()) {
            return;
        }
        let cols = &self.columns;
        let get = |c: Option<usize>| c.map_or("", |i| cells.cell(i).trim());
        let errors_before = self.errors.len();
        let errors = &mut self.errors;
        let tenure_cell = get(cols.tenure);
        let tenure = parse_tenure(tenure_cell, self.need).unwrap_or_else(|| {
            errors.push(CellError {
                row,
                column: "tenure".into(),
                value: tenure_cell.to_owned(),
                expected: match self.need {
                    TenureNeed::Commitment => ru::EXPECTED_TENURE_COMMITMENT,
                    TenureNeed::Satisfaction => ru::EXPECTED_TENURE_SATISFACTION,
                    TenureNeed::Any => ru::EXPECTED_TENURE_ANY,
                },
            });
            Tenure::Unknown
        });
        let answers = A::parse(|i| cells.cell(cols.answers[i]), &mut |i, expected| {
            errors.push(CellError {
                row,
                column: cols.names[i].clone(),
                value: cells.cell(cols.answers[i]).to_owned(),
                expected,
            })
        });
        if self.errors.len() > errors_before {
            return;
        }
        let subdivision = intern(
            get(cols.subdivision),
            &mut self.subdivision_index,
            &mut self.dataset.subdivisions,
        );
        let position = intern(
            get(cols.position),
            &mut self.position_index,
            &mut self.dataset.positions,
        );
        self.dataset.forms.push(Form {
            row,
            code: get(cols.code).to_owned(),
            tenure,
            subdivision,
            position,
            answers,
        });
    }

    /// Errors found so far.
    pub fn error_count(&self) -> usize {
        self.errors.len()
    }

    /// Every form, or every bad cell.
    ///
    /// # Errors
    /// [`TemplateError::Cells`] when any row was bad.
    pub fn finish(self) -> Result<Dataset<A>, TemplateError> {
        if self.errors.is_empty() {
            Ok(self.dataset)
        } else {
            Err(TemplateError::Cells(self.errors))
        }
    }
}

fn intern(name: &str, index: &mut HashMap<String, u32>, names: &mut Vec<String>) -> Option<u32> {
    if name.is_empty() {
        return None;
    }
    if let Some(&i) = index.get(name) {
        return Some(i);
    }
    let i = names.len() as u32;
    names.push(name.to_owned());
    index.insert(name.to_owned(), i);
    Some(i)
}

/// Parses a CSV template: UTF-8 with or without BOM (a file that is not
/// UTF-8 is read as Windows-1251, the encoding Excel uses for CSV on Russian
/// Windows), comma or semicolon as chosen by the header row.
///
/// # Errors
/// Any [`TemplateError`]; nothing is returned from a file with a bad row.
pub fn parse_csv<A: FormAnswers>(bytes: &[u8]) -> Result<Dataset<A>, TemplateError> {
    let text = decode(bytes);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(detect_delimiter(text))
        .from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    let mut row = 1u64;
    let read = |reader: &mut csv::Reader<&[u8]>, record: &mut csv::StringRecord, row: u64| {
        reader
            .read_record(record)
            .map_err(|e| TemplateError::Malformed {
                row,
                detail: e.to_string(),
            })
    };
    if !read(&mut reader, &mut record, row)? {
        return Err(TemplateError::Empty);
    }
    let mut parser = TemplateParser::<A>::new(&record)?;
    loop {
        row += 1;
        if !read(&mut reader, &mut record, row)? {
            break;
        }
        parser.push_row(row, &record);
    }
    parser.finish()
}

/// Semicolon when the header row has more semicolons than commas (outside
/// quotes), comma otherwise.
fn detect_delimiter(text: &str) -> u8 {
    let (mut commas, mut semicolons, mut quoted) = (0, 0, false);
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            ',' if !quoted => commas += 1,
            ';' if !quoted => semicolons += 1,
            _ => {}
        }
    }
    if semicolons > commas { b';' } else { b',' }
}

fn decode(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(s) => std::borrow::Cow::Borrowed(s),
        Err(_) => std::borrow::Cow::Owned(bytes.iter().map(|&b| cp1251(b)).collect()),
    }
}

/// Windows-1251 to Unicode.
fn cp1251(b: u8) -> char {
    const HIGH: &str =
        "ЂЃ‚ѓ„…†‡€‰Љ‹ЊЌЋЏђ‘’“”•–—\u{fffd}™љ›њќћџ\u{a0}ЎўЈ¤Ґ¦§Ё©Є«¬\u{ad}®Ї°±Ііґµ¶·ё№є»јЅѕї";
    match b {
        0..=0x7f => char::from(b),
        0xc0..=0xff => char::from_u32(0x410 + u32::from(b - 0xc0)).unwrap_or('\u{fffd}'),
        _ => HIGH
            .chars()
            .nth(usize::from(b - 0x80))
            .unwrap_or('\u{fffd}'),
    }
}

impl FormAnswers for CommitmentAnswers {
    const INSTRUMENT: Instrument = Instrument::Commitment;

    fn columns() -> Vec<String> {
        (1..=commitment::ITEMS).map(|i| format!("q{i}")).collect()
    }

    fn parse<'c>(
        cell: impl Fn(usize) -> &'c str,
        bad: &mut dyn FnMut(usize, &'static str),
    ) -> Self {
        let mut points = [0u8; commitment::ITEMS];
        for (i, p) in points.iter_mut().enumerate() {
            *p = match cell(i).trim().as_bytes() {
                [] => 0,
                [d @ b'0'..=b'5'] => d - b'0',
                _ => {
                    bad(i, ru::EXPECTED_COMMITMENT_ANSWER);
                    0
                }
            };
        }
        CommitmentAnswers(points)
    }
}

impl FormAnswers for SatisfactionAnswers {
    const INSTRUMENT: Instrument = Instrument::Satisfaction;

    fn columns() -> Vec<String> {
        (1..=satisfaction::ITEMS).map(|i| format!("q{i}")).collect()
    }

    fn parse<'c>(
        cell: impl Fn(usize) -> &'c str,
        bad: &mut dyn FnMut(usize, &'static str),
    ) -> Self {
        let mut answers = [Choice::Blank; satisfaction::ITEMS];
        for (i, a) in answers.iter_mut().enumerate() {
            *a = Choice::parse(cell(i)).unwrap_or_else(|| {
                bad(i, ru::EXPECTED_SATISFACTION_ANSWER);
                Choice::Blank
            });
        }
        SatisfactionAnswers(answers)
    }
}

/// The culture columns of SPEC.md §4, in the order [`CultureForm`] is read.
fn culture_columns() -> Vec<String> {
    let mut c = Vec::with_capacity(64);
    for q in 1..=culture::OPEN_QUESTIONS {
        c.push(format!("o{q}_pos"));
        c.push(format!("o{q}_neg"));
    }
    for i in 1..=culture::COHESION_ITEMS {
        c.push(format!("c{i}_sub"));
        c.push(format!("c{i}_org"));
    }
    c.push("c15_text".into());
    for i in 1..=culture::LEVEL_ITEMS {
        c.push(format!("l{i}_sub"));
        c.push(format!("l{i}_org"));
    }
    for i in 1..=culture::NEGATIVE_ITEMS {
        c.push(format!("n{i}"));
    }
    c.extend(["n7_actors".into(), "n7_tech".into(), "n8_text".into()]);
    c
}

impl FormAnswers for CultureForm {
    const INSTRUMENT: Instrument = Instrument::Culture;

    fn columns() -> Vec<String> {
        culture_columns()
    }

    fn parse<'c>(
        cell: impl Fn(usize) -> &'c str,
        bad: &mut dyn FnMut(usize, &'static str),
    ) -> Self {
        let mut next = 0usize;
        let mut take = || {
            next += 1;
            next - 1
        };
        let mut form = CultureForm::default();
        for sides in &mut form.open {
            for side in sides.iter_mut() {
                *side = cell(take()).trim().to_owned();
            }
        }
        // As on the commitment form, 0 is read as "no answer": the culture
        // form's ratings use the same 1–5 circles (Tables А.2–А.4).
        let rating =
            |i: usize, bad: &mut dyn FnMut(usize, &'static str)| match cell(i).trim().as_bytes() {
                [] => 0,
                [d @ b'0'..=b'5'] => d - b'0',
                _ => {
                    bad(i, ru::EXPECTED_CULTURE_RATING);
                    0
                }
            };
        for pair in &mut form.cohesion {
            let (s, o) = (take(), take());
            *pair = RatingPair {
                sub: rating(s, bad),
                org: rating(o, bad),
            };
        }
        form.cohesion_other = cell(take()).trim().to_owned();
        for pair in &mut form.level {
            let (s, o) = (take(), take());
            *pair = RatingPair {
                sub: rating(s, bad),
                org: rating(o, bad),
            };
        }
        for r in &mut form.negative {
            *r = rating(take(), bad);
        }
        let list =
            |i: usize, words: &[&str], expected, bad: &mut dyn FnMut(usize, &'static str)| {
                let mut bits = 0u8;
                for part in cell(i).split('|').map(str::trim).filter(|p| !p.is_empty()) {
                    let part = culture::fold(part);
                    match words.iter().position(|w| *w == part) {
                        Some(k) => bits |= 1 << k,
                        None => bad(i, expected),
                    }
                }
                bits
            };
        let actors = take();
        form.n7_actors = list(
            actors,
            &methodology::CULTURE_N7_ACTORS,
            ru::EXPECTED_N7_ACTORS,
            bad,
        );
        let tech = take();
        form.n7_tech = list(
            tech,
            &methodology::CULTURE_N7_TECH,
            ru::EXPECTED_N7_TECH,
            bad,
        );
        form.negative_other = cell(take()).trim().to_owned();
        form
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cp1251_maps_cyrillic_and_belarusian_letters() {
        assert_eq!(cp1251(0xc0), 'А');
        assert_eq!(cp1251(0xff), 'я');
        assert_eq!(cp1251(0xa8), 'Ё');
        assert_eq!(cp1251(0xb8), 'ё');
        assert_eq!(cp1251(0xa1), 'Ў');
        assert_eq!(cp1251(0xb3), 'і');
        assert_eq!(cp1251(0xb9), '№');
    }

    #[test]
    fn delimiter_follows_the_header() {
        assert_eq!(detect_delimiter("code;tenure;q1\n1,5;2;3"), b';');
        assert_eq!(detect_delimiter("code,tenure,q1\n1;2;3"), b',');
        assert_eq!(detect_delimiter("\"a;b\",c\n"), b',');
    }

    #[test]
    fn culture_has_the_sixty_four_columns_of_spec_section_4() {
        let c = culture_columns();
        assert_eq!(c.len(), 64);
        assert_eq!(c[0], "o1_pos");
        assert_eq!(c[46], "c15_text");
        assert_eq!(c[63], "n8_text");
    }
}
