//! The XLSX renderer: a sheet per table (Russian names), frozen headers and
//! filters, numbers stored as numbers with number formats, every text as a
//! string (a respondent's "=1+1" stays text), and native Excel charts of the
//! same figures as the PDF on a sheet of their own.

use std::collections::HashSet;

use rust_xlsxwriter::{
    Chart, ChartDataLabel, ChartFont, ChartLegendPosition, ChartType, Format, FormatAlign,
    Workbook, Worksheet, XlsxError,
};

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
    caption_wrap: Format,
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
                // Negative numbers with a true minus (U+2212), as printed.
                Format::new()
                    .set_num_format(format!("{f};\u{2212}{f}"))
                    .set_align(FormatAlign::Top)
            })
            .collect();
        // Percents are stored as fractions (0,4568) under a % format, so
        // that Excel's own arithmetic and formats see a percent.
        let percents = (0..=6)
            .map(|d| {
                let f = if d == 0 {
                    "0\" \"%".to_owned()
                } else {
                    format!("0.{}\" \"%", "0".repeat(d))
                };
                Format::new().set_num_format(f).set_align(FormatAlign::Top)
            })
            .collect();
        // Signed changes with a true minus; «п. п.» after a change of a percent.
        let signed = |d: usize, unit: &str| {
            let n = if d == 0 {
                "0".to_owned()
            } else {
                format!("0.{}", "0".repeat(d))
            };
            Format::new()
                .set_num_format(format!("+{n}{unit};\u{2212}{n}{unit};{n}{unit}"))
                .set_align(FormatAlign::Top)
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
            int: Format::new()
                .set_num_format("0")
                .set_align(FormatAlign::Top),
            decimals,
            percents,
            caption: Format::new().set_bold(),
            caption_wrap: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Top),
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
            sheet.write_number_with_format(
                row,
                col,
                *v / 100.0,
                &f.percents[usize::from(*d).min(6)],
            )?;
        }
        Cell::Change(v, d, pp) => {
            let formats = if *pp { &f.points } else { &f.changes };
            sheet.write_number_with_format(row, col, *v, &formats[usize::from(*d).min(6)])?;
        }
        Cell::Empty => {}
        Cell::Suppressed(_) | Cell::Withheld => {
            sheet.write_string_with_format(row, col, cell.display(), &f.text)?;
        }
        // A heatmap cell: its number in its format; the sheet's conditional
        // formatting gives it its shade ([`heat_formats`]), so that an
        // edited figure is shaded anew.
        Cell::Shaded(inner, _) => write_cell(sheet, row, col, inner, f)?,
    }
    Ok(())
}

/// The page setup of every sheet: A4, the office margins (left 30 mm,
/// right 10 mm, top and bottom 20 mm), the header row repeated on every
/// page, the survey and the sheet in the page header and «Страница N из M»
/// in the footer. The sheet's width (`width`, in Excel's character units)
/// decides the orientation and the scale: up to 80 characters portrait,
/// up to 125 landscape (a tenth of the page spare), wider ones scaled down to fit (an explicit scale,
/// which LibreOffice honours as Excel does; `spread` sheets, the per-form
/// data, instead run over several pages with their first column repeated).
fn page_setup(
    sheet: &mut Worksheet,
    survey: &str,
    header_row: Option<u32>,
    width: f64,
    spread: bool,
) -> Result<(), XlsxError> {
    const MM: f64 = 1.0 / 25.4;
    const PORTRAIT: f64 = 80.0;
    const LANDSCAPE: f64 = 125.0;
    sheet.set_paper_size(9);
    if width > PORTRAIT {
        sheet.set_landscape();
    }
    // Data sheets are scaled to no less than 40 % and run over pages
    // across, their first column (the form code) repeated.
    let least = if spread {
        sheet.set_repeat_columns(0, 0)?;
        40.0
    } else {
        10.0
    };
    if width > LANDSCAPE {
        sheet.set_print_scale((100.0 * LANDSCAPE / width).floor().max(least) as u16);
    }
    sheet.set_margins(
        30.0 * MM,
        10.0 * MM,
        20.0 * MM,
        20.0 * MM,
        8.0 * MM,
        8.0 * MM,
    );
    if let Some(r) = header_row {
        sheet.set_repeat_rows(r, r)?;
    }
    // «&» starts a code in a header: a survey named «А&Б» keeps its «&».
    let survey: String = survey.replace('&', "&&").chars().take(120).collect();
    sheet.set_header(format!("&L&9{survey}&R&9&A"));
    sheet.set_footer(format!("&C&9{}", crate::text::XLSX_PAGE_OF));
    Ok(())
}

/// The lines `text` takes in a column `width` characters wide (wrapped at
/// words, as a spreadsheet wraps).
fn lines_in(text: &str, width: f64) -> usize {
    let per_line = (width * 1.0).max(1.0) as usize;
    text.split('\n')
        .map(|para| {
            let mut lines = 1;
            let mut used = 0usize;
            for word in para.split_whitespace() {
                let n = word.chars().count();
                if used > 0 && used + 1 + n > per_line {
                    lines += 1 + n / per_line.max(1);
                    used = n % per_line.max(1);
                } else {
                    used += n + usize::from(used > 0);
                }
            }
            lines
        })
        .sum()
}

/// The height of a row of wrapped cells, points (15 a line of 11-pt type).
fn row_height(cells: impl Iterator<Item = (String, f64)>) -> Option<f64> {
    let lines = cells.map(|(t, w)| lines_in(&t, w)).max().unwrap_or(1);
    (lines > 1).then(|| (lines as f64 * 15.0).min(409.0))
}

/// A caption over `columns` columns (`width` characters), wrapped within
/// them so that it prints inside the page.
fn caption_row(
    sheet: &mut Worksheet,
    row: u32,
    text: &str,
    columns: usize,
    width: f64,
    f: &Formats,
) -> Result<(), XlsxError> {
    if columns > 1 {
        sheet.merge_range(row, 0, row, columns as u16 - 1, text, &f.caption_wrap)?;
    } else {
        sheet.write_string_with_format(row, 0, text, &f.caption_wrap)?;
    }
    if let Some(h) = row_height(std::iter::once((text.to_owned(), width * 0.9))) {
        sheet.set_row_height(row, h)?;
    }
    Ok(())
}

fn column_width(col: &crate::model::Column) -> f64 {
    let chars = col.title.chars().count().max(6) as f64;
    (f64::from(col.weight) * 9.0).clamp(chars.min(14.0), 60.0)
}

/// A heatmap's shades as conditional formatting: per column, one rule per
/// shade, on the difference of a number from the overall figure (text and
/// blank cells, the hidden groups, are never shaded).
fn heat_formats(sheet: &mut Worksheet, table: &Table, first_row: u32) -> Result<(), XlsxError> {
    use rust_xlsxwriter::{Color, ConditionalFormatFormula};
    if table.heat.is_empty() || table.rows.is_empty() {
        return Ok(());
    }
    let last_row = first_row + table.rows.len() as u32 - 1;
    for (c, heat) in table.heat.iter().enumerate() {
        let Some(h) = heat else { continue };
        let scale = if h.percent { 100.0 } else { 1.0 };
        let (o, step) = (h.overall / scale, h.step / scale);
        // The column's letter (heatmaps have fewer than 27 columns).
        let Some(letter) = u8::try_from(c)
            .ok()
            .filter(|&c| c < 26)
            .map(|c| char::from(b'A' + c))
        else {
            continue;
        };
        let cell = format!("{letter}{}", first_row + 1);
        for level in [3i8, 2, 1, -1, -2, -3] {
            let Some(hex) = crate::model::shade_hex(level) else {
                continue;
            };
            let low = o + step * f64::from(level);
            let rule = match level {
                3 => format!("=AND(ISNUMBER({cell}),{cell}>={low})"),
                -3 => format!("=AND(ISNUMBER({cell}),{cell}<={low})"),
                l if l > 0 => format!(
                    "=AND(ISNUMBER({cell}),{cell}>={low},{cell}<{})",
                    o + step * f64::from(level + 1)
                ),
                _ => format!(
                    "=AND(ISNUMBER({cell}),{cell}<={low},{cell}>{})",
                    o + step * f64::from(level - 1)
                ),
            };
            let fill = Format::new().set_background_color(Color::RGB(
                u32::from_str_radix(&hex, 16).unwrap_or(0xFF_FFFF),
            ));
            let cf = ConditionalFormatFormula::new()
                .set_rule(rule.as_str())
                .set_format(fill);
            sheet.add_conditional_format(first_row, c as u16, last_row, c as u16, &cf)?;
        }
    }
    Ok(())
}

fn table_sheet(
    table: &Table,
    name: &str,
    f: &Formats,
    survey: &str,
) -> Result<Worksheet, XlsxError> {
    let mut sheet = Worksheet::new();
    sheet.set_name(name)?;
    caption_row(
        &mut sheet,
        0,
        &table.title(),
        table.columns.len(),
        table.columns.iter().map(column_width).sum(),
        f,
    )?;
    let header_row = 1;
    let widths: Vec<f64> = table.columns.iter().map(column_width).collect();
    for (c, col) in table.columns.iter().enumerate() {
        sheet.write_string_with_format(header_row, c as u16, &col.title, &f.header)?;
        sheet.set_column_width(c as u16, widths[c])?;
    }
    if let Some(h) = row_height(
        table
            .columns
            .iter()
            .zip(&widths)
            .map(|(c, w)| (c.title.clone(), *w * 0.9)),
    ) {
        sheet.set_row_height(header_row, h)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        let at = header_row + 1 + r as u32;
        for (c, cell) in row.iter().enumerate() {
            write_cell(&mut sheet, at, c as u16, cell, f)?;
        }
        let texts = row.iter().zip(&widths).filter_map(|(cell, w)| match cell {
            Cell::Text(t) => Some((t.clone(), *w)),
            _ => None,
        });
        if let Some(h) = row_height(texts) {
            sheet.set_row_height(at, h)?;
        }
    }
    heat_formats(&mut sheet, table, header_row + 1)?;
    // Wide tables print across the page, and fitted to its width.
    let spread = table.placement == crate::model::Placement::WorkbookOnly && widths.len() > 12;
    page_setup(
        &mut sheet,
        survey,
        Some(header_row),
        widths.iter().sum::<f64>(),
        spread,
    )?;
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
    const WIDTH: f64 = 60.0;
    sheet.set_column_width(0, WIDTH)?;
    page_setup(&mut sheet, &model.title.survey, None, WIDTH, false)?;
    let alert = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(rust_xlsxwriter::FormatBorder::Medium);
    let mut r = 0u32;
    let mut put = |sheet: &mut Worksheet, text: &str, fmt: &Format| -> Result<(), XlsxError> {
        sheet.write_string_with_format(r, 0, text, fmt)?;
        if let Some(h) = row_height(std::iter::once((text.to_owned(), WIDTH))) {
            sheet.set_row_height(r, h)?;
        }
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
    summary.set_column_width(0, 60)?;
    page_setup(&mut summary, &model.title.survey, None, 60.0, false)?;
    book.push_worksheet(summary);

    book.push_worksheet(conclusions_sheet(
        model,
        &conclusions_name,
        &table_names,
        &f,
    )?);

    for (table, name) in model.workbook_tables().zip(&table_names) {
        book.push_worksheet(table_sheet(table, name, &f, &model.title.survey)?);
    }

    // The charts: each with its data block on the charts sheet, a page
    // each when printed (a page break before every block but the first),
    // sized so that titles, legends and labels are whole.
    let charts_name = sheet_name(CHARTS_SHEET, &mut used);
    let mut sheet = Worksheet::new();
    sheet.set_name(&charts_name)?;
    let mut row = 0u32;
    let mut breaks = Vec::new();
    let font = |size: f64| {
        ChartFont::new()
            .set_size(size)
            .set_name("Times New Roman")
            .clone()
    };
    for chart in model.charts() {
        if row > 0 {
            breaks.push(row);
        }
        caption_row(&mut sheet, row, &chart.title(), 5, 60.0, &f)?;
        let first = row + 1;
        // The block's height so far, pixels: the chart below must end on
        // the same page.
        let mut block_px = 40.0;
        for (s, series) in chart.series.iter().enumerate() {
            sheet.write_string_with_format(first, 1 + s as u16, &series.name, &f.header)?;
        }
        let header_h =
            row_height(chart.series.iter().map(|s| (s.name.clone(), 11.0))).unwrap_or(15.0);
        sheet.set_row_height(first, header_h)?;
        block_px += header_h * 4.0 / 3.0;
        for (c, category) in chart.categories.iter().enumerate() {
            let r = first + 1 + c as u32;
            sheet.write_string_with_format(r, 0, category, &f.text)?;
            let h = row_height(std::iter::once((category.clone(), 34.0))).unwrap_or(15.0);
            sheet.set_row_height(r, h)?;
            block_px += h * 4.0 / 3.0;
            for (s, series) in chart.series.iter().enumerate() {
                if let Some(Some(v)) = series.values.get(c) {
                    if chart.percent {
                        sheet.write_number_with_format(
                            r,
                            1 + s as u16,
                            *v / 100.0,
                            &f.percents[1],
                        )?;
                    } else {
                        sheet.write_number_with_format(r, 1 + s as u16, *v, &f.decimals[2])?;
                    }
                }
            }
        }
        let last = first + chart.categories.len() as u32;
        // Many or long categories read better as horizontal bars, in the
        // table's order from the top.
        let horizontal =
            chart.categories.len() > 6 || chart.categories.iter().any(|c| c.chars().count() > 18);
        let mut xl = Chart::new(if horizontal {
            ChartType::Bar
        } else {
            ChartType::Column
        });
        for (s, _) in chart.series.iter().enumerate() {
            let col = 1 + s as u16;
            xl.add_series()
                .set_name((charts_name.as_str(), first, col))
                .set_categories((charts_name.as_str(), first + 1, 0, last, 0))
                .set_values((charts_name.as_str(), first + 1, col, last, col))
                .set_data_label(
                    ChartDataLabel::new()
                        .show_value()
                        .set_font(&font(8.0))
                        .set_num_format(if chart.percent { "0.0%" } else { "0.00" }),
                );
        }
        xl.title()
            .set_name(&chart.caption)
            .set_font(&font(10.0).set_bold().clone());
        let scale = if chart.percent { 100.0 } else { 1.0 };
        // In a Bar chart the value axis is the horizontal (x) one.
        let value_axis = if horizontal { xl.x_axis() } else { xl.y_axis() };
        value_axis
            .set_min(0.0)
            .set_max(chart.axis_top() / scale)
            .set_font(&font(8.0))
            .set_num_format(if chart.percent { "0%" } else { "0" });
        let category_axis = if horizontal { xl.y_axis() } else { xl.x_axis() };
        category_axis.set_font(&font(8.0)).set_label_interval(1);
        if horizontal {
            category_axis.set_reverse();
        }
        if chart.series.len() < 2 {
            xl.legend().set_hidden();
        } else {
            xl.legend()
                .set_position(ChartLegendPosition::Bottom)
                .set_font(&font(9.0));
        }
        // A printed page holds about 960 px below the margins.
        let wanted = if horizontal {
            120.0 + 16.0 * (chart.categories.len() * chart.series.len().max(1)) as f64
        } else {
            380.0
        };
        let height = wanted.min(960.0 - block_px - 40.0).max(240.0) as u32;
        // As wide as the data columns A–E (571 px), so that it prints on
        // their page.
        xl.set_width(560).set_height(height);
        sheet.insert_chart(last + 2, 0, &xl)?;
        // The block's rows: the data, the chart (20 px a row), a margin.
        row = last + 2 + height.div_ceil(20) + 2;
    }
    sheet.set_column_width(0, 34)?;
    for c in 1..=4 {
        sheet.set_column_width(c, 11)?;
    }
    sheet.set_page_breaks(&breaks)?;
    page_setup(&mut sheet, &model.title.survey, None, 60.0, false)?;
    book.push_worksheet(sheet);
    book.save_to_buffer()
}
