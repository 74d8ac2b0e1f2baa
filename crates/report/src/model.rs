//! The report as a neutral document: sections of paragraphs, tables and bar
//! charts, with numbers kept as numbers. Both renderers (PDF, XLSX) and the
//! app's screens read this one model, so paper and screen agree.

/// One table cell.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Text, always written as text (never a formula).
    Text(String),
    /// A whole number.
    Int(i64),
    /// A decimal shown with `decimals` places.
    Num(f64, u8),
    /// A percent (45.68 means 45,68 %) shown with `decimals` places.
    Percent(f64, u8),
    /// A signed change: «+2,50», «−2,86», or with `true` a change of a
    /// percent in percentage points, «−13,29 п. п.».
    Change(f64, u8, bool),
    /// Nothing.
    Empty,
    /// A breakdown cell from fewer than K forms: «менее K анкет».
    Suppressed(u32),
    /// A group of K forms or more hidden so that a smaller one cannot be
    /// recovered by subtraction: «скрыто*».
    Withheld,
    /// A heatmap cell: a figure with the shade of its difference from the
    /// overall figure, −3 (far below) … 0 (about the same) … 3 (far above).
    Shaded(Box<Cell>, i8),
}

/// The colour of a heatmap shade: blues above the overall figure, oranges
/// below, darker the further; black text stays readable on every one, and
/// the arrow in the text tells the side in black and white.
pub fn shade_rgb(level: i8) -> Option<(f32, f32, f32)> {
    Some(match level {
        3.. => (0.55, 0.70, 0.88),
        2 => (0.71, 0.81, 0.93),
        1 => (0.86, 0.91, 0.97),
        0 => return None,
        -1 => (0.99, 0.91, 0.82),
        -2 => (0.98, 0.80, 0.63),
        _ => (0.95, 0.67, 0.45),
    })
}

/// [`shade_rgb`] as «RRGGBB».
pub fn shade_hex(level: i8) -> Option<String> {
    shade_rgb(level).map(|(r, g, b)| {
        let c = |x: f32| (x * 255.0).round() as u8;
        format!("{:02X}{:02X}{:02X}", c(r), c(g), c(b))
    })
}

/// The change between two figures as the reader can check it: the
/// difference of the two values as printed, with `decimals` (45,01 − 45,68
/// is −0,67 even when the unrounded figures differ by −0,665).
pub fn printed_change(previous: f64, current: f64, decimals: u8) -> f64 {
    let f = 10f64.powi(i32::from(decimals));
    ((current * f).round() - (previous * f).round()) / f
}

impl Cell {
    /// A text cell.
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    /// A decimal, or empty when undefined.
    pub fn num(v: Option<f64>, decimals: u8) -> Cell {
        v.map_or(Cell::Empty, |v| Cell::Num(v, decimals))
    }

    /// A percent, or empty when undefined.
    pub fn percent(v: Option<f64>, decimals: u8) -> Cell {
        v.map_or(Cell::Empty, |v| Cell::Percent(v, decimals))
    }

    /// The cell as Russian text: decimal comma, «45,68 %».
    pub fn display(&self) -> String {
        use klimat_core::numfmt::{decimal, integer, percent, signed};
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Int(i) => integer(*i),
            Cell::Change(v, d, false) => signed(*v, usize::from(*d)),
            Cell::Change(v, d, true) => {
                format!("{} {}", signed(*v, usize::from(*d)), crate::text::PP)
            }
            Cell::Num(v, d) => decimal(*v, usize::from(*d)),
            Cell::Percent(v, d) => percent(*v, usize::from(*d)),
            Cell::Empty => String::new(),
            Cell::Suppressed(k) => crate::text::suppressed(*k),
            Cell::Withheld => crate::text::WITHHELD.to_owned(),
            Cell::Shaded(inner, level) => match level {
                1.. => format!("{}\u{a0}↑", inner.display()),
                ..=-1 => format!("{}\u{a0}↓", inner.display()),
                0 => inner.display(),
            },
        }
    }

    /// The heatmap shade of the cell, if it has one.
    pub fn shade(&self) -> Option<i8> {
        match self {
            Cell::Shaded(_, level) => Some(*level),
            _ => None,
        }
    }

    /// True for cells aligned right (numbers).
    pub fn is_numeric(&self) -> bool {
        match self {
            Cell::Shaded(inner, _) => inner.is_numeric(),
            c => matches!(
                c,
                Cell::Int(_) | Cell::Num(..) | Cell::Percent(..) | Cell::Change(..)
            ),
        }
    }
}

/// A column of a table.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// The header.
    pub title: String,
    /// Relative width on paper.
    pub weight: f32,
}

impl Column {
    /// A column with a header and a relative width.
    pub fn new(title: impl Into<String>, weight: f32) -> Column {
        Column {
            title: title.into(),
            weight,
        }
    }
}

/// Where a table goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    /// In the PDF and as an XLSX sheet.
    Both,
    /// Only as an XLSX sheet (respondent matrices, per-form data).
    WorkbookOnly,
    /// Only in the printed report and on screen (a shortened view of a
    /// table the workbook holds whole, such as the open answers).
    PrintOnly,
}

/// A table; long ones break across pages with the header repeated.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// The XLSX sheet name (Russian, at most 31 characters).
    pub sheet: String,
    /// The caption («Таблица Б.3 – …»).
    pub caption: String,
    /// The columns.
    pub columns: Vec<Column>,
    /// The rows.
    pub rows: Vec<Vec<Cell>>,
    /// Where it goes.
    pub placement: Placement,
    /// Its number in the printed report («Таблица 3»), 0 for none.
    pub number: u32,
    /// A heatmap's columns: for each, the overall figure and the step of
    /// one shade (the workbook's conditional formatting); empty for other
    /// tables.
    pub heat: Vec<Option<HeatColumn>>,
}

/// A heatmap column: its cells are shaded by their difference from
/// `overall`, one shade per `step`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HeatColumn {
    /// The overall figure (a percent as 45.68).
    pub overall: f64,
    /// The difference one shade stands for.
    pub step: f64,
    /// Whether the figures are percents (the workbook stores fractions).
    pub percent: bool,
}

impl Table {
    /// The caption as printed: «Таблица 3 – Title (таблица Б.3 методических
    /// рекомендаций)», or the bare caption of an unnumbered table.
    pub fn title(&self) -> String {
        numbered(crate::text::TABLE, self.number, &self.caption)
    }
}

/// Splits a caption of the methodology's numbering («Таблица Б.3 – …»,
/// «Таблицы Б.4 и Б.10 – …», «Рисунок Б.1 – …») into the methodology's
/// reference («таблица Б.3») and the title.
fn methodology_reference(caption: &str) -> (Option<String>, &str) {
    for prefix in ["Таблицы ", "Таблица ", "Рисунок "] {
        if let Some(rest) = caption.strip_prefix(prefix)
            && let Some((number, title)) = rest.split_once(" – ")
            && number.contains('.')
        {
            let mut reference = prefix.to_lowercase();
            reference.push_str(number);
            return (Some(reference), title);
        }
    }
    (None, caption)
}

/// «{kind} {n} – {title}», the methodology's own number in brackets.
fn numbered(kind: &str, n: u32, caption: &str) -> String {
    if n == 0 {
        return caption.to_owned();
    }
    match methodology_reference(caption) {
        (Some(r), title) => format!("{kind} {n} – {title} ({r} {})", crate::text::OF_METHODOLOGY),
        (None, title) => format!("{kind} {n} – {title}"),
    }
}

/// One series of a bar chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// The legend name.
    pub name: String,
    /// One value per category; `None` is a gap.
    pub values: Vec<Option<f64>>,
}

/// A vertical bar chart (Рисунок Б.1 and the like).
#[derive(Clone, Debug, PartialEq)]
pub struct BarChart {
    /// The caption («Рисунок Б.1 – …»).
    pub caption: String,
    /// Category labels along the axis.
    pub categories: Vec<String>,
    /// The series, drawn side by side within each category.
    pub series: Vec<Series>,
    /// The top of the value axis (e.g. 100 for percents), or `None` to fit.
    pub max: Option<f64>,
    /// True when values are percents.
    pub percent: bool,
    /// Its number in the printed report («Рисунок 2»), 0 for none.
    pub number: u32,
}

impl BarChart {
    /// The caption as printed: «Рисунок 2 – …».
    pub fn title(&self) -> String {
        numbered(crate::text::FIGURE, self.number, &self.caption)
    }

    /// The largest value of any series.
    fn largest(&self) -> f64 {
        self.series
            .iter()
            .flat_map(|s| s.values.iter().flatten())
            .fold(0.0f64, |a, &b| a.max(b))
    }

    /// The step between axis labels: a round number (1, 2 or 5 times a
    /// power of ten) that gives closest to six labels from 0 to `top`.
    fn step_for(top: f64) -> f64 {
        let top = top.max(1e-9);
        let magnitude = 10f64.powf((top / 6.0).log10().floor());
        [0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0]
            .iter()
            .map(|m| m * magnitude)
            .min_by(|a, b| {
                let count = |s: f64| ((top / s + 1e-9).floor() + 1.0 - 6.0).abs();
                count(*a).total_cmp(&count(*b)).then(b.total_cmp(a))
            })
            .unwrap_or(1.0)
    }

    /// The top of the value axis: the chart's maximum (13 points, 100 %),
    /// or, to fit, the largest value rounded up to a whole step.
    pub fn axis_top(&self) -> f64 {
        let largest = self.largest();
        match self.max {
            Some(max) => max.max(largest).max(1e-9),
            None => {
                let step = Self::step_for(largest);
                ((largest / step - 1e-9).ceil() * step).max(step)
            }
        }
    }

    /// The axis labels: round steps from 0 up to [`BarChart::axis_top`]
    /// (0, 2, 4 … 12 on an axis of 13 points), each with the decimals its
    /// step needs.
    pub fn ticks(&self) -> Vec<(f64, String)> {
        let top = self.axis_top();
        let step = Self::step_for(top);
        let digits = (0..=2)
            .find(|&d| (step * 10f64.powi(d) - (step * 10f64.powi(d)).round()).abs() < 1e-6)
            .unwrap_or(2) as usize;
        let count = (top / step + 1e-9).floor() as u32;
        (0..=count)
            .map(|q| {
                let v = step * f64::from(q);
                (v, klimat_core::numfmt::decimal(v, digits))
            })
            .collect()
    }
}

/// A block of a section.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A subheading.
    Subheading(String),
    /// A paragraph of running text.
    Paragraph(String),
    /// A bulleted list.
    Bullets(Vec<String>),
    /// A table.
    Table(Table),
    /// A chart.
    Chart(BarChart),
    /// A threat or a warning the head must see, framed.
    Alert(String),
    /// A signature block: position, name and the date line.
    Signature(Signature),
}

/// A signature block: «Подготовил(а)» or «УТВЕРЖДАЮ».
#[derive(Clone, Debug, PartialEq)]
pub struct Signature {
    /// «Подготовил(а):» or «УТВЕРЖДАЮ».
    pub heading: String,
    /// The position.
    pub position: String,
    /// The name.
    pub name: String,
    /// The date, or `None` for a line to write it by hand.
    pub date: Option<String>,
}

/// A numbered section («1. Организационная приверженность»).
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    /// The heading.
    pub title: String,
    /// The content.
    pub blocks: Vec<Block>,
}

/// The title page.
#[derive(Clone, Debug, PartialEq)]
pub struct TitlePage {
    /// The «УТВЕРЖДАЮ» block at the top right, if an approver is set.
    pub approval: Option<Signature>,
    /// The organization, if named.
    pub organization: Option<String>,
    /// The survey's name.
    pub survey: String,
    /// The survey's date, «23.11.2026».
    pub date: String,
    /// Lines of facts: forms counted per instrument, the key, K.
    pub facts: Vec<String>,
    /// The day the report is made, «06.12.2026» (the file's creation date).
    pub created: Option<String>,
}

/// The whole report.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportModel {
    /// The title page.
    pub title: TitlePage,
    /// The sections in order.
    pub sections: Vec<Section>,
}

impl ReportModel {
    /// Every table, in order.
    pub fn tables(&self) -> impl Iterator<Item = &Table> {
        self.sections
            .iter()
            .flat_map(|s| &s.blocks)
            .filter_map(|b| match b {
                Block::Table(t) => Some(t),
                _ => None,
            })
    }

    /// The tables that become sheets of the workbook, in order.
    pub fn workbook_tables(&self) -> impl Iterator<Item = &Table> {
        self.tables()
            .filter(|t| t.placement != Placement::PrintOnly)
    }

    /// Every chart, in order.
    pub fn charts(&self) -> impl Iterator<Item = &BarChart> {
        self.sections
            .iter()
            .flat_map(|s| &s.blocks)
            .filter_map(|b| match b {
                Block::Chart(c) => Some(c),
                _ => None,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_ticks_are_round() {
        let chart = |max: Option<f64>, v: f64| BarChart {
            caption: String::new(),
            categories: vec!["a".into()],
            series: vec![Series {
                name: "s".into(),
                values: vec![Some(v)],
            }],
            max,
            percent: false,
            number: 0,
        };
        let labels = |max, v| {
            chart(max, v)
                .ticks()
                .into_iter()
                .map(|(_, l)| l)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            labels(Some(13.0), 7.4),
            ["0", "2", "4", "6", "8", "10", "12"],
            "Рисунок Б.1 axis, max 13: round ticks, not 3,25 / 6,50 / 9,75"
        );
        assert_eq!(
            labels(Some(100.0), 45.0),
            ["0", "20", "40", "60", "80", "100"]
        );
        assert_eq!(labels(Some(5.0), 3.7), ["0", "1", "2", "3", "4", "5"]);
        assert_eq!(
            chart(Some(2.0), 7.4).axis_top(),
            7.4,
            "values above the maximum widen the axis"
        );
        assert_eq!(
            chart(None, 0.37).axis_top(),
            0.4,
            "a fitted axis ends on a step"
        );
        assert_eq!(labels(None, 0.37), ["0,0", "0,1", "0,2", "0,3", "0,4"]);
    }
}
