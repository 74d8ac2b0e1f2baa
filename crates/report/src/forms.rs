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

const BOX: f32 = 3.2;

/// Options with tick boxes, flowing left to right and wrapping.
fn choices(l: &mut Layout, options: &[String]) {
    let (left, width) = frame();
    let size = 10.0;
    let lh = 6.0;
    let mut x = left;
    l.need(lh);
    l.gap(lh);
    for option in options {
        let w = BOX + 1.5 + l.width(option, size, Weight::Regular) + 6.0;
        if x > left && x + w > left + width {
            x = left;
            l.need(lh);
            l.gap(lh);
        }
        let y = l.y();
        l.rect(x, y, BOX, BOX, None);
        l.text_at(option, x + BOX + 1.5, y + 0.4, size, Weight::Regular);
        x += w;
    }
    l.gap(2.0);
}

fn code_box(l: &mut Layout) {
    let (left, width) = frame();
    l.gap(8.0);
    let y = l.y();
    let label = format!("{}:", t::FORM_CODE);
    let lw = l.width(&label, 11.0, Weight::Bold);
    let x = left + width - 50.0;
    l.text_at(&label, x - lw - 2.0, y + 1.5, 11.0, Weight::Bold);
    l.rect(x, y - 1.0, 50.0, 8.0, None);
    l.gap(6.0);
}

fn heading(l: &mut Layout, title: &str) {
    l.paragraph(title, 14.0, Weight::Bold, 0.0, Align::Center);
    l.gap(2.0);
}

fn paragraphs(l: &mut Layout, lines: &[&str], first_bold: bool) {
    for (i, p) in lines.iter().enumerate() {
        let (w, align) = if first_bold && i == 0 {
            (Weight::Bold, Align::Center)
        } else {
            (Weight::Regular, Align::Left)
        };
        l.paragraph(
            p,
            11.0,
            w,
            if align == Align::Left { 10.0 } else { 0.0 },
            align,
        );
        l.gap(1.2);
    }
}

fn demographics(l: &mut Layout, tenure: Option<Vec<String>>, d: &Demographics) {
    l.gap(2.0);
    l.paragraph(t::FORM_DEMOGRAPHICS, 11.0, Weight::Bold, 0.0, Align::Left);
    if let Some(tenure) = tenure {
        l.paragraph(t::FORM_TENURE, 11.0, Weight::Regular, 0.0, Align::Left);
        choices(l, &tenure);
    }
    if !d.subdivisions.is_empty() {
        l.paragraph(t::FORM_SUBDIVISION, 11.0, Weight::Regular, 0.0, Align::Left);
        choices(l, &d.subdivisions);
    }
    if !d.positions.is_empty() {
        l.paragraph(t::FORM_POSITION, 11.0, Weight::Regular, 0.0, Align::Left);
        choices(l, &d.positions);
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
    }
}

fn commitment(l: &mut Layout, d: &Demographics) {
    heading(l, m::COMMITMENT_TITLE);
    code_box(l);
    paragraphs(l, m::COMMITMENT_GREETING, true);
    let mut columns = vec![Column::new("№", 0.5), Column::new("Утверждение", 3.8)];
    columns.extend(
        m::COMMITMENT_OPTIONS
            .iter()
            .zip(m::COMMITMENT_OPTION_POINTS)
            .map(|(o, p)| Column::new(format!("{o} ({p})"), 1.35)),
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
    l.gap(2.0);
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
    demographics(l, Some(tenure), d);
}

fn satisfaction(l: &mut Layout, d: &Demographics) {
    heading(l, m::SATISFACTION_TITLE);
    code_box(l);
    paragraphs(l, m::SATISFACTION_GREETING, true);
    l.gap(2.0);
    for (i, q) in m::SATISFACTION_QUESTIONS.iter().enumerate() {
        l.need(14.0);
        l.paragraph(
            &format!("{}. {}", i + 1, q.text),
            11.0,
            Weight::Regular,
            0.0,
            Align::Left,
        );
        let options: Vec<String> = m::SATISFACTION_LETTERS
            .iter()
            .zip(q.options)
            .map(|(letter, o)| format!("{letter}) {o}"))
            .collect();
        choices(l, &options);
    }
    l.need(20.0);
    l.paragraph(
        &format!("19. {}", m::SATISFACTION_TENURE_QUESTION),
        11.0,
        Weight::Regular,
        0.0,
        Align::Left,
    );
    let tenure: Vec<String> = m::SATISFACTION_TENURE_LETTERS
        .iter()
        .zip(klimat_core::tenure::SatisfactionBand::ALL)
        .map(|(letter, b)| format!("{letter}) {}", b.label()))
        .collect();
    choices(l, &tenure);
    demographics(l, None, d);
}

fn culture(l: &mut Layout, d: &Demographics) {
    heading(l, m::CULTURE_TITLE);
    code_box(l);
    paragraphs(l, m::CULTURE_GREETING, true);
    l.gap(2.0);
    paragraphs(l, m::CULTURE_BLOCK1_INSTRUCTIONS, false);
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
        vec![
            Column::new("№", 0.4),
            Column::new("Вопрос", 2.6),
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
                    Cell::text(*s),
                    Cell::text("1 - 2 - 3 - 4 - 5"),
                    Cell::text("1 - 2 - 3 - 4 - 5"),
                ]
            })
            .collect()
    };
    paragraphs(l, m::CULTURE_BLOCK2_INSTRUCTIONS, false);
    l.table(&grid(
        "",
        m::CULTURE_COHESION_TITLE,
        pair_columns("Ценности и факторы, способствующие сплочению Вашего трудового коллектива"),
        pair_rows(&m::CULTURE_COHESION_ITEMS),
    ));
    paragraphs(l, m::CULTURE_BLOCK3_INSTRUCTIONS, false);
    l.table(&grid(
        "",
        "Таблица А.3 – Уровень сформированности корпоративной культуры и достаточности мероприятий по ее развитию",
        pair_columns("Корпоративная культура"),
        pair_rows(&m::CULTURE_LEVEL_ITEMS),
    ));
    paragraphs(l, m::CULTURE_BLOCK4_INSTRUCTIONS, false);
    let rows = m::CULTURE_NEGATIVE_ITEMS
        .iter()
        .map(|s| vec![Cell::text(*s), Cell::text("1 - 2 - 3 - 4 - 5")])
        .collect();
    l.table(&grid(
        "",
        "Таблица А.4 – Факторы, которые оказывают наиболее негативное влияние на корпоративную культуру в организации",
        vec![Column::new("Ответы", 6.0), Column::new("Оценка", 1.6)],
        rows,
    ));
    let tenure = FineBand::ALL.iter().map(|b| b.label().to_owned()).collect();
    demographics(l, Some(tenure), d);
}

/// The blank form of `instrument` as a PDF.
pub fn render(instrument: Instrument, d: &Demographics) -> Vec<u8> {
    let mut l = Layout::new(instrument.label());
    match instrument {
        Instrument::Commitment => commitment(&mut l, d),
        Instrument::Satisfaction => satisfaction(&mut l, d),
        Instrument::Culture => culture(&mut l, d),
    }
    l.gap(4.0);
    l.paragraph(t::FORM_THANKS, 11.0, Weight::Bold, 0.0, Align::Center);
    l.finish()
}
