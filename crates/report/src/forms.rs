//! Blank forms (PDF) ready to copy: each questionnaire with its greeting and
//! instructions as printed in the methodology, a box for the form code, the
//! demographic questions of the survey and the answer boxes.

use klimat_core::Instrument;
use klimat_core::tenure::{CommitmentBand, FineBand};
use klimat_core::text::methodology as m;

use crate::model::{Cell, Column, Placement, Table};
use crate::pdf::{Align, Layout, Weight, frame};
use crate::text as t;

/// What a blank form asks besides the questionnaire.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Demographics {
    /// The survey's subdivisions (none: the question is left out).
    pub subdivisions: Vec<String>,
    /// The survey's position categories.
    pub positions: Vec<String>,
}

/// Type sizes of a blank form: a form is read at arm's length but must fit
/// its sheets (the commitment and satisfaction forms on one A4 page, the
/// culture form on three). [`render`] starts at the full size and steps
/// down to [`SMALLEST`] of it when the survey's subdivisions would spill.
#[derive(Clone, Copy, Debug)]
struct Sizes {
    /// Text, points.
    text: f32,
    /// Table text, points.
    grid: f32,
    /// A line of tick-box options, mm.
    lh: f32,
    /// A tick box's side, mm.
    tick: f32,
    /// The subdivisions as a line to write the name on, not as tick boxes
    /// (when even the smallest size cannot hold their list).
    written_subdivision: bool,
}

impl Sizes {
    fn scaled(k: f32, written_subdivision: bool) -> Sizes {
        Sizes {
            text: 10.0 * k,
            grid: 9.5 * k,
            lh: 5.2 * k,
            tick: 3.2 * k,
            written_subdivision,
        }
    }
}

/// The smallest share of the full size a form is printed at (8 pt text).
const SMALLEST: f32 = 0.8;
/// The line a respondent writes on, after «другое (укажите)».
const WRITE_IN: &str = "______________________________";

/// The lines of tick-box options flowing left to right: each line's
/// options, for [`choices`] and for measuring before drawing.
fn option_lines(l: &Layout, s: &Sizes, options: &[String], start: f32) -> Vec<Vec<(f32, String)>> {
    let (left, width) = frame();
    let mut lines: Vec<Vec<(f32, String)>> = vec![Vec::new()];
    let mut x = left + start;
    for option in options {
        let w = s.tick + 1.5 + l.width(option, s.text, Weight::Regular) + 4.0;
        if x > left && x + w > left + width {
            x = left;
            lines.push(Vec::new());
        }
        lines.last_mut().expect("a line").push((x, option.clone()));
        x += w;
    }
    // A long list (the subdivisions) reads better in columns, down each
    // column, under its question.
    if lines.len() > 2 && options.len() >= 6 {
        let widest = options
            .iter()
            .map(|o| s.tick + 1.5 + l.width(o, s.text, Weight::Regular) + 4.0)
            .fold(0.0, f32::max);
        let columns = ((width / widest).floor() as usize).clamp(1, options.len());
        let rows = options.len().div_ceil(columns);
        let column_w = width / columns as f32;
        // An inline question's label keeps its line to itself.
        let skip = usize::from(start > 0.0);
        let mut grid: Vec<Vec<(f32, String)>> = vec![Vec::new(); rows + skip];
        for (i, option) in options.iter().enumerate() {
            let x = left + column_w * (i / rows) as f32;
            grid[skip + i % rows].push((x, option.clone()));
        }
        // Unless the columns take more room than the flow does.
        if grid.len() <= lines.len() {
            return grid;
        }
    }
    lines
}

/// Height of a question with its options, mm.
fn question_height(l: &Layout, s: &Sizes, question: &str, options: &[String]) -> f32 {
    let (_, width) = frame();
    l.wrap(question, s.text, Weight::Regular, width).len() as f32 * s.text * 0.42
        + option_lines(l, s, options, 0.0).len() as f32 * s.lh
        + 2.0
}

/// A question and its tick-box options, kept on one page.
fn question(l: &mut Layout, s: &Sizes, question: &str, options: &[String]) {
    l.need(question_height(l, s, question, options));
    l.paragraph(question, s.text, Weight::Regular, 0.0, Align::Left);
    choices(l, s, options);
}

/// A short question with its options on the same line («Стаж работы в
/// организации: □ до года □ 1–3 лет …»), kept on one page.
fn inline_question(l: &mut Layout, s: &Sizes, question: &str, options: &[String]) {
    // Klimat's own demographic labels end with a colon; the methodology's
    // questions are printed as they stand.
    let label = if question.ends_with(['?', '.', ':']) || question.starts_with(char::is_numeric) {
        question.to_owned()
    } else {
        format!("{question}:")
    };
    let start = l.width(&label, s.text, Weight::Regular) + 3.0;
    let lines = option_lines(l, s, options, start);
    l.need(lines.len() as f32 * s.lh + 1.5);
    let (left, _) = frame();
    l.text_at(&label, left, l.y() - s.lh + 0.4, s.text, Weight::Regular);
    draw_options(l, s, lines);
}

/// A question with its options on its own line after it, or on the same
/// line when both fit there (the satisfaction form then fits one sheet).
fn compact_question(l: &mut Layout, s: &Sizes, question_text: &str, options: &[String]) {
    let (_, width) = frame();
    let start = l.width(question_text, s.text, Weight::Regular) + 3.0;
    let options_w: f32 = options
        .iter()
        .map(|o| s.tick + 1.5 + l.width(o, s.text, Weight::Regular) + 4.0)
        .sum();
    if start + options_w <= width {
        inline_question(l, s, question_text, options);
    } else {
        question(l, s, question_text, options);
    }
}

/// Options with tick boxes, flowing left to right and wrapping.
fn choices(l: &mut Layout, s: &Sizes, options: &[String]) {
    let lines = option_lines(l, s, options, 0.0);
    draw_options(l, s, lines);
}

fn draw_options(l: &mut Layout, s: &Sizes, lines: Vec<Vec<(f32, String)>>) {
    let n = lines.len();
    for line in lines {
        l.need(s.lh);
        l.gap(s.lh);
        let y = l.y();
        for (x, option) in line {
            l.rect(x, y, s.tick, s.tick, None);
            let option = crate::typo::typeset(&option);
            l.text_at(&option, x + s.tick + 1.5, y + 0.4, s.text, Weight::Regular);
        }
    }
    l.gap(if n > 1 { 1.0 } else { 0.6 });
}

/// The title, and the box for the form's code at the right of it.
fn heading(l: &mut Layout, s: &Sizes, title: &str) {
    let (left, width) = frame();
    let size = s.text * 1.2;
    const BOX_W: f32 = 40.0;
    let label = format!("{}:", t::FORM_CODE);
    let label_w = l.width(&label, s.text, Weight::Bold);
    let box_x = left + width - BOX_W;
    let title_w = width - BOX_W - label_w - 6.0;
    let lines = l.wrap(title, size, Weight::Bold, title_w);
    let top = l.y();
    let lh = size * 0.42;
    for (i, line) in lines.iter().enumerate() {
        let y = top - lh * (i as f32 + 1.0);
        l.aligned(line, left, title_w, y, size, Weight::Bold, Align::Left);
    }
    l.text_at(
        &label,
        box_x - label_w - 2.0,
        top - 5.0,
        s.text,
        Weight::Bold,
    );
    l.rect(box_x, top - 7.0, BOX_W, 7.0, None);
    l.set_y(top - (lh * lines.len() as f32).max(7.0) - 2.0);
}

fn paragraphs(l: &mut Layout, s: &Sizes, lines: &[&str], first_bold: bool) {
    for (i, p) in lines.iter().enumerate() {
        let (w, align) = if first_bold && i == 0 {
            (Weight::Bold, Align::Center)
        } else {
            (Weight::Regular, Align::Justify)
        };
        l.paragraph(
            p,
            s.text,
            w,
            if align == Align::Justify { 10.0 } else { 0.0 },
            align,
        );
        l.gap(0.4);
    }
}

fn demographics(l: &mut Layout, s: &Sizes, tenure: Option<Vec<String>>, d: &Demographics) {
    // The heading stays with the first question.
    l.need(s.lh * 3.0);
    l.gap(0.5);
    l.paragraph(t::FORM_DEMOGRAPHICS, s.text, Weight::Bold, 0.0, Align::Left);
    if let Some(tenure) = tenure {
        inline_question(l, s, t::FORM_TENURE, &tenure);
    }
    if !d.subdivisions.is_empty() {
        if s.written_subdivision {
            let (left, width) = frame();
            let label = format!("{}:", t::FORM_SUBDIVISION);
            l.need(s.lh + 1.5);
            l.gap(s.lh);
            let y = l.y();
            l.text_at(&label, left, y + 0.4, s.text, Weight::Regular);
            let x = left + l.width(&label, s.text, Weight::Regular) + 2.0;
            l.line(x, y, left + width, y, 0.3);
            l.gap(1.0);
        } else {
            inline_question(l, s, t::FORM_SUBDIVISION, &d.subdivisions);
        }
    }
    if !d.positions.is_empty() {
        inline_question(l, s, t::FORM_POSITION, &d.positions);
    }
}

fn grid(sheet: &str, caption: &str, columns: Vec<Column>, rows: Vec<Vec<Cell>>) -> Table {
    Table {
        sheet: sheet.to_owned(),
        caption: caption.to_owned(),
        columns,
        rows,
        placement: Placement::Both,
        number: 0,
        heat: Vec::new(),
    }
}

fn commitment(l: &mut Layout, s: &Sizes, d: &Demographics) {
    heading(l, s, m::COMMITMENT_TITLE);
    paragraphs(l, s, m::COMMITMENT_GREETING, true);
    let mut columns = vec![Column::new("№", 0.45), Column::new("Утверждение", 5.9)];
    columns.extend(
        m::COMMITMENT_OPTIONS
            .iter()
            .zip(m::COMMITMENT_OPTION_POINTS)
            .map(|(o, p)| Column::new(format!("{o} ({p})"), 1.45)),
    );
    let rows = m::COMMITMENT_STATEMENTS
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let mut row = vec![Cell::Int(i as i64 + 1), Cell::text(*s)];
            row.extend(std::iter::repeat_n(Cell::Empty, 5));
            row
        })
        .collect();
    l.gap(1.0);
    l.table(&grid(
        "",
        "Таблица Б.1 – Анкета «Организационная приверженность»",
        columns,
        rows,
    ));
    let tenure = CommitmentBand::ALL
        .iter()
        .map(|b| b.label().to_owned())
        .collect();
    demographics(l, s, Some(tenure), d);
}

fn satisfaction(l: &mut Layout, s: &Sizes, d: &Demographics) {
    heading(l, s, m::SATISFACTION_TITLE);
    paragraphs(l, s, m::SATISFACTION_GREETING, true);
    l.gap(1.0);
    for (i, q) in m::SATISFACTION_QUESTIONS.iter().enumerate() {
        let options: Vec<String> = m::SATISFACTION_LETTERS
            .iter()
            .zip(q.options)
            .map(|(letter, o)| format!("{letter}) {o}"))
            .collect();
        compact_question(l, s, &format!("{}. {}", i + 1, q.text), &options);
    }
    let tenure: Vec<String> = m::SATISFACTION_TENURE_LETTERS
        .iter()
        .zip(klimat_core::tenure::SatisfactionBand::ALL)
        .map(|(letter, b)| format!("{letter}) {}", b.label()))
        .collect();
    question(
        l,
        s,
        &format!("19. {}", m::SATISFACTION_TENURE_QUESTION),
        &tenure,
    );
    demographics(l, s, None, d);
}

fn culture(l: &mut Layout, s: &Sizes, d: &Demographics) {
    heading(l, s, m::CULTURE_TITLE);
    paragraphs(l, s, m::CULTURE_GREETING, true);
    l.gap(1.0);
    paragraphs(l, s, m::CULTURE_BLOCK1_INSTRUCTIONS, false);
    let rows = m::CULTURE_OPEN_QUESTIONS
        .iter()
        .enumerate()
        .map(|(i, q)| {
            vec![
                Cell::Int(i as i64 + 1),
                Cell::text(q.text),
                Cell::text(format!("{}\n\n\n\n\n", q.positive)),
                Cell::text(format!("{}\n\n\n\n\n", q.negative)),
            ]
        })
        .collect();
    l.table(&grid(
        "",
        "Таблица А.1 – Образец анкеты «Корпоративная культура»",
        // As in the methodology, Table А.1 has no header row: each
        // answer's prompt stands at the top of its own cell.
        vec![
            Column::new("", 0.4),
            Column::new("", 2.6),
            Column::new("", 2.5),
            Column::new("", 2.5),
        ],
        rows,
    ));
    let pair_columns = |first: &str| {
        vec![
            Column::new("№", 0.4),
            Column::new(first, 4.0),
            Column::new(m::CULTURE_COLUMN_SUB, 1.8),
            Column::new(m::CULTURE_COLUMN_ORG, 1.8),
        ]
    };
    let pair_rows = |items: &[&str]| -> Vec<Vec<Cell>> {
        items
            .iter()
            .enumerate()
            .map(|(i, s)| {
                vec![
                    Cell::Int(i as i64 + 1),
                    Cell::text(with_write_in(s)),
                    Cell::text("1 - 2 - 3 - 4 - 5"),
                    Cell::text("1 - 2 - 3 - 4 - 5"),
                ]
            })
            .collect()
    };
    paragraphs(l, s, m::CULTURE_BLOCK2_INSTRUCTIONS, false);
    l.table(&grid(
        "",
        m::CULTURE_COHESION_TITLE,
        pair_columns("Ценности и факторы, способствующие сплочению Вашего трудового коллектива"),
        pair_rows(&m::CULTURE_COHESION_ITEMS),
    ));
    paragraphs(l, s, m::CULTURE_BLOCK3_INSTRUCTIONS, false);
    l.table(&grid(
        "",
        "Таблица А.3 – Уровень сформированности корпоративной культуры и достаточности мероприятий по ее развитию",
        pair_columns("Корпоративная культура"),
        pair_rows(&m::CULTURE_LEVEL_ITEMS),
    ));
    paragraphs(l, s, m::CULTURE_BLOCK4_INSTRUCTIONS, false);
    let rows = m::CULTURE_NEGATIVE_ITEMS
        .iter()
        .map(|s| {
            vec![
                Cell::text(with_write_in(s)),
                Cell::text("1 - 2 - 3 - 4 - 5"),
            ]
        })
        .collect();
    l.table(&grid(
        "",
        "Таблица А.4 – Факторы, которые оказывают наиболее негативное влияние на корпоративную культуру в организации",
        vec![Column::new("Ответы", 6.0), Column::new("Оценка", 1.6)],
        rows,
    ));
    let tenure = FineBand::ALL.iter().map(|b| b.label().to_owned()).collect();
    demographics(l, s, Some(tenure), d);
}

/// An item that asks to name something («другое (укажите)», «Иное
/// (укажите)») gets a line to write on.
fn with_write_in(item: &str) -> String {
    if item.contains("(укажите") {
        format!("{item}\n{WRITE_IN}")
    } else {
        item.to_owned()
    }
}

/// The blank form of `instrument` as a PDF.
///
/// The form is laid out at the full size and, while it would take more
/// sheets than it should, again a step smaller down to [`SMALLEST`]; if the
/// survey's subdivisions still do not fit, the respondent writes the name
/// of the subdivision on a line instead of ticking it in the list.
pub fn render(instrument: Instrument, d: &Demographics) -> Vec<u8> {
    let sheets = match instrument {
        Instrument::Commitment | Instrument::Satisfaction => 1,
        Instrument::Culture => 3,
    };
    let steps = [1.0, 0.95, 0.9, 0.85, SMALLEST];
    let tries = steps
        .iter()
        .map(|k| Sizes::scaled(*k, false))
        .chain(steps.iter().map(|k| Sizes::scaled(*k, true)));
    let mut last = None;
    for sizes in tries {
        let l = layout(instrument, d, &sizes);
        if l.page_count() <= sheets {
            return l.finish();
        }
        last = Some(l);
    }
    // Not even the written subdivision at the smallest size fits: print
    // that (the sheets then run over; the test of the forms says when).
    last.expect("at least one try").finish()
}

fn layout(instrument: Instrument, d: &Demographics, s: &Sizes) -> Layout {
    let mut l = Layout::new(instrument.label());
    l.table_size = s.grid;
    l.table_pad = 0.6;
    // The first sheet carries no page number (the office standard).
    l.unnumbered_so_far();
    match instrument {
        Instrument::Commitment => commitment(&mut l, s, d),
        Instrument::Satisfaction => satisfaction(&mut l, s, d),
        Instrument::Culture => culture(&mut l, s, d),
    }
    l.need(5.0);
    l.gap(0.5);
    l.paragraph(t::FORM_THANKS, s.text, Weight::Bold, 0.0, Align::Center);
    l
}
