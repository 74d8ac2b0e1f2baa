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
        }
    }

    /// True for cells aligned right (numbers).
    pub fn is_numeric(&self) -> bool {
        matches!(
            self,
            Cell::Int(_) | Cell::Num(..) | Cell::Percent(..) | Cell::Change(..)
        )
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
}

impl BarChart {
    /// The top of the value axis: the chart's maximum, or the largest value.
    pub fn axis_top(&self) -> f64 {
        let largest = self
            .series
            .iter()
            .flat_map(|s| s.values.iter().flatten())
            .fold(0.0f64, |a, &b| a.max(b));
        self.max.unwrap_or(largest).max(largest).max(1e-9)
    }

    /// The axis labels at quarters of [`BarChart::axis_top`], with as many
    /// decimals as the steps need (13 → 3,25).
    pub fn ticks(&self) -> Vec<(f64, String)> {
        let top = self.axis_top();
        let step = top / 4.0;
        let digits = (0..=2)
            .find(|&d| (step * 10f64.powi(d)).fract().abs() < 1e-9)
            .unwrap_or(2) as usize;
        (0..=4)
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
    fn axis_ticks_use_the_decimals_the_steps_need() {
        let chart = |max: f64| BarChart {
            caption: String::new(),
            categories: vec!["a".into()],
            series: vec![Series {
                name: "s".into(),
                values: vec![Some(7.4)],
            }],
            max: Some(max),
            percent: false,
        };
        let labels = |max| {
            chart(max)
                .ticks()
                .into_iter()
                .map(|(_, l)| l)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            labels(13.0),
            ["0,00", "3,25", "6,50", "9,75", "13,00"],
            "Рисунок Б.1 axis, max 13"
        );
        assert_eq!(labels(100.0), ["0", "25", "50", "75", "100"]);
        assert_eq!(
            labels(5.0),
            ["0,00", "1,85", "3,70", "5,55", "7,40"],
            "a value above the maximum widens the axis"
        );
        assert_eq!(
            chart(2.0).axis_top(),
            7.4,
            "values above the maximum widen the axis"
        );
    }
}
