//! The DOCX renderer: the same [`ReportModel`] as the PDF, as a document
//! the analyst can edit before signing — Word heading styles («Заголовок
//! 1/2» are the built-in `Heading1`/`Heading2`, so the navigation pane and a
//! table of contents find them), real tables, charts as pictures, and the
//! PDF's page setup (A4, margins 30/10/20/20 mm, the page number centred in
//! the header from the second page on, Times New Roman 14 pt).
//!
//! Written with `docx-rs` (the maintained DOCX writer of the Rust
//! ecosystem, used without its `image` feature: the charts arrive as PNG
//! already, rasterized by `resvg` from the SVG the screen shows).

use docx_rs::{
    AlignmentType, Docx, Footer, Header, LineSpacing, PageMargin, PageNum, Paragraph, Pic, Run,
    RunFonts, Shading, SpecialIndentType, Style, StyleType, Table as DocxTable, TableCell,
    TableCellMargins, TableRow, VAlignType, WidthType,
};

use crate::model::{BarChart, Block, Cell, Placement, ReportModel, Signature, Table};
use crate::text as t;
use crate::typo::{soft_hyphens, typeset};

/// Twips (1/20 pt) in a millimetre.
const MM: f32 = 56.692_91;
/// A4 and the text width between the margins, twips.
const PAGE_W: u32 = 11_906;
const PAGE_H: u32 = 16_838;
const TEXT_W: f32 = (210.0 - 30.0 - 10.0) * MM;
/// Sizes in half-points: body 14 pt, tables 12 pt, captions 13 pt.
const BODY: usize = 28;
const TABLE: usize = 24;
const CAPTION: usize = 26;
const FONT: &str = "Times New Roman";

fn twips(mm: f32) -> i32 {
    (mm * MM).round() as i32
}

/// A run of typeset text, its longer words with soft hyphens (Word and
/// LibreOffice do not hyphenate Russian on their own unless told to).
fn run(text: &str) -> Run {
    Run::new().add_text(soft_hyphens(&typeset(&xml_text(text))))
}

/// The text with every character XML 1.0 forbids replaced by U+FFFD: the
/// inputs refuse them, but a file of an older Klimat may hold one, and one
/// would make the whole document unreadable.
fn xml_text(text: &str) -> std::borrow::Cow<'_, str> {
    use klimat_core::template::xml_char;
    if text.chars().all(xml_char) {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(
            text.chars()
                .map(|c| if xml_char(c) { c } else { '\u{FFFD}' })
                .collect(),
        )
    }
}

/// A paragraph of running text: justified, first line indented 1,25 cm.
fn body(text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(run(text))
        .align(AlignmentType::Both)
        .indent(
            None,
            Some(SpecialIndentType::FirstLine(twips(12.5))),
            None,
            None,
        )
}

fn centered(text: &str, size: usize, bold: bool) -> Paragraph {
    let mut r = run(text).size(size);
    if bold {
        r = r.bold();
    }
    Paragraph::new().add_run(r).align(AlignmentType::Center)
}

fn caption(text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(run(text).bold().size(CAPTION))
        .style("Caption")
        .keep_next(true)
}

fn signature(sig: &Signature, right: bool) -> Vec<Paragraph> {
    let date = sig.date.clone().unwrap_or_else(|| t::DATE_LINE.to_owned());
    let lines = [
        sig.heading.clone(),
        sig.position.clone(),
        format!("____________ {}", sig.name),
        date,
    ];
    lines
        .iter()
        .map(|l| {
            let p = Paragraph::new().add_run(run(l));
            if right {
                p.indent(Some(twips(85.0)), None, None, None)
            } else {
                p
            }
        })
        .collect()
}

/// A table cell's paragraphs: one per line of the text.
/// `keep`: the paragraphs stay with the next row (the header and the first
/// row, so that a caption and header never end a page alone).
fn cell(
    text: &str,
    header: bool,
    numeric: bool,
    width: usize,
    size: usize,
    keep: bool,
) -> TableCell {
    let mut c = TableCell::new().width(width, WidthType::Dxa);
    for line in text.split('\n') {
        let mut r = run(line).size(size);
        if header {
            r = r.bold();
        }
        let align = if header {
            AlignmentType::Center
        } else if numeric {
            AlignmentType::Right
        } else {
            AlignmentType::Left
        };
        c = c.add_paragraph(Paragraph::new().add_run(r).align(align).keep_next(keep));
    }
    if header {
        c = c
            .shading(Shading::new().fill("E6EBF2"))
            .vertical_align(VAlignType::Center);
    }
    c
}

/// Characters in a cell over which its row may part across pages (about a
/// third of a page at the table size in a half-width column).
const LONG_CELL: usize = 600;

fn table(table: &Table, layout: &crate::pdf::Layout) -> DocxTable {
    // The PDF's size for this table (12 pt, smaller for narrow columns).
    let size = (layout.table_size_for(table) * 2.0).round() as usize;
    let total: f32 = table.columns.iter().map(|c| c.weight).sum();
    let widths: Vec<usize> = table
        .columns
        .iter()
        .map(|c| (c.weight / total * TEXT_W) as usize)
        .collect();
    let mut rows = Vec::with_capacity(table.rows.len() + 1);
    if table.columns.iter().any(|c| !c.title.is_empty()) {
        // `cant_split` marks the header row; `finish` adds Word's
        // «repeat as header row» to it (docx-rs has no such setter).
        rows.push(
            TableRow::new(
                table
                    .columns
                    .iter()
                    .zip(&widths)
                    .map(|(c, w)| cell(&c.title, true, false, *w, size, true))
                    .collect(),
            )
            .cant_split(),
        );
    }
    for (i, row) in table.rows.iter().enumerate() {
        let r = TableRow::new(
            row.iter()
                .zip(&widths)
                .map(|(c, w)| {
                    let right = c.is_numeric() || matches!(c, Cell::Suppressed(_) | Cell::Withheld);
                    let tc = cell(&c.display(), false, right, *w, size, i == 0);
                    match c.shade().and_then(crate::model::shade_hex) {
                        Some(hex) => tc.shading(Shading::new().fill(hex)),
                        None => tc,
                    }
                })
                .collect(),
        );
        // A row is kept on one page (`finish`) unless it is long, as a
        // long open answer is: those may part across pages, as in the PDF.
        // The 1-twip minimum height marks them and changes nothing else.
        let long = row.iter().any(|c| c.display().chars().count() > LONG_CELL);
        rows.push(if long { r.row_height(1.0) } else { r });
    }
    // The PDF's cell padding (1,3 mm), so that a column holds what it
    // holds there.
    let pad = twips(1.3) as usize;
    DocxTable::new(rows)
        .set_grid(widths)
        .margins(TableCellMargins::new().margin(pad / 2, pad, pad / 2, pad))
}

/// The chart as a PNG, rasterized from the SVG the results screen shows,
/// with the report's font; its pixel size.
fn chart_png(chart: &BarChart) -> Option<(Vec<u8>, u32, u32)> {
    use resvg::{tiny_skia, usvg};
    let mut opt = usvg::Options {
        font_family: "Liberation Serif".to_owned(),
        ..usvg::Options::default()
    };
    opt.fontdb_mut()
        .load_font_data(crate::pdf::REGULAR_TTF.to_vec());
    let tree = usvg::Tree::from_str(&crate::svg::render(chart), &opt).ok()?;
    let scale = 2.5;
    let size = tree.size();
    let (w, h) = (
        (size.width() * scale).ceil() as u32,
        (size.height() * scale).ceil() as u32,
    );
    let mut pixmap = tiny_skia::Pixmap::new(w, h)?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    Some((pixmap.encode_png().ok()?, w, h))
}

fn styles(docx: Docx) -> Docx {
    docx.add_style(
        Style::new("Heading1", StyleType::Paragraph)
            .name("heading 1")
            .bold()
            .size(30)
            .outline_lvl(0),
    )
    .add_style(
        Style::new("Heading2", StyleType::Paragraph)
            .name("heading 2")
            .bold()
            .size(BODY)
            .outline_lvl(1),
    )
    .add_style(
        Style::new("Caption", StyleType::Paragraph)
            .name("caption")
            .bold()
            .size(CAPTION),
    )
}

/// Renders the annual report as DOCX.
pub fn render(model: &ReportModel) -> Vec<u8> {
    // The PDF's layout engine, for its font metrics only.
    let layout = crate::pdf::Layout::new("");
    let page_number = Header::new().add_paragraph(
        Paragraph::new()
            .add_page_num(PageNum::new())
            .align(AlignmentType::Center),
    );
    let mut docx = styles(Docx::new())
        .page_size(PAGE_W, PAGE_H)
        .page_margin(
            PageMargin::new()
                .top(twips(20.0))
                .bottom(twips(20.0))
                .left(twips(30.0))
                .right(twips(10.0))
                .header(twips(10.0))
                .footer(twips(10.0)),
        )
        .default_fonts(
            RunFonts::new()
                .ascii(FONT)
                .hi_ansi(FONT)
                .cs(FONT)
                .east_asia(FONT),
        )
        .default_size(BODY)
        .default_line_spacing(LineSpacing::new().after(80))
        .header(page_number)
        .first_header(Header::new())
        .first_footer(Footer::new())
        .title_pg();

    // The title page.
    if let Some(a) = &model.title.approval {
        for p in signature(a, true) {
            docx = docx.add_paragraph(p);
        }
    }
    for _ in 0..4 {
        docx = docx.add_paragraph(Paragraph::new());
    }
    if let Some(org) = &model.title.organization {
        docx = docx.add_paragraph(centered(org, BODY, false));
        for _ in 0..4 {
            docx = docx.add_paragraph(Paragraph::new());
        }
    }
    docx = docx
        .add_paragraph(centered(t::REPORT_TITLE, 40, true))
        .add_paragraph(centered(t::REPORT_SUBTITLE, 32, true))
        .add_paragraph(centered(&format!("«{}»", model.title.survey), 32, false))
        .add_paragraph(centered(
            &format!("{}: {}", t::DATE, model.title.date),
            BODY,
            false,
        ))
        .add_paragraph(Paragraph::new());
    for fact in &model.title.facts {
        docx = docx.add_paragraph(Paragraph::new().add_run(run(fact).size(TABLE)));
    }
    docx = docx.add_paragraph(centered(t::METHODOLOGY, TABLE, false));

    for section in &model.sections {
        docx = docx.add_paragraph(
            Paragraph::new()
                .add_run(run(&section.title))
                .style("Heading1")
                .page_break_before(true)
                .keep_next(true),
        );
        for block in &section.blocks {
            docx = match block {
                Block::Subheading(s) => docx.add_paragraph(
                    Paragraph::new()
                        .add_run(run(s))
                        .style("Heading2")
                        .keep_next(true),
                ),
                Block::Paragraph(p) => docx.add_paragraph(body(p)),
                Block::Bullets(items) => items
                    .iter()
                    .fold(docx, |d, i| d.add_paragraph(body(&format!("–\u{a0}{i}")))),
                Block::Table(tb) if tb.placement == Placement::WorkbookOnly => docx,
                Block::Table(tb) => docx
                    .add_paragraph(caption(&tb.title()))
                    .add_table(table(tb, &layout))
                    .add_paragraph(Paragraph::new()),
                Block::Chart(c) => {
                    let d = match chart_png(c) {
                        Some((png, w, h)) => {
                            // 16 cm wide, the height in proportion (EMU).
                            let emu_w = 160 * 36_000;
                            let emu_h = (f64::from(emu_w) * f64::from(h) / f64::from(w)) as u32;
                            docx.add_paragraph(
                                Paragraph::new()
                                    .add_run(Run::new().add_image(
                                        Pic::new_with_dimensions(png, w, h).size(emu_w, emu_h),
                                    ))
                                    .align(AlignmentType::Center)
                                    .keep_next(true),
                            )
                        }
                        None => docx,
                    };
                    d.add_paragraph(
                        Paragraph::new()
                            .add_run(run(&c.title()).size(CAPTION))
                            .align(AlignmentType::Center),
                    )
                }
                Block::Alert(a) => docx.add_paragraph(
                    Paragraph::new()
                        .add_run(run(a).bold())
                        .align(AlignmentType::Both),
                ),
                Block::Signature(sig) => {
                    let d = docx.add_paragraph(Paragraph::new());
                    signature(sig, false)
                        .into_iter()
                        .fold(d, |d, p| d.add_paragraph(p))
                }
            };
        }
    }
    let mut xml = docx.build();
    finish(&mut xml, model);
    let mut out = std::io::Cursor::new(Vec::new());
    // Packing into memory cannot fail.
    let _ = xml.pack(&mut out);
    out.into_inner()
}

/// What docx-rs cannot say, written into its XML before packing: header
/// rows repeated on every page a table spans, Russian as the language of
/// the text (Word's spelling and hyphenation), and the document's title,
/// author and subject.
fn finish(xml: &mut docx_rs::XMLDocx, model: &ReportModel) {
    // Only header rows are made with `cant_split`; rows with no
    // properties are the short ones, kept whole.
    let document = String::from_utf8_lossy(&xml.document)
        .replace(
            "<w:trPr><w:cantSplit /></w:trPr>",
            "<w:trPr><w:cantSplit /><w:tblHeader /></w:trPr>",
        )
        .replace("<w:trPr />", "<w:trPr><w:cantSplit /></w:trPr>");
    xml.document = document.into_bytes();
    // `lang` is the last child docx-rs leaves in the default run properties,
    // where the schema puts it after the fonts and the size.
    let styles = String::from_utf8_lossy(&xml.styles);
    if let Some(at) = styles
        .find("<w:rPrDefault>")
        .and_then(|start| styles[start..].find("</w:rPr>").map(|end| start + end))
    {
        let mut s = styles.into_owned();
        s.insert_str(
            at,
            r#"<w:lang w:val="ru-RU" w:eastAsia="ru-RU" w:bidi="ar-SA" />"#,
        );
        xml.styles = s.into_bytes();
    }
    let date = model
        .title
        .created
        .as_deref()
        .and_then(iso_date)
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".to_owned());
    let title = format!("{} «{}»", t::REPORT_TITLE_PLAIN, model.title.survey);
    let author = model.title.organization.clone().unwrap_or_default();
    xml.doc_props.core = format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
            r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
            r#"xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            r#"<dc:title>{title}</dc:title><dc:subject>{subject}</dc:subject>"#,
            r#"<dc:creator>{author}</dc:creator><dc:language>ru-RU</dc:language>"#,
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">{date}</dcterms:created>"#,
            r#"<dcterms:modified xsi:type="dcterms:W3CDTF">{date}</dcterms:modified>"#,
            r#"<cp:revision>1</cp:revision></cp:coreProperties>"#
        ),
        title = escape(&title),
        subject = escape(t::REPORT_SUBTITLE),
        author = escape(&author),
        date = date,
    )
    .into_bytes();
}

/// Text as XML character data.
fn escape(s: &str) -> String {
    xml_text(s)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// «06.12.2026» as «2026-12-06T00:00:00Z».
fn iso_date(date: &str) -> Option<String> {
    let mut p = date.split('.');
    let (d, m, y) = (p.next()?, p.next()?, p.next()?);
    Some(format!("{y}-{m}-{d}T00:00:00Z"))
}
