//! The import template (docs/methodology.md, "The import template"): header
//! matching, cell validation and the forms it yields, for CSV bytes here and
//! for any other row source (XLSX in the store crate) through
//! [`TemplateParser`].
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

/// Limits on what a template file may hold. They are checked before
/// anything large is built from a file, so that no input can exhaust the
/// memory of the process, and so that every stored text fits the XLSX and
/// the report it will be written to (Excel's ceiling is 32 767 characters
/// a cell).
pub mod limits {
    /// The largest import or exchange file, in bytes.
    pub const MAX_FILE_BYTES: u64 = 100 * 1024 * 1024;
    /// The most data rows a file may hold.
    pub const MAX_ROWS: u64 = 1_000_000;
    /// The longest form code, in characters («Анкета 017»).
    pub const MAX_CODE_CHARS: usize = 64;
    /// The longest subdivision or position name, or tenure cell.
    pub const MAX_NAME_CHARS: usize = 200;
    /// The longest free-text answer: a 700-word answer is about 5 000
    /// characters.
    pub const MAX_TEXT_CHARS: usize = 10_000;
    /// How many bad cells a refusal lists; the others are only counted.
    pub const MAX_LISTED_ERRORS: usize = 500;
    /// How much of a bad value an error message quotes.
    pub const QUOTED_VALUE_CHARS: usize = 60;
}

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
    Cells {
        /// The bad cells, at most [`limits::MAX_LISTED_ERRORS`] of them.
        cells: Vec<CellError>,
        /// Bad cells found beyond those listed.
        more: u64,
    },
    /// Bytes that are neither UTF-8 nor Windows-1251 text: most often a
    /// UTF-8 file damaged at one place.
    BadEncoding {
        /// The line of the file with the first bad byte.
        row: u64,
    },
    /// A header and no form.
    NoForms,
    /// The file exceeds a limit of [`limits`]; the message says which.
    TooLarge(&'static str),
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
            TemplateError::Cells { cells, more } => {
                let rows = {
                    let mut r: Vec<u64> = cells.iter().map(|c| c.row).collect();
                    r.dedup();
                    r.len()
                };
                if *more == 0 {
                    writeln!(f, "{} {}", ru::ERR_BAD_ROWS, rows)?;
                } else {
                    writeln!(f, "{}", ru::ERR_BAD_ROWS_MANY)?;
                }
                for c in cells {
                    if c.column.is_empty() {
                        writeln!(f, "{} {}: {} («{}»)", ru::ROW, c.row, c.expected, c.value)?;
                    } else {
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
                }
                if *more > 0 {
                    writeln!(f, "{} {more}.", ru::ERR_MORE_ERRORS)?;
                }
                Ok(())
            }
            TemplateError::BadEncoding { row } => {
                write!(
                    f,
                    "{} {row}. {}",
                    ru::ERR_BAD_ENCODING,
                    ru::ERR_BAD_ENCODING_HINT
                )
            }
            TemplateError::NoForms => f.write_str(ru::ERR_NO_FORMS),
            TemplateError::TooLarge(what) => f.write_str(what),
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
    /// Why the cell at `i` cannot be read as text or a number although it
    /// has a value (a date, a formula whose result was never saved, an
    /// error value of a spreadsheet); `None` for a plain cell.
    fn flaw(&self, _i: usize) -> Option<&'static str> {
        None
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
    header_len: usize,
    need: TenureNeed,
    dataset: Dataset<A>,
    subdivision_index: HashMap<String, u32>,
    position_index: HashMap<String, u32>,
    errors: Vec<CellError>,
    more_errors: u64,
    rows: u64,
    /// CSV cells may carry the leading apostrophe that Klimat's own CSV
    /// export puts before a formula-like text (see [`escape_formula`]).
    unescape: bool,
}

/// The first [`limits::QUOTED_VALUE_CHARS`] characters of a value, for an
/// error message.
pub fn quote_value(value: &str) -> String {
    let mut chars = value.chars();
    let mut out: String = chars.by_ref().take(limits::QUOTED_VALUE_CHARS).collect();
    if chars.next().is_some() {
        out.push('…');
    }
    out
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
            header_len: names.len(),
            need: match A::INSTRUMENT {
                Instrument::Commitment => TenureNeed::Commitment,
                Instrument::Satisfaction => TenureNeed::Satisfaction,
                Instrument::Culture => TenureNeed::Any,
            },
            dataset: Dataset::default(),
            subdivision_index: HashMap::new(),
            position_index: HashMap::new(),
            errors: Vec::new(),
            more_errors: 0,
            rows: 0,
            unescape: false,
        })
    }

    fn record(&mut self, errors: Vec<CellError>) {
        for e in errors {
            if self.errors.len() < limits::MAX_LISTED_ERRORS {
                self.errors.push(CellError {
                    value: quote_value(&e.value),
                    ..e
                });
            } else {
                self.more_errors += 1;
            }
        }
    }

    /// The columns this parser reads, with the longest text each may hold
    /// and whether a line break is allowed in it.
    fn read_columns(&self) -> Vec<(usize, &str, usize, bool)> {
        let c = &self.columns;
        let mut out = Vec::with_capacity(c.answers.len() + 4);
        for (i, name, limit) in [
            (c.code, "code", limits::MAX_CODE_CHARS),
            (c.tenure, "tenure", limits::MAX_NAME_CHARS),
            (c.subdivision, "subdivision", limits::MAX_NAME_CHARS),
            (c.position, "position", limits::MAX_NAME_CHARS),
        ] {
            if let Some(i) = i {
                out.push((i, name, limit, false));
            }
        }
        for (k, &i) in c.answers.iter().enumerate() {
            out.push((i, c.names[k].as_str(), limits::MAX_TEXT_CHARS, true));
        }
        out
    }

    /// Reads one data row; `row` is its number in the file (header = 1). A
    /// row whose cells are all empty is skipped.
    pub fn push_row(&mut self, row: u64, cells: &(impl Cells + ?Sized)) {
        let n = cells.len();
        if (0..n).all(|i| cells.cell(i).trim().is_empty() && cells.flaw(i).is_none()) {
            return;
        }
        self.rows += 1;
        let mut errors = Vec::new();
        // The row's shape: as many cells as the header (a file whose rows
        // use another delimiter than its header, or a stray quote, shows
        // here), and nothing beyond the header's columns.
        let extra = (self.header_len..n).any(|i| !cells.cell(i).trim().is_empty());
        if n < self.header_len || extra {
            let shown: Vec<&str> = (0..n.min(8)).map(|i| cells.cell(i)).collect();
            errors.push(CellError {
                row,
                column: String::new(),
                value: shown.join(" | "),
                expected: ru::EXPECTED_ROW_LENGTH,
            });
            self.record(errors);
            return;
        }
        for (i, name, limit, multiline) in self.read_columns() {
            let value = cells.cell(i);
            let problem = if let Some(flaw) = cells.flaw(i) {
                Some(flaw)
            } else if value.chars().count() > limit {
                Some(if limit == limits::MAX_CODE_CHARS {
                    ru::EXPECTED_SHORT_CODE
                } else if limit == limits::MAX_NAME_CHARS {
                    ru::EXPECTED_SHORT_NAME
                } else {
                    ru::EXPECTED_SHORT_TEXT
                })
            } else if !multiline && value.trim().contains(['\n', '\r']) {
                Some(ru::EXPECTED_ONE_LINE)
            } else if value.chars().any(|c| hidden_char(c, multiline)) {
                Some(ru::EXPECTED_NO_CONTROL)
            } else {
                None
            };
            if let Some(expected) = problem {
                errors.push(CellError {
                    row,
                    column: name.to_owned(),
                    value: value.to_owned(),
                    expected,
                });
            }
        }
        if !errors.is_empty() {
            self.record(errors);
            return;
        }
        let unescape = self.unescape;
        let cols = &self.columns;
        let get = |c: Option<usize>| {
            let v = c.map_or("", |i| cells.cell(i).trim());
            if unescape { unescape_formula(v) } else { v }
        };
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
        let answers = A::parse(
            |i| {
                let v = cells.cell(cols.answers[i]);
                if unescape {
                    unescape_formula(v.trim())
                } else {
                    v
                }
            },
            &mut |i, expected| {
                errors.push(CellError {
                    row,
                    column: cols.names[i].clone(),
                    value: cells.cell(cols.answers[i]).to_owned(),
                    expected,
                })
            },
        );
        if !errors.is_empty() {
            self.record(errors);
            return;
        }
        let code = get(cols.code).to_owned();
        let subdivision = get(cols.subdivision).to_owned();
        let position = get(cols.position).to_owned();
        let subdivision = intern(
            &subdivision,
            &mut self.subdivision_index,
            &mut self.dataset.subdivisions,
        );
        let position = intern(
            &position,
            &mut self.position_index,
            &mut self.dataset.positions,
        );
        self.dataset.forms.push(Form {
            row,
            code,
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
    /// [`TemplateError::Cells`] when any row was bad, [`TemplateError::NoForms`]
    /// when the file holds a header only, [`TemplateError::TooLarge`] past
    /// [`limits::MAX_ROWS`].
    pub fn finish(self) -> Result<Dataset<A>, TemplateError> {
        let (dataset, cells, more) = self.finish_all()?;
        if !cells.is_empty() {
            return Err(TemplateError::Cells { cells, more });
        }
        Ok(dataset)
    }

    /// The forms of the good rows and the bad cells of the others, so that
    /// a caller can check the good rows further and report every problem
    /// of a file in one pass (the bad cells listed, and how many more).
    ///
    /// # Errors
    /// [`TemplateError::NoForms`] for a header only, [`TemplateError::TooLarge`]
    /// past [`limits::MAX_ROWS`].
    pub fn finish_all(self) -> Result<(Dataset<A>, Vec<CellError>, u64), TemplateError> {
        if self.rows > limits::MAX_ROWS {
            return Err(TemplateError::TooLarge(ru::TOO_MANY_ROWS));
        }
        if self.errors.is_empty() && self.dataset.forms.is_empty() {
            return Err(TemplateError::NoForms);
        }
        Ok((self.dataset, self.errors, self.more_errors))
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

/// A character that has no place in a form: a control character (NUL,
/// BEL …; a line break or tab only in a free-text answer), an invisible
/// direction override, which can make a code or a name display as
/// something else than it is, or a Unicode noncharacter (U+FFFE, U+FFFF,
/// U+FDD0–U+FDEF …), which no text holds and XML 1.0 forbids in part: one
/// of them would make the DOCX report unreadable. With the control
/// characters, this refuses every character XML 1.0 forbids.
pub fn hidden_char(c: char, multiline: bool) -> bool {
    match c {
        '\n' | '\r' | '\t' => !multiline,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' => true,
        c if noncharacter(c) => true,
        c => c.is_control(),
    }
}

/// A Unicode noncharacter: U+FDD0–U+FDEF and the last two code points of
/// every plane.
pub fn noncharacter(c: char) -> bool {
    let u = u32::from(c);
    (0xFDD0..=0xFDEF).contains(&u) || u & 0xFFFE == 0xFFFE
}

/// Whether XML 1.0 allows a character in a document's text.
pub fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && !matches!(c, '\u{FFFE}' | '\u{FFFF}'))
}

/// True when a spreadsheet would read `text` as a formula: it begins with
/// `=`, `+`, `-`, `@`, a tab or a carriage return (OWASP, "CSV injection"),
/// after any apostrophes already in front of it.
fn formula_like(text: &str) -> bool {
    text.trim_start_matches('\'')
        .starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// The text as a CSV cell that Excel and LibreOffice show as text, never
/// evaluate: a formula-like text gets a leading apostrophe.
/// [`unescape_formula`] undoes it exactly, so an export and its import give
/// back the same text.
pub fn escape_formula(text: &str) -> std::borrow::Cow<'_, str> {
    if formula_like(text) {
        std::borrow::Cow::Owned(format!("'{text}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// Removes the apostrophe [`escape_formula`] added.
pub fn unescape_formula(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if formula_like(text) => rest,
        _ => text,
    }
}

/// Parses a CSV template: UTF-8 with or without BOM (a file that is not
/// UTF-8 is read as Windows-1251, the encoding Excel uses for CSV on Russian
/// Windows, unless it is UTF-8 damaged at a few places), comma or semicolon
/// as chosen by the header row.
///
/// # Errors
/// Any [`TemplateError`]; nothing is returned from a file with a bad row.
pub fn parse_csv<A: FormAnswers>(bytes: &[u8]) -> Result<Dataset<A>, TemplateError> {
    let (dataset, cells, more) = parse_csv_all(bytes)?;
    if !cells.is_empty() {
        return Err(TemplateError::Cells { cells, more });
    }
    Ok(dataset)
}

/// [`parse_csv`], giving the forms of the good rows beside the bad cells
/// ([`TemplateParser::finish_all`]).
///
/// # Errors
/// Any [`TemplateError`] but [`TemplateError::Cells`].
pub fn parse_csv_all<A: FormAnswers>(
    bytes: &[u8],
) -> Result<(Dataset<A>, Vec<CellError>, u64), TemplateError> {
    if bytes.len() as u64 > limits::MAX_FILE_BYTES {
        return Err(TemplateError::TooLarge(ru::TOO_LARGE_FILE));
    }
    let text = decode(bytes)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let delimiter = detect_delimiter(text);
    if let Some(row) = unclosed_quote(text, delimiter) {
        return Err(TemplateError::Malformed {
            row,
            detail: ru::UNCLOSED_QUOTE.into(),
        });
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
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
    parser.unescape = true;
    loop {
        row += 1;
        if !read(&mut reader, &mut record, row)? {
            break;
        }
        if row > limits::MAX_ROWS + 1 {
            return Err(TemplateError::TooLarge(ru::TOO_MANY_ROWS));
        }
        parser.push_row(row, &record);
    }
    parser.finish_all()
}

/// The line where a quoted field opens that is never closed, if any: the
/// CSV reader would take the rest of the file as that one field.
fn unclosed_quote(text: &str, delimiter: u8) -> Option<u64> {
    let bytes = text.as_bytes();
    // Most files quote nothing: one fast search says so.
    if !bytes.contains(&b'"') {
        return None;
    }
    let (mut line, mut open_line) = (1u64, 0u64);
    let (mut quoted, mut field_start) = (false, true);
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if quoted {
            if c == b'"' {
                if bytes.get(i + 1) == Some(&b'"') {
                    i += 2;
                    continue;
                }
                quoted = false;
            } else if c == b'\n' {
                line += 1;
            }
        } else {
            if c == b'"' && field_start {
                quoted = true;
                open_line = line;
            }
            field_start = c == delimiter || c == b'\n' || c == b'\r';
            if c == b'\n' {
                line += 1;
            }
        }
        i += 1;
    }
    quoted.then_some(open_line)
}

/// Semicolon when the header row has more semicolons than commas (outside
/// quotes), comma otherwise; a tab when the header has tabs and neither
/// (Excel's «Текст (разделитель — табуляция)»).
fn detect_delimiter(text: &str) -> u8 {
    let (mut commas, mut semicolons, mut tabs, mut quoted) = (0, 0, 0, false);
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            ',' if !quoted => commas += 1,
            ';' if !quoted => semicolons += 1,
            '\t' if !quoted => tabs += 1,
            _ => {}
        }
    }
    if tabs > 0 && commas == 0 && semicolons == 0 {
        b'\t'
    } else if semicolons > commas {
        b';'
    } else {
        b','
    }
}

/// The text of a CSV file: UTF-8, or Windows-1251 when the bytes are not
/// UTF-8. Bytes that are mostly valid UTF-8 with a few bad ones are a
/// damaged UTF-8 file, not Windows-1251 text: reading them as Windows-1251
/// would turn every Cyrillic letter into two wrong ones («РћС‚РґРµР»»), so
/// the file is refused with the line of the first bad byte.
fn decode(bytes: &[u8]) -> Result<std::borrow::Cow<'_, str>, TemplateError> {
    let line_of = |pos: usize| bytes[..pos].iter().filter(|&&b| b == b'\n').count() as u64 + 1;
    let first_bad = match std::str::from_utf8(bytes) {
        Ok(s) => return Ok(std::borrow::Cow::Borrowed(s)),
        Err(e) => e.valid_up_to(),
    };
    let high = bytes.iter().filter(|b| **b >= 0x80).count();
    let in_utf8: usize = bytes
        .utf8_chunks()
        .map(|c| c.valid().len() - c.valid().chars().filter(char::is_ascii).count())
        .sum();
    if in_utf8 * 2 >= high {
        return Err(TemplateError::BadEncoding {
            row: line_of(first_bad),
        });
    }
    let (text, had_errors) = encoding_rs::WINDOWS_1251.decode_without_bom_handling(bytes);
    if had_errors {
        // 0x98 is the one byte Windows-1251 leaves undefined.
        let pos = bytes.iter().position(|&b| b == 0x98).unwrap_or(0);
        return Err(TemplateError::BadEncoding { row: line_of(pos) });
    }
    Ok(text)
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

/// The culture columns of the import template (docs/methodology.md, "The
/// import template"), in the order [`CultureForm`] is read.
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

/// The template's columns of `instrument` ([`columns`]) as a person reads
/// them: «Стаж», «Утверждение 3», «А.2, п. 1 «профессионализм»: в
/// подразделении».
pub fn column_labels(instrument: Instrument) -> Vec<String> {
    let mut c: Vec<String> = [
        ru::FIELD_CODE,
        ru::FIELD_TENURE,
        ru::FIELD_SUBDIVISION,
        ru::FIELD_POSITION,
    ]
    .map(String::from)
    .to_vec();
    match instrument {
        Instrument::Commitment => {
            c.extend((1..=commitment::ITEMS).map(|i| format!("{} {i}", ru::FIELD_STATEMENT)));
        }
        Instrument::Satisfaction => {
            c.extend((1..=satisfaction::ITEMS).map(|i| format!("{} {i}", ru::FIELD_QUESTION)));
        }
        Instrument::Culture => {
            for (i, q) in methodology::CULTURE_OPEN_QUESTIONS.iter().enumerate() {
                for prompt in [q.positive, q.negative] {
                    c.push(format!("А.1, вопрос {}: {prompt}", i + 1));
                }
            }
            for (i, item) in methodology::CULTURE_COHESION_ITEMS.iter().enumerate() {
                for side in [ru::FIELD_SUB, ru::FIELD_ORG] {
                    c.push(format!("А.2, п. {} «{item}»: {side}", i + 1));
                }
            }
            c.push(ru::FIELD_C15_TEXT.to_owned());
            for (i, item) in methodology::CULTURE_LEVEL_ITEMS.iter().enumerate() {
                for side in [ru::FIELD_SUB, ru::FIELD_ORG] {
                    c.push(format!("А.3, п. {} «{item}»: {side}", i + 1));
                }
            }
            for (i, item) in methodology::CULTURE_NEGATIVE_ITEMS.iter().enumerate() {
                c.push(format!("А.4, п. {} «{item}»", i + 1));
            }
            c.extend([ru::FIELD_N7_ACTORS, ru::FIELD_N7_TECH, ru::FIELD_N8_TEXT].map(String::from));
        }
    }
    c
}

/// The template's columns of `instrument`, demographics first.
pub fn columns(instrument: Instrument) -> Vec<String> {
    let mut c: Vec<String> = ["code", "tenure", "subdivision", "position"]
        .map(String::from)
        .to_vec();
    c.extend(match instrument {
        Instrument::Commitment => CommitmentAnswers::columns(),
        Instrument::Satisfaction => SatisfactionAnswers::columns(),
        Instrument::Culture => CultureForm::columns(),
    });
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
    fn windows_1251_maps_cyrillic_and_belarusian_letters() {
        let text = decode(&[0xc0, 0xff, 0xa8, 0xb8, 0xa1, 0xb3, 0xb9]).unwrap();
        assert_eq!(text, "АяЁёЎі№");
    }

    #[test]
    fn damaged_utf8_is_refused_not_read_as_windows_1251() {
        // «Отдел» in UTF-8 with one byte of the second line broken.
        let mut bytes = "code\nОтдел\n".as_bytes().to_vec();
        bytes.extend_from_slice(&[0xff]);
        bytes.extend_from_slice("Отдел\n".as_bytes());
        assert_eq!(
            decode(&bytes).unwrap_err(),
            TemplateError::BadEncoding { row: 3 }
        );
    }

    #[test]
    fn formula_escape_round_trips() {
        for text in ["=1+1", "'=1+1", "''@SUM(A1)", "-5", "abc", "'abc", "", "'"] {
            assert_eq!(unescape_formula(&escape_formula(text)), text, "{text}");
        }
        assert_eq!(escape_formula("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(escape_formula("Отдел"), "Отдел");
    }

    #[test]
    fn an_unclosed_quote_is_found_at_its_line() {
        assert_eq!(unclosed_quote("a,b\n\"x,1\n2,3\n", b','), Some(2));
        assert_eq!(unclosed_quote("a,b\n\"x\ny\",1\n", b','), None);
        assert_eq!(unclosed_quote("a,b\n\"x\"\"y\",1\n", b','), None);
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
