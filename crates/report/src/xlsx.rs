//! The XLSX renderer: a sheet per table (Russian names), frozen headers and
//! filters, numbers stored as numbers with number formats, every text as a
//! string (a respondent's "=1+1" stays text), and native Excel charts of the
//! same figures as the PDF on a sheet of their own.

use std::collections::HashSet;

use rust_xlsxwriter::{Chart, ChartType, Format, FormatAlign, Workbook, Worksheet, XlsxError};

use crate::model::{Cell, ReportModel, Table};

/// Excel's limit on sheet-name length.
const SHEET_NAME_MAX: usize = 31;
/// The sheet with the charts and their data.
const CHARTS_SHEET: &str = "Диаграммы";
/// The sheet with the title page facts.
const SUMMARY_SHEET: &str = "Сводка";
/// The sheet with every written conclusion, in the report's order.
const CONCLUSIONS_SHEET: &str = "Выводы";

/// A sheet name Excel accepts, unique within the workbook.
fn sheet_name(wanted: &str, used: &mut HashSet<String>) -> String {
    let clean: String = wanted
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .collect();
    let base: String = clean.chars().take(SHEET_NAME_MAX).collect();
    let mut name = base.clone();
    let mut n = 2;
    while !used.insert(name.to_lowercase()) {
        let suffix = format!(" {n}");
        name = base
            .chars()
            .take(SHEET_NAME_MAX - suffix.chars().count())
            .collect::<String>()
            + &suffix;
        n += 1;
    }
    name
}

struct Formats {
    header: Format,
    text: Format,
    int: Format,
    decimals: Vec<Format>,
    percents: Vec<Format>,
    changes: Vec<Format>,
    points: Vec<Format>,
    caption: Format,
}

impl Formats {
    fn new() -> Self {
        let decimals = (0..=6)
            .map(|d| {
                let f = if d == 0 {
                    "0".to_owned()
                } else {
                    format!("0.{}", "0".repeat(d))
                };
                Format::new().set_num_format(f)
            })
            .collect();
        let percents = (0..=6)
            .map(|d| {
                let f = if d == 0 {
                    "0\" %\"".to_owned()
                } else {
                    format!("0.{}\" %\"", "0".repeat(d))
                };
                Format::new().set_num_format(f)
            })
            .collect();
        // Signed changes with a true minus; «п. п.» after a change of a percent.
        let signed = |d: usize, unit: &str| {
            let n = if d == 0 {
                "0".to_owned()
            } else {
                format!("0.{}", "0".repeat(d))
            };
            Format::new().set_num_format(format!("+{n}{unit};\u{2212}{n}{unit};{n}{unit}"))
        };
        let changes = (0..=6).map(|d| signed(d, "")).collect();
        let points = (0..=6).map(|d| signed(d, "\" п. п.\"")).collect();
        Self {
            changes,
            points,
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_background_color("#E6EBF2"),
            text: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            int: Format::new().set_num_format("0"),
            decimals,
            percents,
            caption: Format::new().set_bold(),
        }
    }
}

fn write_cell(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell,
    f: &Formats,
) -> Result<(), XlsxError> {
    match cell {
        Cell::Text(s) if s.is_empty() => {}
        // write_string: never a formula, whatever the respondent typed.
        Cell::Text(s) => {
            sheet.write_string_with_format(row, col, s, &f.text)?;
        }
        Cell::Int(i) => {
            sheet.write_number_with_format(row, col, *i as f64, &f.int)?;
        }
        Cell::Num(v, d) => {
            sheet.write_number_with_format(row, col, *v, &f.decimals[usize::from(*d).min(6)])?;
        }
        Cell::Percent(v, d) => {
            sheet.write_number_with_format(row, col, *v, &f.percents[usize::from(*d).min(6)])?;
        }
        Cell::Change(v, d, pp) => {
            let formats = if *pp { &f.points } else { &f.changes };
            sheet.write_number_with_format(row, col, *v, &formats[usize::from(*d).min(6)])?;
        }
        Cell::Empty => {}
        Cell::Suppressed(_) | Cell::Withheld => {
            sheet.write_string_with_format(row, col, cell.display(), &f.text)?;
        }
    }
    Ok(())
}

fn table_sheet(table: &Table, name: &str, f: &Formats) -> Result<Worksheet, XlsxError> {
    let mut sheet = Worksheet::new();
    sheet.set_name(name)?;
    sheet.write_string_with_format(0, 0, table.title(), &f.caption)?;
    let header_row = 1;
    for (c, col) in table.columns.iter().enumerate() {
        sheet.write_string_with_format(header_row, c as u16, &col.title, &f.header)?;
        let chars = col.title.chars().count().max(6) as f64;
        let width = (f64::from(col.weight) * 9.0).clamp(chars.min(14.0), 60.0);
        sheet.set_column_width(c as u16, width)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            write_cell(&mut sheet, header_row + 1 + r as u32, c as u16, cell, f)?;
        }
    }
    sheet.set_freeze_panes(header_row + 1, 1)?;
    if !table.columns.is_empty() {
        let last_row = header_row + table.rows.len().max(1) as u32;
        sheet.autofilter(header_row, 0, last_row, table.columns.len() as u16 - 1)?;
    }
    Ok(sheet)
}

/// The sheet «Выводы»: every section's text (subheadings, paragraphs,
/// lists, framed threats, signatures) in the report's order, one paragraph
/// a row; the tables have sheets of their own.
fn conclusions_sheet(
    model: &ReportModel,
    name: &str,
    table_names: &[String],
    f: &Formats,
) -> Result<Worksheet, XlsxError> {
    use crate::model::Block;
    let mut sheet = Worksheet::new();
    sheet.set_name(name)?;
    sheet.set_column_width(0, 120)?;
    let alert = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(rust_xlsxwriter::FormatBorder::Medium);
    let mut r = 0u32;
    let mut put = |sheet: &mut Worksheet, text: &str, fmt: &Format| -> Result<(), XlsxError> {
        sheet.write_string_with_format(r, 0, text, fmt)?;
        r += 1;
        Ok(())
    };
    let mut tables = table_names.iter();
    for section in &model.sections {
        put(&mut sheet, &section.title, &f.caption)?;
        for block in &section.blocks {
            match block {
                Block::Subheading(s) => put(&mut sheet, s, &f.caption)?,
                Block::Paragraph(p) => put(&mut sheet, p, &f.text)?,
                Block::Bullets(items) => {
                    for i in items {
                        put(&mut sheet, &format!("– {i}"), &f.text)?;
                    }
                }
                Block::Alert(a) => put(&mut sheet, a, &alert)?,
                Block::Signature(sig) => {
                    for line in [&sig.heading, &sig.position, &sig.name] {
                        put(&mut sheet, line, &f.text)?;
                    }
                    if let Some(d) = &sig.date {
                        put(&mut sheet, d, &f.text)?;
                    }
                }
                Block::Table(t) if t.placement == crate::model::Placement::PrintOnly => {}
                Block::Table(t) => {
                    let sheet_of = tables.next().map_or("", String::as_str);
                    put(
                        &mut sheet,
                        &format!("{} – {} «{sheet_of}»", t.title(), crate::text::SEE_SHEET),
                        &f.text,
                    )?;
                }
                Block::Chart(_) => {}
            }
        }
        put(&mut sheet, "", &f.text)?;
    }
    Ok(sheet)
}

/// Renders the workbook.
///
/// # Errors
/// When the workbook cannot be assembled.
pub fn render(model: &ReportModel) -> Result<Vec<u8>, XlsxError> {
    let f = Formats::new();
    let mut book = Workbook::new();
    let mut used = HashSet::new();

    let mut summary = Worksheet::new();
    summary.set_name(sheet_name(SUMMARY_SHEET, &mut used))?;
    let conclusions_name = sheet_name(CONCLUSIONS_SHEET, &mut used);
    let table_names: Vec<String> = model
        .workbook_tables()
        .map(|t| sheet_name(&t.sheet, &mut used))
        .collect();
    let mut r = 0;
    let mut line = |sheet: &mut Worksheet, text: &str, fmt: &Format| -> Result<(), XlsxError> {
        sheet.write_string_with_format(r, 0, text, fmt)?;
        r += 1;
        Ok(())
    };
    line(&mut summary, crate::text::REPORT_TITLE, &f.caption)?;
    line(&mut summary, crate::text::REPORT_SUBTITLE, &f.caption)?;
    if let Some(org) = &model.title.organization {
        line(&mut summary, org, &f.text)?;
    }
    line(&mut summary, &model.title.survey, &f.text)?;
    line(
        &mut summary,
        &format!("{}: {}", crate::text::DATE, model.title.date),
        &f.text,
    )?;
    for fact in &model.title.facts {
        line(&mut summary, fact, &f.text)?;
    }
    summary.set_column_width(0, 110)?;
    book.push_worksheet(summary);

    book.push_worksheet(conclusions_sheet(
        model,
        &conclusions_name,
        &table_names,
        &f,
    )?);

    for (table, name) in model.workbook_tables().zip(&table_names) {
        book.push_worksheet(table_sheet(table, name, &f)?);
    }

    // The charts: each with its data block on the charts sheet.
    let charts_name = sheet_name(CHARTS_SHEET, &mut used);
    let mut sheet = Worksheet::new();
    sheet.set_name(&charts_name)?;
    let mut row = 0u32;
    for chart in model.charts() {
        sheet.write_string_with_format(row, 0, chart.title(), &f.caption)?;
        let first = row + 1;
        for (s, series) in chart.series.iter().enumerate() {
            sheet.write_string_with_format(first, 1 + s as u16, &series.name, &f.header)?;
        }
        for (c, category) in chart.categories.iter().enumerate() {
            let r = first + 1 + c as u32;
            sheet.write_string_with_format(r, 0, category, &f.text)?;
            for (s, series) in chart.series.iter().enumerate() {
                if let Some(Some(v)) = series.values.get(c) {
                    let fmt = if chart.percent {
                        &f.percents[1]
                    } else {
                        &f.decimals[2]
                    };
                    sheet.write_number_with_format(r, 1 + s as u16, *v, fmt)?;
                }
            }
        }
        let last = first + chart.categories.len() as u32;
        let mut xl = Chart::new(ChartType::Column);
        for (s, _) in chart.series.iter().enumerate() {
            let col = 1 + s as u16;
            xl.add_series()
                .set_name((charts_name.as_str(), first, col))
                .set_categories((charts_name.as_str(), first + 1, 0, last, 0))
                .set_values((charts_name.as_str(), first + 1, col, last, col));
        }
        xl.title().set_name(&chart.caption);
        if let Some(max) = chart.max {
            xl.y_axis().set_min(0.0).set_max(max);
        }
        if chart.series.len() < 2 {
            xl.legend().set_hidden();
        }
        sheet.insert_chart(first, chart.series.len() as u16 + 2, &xl)?;
        row = (last + 2).max(first + 17);
    }
    sheet.set_column_width(0, 40)?;
    book.push_worksheet(sheet);
    book.save_to_buffer()
}
