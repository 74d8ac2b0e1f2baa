//! The PDF renderer: a small page-layout engine over printpdf's operation
//! lists. A4 portrait, margins for filing (left 30 mm), Liberation Serif
//! embedded (subset), wrapped text, tables that break across pages with the
//! header repeated, bar charts drawn as vectors, page numbers.

use std::cell::RefCell;
use std::collections::HashMap;

use printpdf::{
    Color, FontId, Line, LinePoint, Mm, Op, PaintMode, ParsedFont, PdfDocument, PdfFontHandle,
    PdfPage, PdfSaveOptions, Point, Pt, Rect, Rgb, TextItem,
};

use crate::model::{BarChart, Block, Cell, ReportModel, Table};
use crate::text as t;

const REGULAR_TTF: &[u8] = include_bytes!("../fonts/LiberationSerif-Regular.ttf");
const BOLD_TTF: &[u8] = include_bytes!("../fonts/LiberationSerif-Bold.ttf");

/// Page geometry, millimetres.
const PAGE_W: f32 = 210.0;
const PAGE_H: f32 = 297.0;
const LEFT: f32 = 30.0;
const RIGHT: f32 = 15.0;
const TOP: f32 = 20.0;
const BOTTOM: f32 = 20.0;
const WIDTH: f32 = PAGE_W - LEFT - RIGHT;
const PT_MM: f32 = 25.4 / 72.0;

/// Regular or bold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Weight {
    Regular,
    Bold,
}

/// Horizontal alignment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Align {
    Left,
    Center,
    Right,
}

struct Face {
    font: ParsedFont,
    id: FontId,
    upem: f32,
    widths: RefCell<HashMap<char, f32>>,
}

impl Face {
    /// Advance of `c` in ems.
    fn advance(&self, c: char) -> f32 {
        if let Some(w) = self.widths.borrow().get(&c) {
            return *w;
        }
        let gid = self.font.lookup_glyph_index(u32::from(c)).unwrap_or(0);
        let w = f32::from(self.font.get_horizontal_advance(gid)) / self.upem;
        self.widths.borrow_mut().insert(c, w);
        w
    }
}

/// A document being laid out: pages of operations and a cursor.
pub(crate) struct Layout {
    doc: PdfDocument,
    regular: Face,
    bold: Face,
    pages: Vec<Vec<Op>>,
    /// The cursor: distance from the page bottom, mm.
    y: f32,
    /// Pages without a page number (the title page).
    unnumbered: usize,
}

fn rgb(r: f32, g: f32, b: f32) -> Color {
    Color::Rgb(Rgb {
        r,
        g,
        b,
        icc_profile: None,
    })
}

fn pt(mm: f32) -> Pt {
    Mm(mm).into()
}

impl Layout {
    pub(crate) fn new(title: &str) -> Layout {
        let mut doc = PdfDocument::new(title);
        let face = |bytes: &[u8], doc: &mut PdfDocument| {
            // The fonts are part of the binary; parsing them cannot fail.
            let font = ParsedFont::from_bytes(bytes, 0, &mut Vec::new()).expect("embedded font");
            let id = doc.add_font(&font);
            let upem = f32::from(font.font_metrics.units_per_em.max(1));
            Face {
                font,
                id,
                upem,
                widths: RefCell::new(HashMap::new()),
            }
        };
        let regular = face(REGULAR_TTF, &mut doc);
        let bold = face(BOLD_TTF, &mut doc);
        Layout {
            doc,
            regular,
            bold,
            pages: vec![Vec::new()],
            y: PAGE_H - TOP,
            unnumbered: 0,
        }
    }

    fn face(&self, w: Weight) -> &Face {
        match w {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    /// Width of `text` in mm at `size` points.
    pub(crate) fn width(&self, text: &str, size: f32, w: Weight) -> f32 {
        let face = self.face(w);
        text.chars().map(|c| face.advance(c)).sum::<f32>() * size * PT_MM
    }

    /// Wraps `text` into lines no wider than `max` mm; a word longer than a
    /// line is broken between letters.
    pub(crate) fn wrap(&self, text: &str, size: f32, w: Weight, max: f32) -> Vec<String> {
        let mut lines = Vec::new();
        for para in text.split('\n') {
            let mut line = String::new();
            for word in para.split_whitespace() {
                let candidate = if line.is_empty() {
                    word.to_owned()
                } else {
                    format!("{line} {word}")
                };
                if self.width(&candidate, size, w) <= max {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                // The word alone may still be too long: break it.
                let mut piece = String::new();
                for c in word.chars() {
                    piece.push(c);
                    if self.width(&piece, size, w) > max && piece.chars().count() > 1 {
                        piece.pop();
                        lines.push(std::mem::take(&mut piece));
                        piece.push(c);
                    }
                }
                line = piece;
            }
            lines.push(line);
        }
        lines
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        self.pages.last_mut().expect("a page")
    }

    /// Starts a new page.
    pub(crate) fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = PAGE_H - TOP;
    }

    /// Makes room for `h` mm, breaking the page if needed. Returns true if
    /// a new page was started.
    pub(crate) fn need(&mut self, h: f32) -> bool {
        if self.y - h < BOTTOM {
            self.new_page();
            true
        } else {
            false
        }
    }

    /// Draws one line of text with its baseline at `y`.
    pub(crate) fn text_at(&mut self, text: &str, x: f32, y: f32, size: f32, w: Weight) {
        if text.is_empty() {
            return;
        }
        let id = self.face(w).id.clone();
        self.ops().extend([
            Op::StartTextSection,
            Op::SetFont {
                font: PdfFontHandle::External(id),
                size: Pt(size),
            },
            Op::SetTextCursor {
                pos: Point::new(Mm(x), Mm(y)),
            },
            Op::ShowText {
                items: vec![TextItem::Text(text.to_owned())],
            },
            Op::EndTextSection,
        ]);
    }

    /// Draws `text` aligned within [x, x + width] at baseline `y`.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn aligned(
        &mut self,
        text: &str,
        x: f32,
        width: f32,
        y: f32,
        size: f32,
        w: Weight,
        align: Align,
    ) {
        let tw = self.width(text, size, w);
        let x = match align {
            Align::Left => x,
            Align::Center => x + (width - tw) / 2.0,
            Align::Right => x + width - tw,
        };
        self.text_at(text, x, y, size, w);
    }

    /// Flowing text: wraps, breaks pages, advances the cursor.
    pub(crate) fn paragraph(
        &mut self,
        text: &str,
        size: f32,
        w: Weight,
        indent: f32,
        align: Align,
    ) {
        let lh = size * PT_MM * 1.25;
        let lines = self.wrap(text, size, w, WIDTH - indent);
        for (i, line) in lines.iter().enumerate() {
            self.need(lh);
            self.y -= lh;
            let x = if i == 0 { LEFT + indent } else { LEFT };
            let width = WIDTH - if i == 0 { indent } else { 0.0 };
            self.aligned(line, x, width, self.y + lh * 0.25, size, w, align);
        }
    }

    /// Vertical space.
    pub(crate) fn gap(&mut self, mm: f32) {
        self.y -= mm;
    }

    /// A straight line.
    pub(crate) fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, thickness: f32) {
        self.ops().extend([
            Op::SetOutlineColor {
                col: rgb(0.0, 0.0, 0.0),
            },
            Op::SetOutlineThickness { pt: Pt(thickness) },
            Op::DrawLine {
                line: Line {
                    points: vec![
                        LinePoint {
                            p: Point::new(Mm(x1), Mm(y1)),
                            bezier: false,
                        },
                        LinePoint {
                            p: Point::new(Mm(x2), Mm(y2)),
                            bezier: false,
                        },
                    ],
                    is_closed: false,
                },
            },
        ]);
    }

    /// A rectangle, filled (`fill`) or outlined; (x, y) is its lower-left corner.
    pub(crate) fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, fill: Option<(f32, f32, f32)>) {
        let mode = match fill {
            Some((r, g, b)) => {
                self.ops().push(Op::SetFillColor { col: rgb(r, g, b) });
                PaintMode::Fill
            }
            None => {
                self.ops().extend([
                    Op::SetOutlineColor {
                        col: rgb(0.0, 0.0, 0.0),
                    },
                    Op::SetOutlineThickness { pt: Pt(0.6) },
                ]);
                PaintMode::Stroke
            }
        };
        self.ops().push(Op::DrawRectangle {
            rectangle: Rect {
                x: pt(x),
                y: pt(y),
                width: pt(w),
                height: pt(h),
                mode: Some(mode),
                winding_order: None,
            },
        });
        if fill.is_some() {
            self.ops().push(Op::SetFillColor {
                col: rgb(0.0, 0.0, 0.0),
            });
        }
    }

    /// A framed paragraph in bold: a threat the reader must not miss.
    pub(crate) fn alert(&mut self, text: &str) {
        const SIZE: f32 = 11.0;
        const PAD: f32 = 2.5;
        let lh = SIZE * PT_MM * 1.25;
        let lines = self.wrap(text, SIZE, Weight::Bold, WIDTH - 2.0 * PAD);
        let h = lh * lines.len() as f32 + 2.0 * PAD;
        self.need(h + 2.0);
        self.gap(1.0);
        let top = self.y;
        self.rect(LEFT, top - h, WIDTH, h, None);
        self.y -= PAD;
        for line in &lines {
            self.y -= lh;
            self.text_at(line, LEFT + PAD, self.y + lh * 0.25, SIZE, Weight::Bold);
        }
        self.y = top - h - 3.0;
    }

    /// A signature block: on the right half for «УТВЕРЖДАЮ» (`right`),
    /// otherwise position on the left and name on the right, with the date.
    pub(crate) fn signature(&mut self, sig: &crate::model::Signature, right: bool) {
        const SIZE: f32 = 12.0;
        let lh = SIZE * PT_MM * 1.3;
        self.need(lh * 5.0);
        self.gap(4.0);
        let date = sig.date.clone().unwrap_or_else(|| t::DATE_LINE.to_owned());
        if right {
            let x = LEFT + WIDTH * 0.55;
            let w = WIDTH * 0.45;
            let mut lines = vec![sig.heading.clone()];
            lines.extend(self.wrap(&sig.position, SIZE, Weight::Regular, w));
            lines.push(format!("____________ {}", sig.name));
            lines.push(date);
            for line in lines {
                self.y -= lh;
                self.text_at(&line, x, self.y, SIZE, Weight::Regular);
            }
        } else {
            self.y -= lh;
            self.text_at(&sig.heading, LEFT, self.y, SIZE, Weight::Regular);
            let pos = self.wrap(&sig.position, SIZE, Weight::Regular, WIDTH * 0.5);
            for (i, line) in pos.iter().enumerate() {
                self.y -= lh;
                self.text_at(line, LEFT, self.y, SIZE, Weight::Regular);
                if i + 1 == pos.len() {
                    let name = format!("____________ {}", sig.name);
                    self.aligned(
                        &name,
                        LEFT,
                        WIDTH,
                        self.y,
                        SIZE,
                        Weight::Regular,
                        Align::Right,
                    );
                }
            }
            self.y -= lh;
            self.text_at(&date, LEFT, self.y, SIZE, Weight::Regular);
        }
        self.gap(3.0);
    }

    /// A table with a caption; rows wrap, pages break, the header repeats.
    pub(crate) fn table(&mut self, table: &Table) {
        const SIZE: f32 = 9.0;
        const PAD: f32 = 1.2;
        let lh = SIZE * PT_MM * 1.2;
        let total: f32 = table.columns.iter().map(|c| c.weight).sum();
        let widths: Vec<f32> = table
            .columns
            .iter()
            .map(|c| c.weight / total * WIDTH)
            .collect();
        let wrap_row = |this: &Layout, cells: &[String], w: Weight| -> Vec<Vec<String>> {
            cells
                .iter()
                .zip(&widths)
                .map(|(c, width)| this.wrap(c, SIZE, w, width - 2.0 * PAD))
                .collect()
        };
        let header: Vec<String> = table.columns.iter().map(|c| c.title.clone()).collect();
        let header_lines = wrap_row(self, &header, Weight::Bold);
        let header_h = header_lines.iter().map(Vec::len).max().unwrap_or(1) as f32 * lh + 2.0 * PAD;

        // The caption stays with the header and the first two rows, at
        // their real heights (a caption and header alone at a page's foot
        // say nothing).
        let caption = self.wrap(&table.caption, 10.0, Weight::Bold, WIDTH);
        let caption_h = caption.len() as f32 * 10.0 * PT_MM * 1.25 + 1.5;
        let first_rows: f32 = table
            .rows
            .iter()
            .take(2)
            .map(|row| {
                let texts: Vec<String> = row.iter().map(Cell::display).collect();
                wrap_row(self, &texts, Weight::Regular)
                    .iter()
                    .map(Vec::len)
                    .max()
                    .unwrap_or(1) as f32
                    * lh
                    + 2.0 * PAD
            })
            .sum();
        self.need(caption_h + header_h + first_rows.max(lh + 2.0 * PAD));
        self.paragraph(&table.caption, 10.0, Weight::Bold, 0.0, Align::Left);
        self.gap(1.5);
        let header = |this: &mut Layout| {
            this.table_row(
                &header_lines,
                &widths,
                header_h,
                lh,
                PAD,
                Weight::Bold,
                None,
                true,
            );
        };
        header(self);
        for row in &table.rows {
            let texts: Vec<String> = row.iter().map(Cell::display).collect();
            let lines = wrap_row(self, &texts, Weight::Regular);
            let h = lines.iter().map(Vec::len).max().unwrap_or(1) as f32 * lh + 2.0 * PAD;
            // A page break repeats the header.
            if self.need(h) {
                header(self);
            }
            self.table_row(
                &lines,
                &widths,
                h,
                lh,
                PAD,
                Weight::Regular,
                Some(row),
                false,
            );
        }
        self.gap(4.0);
    }

    #[allow(clippy::too_many_arguments)]
    fn table_row(
        &mut self,
        lines: &[Vec<String>],
        widths: &[f32],
        h: f32,
        lh: f32,
        pad: f32,
        w: Weight,
        cells: Option<&Vec<Cell>>,
        header: bool,
    ) {
        let top = self.y;
        let bottom = top - h;
        if header {
            self.rect(LEFT, bottom, WIDTH, h, Some((0.9, 0.92, 0.95)));
        }
        let mut x = LEFT;
        for (i, (cell_lines, width)) in lines.iter().zip(widths).enumerate() {
            let align = match cells.and_then(|c| c.get(i)) {
                _ if header => Align::Center,
                Some(c) if c.is_numeric() || matches!(c, Cell::Suppressed(_) | Cell::Withheld) => {
                    Align::Right
                }
                _ => Align::Left,
            };
            for (k, line) in cell_lines.iter().enumerate() {
                let baseline = top - pad - (k as f32 + 0.8) * lh;
                self.aligned(line, x + pad, width - 2.0 * pad, baseline, 9.0, w, align);
            }
            self.line(x, top, x, bottom, 0.4);
            x += width;
        }
        self.line(x, top, x, bottom, 0.4);
        self.line(LEFT, top, LEFT + WIDTH, top, 0.4);
        self.line(LEFT, bottom, LEFT + WIDTH, bottom, 0.4);
        self.y = bottom;
    }

    /// A bar chart drawn as vectors, with its caption below as in the methodology.
    pub(crate) fn chart(&mut self, chart: &BarChart) {
        const COLORS: [(f32, f32, f32); 4] = [
            (0.20, 0.40, 0.65),
            (0.85, 0.45, 0.20),
            (0.35, 0.60, 0.35),
            (0.55, 0.35, 0.60),
        ];
        let plot_h = 60.0;
        let n = chart.categories.len().max(1);
        let slot = (WIDTH - 14.0) / n as f32;
        // Category labels are never split inside a word: the type shrinks
        // until the longest word fits its slot; below 5,5 pt the slots are
        // numbered instead, with the names in a key under the chart.
        let widest = chart
            .categories
            .iter()
            .flat_map(|c| c.split_whitespace())
            .map(|w| self.width(w, 7.0, Weight::Regular))
            .fold(0.0f32, f32::max);
        let fit = if widest > 0.0 {
            (7.0 * (slot - 1.0) / widest).min(7.0)
        } else {
            7.0
        };
        let numbered = fit < 5.5;
        let label_size = if numbered { 7.0 } else { fit };
        let labels: Vec<String> = if numbered {
            (1..=chart.categories.len())
                .map(|i| i.to_string())
                .collect()
        } else {
            chart.categories.clone()
        };
        let label_lines: Vec<Vec<String>> = labels
            .iter()
            .map(|c| self.wrap(c, label_size, Weight::Regular, slot - 1.0))
            .collect();
        let labels_h =
            label_lines.iter().map(Vec::len).max().unwrap_or(1) as f32 * label_size * PT_MM * 1.2;
        let legend_h = if chart.series.len() > 1 { 6.0 } else { 0.0 };
        let caption = self.wrap(&chart.caption, 10.0, Weight::Regular, WIDTH);
        let caption_h = caption.len() as f32 * 10.0 * PT_MM * 1.25;
        self.need(plot_h + labels_h + legend_h + caption_h + 10.0);
        let top_value = chart.axis_top();
        let x0 = LEFT + 12.0;
        let y0 = self.y - 4.0 - plot_h;
        // Axes and gridlines at quarters.
        for (q, (_, label)) in chart.ticks().into_iter().enumerate() {
            let y = y0 + plot_h * q as f32 / 4.0;
            self.line(
                x0,
                y,
                x0 + slot * n as f32,
                y,
                if q == 0 { 0.8 } else { 0.2 },
            );
            self.aligned(
                &label,
                LEFT,
                10.5,
                y - 1.0,
                label_size,
                Weight::Regular,
                Align::Right,
            );
        }
        self.line(x0, y0, x0, y0 + plot_h, 0.8);
        let series_n = chart.series.len().max(1) as f32;
        let bar_w = (slot * 0.75) / series_n;
        for (ci, lines) in label_lines.iter().enumerate() {
            let sx = x0 + slot * ci as f32;
            for (si, s) in chart.series.iter().enumerate() {
                let Some(v) = s.values.get(ci).copied().flatten() else {
                    continue;
                };
                let h = (v / top_value) as f32 * plot_h;
                let bx = sx + slot * 0.125 + bar_w * si as f32;
                self.rect(bx, y0, bar_w, h.max(0.0), Some(COLORS[si % COLORS.len()]));
                let value = if chart.percent {
                    klimat_core::numfmt::decimal(v, 1)
                } else {
                    klimat_core::numfmt::decimal(v, 2)
                };
                self.aligned(
                    &value,
                    bx - 2.0,
                    bar_w + 4.0,
                    y0 + h + 1.0,
                    6.0,
                    Weight::Regular,
                    Align::Center,
                );
            }
            for (k, line) in lines.iter().enumerate() {
                let y = y0 - 3.0 - k as f32 * label_size * PT_MM * 1.2;
                self.aligned(
                    line,
                    sx,
                    slot,
                    y,
                    label_size,
                    Weight::Regular,
                    Align::Center,
                );
            }
        }
        self.y = y0 - labels_h - 3.0;
        if numbered {
            let key = chart
                .categories
                .iter()
                .enumerate()
                .map(|(i, c)| format!("{} – {c}", i + 1))
                .collect::<Vec<_>>()
                .join("; ");
            self.paragraph(&key, 8.0, Weight::Regular, 0.0, Align::Left);
            self.gap(1.0);
        }
        if chart.series.len() > 1 {
            let mut x = x0;
            for (si, s) in chart.series.iter().enumerate() {
                self.rect(x, self.y - 3.0, 3.0, 3.0, Some(COLORS[si % COLORS.len()]));
                self.text_at(&s.name, x + 4.0, self.y - 2.7, 8.0, Weight::Regular);
                x += 8.0 + self.width(&s.name, 8.0, Weight::Regular);
            }
            self.y -= legend_h;
        }
        self.gap(1.0);
        self.paragraph(&chart.caption, 10.0, Weight::Regular, 0.0, Align::Center);
        self.gap(4.0);
    }

    /// Marks the pages so far as not numbered (the title page).
    pub(crate) fn unnumbered_so_far(&mut self) {
        self.unnumbered = self.pages.len();
    }

    /// The finished PDF: page numbers added, fonts subset.
    pub(crate) fn finish(mut self) -> Vec<u8> {
        let total = self.pages.len();
        for i in self.unnumbered..total {
            let label = t::page_of(i + 1, total);
            let w = self.width(&label, 9.0, Weight::Regular);
            let id = self.regular.id.clone();
            self.pages[i].extend([
                Op::StartTextSection,
                Op::SetFont {
                    font: PdfFontHandle::External(id),
                    size: Pt(9.0),
                },
                Op::SetTextCursor {
                    pos: Point::new(Mm(LEFT + (WIDTH - w) / 2.0), Mm(10.0)),
                },
                Op::ShowText {
                    items: vec![TextItem::Text(label)],
                },
                Op::EndTextSection,
            ]);
        }
        let pages = std::mem::take(&mut self.pages)
            .into_iter()
            .map(|ops| PdfPage::new(Mm(PAGE_W), Mm(PAGE_H), ops))
            .collect();
        let opts = PdfSaveOptions {
            subset_fonts: true,
            ..PdfSaveOptions::default()
        };
        self.doc.with_pages(pages).save(&opts, &mut Vec::new())
    }

    /// The cursor, mm from the bottom.
    pub(crate) fn y(&self) -> f32 {
        self.y
    }

    /// Sets the cursor.
    pub(crate) fn set_y(&mut self, y: f32) {
        self.y = y;
    }
}

/// The left margin and the text width, for renderers that place things themselves.
pub(crate) const fn frame() -> (f32, f32) {
    (LEFT, WIDTH)
}

/// Renders the annual report.
pub fn render(model: &ReportModel) -> Vec<u8> {
    let mut l = Layout::new(&model.title.survey);
    // Title page, with the «УТВЕРЖДАЮ» block at the top right.
    if let Some(a) = &model.title.approval {
        l.set_y(PAGE_H - 20.0);
        l.signature(a, true);
    }
    l.set_y(
        PAGE_H
            - if model.title.approval.is_some() {
                75.0
            } else {
                60.0
            },
    );
    if let Some(org) = &model.title.organization {
        l.paragraph(org, 14.0, Weight::Regular, 0.0, Align::Center);
        l.gap(30.0);
    } else {
        l.gap(36.0);
    }
    l.paragraph(t::REPORT_TITLE, 20.0, Weight::Bold, 0.0, Align::Center);
    l.gap(3.0);
    l.paragraph(t::REPORT_SUBTITLE, 14.0, Weight::Bold, 0.0, Align::Center);
    l.gap(6.0);
    l.paragraph(
        &format!("«{}»", model.title.survey),
        14.0,
        Weight::Regular,
        0.0,
        Align::Center,
    );
    l.gap(3.0);
    l.paragraph(
        &format!("{}: {}", t::DATE, model.title.date),
        12.0,
        Weight::Regular,
        0.0,
        Align::Center,
    );
    l.gap(30.0);
    for fact in &model.title.facts {
        l.paragraph(fact, 11.0, Weight::Regular, 0.0, Align::Left);
        l.gap(1.5);
    }
    l.set_y(BOTTOM + 25.0);
    l.paragraph(t::METHODOLOGY, 9.0, Weight::Regular, 0.0, Align::Center);
    l.unnumbered_so_far();

    for section in &model.sections {
        l.new_page();
        l.paragraph(&section.title, 14.0, Weight::Bold, 0.0, Align::Left);
        l.gap(3.0);
        for block in &section.blocks {
            match block {
                Block::Subheading(s) => {
                    l.need(20.0);
                    l.gap(2.0);
                    l.paragraph(s, 12.0, Weight::Bold, 0.0, Align::Left);
                    l.gap(1.5);
                }
                Block::Paragraph(p) => {
                    l.paragraph(p, 11.0, Weight::Regular, 10.0, Align::Left);
                    l.gap(1.5);
                }
                Block::Bullets(items) => {
                    for item in items {
                        l.paragraph(
                            &format!("– {item}"),
                            11.0,
                            Weight::Regular,
                            0.0,
                            Align::Left,
                        );
                        l.gap(1.0);
                    }
                    l.gap(2.0);
                }
                Block::Table(table) if table.placement == crate::model::Placement::Both => {
                    l.table(table);
                }
                Block::Table(_) => {}
                Block::Chart(chart) => l.chart(chart),
                Block::Alert(text) => l.alert(text),
                Block::Signature(sig) => l.signature(sig, false),
            }
        }
    }
    let _ = l.y();
    l.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_words_and_texts_wrap_inside_the_width() {
        let l = Layout::new("t");
        let word = "Высокопрофессиональнейшего".repeat(8);
        let text =
            format!("Начало {word} конец, и ещё немного обычного русского текста для переноса.");
        let lines = l.wrap(&text, 11.0, Weight::Regular, 60.0);
        assert!(lines.len() > 3, "{lines:?}");
        for line in &lines {
            assert!(
                l.width(line, 11.0, Weight::Regular) <= 60.0 + 1e-3,
                "{line:?} is too wide"
            );
        }
        assert_eq!(
            lines.concat().replace(' ', ""),
            text.replace(' ', ""),
            "nothing is lost"
        );
    }
}
