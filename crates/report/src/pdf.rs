//! The PDF renderer: a small page-layout engine over printpdf's operation
//! lists, set to the Belarusian office standard (Инструкция по
//! делопроизводству, Минюст № 4 of 19.01.2009; СТБ 6.38-2016): A4 portrait,
//! margins left 30 mm, right 10 mm, top and bottom 20 mm; page numbers
//! centred in the top margin, none on the first page; Liberation Serif (the
//! metrics of Times New Roman) at 14 pt, tables at 12 pt; justified text
//! with Russian hyphenation; tables that keep their caption with the header
//! and two rows, repeat the header under «Продолжение таблицы N» and split
//! rows taller than a page; bar charts drawn as vectors with labels of at
//! least 8 pt; an outline of the sections, language, title, author and the
//! real creation date in the file.

use std::cell::RefCell;
use std::collections::HashMap;

use printpdf::{
    Color, FontId, Line, LinePoint, Mm, Op, PaintMode, ParsedFont, PdfDocument, PdfFontHandle,
    PdfPage, PdfSaveOptions, Point, Pt, Rect, Rgb, TextItem,
};

use crate::model::{BarChart, Block, Cell, ReportModel, Table};
use crate::text as t;
use crate::typo;

pub(crate) const REGULAR_TTF: &[u8] = include_bytes!("../fonts/LiberationSerif-Regular.ttf");
const BOLD_TTF: &[u8] = include_bytes!("../fonts/LiberationSerif-Bold.ttf");

/// Page geometry, millimetres.
const PAGE_W: f32 = 210.0;
const PAGE_H: f32 = 297.0;
const LEFT: f32 = 30.0;
const RIGHT: f32 = 10.0;
const TOP: f32 = 20.0;
const BOTTOM: f32 = 20.0;
const WIDTH: f32 = PAGE_W - LEFT - RIGHT;
const PT_MM: f32 = 25.4 / 72.0;
/// The page number's baseline: in the top margin, about 12 mm from the edge.
const PAGE_NUMBER_Y: f32 = PAGE_H - 12.0;

/// Type sizes, points: the office body size, tables two sizes smaller,
/// charts never under 8 pt.
pub(crate) const BODY: f32 = 14.0;
pub(crate) const TABLE: f32 = 12.0;
const CAPTION: f32 = 13.0;
const HEADING: f32 = 15.0;
const CHART_LABEL: f32 = 9.0;
const CHART_VALUE: f32 = 8.0;
/// The paragraph indent, 1,25 cm.
const INDENT: f32 = 12.5;
/// Line height as a multiple of the size (single spacing).
const LEADING: f32 = 1.18;

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
    /// Both edges, the last line of a paragraph to the left.
    Justify,
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
        // The no-break space is printed as a space (see `printable`).
        let c = if c == typo::NBSP { ' ' } else { c };
        if let Some(w) = self.widths.borrow().get(&c) {
            return *w;
        }
        let gid = self.font.lookup_glyph_index(u32::from(c)).unwrap_or(0);
        let w = f32::from(self.font.get_horizontal_advance(gid)) / self.upem;
        self.widths.borrow_mut().insert(c, w);
        w
    }
}

/// The text as printed: the no-break spaces of [`typo::typeset`] become
/// spaces once the lines are set (they have done their work).
fn printable(text: &str) -> String {
    text.replace(typo::NBSP, " ")
}

/// One line of wrapped text.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct WrappedLine {
    /// The words, separated by single spaces.
    pub text: String,
    /// True for the last line of a paragraph (never stretched).
    pub last: bool,
}

/// What the file says about itself.
#[derive(Clone, Debug, Default)]
pub(crate) struct Meta {
    pub title: String,
    pub author: String,
    pub subject: String,
    /// «23.11.2026»: the day the file was made.
    pub created: Option<String>,
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
    /// The size of table text, points.
    pub(crate) table_size: f32,
    /// The padding inside table cells, mm.
    pub(crate) table_pad: f32,
    /// Outline entries: title and page (from 1).
    outline: Vec<(String, usize)>,
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

/// The line height of `size` points, mm.
fn line_height(size: f32) -> f32 {
    size * PT_MM * LEADING
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
            table_size: TABLE,
            table_pad: 1.3,
            outline: Vec::new(),
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

    /// Wraps `text` into lines no wider than `max` mm, hyphenating Russian
    /// words; a word longer than a line that cannot be hyphenated is broken
    /// between letters.
    pub(crate) fn wrap(&self, text: &str, size: f32, w: Weight, max: f32) -> Vec<String> {
        self.wrap_lines(text, size, w, max, max, true)
            .into_iter()
            .map(|l| l.text)
            .collect()
    }

    /// Wraps at word boundaries only (chart labels): a word is never split
    /// unless it is wider than the whole line.
    pub(crate) fn wrap_words(&self, text: &str, size: f32, w: Weight, max: f32) -> Vec<String> {
        self.wrap_lines(text, size, w, max, max, false)
            .into_iter()
            .map(|l| l.text)
            .collect()
    }

    /// True when every word of `text` fits `max` mm at `size`, whole or
    /// in its hyphenated pieces (no word needs breaking between letters).
    pub(crate) fn fits_words(&self, text: &str, size: f32, w: Weight, max: f32) -> bool {
        let hyphen = self.width("-", size, w);
        typo::typeset(text)
            .split([' ', '\n'])
            .filter(|s| !s.is_empty())
            .all(|word| {
                if self.width(word, size, w) <= max {
                    return true;
                }
                let mut cuts = typo::break_points(word);
                cuts.push(word.len());
                let mut from = 0;
                cuts.iter().all(|&to| {
                    let fits = self.width(&word[from..to], size, w) + hyphen <= max;
                    from = to;
                    fits
                })
            })
    }

    /// The line breaking behind [`Layout::wrap`]: the first line may be
    /// narrower (`first_max`, a paragraph indent). The text is typeset
    /// first ([`typo::typeset`]), so a no-break space never breaks.
    pub(crate) fn wrap_lines(
        &self,
        text: &str,
        size: f32,
        w: Weight,
        first_max: f32,
        max: f32,
        hyphenate: bool,
    ) -> Vec<WrappedLine> {
        let text = typo::typeset(text);
        let space = self.width(" ", size, w);
        let hyphen = self.width("-", size, w);
        let mut lines: Vec<WrappedLine> = Vec::new();
        for para in text.split('\n') {
            let mut line = String::new();
            let mut line_w = 0.0f32;
            for word in para.split(' ').filter(|s| !s.is_empty()) {
                let mut word = word.to_owned();
                loop {
                    let limit = if lines.is_empty() { first_max } else { max };
                    let ww = self.width(&word, size, w);
                    let needed = if line.is_empty() {
                        ww
                    } else {
                        line_w + space + ww
                    };
                    if needed <= limit + 1e-3 {
                        if !line.is_empty() {
                            line.push(' ');
                            line_w += space;
                        }
                        line.push_str(&word);
                        line_w += ww;
                        break;
                    }
                    let room = if line.is_empty() {
                        limit
                    } else {
                        limit - line_w - space
                    };
                    // Hyphenate: the longest head that fits what is left.
                    let split = hyphenate
                        .then(|| {
                            typo::break_points(&word).into_iter().rev().find(|&p| {
                                let head = &word[..p];
                                let extra = if head.ends_with('-') { 0.0 } else { hyphen };
                                self.width(head, size, w) + extra <= room
                            })
                        })
                        .flatten();
                    if let Some(p) = split {
                        let head = &word[..p];
                        if !line.is_empty() {
                            line.push(' ');
                        }
                        line.push_str(head);
                        if !head.ends_with('-') {
                            line.push('-');
                        }
                        lines.push(WrappedLine {
                            text: std::mem::take(&mut line),
                            last: false,
                        });
                        line_w = 0.0;
                        word = word[p..].to_owned();
                        continue;
                    }
                    if !line.is_empty() {
                        lines.push(WrappedLine {
                            text: std::mem::take(&mut line),
                            last: false,
                        });
                        line_w = 0.0;
                        continue;
                    }
                    // Alone on its line and still too wide: between letters.
                    let mut head = String::new();
                    let mut head_w = 0.0;
                    for c in word.chars() {
                        let cw = self.width(c.encode_utf8(&mut [0; 4]), size, w);
                        if head_w + cw > limit && !head.is_empty() {
                            break;
                        }
                        head.push(c);
                        head_w += cw;
                    }
                    let rest = word[head.len()..].to_owned();
                    lines.push(WrappedLine {
                        text: head,
                        last: rest.is_empty(),
                    });
                    if rest.is_empty() {
                        word.clear();
                        break;
                    }
                    word = rest;
                }
            }
            lines.push(WrappedLine {
                text: line,
                last: true,
            });
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

    /// True when the cursor is at the top of a page.
    fn at_top(&self) -> bool {
        self.y >= PAGE_H - TOP - 0.01
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
                items: vec![TextItem::Text(printable(text))],
            },
            Op::EndTextSection,
        ]);
    }

    /// Draws `text` aligned within [x, x + width] at baseline `y`; with
    /// [`Align::Justify`] the words are spread to both edges.
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
        if align == Align::Justify {
            let words: Vec<&str> = text.split(' ').filter(|s| !s.is_empty()).collect();
            if words.len() > 1 {
                let natural: f32 = words.iter().map(|s| self.width(s, size, w)).sum();
                let gap = (width - natural) / (words.len() - 1) as f32;
                // A line with too few words to stretch decently stays left.
                if gap <= self.width(" ", size, w) * 3.0 {
                    let mut cx = x;
                    for word in words {
                        self.text_at(word, cx, y, size, w);
                        cx += self.width(word, size, w) + gap;
                    }
                    return;
                }
            }
        }
        let tw = self.width(text, size, w);
        let x = match align {
            Align::Left | Align::Justify => x,
            Align::Center => x + (width - tw) / 2.0,
            Align::Right => x + width - tw,
        };
        self.text_at(text, x, y, size, w);
    }

    /// Flowing text: wraps, breaks pages, advances the cursor. `indent` is
    /// the first line's.
    pub(crate) fn paragraph(
        &mut self,
        text: &str,
        size: f32,
        w: Weight,
        indent: f32,
        align: Align,
    ) {
        let lh = line_height(size);
        // Centred lines (titles, captions of figures) are not hyphenated.
        let hyphenate = align != Align::Center;
        let lines = self.wrap_lines(text, size, w, WIDTH - indent, WIDTH, hyphenate);
        for (i, line) in lines.iter().enumerate() {
            self.need(lh);
            self.y -= lh;
            let x = if i == 0 { LEFT + indent } else { LEFT };
            let width = WIDTH - if i == 0 { indent } else { 0.0 };
            let align = if align == Align::Justify && line.last {
                Align::Left
            } else {
                align
            };
            self.aligned(&line.text, x, width, self.y + lh * 0.22, size, w, align);
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

    /// A filled rectangle with a thin black outline (bars that a
    /// photocopy tells apart by their shade).
    fn bar(&mut self, x: f32, y: f32, w: f32, h: f32, fill: (f32, f32, f32)) {
        if w <= 0.0 || h <= 0.0 {
            return;
        }
        self.rect(x, y, w, h, Some(fill));
        self.ops().extend([
            Op::SetOutlineColor {
                col: rgb(0.0, 0.0, 0.0),
            },
            Op::SetOutlineThickness { pt: Pt(0.3) },
            Op::DrawRectangle {
                rectangle: Rect {
                    x: pt(x),
                    y: pt(y),
                    width: pt(w),
                    height: pt(h),
                    mode: Some(PaintMode::Stroke),
                    winding_order: None,
                },
            },
        ]);
    }

    /// A framed paragraph in bold: a threat the reader must not miss.
    pub(crate) fn alert(&mut self, text: &str) {
        const PAD: f32 = 2.5;
        let size = BODY;
        let lh = line_height(size);
        let lines = self.wrap_lines(
            text,
            size,
            Weight::Bold,
            WIDTH - 2.0 * PAD,
            WIDTH - 2.0 * PAD,
            true,
        );
        let h = lh * lines.len() as f32 + 2.0 * PAD;
        self.need(h + 2.0);
        self.gap(1.0);
        let top = self.y;
        self.rect(LEFT, top - h, WIDTH, h, None);
        self.y -= PAD;
        for line in &lines {
            self.y -= lh;
            let align = if line.last {
                Align::Left
            } else {
                Align::Justify
            };
            self.aligned(
                &line.text,
                LEFT + PAD,
                WIDTH - 2.0 * PAD,
                self.y + lh * 0.22,
                size,
                Weight::Bold,
                align,
            );
        }
        self.y = top - h - 3.0;
    }

    /// A signature block: on the right half for «УТВЕРЖДАЮ» (`right`),
    /// otherwise position on the left and name on the right, with the date.
    pub(crate) fn signature(&mut self, sig: &crate::model::Signature, right: bool) {
        let size = BODY;
        let lh = line_height(size) * 1.1;
        self.need(lh * 5.0);
        self.gap(4.0);
        let date = sig.date.clone().unwrap_or_else(|| t::DATE_LINE.to_owned());
        if right {
            let x = LEFT + WIDTH * 0.5;
            let w = WIDTH * 0.5;
            let mut lines = vec![sig.heading.clone()];
            lines.extend(self.wrap(&sig.position, size, Weight::Regular, w));
            lines.push(format!("____________ {}", typo::typeset(&sig.name)));
            lines.push(date);
            for line in lines {
                self.y -= lh;
                self.text_at(&line, x, self.y, size, Weight::Regular);
            }
        } else {
            self.y -= lh;
            self.text_at(&sig.heading, LEFT, self.y, size, Weight::Regular);
            let pos = self.wrap(&sig.position, size, Weight::Regular, WIDTH * 0.5);
            for (i, line) in pos.iter().enumerate() {
                self.y -= lh;
                self.text_at(line, LEFT, self.y, size, Weight::Regular);
                if i + 1 == pos.len() {
                    let name = format!("____________ {}", typo::typeset(&sig.name));
                    self.aligned(
                        &name,
                        LEFT,
                        WIDTH,
                        self.y,
                        size,
                        Weight::Regular,
                        Align::Right,
                    );
                }
            }
            self.y -= lh;
            self.text_at(&date, LEFT, self.y, size, Weight::Regular);
        }
        self.gap(3.0);
    }

    /// A table with a caption; rows wrap, pages break with the header
    /// repeated under «Продолжение таблицы N», and a row taller than what
    /// is left of a page is split across pages.
    pub(crate) fn table(&mut self, table: &Table) {
        let base = self.table_size;
        self.table_size = self.table_size_for(table);
        self.table_body(table);
        self.table_size = base;
    }

    /// The type size of a table: the layout's, or smaller, down to 9 pt,
    /// where a narrow column would otherwise break a word between letters.
    /// The DOCX takes the same size, so both documents agree.
    pub(crate) fn table_size_for(&self, table: &Table) -> f32 {
        let pad = self.table_pad;
        let base = self.table_size;
        let total: f32 = table.columns.iter().map(|c| c.weight).sum();
        [base, base - 1.0, base - 2.0, 9.0]
            .into_iter()
            .find(|&size| {
                table.columns.iter().enumerate().all(|(i, c)| {
                    let room = c.weight / total * WIDTH - 2.0 * pad;
                    self.fits_words(&c.title, size, Weight::Bold, room)
                        && table.rows.iter().all(|r| {
                            r.get(i).is_none_or(|cell| {
                                self.fits_words(&cell.display(), size, Weight::Regular, room)
                            })
                        })
                })
            })
            .unwrap_or(9.0)
    }

    fn table_body(&mut self, table: &Table) {
        let pad = self.table_pad;
        let size = self.table_size;
        let lh = line_height(size);
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
                .map(|(c, width)| this.wrap(c, size, w, width - 2.0 * pad))
                .collect()
        };
        let height = |lines: &[Vec<String>]| {
            lines.iter().map(Vec::len).max().unwrap_or(1).max(1) as f32 * lh + 2.0 * pad
        };
        let header: Vec<String> = table.columns.iter().map(|c| c.title.clone()).collect();
        let header_lines = wrap_row(self, &header, Weight::Bold);
        // A table whose columns have no titles (Table А.1 of the blank
        // form, as printed in the methodology) has no header row.
        let has_header = header.iter().any(|h| !h.is_empty());
        let header_h = if has_header {
            height(&header_lines)
        } else {
            0.0
        };
        let rows: Vec<Vec<Vec<String>>> = table
            .rows
            .iter()
            .map(|row| {
                let texts: Vec<String> = row.iter().map(Cell::display).collect();
                wrap_row(self, &texts, Weight::Regular)
            })
            .collect();

        // The caption stays with the header and the first two rows, at
        // their real heights (a caption and header alone at a page's foot
        // say nothing).
        let title = table.title();
        // The caption a size above the table's text (13 pt in the report).
        let caption_size = (size + 1.0).clamp(10.5, CAPTION);
        let caption = self.wrap(&title, caption_size, Weight::Bold, WIDTH);
        let caption_h = caption.len() as f32 * line_height(caption_size) + 1.5;
        let first_rows: f32 = rows.iter().take(2).map(|r| height(r)).sum();
        let keep = caption_h + header_h + first_rows.max(lh + 2.0 * pad);
        if keep < PAGE_H - TOP - BOTTOM {
            self.need(keep + 2.0);
        }
        if !self.at_top() {
            self.gap(2.0);
        }
        self.paragraph(&title, caption_size, Weight::Bold, 0.0, Align::Left);
        self.gap(1.5);
        let continuation = t::continuation(&title);
        let cont_h = line_height(size) + 1.0;
        let page_room = PAGE_H - TOP - BOTTOM - header_h - cont_h;
        let header = |this: &mut Layout, continued: bool| {
            if continued {
                this.y -= line_height(size);
                this.text_at(&continuation, LEFT, this.y + 1.0, size, Weight::Regular);
                this.gap(1.0);
            }
            if has_header {
                this.table_row(
                    &header_lines,
                    &widths,
                    header_h,
                    lh,
                    pad,
                    Weight::Bold,
                    None,
                    true,
                );
            }
        };
        header(self, false);
        for (row, lines) in table.rows.iter().zip(rows) {
            let mut lines = lines;
            loop {
                let h = height(&lines);
                if self.y - h >= BOTTOM {
                    self.table_row(
                        &lines,
                        &widths,
                        h,
                        lh,
                        pad,
                        Weight::Regular,
                        Some(row),
                        false,
                    );
                    break;
                }
                // Split a row that would leave much of the page empty or
                // that no page could hold; move a short one whole.
                let fit = ((self.y - BOTTOM - 2.0 * pad) / lh).floor() as usize;
                if h > page_room * 0.5 && fit >= 2 {
                    let rest: Vec<Vec<String>> = lines
                        .iter_mut()
                        .map(|cell| cell.split_off(fit.min(cell.len())))
                        .collect();
                    let part_h = height(&lines);
                    self.table_row(
                        &lines,
                        &widths,
                        part_h,
                        lh,
                        pad,
                        Weight::Regular,
                        Some(row),
                        false,
                    );
                    lines = rest;
                }
                self.new_page();
                header(self, true);
            }
        }
        // Space after the table: 4 mm in the report, less on a blank form.
        self.gap(pad * 3.0);
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
        let size = self.table_size;
        let top = self.y;
        let bottom = top - h;
        if header {
            self.rect(LEFT, bottom, WIDTH, h, Some((0.9, 0.92, 0.95)));
        }
        let mut x = LEFT;
        for (i, (cell_lines, width)) in lines.iter().zip(widths).enumerate() {
            if let Some(rgb) = cells
                .and_then(|c| c.get(i))
                .and_then(Cell::shade)
                .and_then(crate::model::shade_rgb)
            {
                self.rect(x, bottom, *width, h, Some(rgb));
            }
            let align = match cells.and_then(|c| c.get(i)) {
                _ if header => Align::Center,
                Some(c) if c.is_numeric() || matches!(c, Cell::Suppressed(_) | Cell::Withheld) => {
                    Align::Right
                }
                _ => Align::Left,
            };
            for (k, line) in cell_lines.iter().enumerate() {
                let baseline = top - pad - (k as f32 + 0.78) * lh;
                self.aligned(line, x + pad, width - 2.0 * pad, baseline, size, w, align);
            }
            self.line(x, top, x, bottom, 0.4);
            x += width;
        }
        self.line(x, top, x, bottom, 0.4);
        self.line(LEFT, top, LEFT + WIDTH, top, 0.4);
        self.line(LEFT, bottom, LEFT + WIDTH, bottom, 0.4);
        self.y = bottom;
    }

    /// A bar chart drawn as vectors, with its caption below as in the
    /// methodology: columns when every label fits its slot whole at 9 pt
    /// and every value label its bar at 8 pt, horizontal bars otherwise.
    pub(crate) fn chart(&mut self, chart: &BarChart) {
        if self.columns_fit(chart) {
            self.column_chart(chart);
        } else {
            self.bar_chart(chart);
        }
        self.legend(chart);
        self.gap(1.0);
        self.paragraph(&chart.title(), CAPTION, Weight::Regular, 0.0, Align::Center);
        self.gap(4.0);
    }

    /// The fills of the series: shades far apart in lightness, so that a
    /// black-and-white copy still tells them apart.
    const FILLS: [(f32, f32, f32); 4] = [
        (0.16, 0.30, 0.52),
        (0.72, 0.79, 0.89),
        (0.45, 0.45, 0.45),
        (0.95, 0.95, 0.95),
    ];

    fn value_label(chart: &BarChart, v: f64) -> String {
        typo::typeset(&klimat_core::numfmt::decimal(
            v,
            if chart.percent { 1 } else { 2 },
        ))
    }

    /// The plot width of the column chart and the slot of one category.
    fn column_slot(chart: &BarChart) -> f32 {
        (WIDTH - 14.0) / chart.categories.len().max(1) as f32
    }

    fn columns_fit(&self, chart: &BarChart) -> bool {
        let slot = Self::column_slot(chart);
        let bar_w = slot * 0.8 / chart.series.len().max(1) as f32;
        let words_fit = chart.categories.iter().all(|c| {
            let lines = self.wrap_words(c, CHART_LABEL, Weight::Regular, slot - 1.0);
            lines.len() <= 3
                && lines
                    .iter()
                    .all(|l| self.width(l, CHART_LABEL, Weight::Regular) <= slot - 1.0 + 1e-3)
        });
        let values_fit = chart.series.iter().all(|s| {
            s.values.iter().flatten().all(|&v| {
                self.width(&Self::value_label(chart, v), CHART_VALUE, Weight::Regular)
                    <= bar_w + 0.6
            })
        });
        words_fit && values_fit
    }

    /// Vertical columns: categories along the bottom, values above the bars.
    fn column_chart(&mut self, chart: &BarChart) {
        let plot_h = 60.0;
        let n = chart.categories.len().max(1);
        let slot = Self::column_slot(chart);
        let label_lh = line_height(CHART_LABEL);
        let label_lines: Vec<Vec<String>> = chart
            .categories
            .iter()
            .map(|c| self.wrap_words(c, CHART_LABEL, Weight::Regular, slot - 1.0))
            .collect();
        let labels_h = label_lines.iter().map(Vec::len).max().unwrap_or(1) as f32 * label_lh;
        self.need(plot_h + labels_h + 30.0);
        let top_value = chart.axis_top();
        let x0 = LEFT + 12.0;
        let y0 = self.y - 6.0 - plot_h;
        for (v, label) in chart.ticks() {
            let y = y0 + plot_h * (v / top_value) as f32;
            self.line(
                x0,
                y,
                x0 + slot * n as f32,
                y,
                if v == 0.0 { 0.8 } else { 0.2 },
            );
            self.aligned(
                &label,
                LEFT,
                10.5,
                y - 1.0,
                CHART_VALUE,
                Weight::Regular,
                Align::Right,
            );
        }
        self.line(x0, y0, x0, y0 + plot_h, 0.8);
        let series_n = chart.series.len().max(1) as f32;
        let bar_w = slot * 0.8 / series_n;
        for (ci, lines) in label_lines.iter().enumerate() {
            let sx = x0 + slot * ci as f32;
            for (si, s) in chart.series.iter().enumerate() {
                let Some(v) = s.values.get(ci).copied().flatten() else {
                    continue;
                };
                let h = ((v / top_value) as f32 * plot_h).max(0.0);
                let bx = sx + slot * 0.1 + bar_w * si as f32;
                self.bar(bx, y0, bar_w, h, Self::FILLS[si % Self::FILLS.len()]);
                self.aligned(
                    &Self::value_label(chart, v),
                    bx - 1.0,
                    bar_w + 2.0,
                    y0 + h + 1.0,
                    CHART_VALUE,
                    Weight::Regular,
                    Align::Center,
                );
            }
            for (k, line) in lines.iter().enumerate() {
                let y = y0 - 3.5 - k as f32 * label_lh;
                self.aligned(
                    line,
                    sx,
                    slot,
                    y,
                    CHART_LABEL,
                    Weight::Regular,
                    Align::Center,
                );
            }
        }
        self.y = y0 - labels_h - 4.0;
    }

    /// Horizontal bars: the categories' names on the left, wrapped at
    /// words, each value at the end of its bar.
    fn bar_chart(&mut self, chart: &BarChart) {
        let label_w = WIDTH * 0.36;
        let x0 = LEFT + label_w + 2.0;
        let plot_w = WIDTH - label_w - 2.0 - 13.0;
        let label_lh = line_height(CHART_LABEL);
        let series_n = chart.series.len().max(1) as f32;
        let bar_h = 3.6;
        let label_lines: Vec<Vec<String>> = chart
            .categories
            .iter()
            .map(|c| self.wrap_words(c, CHART_LABEL, Weight::Regular, label_w))
            .collect();
        let bands: Vec<f32> = label_lines
            .iter()
            .map(|l| (l.len() as f32 * label_lh).max(series_n * bar_h) + 2.4)
            .collect();
        let plot_h: f32 = bands.iter().sum();
        self.need((plot_h + 16.0).min(PAGE_H - TOP - BOTTOM - 20.0));
        let top_value = chart.axis_top();
        let top = self.y - 2.0;
        let y_bottom = top - plot_h;
        for (v, label) in chart.ticks() {
            let x = x0 + plot_w * (v / top_value) as f32;
            self.line(x, y_bottom, x, top, if v == 0.0 { 0.8 } else { 0.2 });
            self.aligned(
                &label,
                x - 8.0,
                16.0,
                y_bottom - 3.5,
                CHART_VALUE,
                Weight::Regular,
                Align::Center,
            );
        }
        let mut y = top;
        for (ci, lines) in label_lines.iter().enumerate() {
            let band = bands[ci];
            let block_h = lines.len() as f32 * label_lh;
            let mut ly = y - (band - block_h) / 2.0;
            for line in lines {
                ly -= label_lh;
                self.text_at(
                    line,
                    LEFT,
                    ly + label_lh * 0.25,
                    CHART_LABEL,
                    Weight::Regular,
                );
            }
            let bars_top = y - (band - series_n * bar_h) / 2.0;
            for (si, s) in chart.series.iter().enumerate() {
                let Some(v) = s.values.get(ci).copied().flatten() else {
                    continue;
                };
                let w = ((v / top_value) as f32 * plot_w).max(0.0);
                let by = bars_top - bar_h * (si as f32 + 1.0);
                self.bar(x0, by, w, bar_h, Self::FILLS[si % Self::FILLS.len()]);
                self.text_at(
                    &Self::value_label(chart, v),
                    x0 + w + 1.0,
                    by + 0.9,
                    CHART_VALUE,
                    Weight::Regular,
                );
            }
            y -= band;
        }
        self.y = y_bottom - 6.0;
    }

    /// The legend under a chart of several series.
    fn legend(&mut self, chart: &BarChart) {
        if chart.series.len() < 2 {
            return;
        }
        let lh = line_height(CHART_LABEL) + 1.0;
        self.need(lh);
        let mut x = LEFT + 12.0;
        self.y -= lh;
        for (si, s) in chart.series.iter().enumerate() {
            let w = 6.0 + self.width(&s.name, CHART_LABEL, Weight::Regular);
            if x + w > LEFT + WIDTH {
                x = LEFT + 12.0;
                self.y -= lh;
            }
            self.bar(x, self.y, 3.2, 3.2, Self::FILLS[si % Self::FILLS.len()]);
            self.text_at(&s.name, x + 4.5, self.y + 0.5, CHART_LABEL, Weight::Regular);
            x += w + 6.0;
        }
    }

    /// Marks the pages so far as not numbered (the title page).
    /// Pages laid out so far.
    pub(crate) fn page_count(&self) -> usize {
        self.pages.len()
    }

    pub(crate) fn unnumbered_so_far(&mut self) {
        self.unnumbered = self.pages.len();
    }

    /// An outline entry for the current page.
    pub(crate) fn bookmark(&mut self, title: &str) {
        self.outline.push((title.to_owned(), self.pages.len()));
    }

    /// The finished PDF: page numbers in the top margin (none on the
    /// unnumbered pages), the outline, the file's metadata, fonts subset.
    pub(crate) fn finish(self) -> Vec<u8> {
        self.finish_with(&Meta::default())
    }

    /// [`Layout::finish`] with the document's title, author and date.
    pub(crate) fn finish_with(mut self, meta: &Meta) -> Vec<u8> {
        let total = self.pages.len();
        for i in self.unnumbered..total {
            // Arabic numerals without words or marks, centred.
            let label = (i + 1).to_string();
            let w = self.width(&label, BODY, Weight::Regular);
            let id = self.regular.id.clone();
            self.pages[i].extend([
                Op::StartTextSection,
                Op::SetFont {
                    font: PdfFontHandle::External(id),
                    size: Pt(BODY),
                },
                Op::SetTextCursor {
                    pos: Point::new(Mm(LEFT + (WIDTH - w) / 2.0), Mm(PAGE_NUMBER_Y)),
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
        for (title, page) in &self.outline {
            self.doc.add_bookmark(title, *page);
        }
        let info = &mut self.doc.metadata.info;
        if !meta.title.is_empty() {
            info.document_title = meta.title.clone();
        }
        info.author = meta.author.clone();
        info.subject = meta.subject.clone();
        info.creator = t::CREATOR.to_owned();
        info.producer = t::CREATOR.to_owned();
        if let Some(date) = meta.created.as_deref().and_then(parse_date) {
            let when = printpdf::OffsetDateTime::new_in_offset(
                date,
                printpdf::Time {
                    hour: 0,
                    minute: 0,
                    second: 0,
                    millisecond: 0,
                },
                printpdf::Offset {
                    hours: 0,
                    minutes: 0,
                    seconds: 0,
                    milliseconds: 0,
                },
            );
            info.creation_date = when;
            info.modification_date = when;
            info.metadata_date = when;
        }
        let opts = PdfSaveOptions {
            subset_fonts: true,
            ..PdfSaveOptions::default()
        };
        let doc = self.doc.with_pages(pages);
        let mut lo = doc.to_lopdf_document(&opts, &mut Vec::new());
        if opts.optimize {
            lo.compress();
        }
        // printpdf writes a «GTS_PDFXVersion» into the Info dictionary even
        // when the file claims no standard, and knows no language tag.
        if let Ok(info) = lo
            .trailer
            .get(b"Info")
            .and_then(lopdf::Object::as_reference)
            && let Ok(dict) = lo.get_dictionary_mut(info)
        {
            dict.remove(b"GTS_PDFXVersion");
        }
        if let Ok(catalog) = lo.catalog_mut() {
            catalog.set("Lang", lopdf::Object::string_literal("ru-RU"));
        }
        let mut out = Vec::new();
        // Writing into memory cannot fail.
        let _ = lo.save_to(&mut out);
        out
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

/// «23.11.2026» as a PDF date.
fn parse_date(s: &str) -> Option<printpdf::Date> {
    let mut parts = s.split('.');
    let day = parts.next()?.parse().ok()?;
    let month = parts.next()?.parse().ok()?;
    let year = parts.next()?.parse().ok()?;
    ((1..=31).contains(&day) && (1..=12).contains(&month)).then_some(printpdf::Date {
        year,
        month,
        day,
    })
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
        l.set_y(PAGE_H - TOP);
        l.signature(a, true);
    }
    l.set_y(
        PAGE_H
            - if model.title.approval.is_some() {
                85.0
            } else {
                60.0
            },
    );
    if let Some(org) = &model.title.organization {
        l.paragraph(org, BODY, Weight::Regular, 0.0, Align::Center);
        l.gap(28.0);
    } else {
        l.gap(34.0);
    }
    l.paragraph(t::REPORT_TITLE, 20.0, Weight::Bold, 0.0, Align::Center);
    l.gap(3.0);
    l.paragraph(t::REPORT_SUBTITLE, 16.0, Weight::Bold, 0.0, Align::Center);
    l.gap(6.0);
    l.paragraph(
        &format!("«{}»", model.title.survey),
        16.0,
        Weight::Regular,
        0.0,
        Align::Center,
    );
    l.gap(3.0);
    l.paragraph(
        &format!("{}: {}", t::DATE, model.title.date),
        BODY,
        Weight::Regular,
        0.0,
        Align::Center,
    );
    l.gap(24.0);
    for fact in &model.title.facts {
        l.paragraph(fact, TABLE, Weight::Regular, 0.0, Align::Left);
        l.gap(1.2);
    }
    l.set_y(BOTTOM + 22.0);
    l.paragraph(t::METHODOLOGY, TABLE, Weight::Regular, 0.0, Align::Center);
    l.unnumbered_so_far();

    for section in &model.sections {
        l.new_page();
        l.bookmark(&section.title);
        l.paragraph(&section.title, HEADING, Weight::Bold, 0.0, Align::Left);
        l.gap(3.0);
        for block in &section.blocks {
            match block {
                Block::Subheading(s) => {
                    // A subheading keeps at least three lines of what follows.
                    l.need(line_height(BODY) * 5.0);
                    if !l.at_top() {
                        l.gap(2.0);
                    }
                    l.paragraph(s, BODY, Weight::Bold, 0.0, Align::Left);
                    l.gap(1.5);
                }
                Block::Paragraph(p) => {
                    l.paragraph(p, BODY, Weight::Regular, INDENT, Align::Justify);
                    l.gap(1.0);
                }
                Block::Bullets(items) => {
                    for item in items {
                        l.paragraph(
                            &format!("–\u{a0}{item}"),
                            BODY,
                            Weight::Regular,
                            INDENT,
                            Align::Justify,
                        );
                        l.gap(0.6);
                    }
                    l.gap(1.5);
                }
                Block::Table(table) if table.placement != crate::model::Placement::WorkbookOnly => {
                    l.table(table);
                }
                Block::Table(_) => {}
                Block::Chart(chart) => l.chart(chart),
                Block::Alert(text) => l.alert(text),
                Block::Signature(sig) => l.signature(sig, false),
            }
        }
    }
    l.finish_with(&Meta {
        title: format!("{} «{}»", t::REPORT_TITLE_PLAIN, model.title.survey),
        author: model.title.organization.clone().unwrap_or_default(),
        subject: t::REPORT_SUBTITLE.to_owned(),
        created: model.title.created.clone(),
    })
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
        let joined: String = lines.iter().map(|l| l.trim_end_matches('-')).collect();
        assert_eq!(
            joined.replace([' ', '\u{a0}'], ""),
            text.replace(' ', ""),
            "nothing is lost but the hyphens added at line ends"
        );
    }

    #[test]
    fn a_number_and_its_percent_sign_share_a_line() {
        let l = Layout::new("t");
        let text = "Коэффициент приверженности коллектива составил 45,68 % при 120 анкетах, лояльность -2,86.";
        for max in (30..120).map(|w| w as f32) {
            for line in l.wrap(text, BODY, Weight::Regular, max) {
                assert!(!line.starts_with('%'), "{max}: {line:?}");
                assert!(
                    !line.contains('-') || line.ends_with('-'),
                    "{max}: {line:?}"
                );
            }
        }
    }

    #[test]
    fn chart_labels_are_never_split_inside_a_word() {
        let l = Layout::new("t");
        for w in ["Удовлетворенность", "профессионализм"] {
            let lines = l.wrap_words(&format!("{w} трудом"), CHART_LABEL, Weight::Regular, 30.0);
            assert_eq!(lines[0], w);
        }
    }
}
