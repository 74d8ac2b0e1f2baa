//! From analyses to the report model: the tables of the methodology, the
//! charts, the conclusions of the core, the comparison and the anonymity
//! threshold applied to every breakdown.

use klimat_core::Instrument;
use klimat_core::anonymity::{self, Hidden};
use klimat_core::commitment::{self, BLOCKS, CommitmentLevel, Component, ITEMS as C_ITEMS, Sign};
use klimat_core::compare::{self, Change};
use klimat_core::culture::Side;
use klimat_core::precision::{self, Judged};
use klimat_core::satisfaction::{self, Factor, SatisfactionLevel};
use klimat_core::text::methodology::{
    COMMITMENT_STATEMENTS, CULTURE_COHESION_ITEMS, CULTURE_KLIMAT_PROMPTS, CULTURE_LEVEL_ITEMS,
    CULTURE_N7_ACTORS, CULTURE_N7_TECH, CULTURE_NEGATIVE_ITEMS, CULTURE_OPEN_QUESTIONS,
    SATISFACTION_LETTERS, SATISFACTION_QUESTIONS,
};
use klimat_core::text::ru::{self as core_ru, conclusions};

use crate::input::{
    CommitmentData, CultureData, PreviousSurvey, ReportInput, SatisfactionData, Signatory,
};
use crate::model::{
    BarChart, Block, Cell, Column, Placement, ReportModel, Section, Series, Signature, Table,
    TitlePage,
};
use crate::text as t;

pub(crate) fn table(
    sheet: &str,
    caption: &str,
    columns: Vec<Column>,
    rows: Vec<Vec<Cell>>,
) -> Block {
    Block::Table(Table {
        sheet: sheet.to_owned(),
        caption: caption.to_owned(),
        columns,
        rows,
        placement: Placement::Both,
        number: 0,
        heat: Vec::new(),
    })
}

pub(crate) fn cols(spec: &[(&str, f32)]) -> Vec<Column> {
    spec.iter().map(|(t, w)| Column::new(*t, *w)).collect()
}

fn share(count: u64, n: u64) -> Cell {
    if n == 0 {
        Cell::Empty
    } else {
        Cell::Percent(count as f64 * 100.0 / n as f64, 2)
    }
}

/// A chart of the share of respondents (%) at each level.
fn level_chart(caption: &str, categories: Vec<String>, counts: &[u64], n: u64) -> Block {
    Block::Chart(BarChart {
        caption: caption.to_owned(),
        categories,
        series: vec![Series {
            name: t::COL_SHARE.to_owned(),
            values: counts
                .iter()
                .map(|&c| Some(c as f64 * 100.0 / n as f64))
                .collect(),
        }],
        max: Some(100.0),
        percent: true,
        number: 0,
    })
}

/// A breakdown row: the label, then the numbers, or in their place
/// «менее K анкет» for a small group and «скрыто» for a group hidden so
/// that a small one cannot be recovered by subtraction.
fn breakdown_row(label: String, n: u64, hidden: Hidden, k: u32, numbers: Vec<Cell>) -> Vec<Cell> {
    let mut row = vec![Cell::Text(label)];
    match hidden {
        Hidden::No => {
            row.push(Cell::Int(n as i64));
            row.extend(numbers);
        }
        Hidden::Small => {
            row.push(Cell::Suppressed(k));
            row.extend(std::iter::repeat_n(Cell::Empty, numbers.len()));
        }
        Hidden::Complement => {
            row.push(Cell::Withheld);
            row.extend(std::iter::repeat_n(Cell::Empty, numbers.len()));
        }
    }
    row
}

/// The rows of a breakdown, the threshold applied to the whole breakdown
/// at once ([`anonymity::hidden`]), and whether a group was hidden to
/// protect another (a note must then say so).
pub(crate) fn breakdown_rows(
    groups: Vec<(String, u64, Vec<Cell>)>,
    k: u32,
) -> (Vec<Vec<Cell>>, bool) {
    let ns: Vec<u64> = groups.iter().map(|g| g.1).collect();
    let hidden = anonymity::hidden(&ns, k);
    let complement = hidden.contains(&Hidden::Complement);
    let rows = groups
        .into_iter()
        .zip(hidden)
        .map(|((label, n, numbers), h)| breakdown_row(label, n, h, k, numbers))
        .collect();
    (rows, complement)
}

/// What the groups of a report's breakdown by `subdivision` are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Groups {
    /// An organization's report: its subdivisions.
    Subdivisions,
    /// A consolidated report: the organizations pooled, ranked.
    Organizations,
}

impl Groups {
    /// The sheet and the caption of a heatmap: the subdivisions' or the
    /// organizations'.
    fn heatmap<'a>(self, sheet: &'a str, sub: &'a str, org: &'a str) -> (&'a str, &'a str) {
        match self {
            Groups::Subdivisions => (sheet, sub),
            Groups::Organizations => (sheet, org),
        }
    }

    /// The first column's title.
    fn first_column(self) -> &'static str {
        match self {
            Groups::Subdivisions => t::COL_SUBDIVISION,
            Groups::Organizations => t::COL_ORGANIZATION,
        }
    }
}

/// [`breakdown_rows`] ranked by the number at `key` (of `numbers`), the
/// highest first. Only the groups shown are ranked; hidden ones follow in
/// name order, so that a place in the ranking tells nothing of a hidden
/// group's figure.
fn ranked_breakdown_rows(
    groups: Vec<(String, u64, Vec<Cell>)>,
    k: u32,
    key: usize,
) -> (Vec<Vec<Cell>>, bool) {
    let (mut rows, complement) = breakdown_rows(groups, k);
    // In a row: label, n, numbers…
    // A hidden row has no number; a heatmap's figure sits in its shade.
    let value = |row: &Vec<Cell>| {
        let cell = match row.get(2 + key) {
            Some(Cell::Shaded(inner, _)) => Some(inner.as_ref()),
            other => other,
        };
        match cell {
            Some(Cell::Num(v, _) | Cell::Percent(v, _)) if matches!(row[1], Cell::Int(_)) => {
                Some(*v)
            }
            _ => None,
        }
    };
    rows.sort_by(|a, b| match (value(a), value(b)) {
        (Some(x), Some(y)) => y.total_cmp(&x),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    (rows, complement)
}

/// What a consolidated ranking ranks and how precise each place is: the
/// 95 % error of each shown organization's figure (Klimat's rule, as for
/// changes, without the census discount), and that places closer than
/// their errors are not an order. Hidden organizations are not named.
fn ranking_note(groups: &[(String, precision::Estimate)], k: u32, digits: usize) -> Option<Block> {
    let ns: Vec<u64> = groups.iter().map(|(_, e)| e.n).collect();
    let mut shown: Vec<(&String, &precision::Estimate)> = groups
        .iter()
        .zip(anonymity::hidden(&ns, k))
        .filter(|(_, h)| *h == Hidden::No)
        .map(|((name, e), _)| (name, e))
        .filter(|(_, e)| e.value.is_some())
        .collect();
    if shown.len() < 2 {
        return None;
    }
    shown.sort_by(|a, b| {
        b.1.value
            .unwrap_or(0.0)
            .total_cmp(&a.1.value.unwrap_or(0.0))
    });
    let parts: Vec<String> = shown
        .iter()
        .map(|(name, e)| match e.margin() {
            Some(m) if e.n >= precision::MIN_FORMS => {
                format!(
                    "{name} ±{}\u{a0}п.\u{a0}п.",
                    klimat_core::numfmt::decimal(m, digits)
                )
            }
            _ => format!("{name} – {}", t::RANK_TOO_FEW),
        })
        .collect();
    Some(Block::Paragraph(t::ranking_note(&parts.join("; "))))
}

/// One scale of a heatmap: its column's title, the difference from the
/// overall figure one shade stands for, and whether it is a percent.
struct Scale {
    title: String,
    step: f64,
    percent: bool,
}

/// A heatmap of units × scales (issue 16): the rows of the units, each
/// figure shaded by its difference from the overall figure (the first
/// row), the anonymity threshold and complementary suppression applied to
/// the units as in every breakdown; in a consolidated report the units are
/// ranked by the last scale. Nothing with fewer than two units.
fn heatmap(
    (sheet, caption): (&str, &str),
    first: &str,
    scales: &[Scale],
    overall: (u64, Vec<Option<f64>>),
    units: Vec<(String, u64, Vec<Option<f64>>)>,
    k: u32,
    g: Groups,
) -> Vec<Block> {
    if units.len() < 2 {
        return Vec::new();
    }
    let cell = |v: Option<f64>, scale: &Scale| {
        if scale.percent {
            Cell::percent(v, 1)
        } else {
            Cell::num(v, 2)
        }
    };
    // A group of fewer than 10 forms is not shaded: its difference from
    // the whole is a few people's answers, and the darkest shade would go
    // to the smallest department in every column (Klimat's rule, as for
    // changes between years).
    let mut unshaded_small = false;
    let groups: Vec<(String, u64, Vec<Cell>)> = units
        .into_iter()
        .map(|(label, n, values)| {
            let small = n < precision::MIN_FORMS;
            let cells = values
                .iter()
                .zip(scales)
                .zip(&overall.1)
                .map(|((v, scale), o)| match (v, o) {
                    (Some(v), Some(o)) if !small => {
                        let level = ((v - o) / scale.step).trunc().clamp(-3.0, 3.0) as i8;
                        Cell::Shaded(Box::new(cell(Some(*v), scale)), level)
                    }
                    _ => cell(*v, scale),
                })
                .collect();
            unshaded_small |= small && n >= u64::from(k);
            (label, n, cells)
        })
        .collect();
    let (mut rows, complement) = match g {
        Groups::Subdivisions => breakdown_rows(groups, k),
        Groups::Organizations => ranked_breakdown_rows(groups, k, scales.len() - 1),
    };
    let mut total = vec![
        Cell::text(t::HEATMAP_OVERALL),
        Cell::Int(i64::try_from(overall.0).unwrap_or(i64::MAX)),
    ];
    total.extend(overall.1.iter().zip(scales).map(|(v, s)| cell(*v, s)));
    rows.insert(0, total);
    let mut columns = cols(&[(first, 2.6), (t::COL_N, 1.1)]);
    columns.extend(scales.iter().map(|s| Column::new(s.title.clone(), 1.6)));
    let steps: Vec<String> = scales
        .iter()
        .map(|s| {
            let step = if s.percent {
                klimat_core::numfmt::percent(s.step, 1).replace("\u{a0}%", "\u{a0}п.\u{a0}п.")
            } else {
                klimat_core::numfmt::decimal(s.step, 2)
            };
            format!("{} – {step}", s.title)
        })
        .collect();
    let mut map = table(sheet, caption, columns, rows);
    if let Block::Table(tb) = &mut map {
        tb.heat = [None, None]
            .into_iter()
            .chain(overall.1.iter().zip(scales).map(|(o, s)| {
                o.map(|overall| crate::model::HeatColumn {
                    overall,
                    step: s.step,
                    percent: s.percent,
                })
            }))
            .collect();
    }
    let mut out = vec![map];
    out.push(Block::Paragraph(t::heatmap_note(&steps.join("; "))));
    if unshaded_small {
        out.push(Block::Paragraph(t::HEATMAP_SMALL_NOTE.to_owned()));
    }
    if complement {
        out.push(Block::Paragraph(t::COMPLEMENT_NOTE.to_owned()));
    }
    out
}

/// Pushes a breakdown table, and the note on complementary suppression
/// when it hid a group of K forms or more.
fn push_breakdown(
    out: &mut Vec<Block>,
    (sheet, caption): (&str, &str),
    columns: Vec<Column>,
    (rows, complement): (Vec<Vec<Cell>>, bool),
) {
    out.push(table(sheet, caption, columns, rows));
    if complement {
        out.push(Block::Paragraph(t::COMPLEMENT_NOTE.to_owned()));
    }
}

fn group_label(name: &Option<String>) -> String {
    name.clone()
        .unwrap_or_else(|| core_ru::NOT_GIVEN.to_owned())
}

/// The input of a subdivision's report: its own forms only, and no
/// breakdown within it (tenure, position) — with the organization's report
/// beside it, a group inside one subdivision could be recovered from the
/// difference between the two reports.
fn without_breakdowns(input: &ReportInput) -> ReportInput {
    let mut i = input.clone();
    if let Some(c) = &mut i.commitment {
        c.by_subdivision.clear();
        c.by_position.clear();
        c.analysis.by_tenure.clear();
    }
    if let Some(c) = &mut i.satisfaction {
        c.by_subdivision.clear();
        c.by_position.clear();
        c.analysis.by_tenure.clear();
    }
    if let Some(c) = &mut i.culture {
        c.by_subdivision.clear();
        c.by_tenure.clear();
        // Nor the free-text items: the organization's report quotes them
        // for everyone, and the difference of the two reports would give
        // the ratings and texts of the other subdivisions' few.
        let a = &mut c.analysis;
        a.cohesion[klimat_core::culture::COHESION_ITEMS - 1] = Default::default();
        a.negative[klimat_core::culture::NEGATIVE_ITEMS - 1] = Default::default();
        a.cohesion_other.clear();
        a.negative_other.clear();
        a.hidden_texts = 0;
        for g in &mut a.open {
            g.answers.clear();
        }
    }
    if let Some(p) = &mut i.previous {
        // Last year's free-text items neither (see above).
        if let Some(a) = &mut p.culture {
            a.cohesion[klimat_core::culture::COHESION_ITEMS - 1] = Default::default();
            a.negative[klimat_core::culture::NEGATIVE_ITEMS - 1] = Default::default();
            a.cohesion_other.clear();
            a.negative_other.clear();
            for g in &mut a.open {
                g.answers.clear();
            }
        }
        if let Some(a) = &mut p.commitment {
            a.by_tenure.clear();
        }
        if let Some(a) = &mut p.satisfaction {
            a.by_tenure.clear();
        }
    }
    i
}

/// Builds the report model.
pub fn build(input: &ReportInput) -> ReportModel {
    let scoped = input.survey.scope.is_some();
    let mut model = if scoped {
        build_model(&without_breakdowns(input))
    } else {
        build_model(input)
    };
    // No report carries the forms one by one (docs/methodology.md,
    // "Anonymity"): rows in the order forms were keyed or arrived tie a
    // form to its subdivision or to a place in a kiosk queue, and a
    // culture row puts a person's open answers beside all their ratings.
    // Per-form data are in the operator's export only. In a subdivision's
    // report, tables left without rows go too.
    if scoped {
        for section in &mut model.sections {
            // The open answers are the organization's report's alone (see
            // `without_breakdowns`): their tables give way to one line.
            let verbatim = |b: &Block| match b {
                Block::Table(t) => t.sheet == t::SHEET_A1 || t.sheet == t::SHEET_OTHER,
                Block::Paragraph(p) => p.starts_with(t::OPEN_WITHHELD_START),
                _ => false,
            };
            if let Some(at) = section.blocks.iter().position(verbatim) {
                section.blocks.retain(|b| !verbatim(b));
                section.blocks.retain(|b| {
                    !matches!(b, Block::Paragraph(p) if p == t::KLIMAT_PROMPTS_NOTE
                        || p.starts_with(t::OPEN_WITHHELD_START))
                });
                let at = at.min(section.blocks.len());
                section
                    .blocks
                    .insert(at, Block::Paragraph(t::SCOPE_NO_TEXTS.to_owned()));
            }
            section.blocks.retain(|b| match b {
                Block::Table(t) => !t.rows.is_empty(),
                _ => true,
            });
        }
    }
    number_captions(&mut model);
    model
}

/// Numbers the tables and figures of the printed report in one sequence
/// each («Таблица 1 – …», «Рисунок 1 – …»), the methodology's own number
/// kept in brackets: the office standard numbers a document's tables
/// consistently, and the methodology's letters (Б.3, В.4) alone would leave
/// Klimat's own tables unnumbered. Workbook-only tables are sheets, not
/// numbered.
fn number_captions(model: &mut ReportModel) {
    let (mut tables, mut figures) = (0, 0);
    for block in model.sections.iter_mut().flat_map(|s| &mut s.blocks) {
        match block {
            Block::Table(table) if table.placement != Placement::WorkbookOnly => {
                tables += 1;
                table.number = tables;
            }
            Block::Chart(chart) => {
                figures += 1;
                chart.number = figures;
            }
            _ => {}
        }
    }
}

fn build_model(input: &ReportInput) -> ReportModel {
    let s = &input.survey;
    let mut facts = Vec::new();
    if let Some(scope) = &s.scope {
        facts.push(format!("{}: {scope}", t::SCOPE));
    }
    if !s.pooled.is_empty() {
        facts.push(t::pooled_fact(s.pooled.len()));
        facts.extend(s.pooled.iter().map(|p| format!("– {p}")));
    }
    if let Some(c) = &input.commitment {
        facts.push(t::forms_counted(
            Instrument::Commitment.label(),
            c.analysis.respondents,
        ));
    }
    if let Some(c) = &input.satisfaction {
        facts.push(t::forms_counted(
            Instrument::Satisfaction.label(),
            c.analysis.respondents,
        ));
        facts.push(format!("{}: {}", t::KEY_USED, c.analysis.key.label()));
    }
    if let Some(c) = &input.culture {
        facts.push(t::forms_counted(
            Instrument::Culture.label(),
            c.analysis.respondents,
        ));
    }
    facts.push(format!(
        "{} {} {}.",
        t::THRESHOLD,
        s.threshold,
        t::THRESHOLD_TAIL
    ));
    let mut sections = vec![crate::summary::section(input), tools_section(input)];
    let mut number = 2;
    let mut push = |title: &str, blocks: Vec<Block>| {
        sections.push(Section {
            title: format!("{number}. {title}"),
            blocks,
        });
        number += 1;
    };
    // A questionnaire answered by fewer than K people shows no figure at
    // all: its totals would be those few people's answers.
    let k = s.threshold;
    let g = if s.pooled.is_empty() {
        Groups::Subdivisions
    } else {
        Groups::Organizations
    };
    let few = |n: u64| n > 0 && n < u64::from(k);
    let withheld = |n: u64| vec![Block::Paragraph(t::too_few_forms(n, k))];
    if let Some(c) = &input.commitment {
        let n = c.analysis.respondents;
        push(
            t::SECTION_COMMITMENT,
            if few(n) {
                withheld(n)
            } else {
                commitment_blocks(c, k, g)
            },
        );
    }
    if let Some(c) = &input.satisfaction {
        let n = c.analysis.respondents;
        push(
            t::SECTION_SATISFACTION,
            if few(n) {
                withheld(n)
            } else {
                satisfaction_blocks(c, k, g)
            },
        );
    }
    if let Some(c) = &input.culture {
        let n = c.analysis.respondents;
        push(
            t::SECTION_CULTURE,
            if few(n) {
                withheld(n)
            } else {
                // A subdivision's report shows its own column too: its
                // conclusions quote it (issue 29), and it covers the same
                // forms as the organization column beside it.
                culture_blocks(c, k, !s.subdivisions.is_empty(), s.scope.is_some(), g)
            },
        );
    }
    if let Some(p) = &input.previous {
        push(t::SECTION_COMPARISON, comparison_blocks(input, p));
    }
    if !s.proposals.trim().is_empty() {
        push(t::SECTION_PROPOSALS, proposal_blocks(&s.proposals));
    }
    ReportModel {
        title: TitlePage {
            approval: s
                .signatures
                .approved_by
                .as_ref()
                .map(|a| signature(t::APPROVE, a, None)),
            organization: s.organization.clone(),
            survey: s.name.clone(),
            date: s.date.clone(),
            facts,
            created: (!s.signatures.date.is_empty()).then(|| s.signatures.date.clone()),
        },
        sections,
    }
}

/// A signature block of `who` under `heading`.
pub(crate) fn signature(heading: &str, who: &Signatory, date: Option<String>) -> Signature {
    Signature {
        heading: heading.to_owned(),
        position: who.position.clone(),
        name: who.name.clone(),
        date,
    }
}

/// The department's proposals, paragraph by paragraph as written; a line
/// starting with «-», «–» or «•» is a list item.
fn proposal_blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut items: Vec<String> = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        match line
            .strip_prefix('-')
            .or_else(|| line.strip_prefix('–'))
            .or_else(|| line.strip_prefix('•'))
        {
            Some(item) => items.push(item.trim().to_owned()),
            None => {
                if !items.is_empty() {
                    out.push(Block::Bullets(std::mem::take(&mut items)));
                }
                out.push(Block::Paragraph(line.to_owned()));
            }
        }
    }
    if !items.is_empty() {
        out.push(Block::Bullets(items));
    }
    out
}

fn tools_section(input: &ReportInput) -> Section {
    let mut blocks = vec![Block::Paragraph(t::TOOLS_INTRO.to_owned())];
    let mut list = Vec::new();
    if input.commitment.is_some() {
        list.push(t::TOOL_COMMITMENT.to_owned());
    }
    if let Some(s) = &input.satisfaction {
        list.push(format!(
            "{} {}: {}.",
            t::TOOL_SATISFACTION,
            t::KEY_USED,
            s.analysis.key.label()
        ));
    }
    if input.culture.is_some() {
        list.push(t::TOOL_CULTURE.to_owned());
    }
    blocks.push(Block::Bullets(list));
    blocks.push(Block::Paragraph(t::KLIMAT_WORDS.to_owned()));
    blocks.extend(verification_blocks(&input.verification));
    let participation = crate::summary::participation_by_subdivision(input);
    let title = if participation.is_empty() {
        t::SECTION_TOOLS
    } else {
        t::SECTION_TOOLS_PARTICIPATION
    };
    blocks.extend(participation);
    Section {
        title: format!("1. {title}"),
        blocks,
    }
}

/// How the keyed forms were checked: one sentence for the reader, and the
/// figures per questionnaire in the workbook. Nothing when no form was
/// keyed a second time.
fn verification_blocks(rows: &[crate::input::VerificationRow]) -> Vec<Block> {
    let mut total = crate::input::VerificationRow {
        instrument: t::ROW_ALL_INSTRUMENTS.to_owned(),
        ..Default::default()
    };
    for r in rows {
        total.forms += r.forms;
        total.verified += r.verified;
        total.fields += r.fields;
        total.differences += r.differences;
        total.unsettled += r.unsettled;
        total.keystrokes += r.keystrokes;
        total.seconds += r.seconds;
        total.timed += r.timed;
    }
    if total.verified == 0 || total.fields == 0 || total.forms == 0 {
        return Vec::new();
    }
    let per = |n: u64, of: u64| (of > 0).then(|| n as f64 * 1000.0 / of as f64);
    let sentence = t::verification_sentence(
        total.verified,
        total.verified as f64 * 100.0 / total.forms as f64,
        per(total.differences, total.fields).unwrap_or(0.0),
        total.unsettled,
    );
    let columns = [
        (t::COL_INSTRUMENT, 3.0),
        (t::COL_FORMS, 1.2),
        (t::COL_VERIFIED, 1.4),
        (t::COL_VERIFIED_SHARE, 1.2),
        (t::COL_FIELDS, 1.2),
        (t::COL_DIFFERENCES, 1.2),
        (t::COL_PER_1000_FIELDS, 1.2),
        (t::COL_PER_1000_KEYS, 1.4),
        (t::COL_UNSETTLED, 1.6),
        (t::COL_FORMS_PER_HOUR, 1.4),
    ]
    .into_iter()
    .map(|(title, w)| Column::new(title, w))
    .collect();
    let line = |r: &crate::input::VerificationRow| {
        let n = |v: u64| Cell::Int(i64::try_from(v).unwrap_or(i64::MAX));
        vec![
            Cell::text(r.instrument.clone()),
            n(r.forms),
            n(r.verified),
            Cell::percent(
                (r.forms > 0).then(|| r.verified as f64 * 100.0 / r.forms as f64),
                1,
            ),
            n(r.fields),
            n(r.differences),
            Cell::num(per(r.differences, r.fields), 1),
            Cell::num(per(r.differences, r.keystrokes), 1),
            n(r.unsettled),
            Cell::num(
                (r.seconds > 0.0).then(|| r.timed as f64 * 3600.0 / r.seconds),
                0,
            ),
        ]
    };
    let mut table_rows: Vec<Vec<Cell>> = rows.iter().filter(|r| r.forms > 0).map(line).collect();
    if table_rows.len() > 1 {
        table_rows.push(line(&total));
    }
    vec![
        Block::Paragraph(sentence),
        Block::Table(Table {
            sheet: t::SHEET_VERIFICATION.to_owned(),
            caption: t::CAP_VERIFICATION.to_owned(),
            columns,
            rows: table_rows,
            placement: Placement::WorkbookOnly,
            number: 0,
            heat: Vec::new(),
        }),
    ]
}

fn commitment_row_numbers(r: &commitment::GroupRow) -> Vec<Cell> {
    let mut v: Vec<Cell> = r.block_means.iter().map(|m| Cell::num(*m, 2)).collect();
    v.push(Cell::num(r.ip_mean, 2));
    v
}

fn commitment_blocks(c: &CommitmentData, k: u32, g: Groups) -> Vec<Block> {
    let a = &c.analysis;
    let n = a.respondents;
    let mut out = Vec::new();

    // Table Б.2: how many gave each statement each score.
    let mut columns = cols(&[(t::COL_NO, 0.6), (t::COL_STATEMENT, 5.0)]);
    columns.extend(t::COL_POINTS.iter().map(|p| Column::new(*p, 1.0)));
    columns.push(Column::new(t::COL_BLANK, 1.5));
    let rows = (1..=C_ITEMS)
        .map(|item| {
            let mut counts = [0u64; 6];
            for (_, answers) in &c.forms {
                counts[usize::from(answers.0[item - 1])] += 1;
            }
            let mut row = vec![
                Cell::Int(item as i64),
                Cell::text(COMMITMENT_STATEMENTS[item - 1]),
            ];
            row.extend(counts[1..].iter().map(|&x| Cell::Int(x as i64)));
            row.push(Cell::Int(counts[0] as i64));
            row
        })
        .collect();
    out.push(table(t::SHEET_B2, t::CAP_B2, columns, rows));

    // Table Б.3.
    let mut columns = cols(&[(t::COL_BLOCK, 2.2), (t::COL_ITEMS, 1.1)]);
    columns.extend(t::COL_POINTS.iter().map(|p| Column::new(*p, 0.9)));
    columns.extend(cols(&[(t::COL_MEAN, 1.2), (t::COL_TOTAL, 1.0)]));
    let rows = a
        .blocks
        .iter()
        .map(|b| {
            let sign = match b.block.sign {
                Sign::Plus => "«+»",
                Sign::Minus => "«–»",
            };
            let items: Vec<String> = b.block.items.iter().map(usize::to_string).collect();
            let mut row = vec![
                Cell::text(format!(
                    "{} {} ({sign})",
                    b.block.code,
                    b.block.component.label()
                )),
                Cell::text(items.join("; ")),
            ];
            row.extend(b.counts.iter().map(|&x| Cell::Int(x as i64)));
            row.push(Cell::num(b.mean, 6));
            row.push(Cell::Int(b.total as i64));
            row
        })
        .collect();
    out.push(table(t::SHEET_B3, t::CAP_B3, columns, rows));

    // Table Б.8.
    let i = a.index();
    let rows = vec![
        vec![Cell::text(t::ROW_N), Cell::text("N"), Cell::Int(n as i64)],
        vec![Cell::text(t::ROW_OP), Cell::text("OP"), Cell::Int(i.op)],
        vec![
            Cell::text(t::ROW_OPMAX),
            Cell::text("OPmax"),
            Cell::Int(i.op_max),
        ],
        vec![Cell::text(t::ROW_P), Cell::text("P"), Cell::percent(i.p, 2)],
        vec![
            Cell::text(t::ROW_IP_MEAN),
            Cell::text(t::SYMBOL_IP_MEAN),
            Cell::num(a.total.ip_mean, 2),
        ],
        vec![
            Cell::text(t::ROW_IPMAX),
            Cell::text("IPmax"),
            Cell::Int(commitment::IP_MAX),
        ],
        vec![
            Cell::text(t::ROW_LEVEL),
            Cell::Empty,
            Cell::text(i.level.map_or("", |l| l.label())),
        ],
    ];
    out.push(table(
        t::SHEET_B8,
        t::CAP_B8,
        cols(&[
            (t::COL_INDICATOR, 5.0),
            (t::COL_SYMBOL, 1.2),
            (t::COL_VALUE, 2.0),
        ]),
        rows,
    ));

    // Table Б.9 and its chart.
    let rows = CommitmentLevel::ALL
        .iter()
        .map(|l| {
            vec![
                Cell::text(l.label()),
                Cell::text(l.points_range()),
                Cell::text(l.percent_range()),
                Cell::Int(a.levels[*l as usize] as i64),
                share(a.levels[*l as usize], n),
            ]
        })
        .collect();
    out.push(table(
        t::SHEET_B9,
        t::CAP_B9,
        cols(&[
            (t::COL_LEVEL, 3.0),
            (t::COL_POINTS_RANGE, 1.2),
            (t::COL_PERCENT_RANGE, 1.3),
            (t::COL_COUNT, 1.4),
            (t::COL_SHARE, 1.2),
        ]),
        rows,
    ));
    if n > 0 {
        let labels = CommitmentLevel::ALL
            .iter()
            .map(|l| l.label().to_owned())
            .collect();
        out.push(level_chart(t::FIG_LEVELS, labels, &a.levels, n));
    }

    // Table Б.6 and Рисунок Б.1.
    let mut columns = cols(&[(t::COL_TENURE, 2.2), (t::COL_N, 1.3)]);
    columns.extend(BLOCKS.iter().map(|b| Column::new(b.code, 1.0)));
    columns.push(Column::new(t::COL_GENERAL, 1.3));
    let groups = a
        .by_tenure
        .iter()
        .map(|(band, r)| {
            let label = band
                .map_or(core_ru::UNKNOWN_TENURE, |b| b.label())
                .to_owned();
            (label, r.n, commitment_row_numbers(r))
        })
        .collect();
    push_breakdown(
        &mut out,
        (t::SHEET_B6, t::CAP_B6),
        columns.clone(),
        breakdown_rows(groups, k),
    );
    // The chart shows what the table shows, and no more.
    let visible = a.visible(k);
    let shown: Vec<_> = visible
        .by_tenure
        .iter()
        .filter(|(b, _)| b.is_some())
        .collect();
    if !shown.is_empty() {
        out.push(Block::Chart(BarChart {
            caption: t::FIG_B1.to_owned(),
            categories: shown
                .iter()
                .map(|(b, _)| b.map_or("", |b| b.label()).to_owned())
                .collect(),
            series: Component::ALL
                .iter()
                .map(|&comp| Series {
                    name: comp.label().to_owned(),
                    values: shown.iter().map(|(_, r)| r.component_mean(comp)).collect(),
                })
                .collect(),
            max: Some(commitment::COMPONENT_MAX),
            percent: false,
            number: 0,
        }));
    }

    // By subdivision and position.
    let mut sub_cols = columns.clone();
    sub_cols[0] = Column::new(t::COL_SUBDIVISION, 2.6);
    sub_cols.push(Column::new(t::COL_P, 1.2));
    let numbers_of =
        |groups: &[(Option<String>, commitment::GroupRow)]| -> Vec<(String, u64, Vec<Cell>)> {
            groups
                .iter()
                .map(|(name, r)| {
                    let mut numbers = commitment_row_numbers(r);
                    numbers.push(Cell::percent(r.index.p, 2));
                    (group_label(name), r.n, numbers)
                })
                .collect()
        };
    let group_rows =
        |groups: &[(Option<String>, commitment::GroupRow)]| breakdown_rows(numbers_of(groups), k);
    if !c.by_subdivision.is_empty() {
        match g {
            Groups::Subdivisions => push_breakdown(
                &mut out,
                (t::SHEET_COMMITMENT_SUB, t::CAP_COMMITMENT_SUB),
                sub_cols.clone(),
                group_rows(&c.by_subdivision),
            ),
            Groups::Organizations => {
                let mut org_cols = sub_cols.clone();
                org_cols[0] = Column::new(t::COL_ORGANIZATION, 2.6);
                let numbers = numbers_of(&c.by_subdivision);
                let key = numbers.first().map_or(0, |(_, _, n)| n.len() - 1);
                push_breakdown(
                    &mut out,
                    (t::SHEET_COMMITMENT_ORG, t::CAP_COMMITMENT_ORG),
                    org_cols,
                    ranked_breakdown_rows(numbers, k, key),
                );
                out.extend(ranking_note(
                    &c.by_subdivision
                        .iter()
                        .map(|(name, r)| (group_label(name), r.p_estimate(None)))
                        .collect::<Vec<_>>(),
                    k,
                    2,
                ));
            }
        }
        let mut scales: Vec<Scale> = Component::ALL
            .iter()
            .map(|comp| Scale {
                title: comp.label().to_owned(),
                step: 0.25,
                percent: false,
            })
            .collect();
        scales.push(Scale {
            title: t::COL_P.to_owned(),
            step: 2.0,
            percent: true,
        });
        let values = |r: &commitment::GroupRow| {
            let mut v: Vec<Option<f64>> = Component::ALL
                .iter()
                .map(|&comp| r.component_mean(comp))
                .collect();
            v.push(r.index.p);
            v
        };
        let units = c
            .by_subdivision
            .iter()
            .map(|(name, r)| (group_label(name), r.n, values(r)))
            .collect();
        out.extend(heatmap(
            g.heatmap(
                t::SHEET_HEAT_COMMITMENT,
                t::CAP_HEAT_COMMITMENT,
                t::CAP_HEAT_COMMITMENT_ORG,
            ),
            g.first_column(),
            &scales,
            (c.analysis.total.n, values(&c.analysis.total)),
            units,
            k,
            g,
        ));
    }
    if !c.by_position.is_empty() {
        let mut pos_cols = sub_cols.clone();
        pos_cols[0] = Column::new(t::COL_POSITION, 2.6);
        push_breakdown(
            &mut out,
            (t::SHEET_COMMITMENT_POS, t::CAP_COMMITMENT_POS),
            pos_cols,
            group_rows(&c.by_position),
        );
    }

    // Item analysis.
    let rows = (1..=C_ITEMS)
        .map(|item| {
            vec![
                Cell::Int(item as i64),
                Cell::text(COMMITMENT_STATEMENTS[item - 1]),
                Cell::text(match commitment::sign_of(item) {
                    Sign::Plus => "+",
                    Sign::Minus => "–",
                }),
                Cell::Int(a.item_sums[item - 1] as i64),
            ]
        })
        .collect();
    out.push(table(
        t::SHEET_ITEMS,
        t::CAP_ITEMS,
        cols(&[
            (t::COL_NO, 0.6),
            (t::COL_STATEMENT, 7.0),
            (t::COL_SIGN, 0.8),
            (t::COL_SUM, 1.3),
        ]),
        rows,
    ));

    // Table Б.10, the respondent matrix, is not in the report: rows form
    // by form would tie a form to its place in the entry order (see
    // `build`); the operator's export holds the forms.

    out.push(Block::Subheading(t::CONCLUSIONS.to_owned()));
    // The conclusions quote only groups the tables show.
    out.extend(
        conclusions::commitment(&a.visible(k))
            .into_iter()
            .map(Block::Paragraph),
    );
    if let Some(threat) = conclusions::low_commitment_threat(a) {
        out.push(Block::Alert(threat));
    }
    out
}

fn satisfaction_numbers(r: &satisfaction::GroupRow) -> Vec<Cell> {
    let mut v: Vec<Cell> = r.factor_percents.iter().map(|p| Cell::num(*p, 1)).collect();
    v.push(Cell::num(r.overall_percent, 1));
    v
}

fn satisfaction_columns(first: &str) -> Vec<Column> {
    let mut columns = cols(&[(first, 2.4), (t::COL_N, 1.2)]);
    columns.extend(Factor::ALL.iter().map(|f| Column::new(f.letter(), 0.8)));
    columns.push(Column::new(t::COL_OVERALL, 1.0));
    columns
}

fn satisfaction_blocks(c: &SatisfactionData, k: u32, g: Groups) -> Vec<Block> {
    let a = &c.analysis;
    let n = a.respondents;
    let mut out = Vec::new();
    out.push(Block::Paragraph(
        Factor::ALL
            .iter()
            .map(|f| format!("{} – {}", f.letter(), f.label().to_lowercase()))
            .collect::<Vec<_>>()
            .join("; ")
            + ".",
    ));

    // Table В.4.
    let groups = a
        .by_tenure
        .iter()
        .map(|(band, r)| {
            let label = band
                .map_or(core_ru::UNKNOWN_TENURE, |b| b.label())
                .to_owned();
            (label, r.n, satisfaction_numbers(r))
        })
        .collect();
    let (mut rows, v4_complement) = breakdown_rows(groups, k);
    let mut total = vec![Cell::text(core_ru::TOTAL_ROW), Cell::Int(n as i64)];
    total.extend(satisfaction_numbers(&a.total));
    rows.push(total);
    push_breakdown(
        &mut out,
        (t::SHEET_V4, t::CAP_V4),
        satisfaction_columns(t::COL_TENURE),
        (rows, v4_complement),
    );

    if n > 0 {
        out.push(Block::Chart(BarChart {
            caption: t::FIG_FACTORS.to_owned(),
            categories: Factor::ALL.iter().map(|f| f.label().to_owned()).collect(),
            series: vec![Series {
                name: t::COL_OVERALL.to_owned(),
                values: a.total.factor_percents.to_vec(),
            }],
            max: Some(100.0),
            percent: true,
            number: 0,
        }));
    }

    // Levels of Table В.5.
    let rows = SatisfactionLevel::ALL
        .iter()
        .map(|l| {
            vec![
                Cell::text(l.label()),
                Cell::text(l.percent_range()),
                Cell::Int(a.levels[*l as usize] as i64),
                share(a.levels[*l as usize], n),
            ]
        })
        .collect();
    out.push(table(
        t::SHEET_V5,
        t::CAP_V5,
        cols(&[
            (t::COL_LEVEL, 3.0),
            (t::COL_SATISFACTION_RANGE, 1.7),
            (t::COL_COUNT, 1.4),
            (t::COL_SHARE, 1.2),
        ]),
        rows,
    ));
    if n > 0 {
        let labels = SatisfactionLevel::ALL
            .iter()
            .map(|l| l.label().to_owned())
            .collect();
        out.push(level_chart(t::FIG_SAT_LEVELS, labels, &a.levels, n));
    }

    // The answers to each question: the methodology reads concrete
    // problems from them (section 5.3).
    let mut columns = cols(&[(t::COL_NO, 0.6), (t::COL_QUESTION, 5.4)]);
    columns.extend(
        SATISFACTION_LETTERS
            .iter()
            .zip(t::LETTER_MEANINGS)
            .map(|(l, m)| Column::new(format!("«{l}» {m}").trim_end().to_owned(), 0.9)),
    );
    columns.extend(cols(&[(t::COL_BLANK, 1.5), (t::COL_FACTOR, 1.1)]));
    let rows = SATISFACTION_QUESTIONS
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let mut counts = [0u64; 4];
            for (_, answers, _) in &c.forms {
                counts[answers.0[i] as usize] += 1;
            }
            let mut row = vec![Cell::Int(i as i64 + 1), Cell::text(q.text)];
            row.extend(counts[1..].iter().map(|&x| Cell::Int(x as i64)));
            row.push(Cell::Int(counts[0] as i64));
            row.push(Cell::text(
                Factor::ALL
                    .iter()
                    .find(|f| f.items().contains(&(i + 1)))
                    .map_or("", |f| f.letter()),
            ));
            row
        })
        .collect();
    out.push(table(
        t::SHEET_SAT_ANSWERS,
        t::CAP_SAT_ANSWERS,
        columns,
        rows,
    ));

    let group_rows = |groups: &[(Option<String>, satisfaction::GroupRow)]| {
        let groups = groups
            .iter()
            .map(|(name, r)| (group_label(name), r.n, satisfaction_numbers(r)))
            .collect();
        breakdown_rows(groups, k)
    };
    if !c.by_subdivision.is_empty() {
        match g {
            Groups::Subdivisions => push_breakdown(
                &mut out,
                (t::SHEET_SATISFACTION_SUB, t::CAP_SAT_SUB),
                satisfaction_columns(t::COL_SUBDIVISION),
                group_rows(&c.by_subdivision),
            ),
            Groups::Organizations => {
                let numbers: Vec<(String, u64, Vec<Cell>)> = c
                    .by_subdivision
                    .iter()
                    .map(|(name, r)| (group_label(name), r.n, satisfaction_numbers(r)))
                    .collect();
                let key = numbers.first().map_or(0, |(_, _, n)| n.len() - 1);
                push_breakdown(
                    &mut out,
                    (t::SHEET_SATISFACTION_ORG, t::CAP_SAT_ORG),
                    satisfaction_columns(t::COL_ORGANIZATION),
                    ranked_breakdown_rows(numbers, k, key),
                );
                out.extend(ranking_note(
                    &c.by_subdivision
                        .iter()
                        .map(|(name, r)| (group_label(name), r.overall_estimate(None)))
                        .collect::<Vec<_>>(),
                    k,
                    1,
                ));
            }
        }
        let mut scales: Vec<Scale> = Factor::ALL
            .iter()
            .map(|f| Scale {
                title: f.letter().to_owned(),
                step: 3.0,
                percent: true,
            })
            .collect();
        scales.push(Scale {
            title: t::COL_OVERALL.to_owned(),
            step: 2.0,
            percent: true,
        });
        let values = |r: &satisfaction::GroupRow| {
            let mut v: Vec<Option<f64>> = r.factor_percents.to_vec();
            v.push(r.overall_percent);
            v
        };
        let units = c
            .by_subdivision
            .iter()
            .map(|(name, r)| (group_label(name), r.n, values(r)))
            .collect();
        out.extend(heatmap(
            g.heatmap(
                t::SHEET_HEAT_SATISFACTION,
                t::CAP_HEAT_SATISFACTION,
                t::CAP_HEAT_SATISFACTION_ORG,
            ),
            g.first_column(),
            &scales,
            (c.analysis.total.n, values(&c.analysis.total)),
            units,
            k,
            g,
        ));
    }
    if !c.by_position.is_empty() {
        push_breakdown(
            &mut out,
            (t::SHEET_SATISFACTION_POS, t::CAP_SAT_POS),
            satisfaction_columns(t::COL_POSITION),
            group_rows(&c.by_position),
        );
    }

    out.push(Block::Subheading(t::CONCLUSIONS.to_owned()));
    out.extend(
        conclusions::satisfaction(&a.visible(k))
            .into_iter()
            .map(Block::Paragraph),
    );
    out
}

fn culture_blocks(c: &CultureData, k: u32, show_sub: bool, scoped: bool, g: Groups) -> Vec<Block> {
    let a = &c.analysis;
    let mut out = Vec::new();
    // An organization without subdivisions rates the organization only
    // (Appendix А, block 3): the subdivision columns are left out.
    let pair_cols = || {
        if show_sub {
            cols(&[
                (t::COL_ITEM, 3.9),
                (t::COL_N_SUB, 0.9),
                (t::COL_SUB, 1.7),
                (t::COL_N_ORG, 0.9),
                (t::COL_ORG, 1.5),
                (t::COL_DIFF, 1.1),
            ])
        } else {
            cols(&[(t::COL_ITEM, 5.0), (t::COL_N_ORG, 1.0), (t::COL_ORG, 1.5)])
        }
    };
    // The free-text items («другое», «Иное») keep no ratings from fewer
    // than K forms (CultureAnalysis::hide_small_free_text): their count
    // reads «менее K анкет», never a «0» that would say nobody rated them.
    // In a subdivision's report they are not there at all: they are
    // printed in the organization's report only (the note says why).
    let count = |n: u64, free: bool| {
        if free && scoped {
            Cell::text(t::IN_ORGANIZATION_REPORT)
        } else if free && n == 0 {
            Cell::Suppressed(k)
        } else {
            Cell::Int(n as i64)
        }
    };
    let pair_row = |label: &str, p: &klimat_core::culture::PairStat, free: bool| {
        if show_sub {
            vec![
                Cell::text(label),
                count(p.sub.n(), free),
                Cell::num(p.sub.mean(), 2),
                count(p.org.n(), free),
                Cell::num(p.org.mean(), 2),
                p.difference()
                    .map_or(Cell::Empty, |d| Cell::Change(d, 2, false)),
            ]
        } else {
            vec![
                Cell::text(label),
                count(p.org.n(), free),
                Cell::num(p.org.mean(), 2),
            ]
        }
    };
    let rows = a
        .cohesion
        .iter()
        .zip(CULTURE_COHESION_ITEMS)
        .enumerate()
        .map(|(i, (p, label))| pair_row(label, p, i == CULTURE_COHESION_ITEMS.len() - 1))
        .collect();
    out.push(table(t::SHEET_A2, t::CAP_A2, pair_cols(), rows));
    if show_sub {
        out.push(Block::Paragraph(t::DIFFERENCE_NOTE.to_owned()));
    }
    if a.respondents > 0 {
        let mut series = Vec::new();
        if show_sub {
            series.push(Series {
                name: t::COL_SUB.to_owned(),
                values: a.cohesion[..14].iter().map(|p| p.sub.mean()).collect(),
            });
        }
        series.push(Series {
            name: t::COL_ORG.to_owned(),
            values: a.cohesion[..14].iter().map(|p| p.org.mean()).collect(),
        });
        out.push(Block::Chart(BarChart {
            caption: t::FIG_A2.to_owned(),
            categories: CULTURE_COHESION_ITEMS[..14]
                .iter()
                .map(|s| (*s).to_owned())
                .collect(),
            series,
            max: Some(5.0),
            percent: false,
            number: 0,
        }));
    }
    let rows = a
        .level
        .iter()
        .zip(CULTURE_LEVEL_ITEMS)
        .map(|(p, label)| pair_row(label, p, false))
        .collect();
    out.push(table(t::SHEET_A3, t::CAP_A3, pair_cols(), rows));

    let rows = a
        .negative
        .iter()
        .zip(CULTURE_NEGATIVE_ITEMS)
        .enumerate()
        .map(|(i, (s, label))| {
            vec![
                Cell::text(core_ru::without_form_instruction(label)),
                count(s.n(), i == CULTURE_NEGATIVE_ITEMS.len() - 1),
                Cell::num(s.mean(), 2),
            ]
        })
        .collect();
    out.push(table(
        t::SHEET_A4,
        t::CAP_A4,
        cols(&[
            (t::COL_ITEM, 6.0),
            (t::COL_N_SHORT, 0.8),
            (t::COL_MEAN, 1.3),
        ]),
        rows,
    ));
    // Item 7 underlines words of two lists: who is not ready, and which
    // technologies; each list is a group of rows.
    let rows = CULTURE_N7_ACTORS
        .iter()
        .zip(a.n7_actor_counts)
        .enumerate()
        .map(|(i, (w, c))| (i, t::N7_WHO, w, c))
        .chain(
            CULTURE_N7_TECH
                .iter()
                .zip(a.n7_tech_counts)
                .enumerate()
                .map(|(i, (w, c))| (i, t::N7_WHAT, w, c)),
        )
        .map(|(i, group, w, c)| {
            vec![
                if i == 0 {
                    Cell::text(group)
                } else {
                    Cell::Empty
                },
                Cell::text(*w),
                Cell::Int(c as i64),
            ]
        })
        .collect();
    out.push(table(
        t::SHEET_A4_ITEM7,
        t::CAP_A4_N7,
        cols(&[
            (t::COL_N7_LIST, 3.0),
            (t::COL_WORD, 3.0),
            (t::COL_COUNT, 1.5),
        ]),
        rows,
    ));

    // The 1–5 distribution of every rating: workbook only.
    let mut columns = cols(&[
        (t::COL_TABLE, 1.0),
        (t::COL_ITEM, 4.5),
        (t::COL_COLUMN, 2.0),
    ]);
    columns.extend((1..=5).map(|v| Column::new(v.to_string(), 0.6)));
    columns.extend(cols(&[(t::COL_N_SHORT, 0.8), (t::COL_MEAN, 1.0)]));
    let mut rows = Vec::new();
    let mut dist =
        |table: &str, item: &str, column: &str, st: &klimat_core::culture::RatingStat| {
            let mut row = vec![Cell::text(table), Cell::text(item), Cell::text(column)];
            row.extend(st.counts.iter().map(|&x| Cell::Int(x as i64)));
            row.push(Cell::Int(st.n() as i64));
            row.push(Cell::num(st.mean(), 2));
            rows.push(row);
        };
    for (tab, items, stats) in [
        ("А.2", &CULTURE_COHESION_ITEMS[..], &a.cohesion[..]),
        ("А.3", &CULTURE_LEVEL_ITEMS[..], &a.level[..]),
    ] {
        for (item, p) in items.iter().zip(stats) {
            if show_sub {
                dist(tab, item, t::COL_SUB, &p.sub);
            }
            dist(tab, item, t::COL_ORG, &p.org);
        }
    }
    for (item, st) in CULTURE_NEGATIVE_ITEMS.iter().zip(&a.negative) {
        dist(
            "А.4",
            &core_ru::without_form_instruction(item),
            t::COL_ORG,
            st,
        );
    }
    out.push(Block::Table(Table {
        sheet: t::SHEET_CULTURE_DIST.to_owned(),
        caption: t::CAP_CULTURE_DIST.to_owned(),
        columns,
        rows,
        placement: Placement::WorkbookOnly,
        number: 0,
        heat: Vec::new(),
    }));

    // By tenure: Table А.3 in the organization, per tenure group.
    let level_cols = |first: &str| {
        let mut columns = cols(&[(first, 3.0), (t::COL_N, 1.1)]);
        columns.extend(t::CULTURE_LEVEL_SHORT.iter().map(|h| Column::new(*h, 1.5)));
        columns
    };
    if c.by_tenure.iter().filter(|(b, _)| b.is_some()).count() >= 2 {
        let groups = c
            .by_tenure
            .iter()
            .map(|(band, s)| {
                let label = band
                    .map_or(core_ru::UNKNOWN_TENURE, |b| b.label())
                    .to_owned();
                let numbers = s.level.iter().map(|p| Cell::num(p.org.mean(), 2)).collect();
                (label, s.respondents, numbers)
            })
            .collect();
        push_breakdown(
            &mut out,
            (t::SHEET_CULTURE_TENURE, t::CAP_CULTURE_TENURE),
            level_cols(t::COL_TENURE),
            breakdown_rows(groups, k),
        );
    }

    // By subdivision: each subdivision's own column («в Вашем структурном
    // подразделении»), as rated by its staff.
    if show_sub && !c.by_subdivision.is_empty() && g == Groups::Subdivisions {
        let groups = c
            .by_subdivision
            .iter()
            .map(|(name, s)| {
                let numbers = s.level.iter().map(|p| Cell::num(p.sub.mean(), 2)).collect();
                (group_label(name), s.respondents, numbers)
            })
            .collect();
        push_breakdown(
            &mut out,
            (t::SHEET_CULTURE_SUB, t::CAP_CULTURE_SUB),
            level_cols(t::COL_SUBDIVISION),
            breakdown_rows(groups, k),
        );
    }
    // In a consolidated report: each organization as a whole («в
    // организации в целом»), as rated by its staff, ranked by the first
    // item (the level of culture).
    if !c.by_subdivision.is_empty() && g == Groups::Organizations {
        let groups = c
            .by_subdivision
            .iter()
            .map(|(name, s)| {
                let numbers = s.level.iter().map(|p| Cell::num(p.org.mean(), 2)).collect();
                (group_label(name), s.respondents, numbers)
            })
            .collect();
        push_breakdown(
            &mut out,
            (t::SHEET_CULTURE_ORG, t::CAP_CULTURE_ORG),
            level_cols(t::COL_ORGANIZATION),
            ranked_breakdown_rows(groups, k, 0),
        );
    }

    // The heatmap of the level of culture (Table А.3): each unit's own
    // column — the subdivision as its staff rate it, or in a consolidated
    // report the organization as a whole — against the survey's.
    if (show_sub || g == Groups::Organizations) && !c.by_subdivision.is_empty() {
        let scales: Vec<Scale> = t::CULTURE_LEVEL_SHORT
            .iter()
            .map(|h| Scale {
                title: (*h).to_owned(),
                step: 0.1,
                percent: false,
            })
            .collect();
        let side = |p: &klimat_core::culture::PairStat| match g {
            Groups::Subdivisions => p.sub.mean(),
            Groups::Organizations => p.org.mean(),
        };
        let units = c
            .by_subdivision
            .iter()
            .map(|(name, s)| {
                (
                    group_label(name),
                    s.respondents,
                    s.level.iter().map(side).collect(),
                )
            })
            .collect();
        out.extend(heatmap(
            g.heatmap(
                t::SHEET_HEAT_CULTURE,
                t::CAP_HEAT_CULTURE,
                t::CAP_HEAT_CULTURE_ORG,
            ),
            g.first_column(),
            &scales,
            (a.respondents, a.level.iter().map(side).collect()),
            units,
            k,
            g,
        ));
    }

    // Verbatim answers only from a group of at least
    // COMMENT_MIN_FORMS forms (and K): a text says more of its author
    // than a figure (docs/methodology.md, "Anonymity").
    let least = klimat_core::anonymity::COMMENT_MIN_FORMS.max(u64::from(k));
    if a.respondents >= least {
        verbatim_blocks(a, &mut out);
    } else {
        out.push(Block::Paragraph(t::open_answers_withheld(least)));
    }

    out.push(Block::Subheading(t::CONCLUSIONS.to_owned()));
    out.extend(conclusions::culture(a, k).into_iter().map(Block::Paragraph));
    if conclusions::culture_level(a).is_some() {
        out.push(Block::Paragraph(t::CULTURE_SCALE_NOTE.to_owned()));
    }
    out
}

/// The tables of verbatim answers: «другое», «Иное» and Table А.1.
/// The most frequent answers of one side of an open question printed in
/// the PDF; all of them are in the workbook.
const OPEN_CAP: usize = 8;

fn verbatim_blocks(a: &klimat_core::culture::CultureAnalysis, out: &mut Vec<Block>) {
    // «другое (укажите)» and «Иное (укажите)».
    let mut rows = Vec::new();
    for (label, answers) in [
        (t::COHESION_OTHER, &a.cohesion_other),
        (t::NEGATIVE_OTHER, &a.negative_other),
    ] {
        if answers.is_empty() {
            rows.push(vec![
                Cell::text(label),
                Cell::text(t::NO_ANSWERS),
                Cell::Empty,
            ]);
        }
        for (i, ans) in answers.iter().enumerate() {
            rows.push(vec![
                if i == 0 {
                    Cell::text(label)
                } else {
                    Cell::Empty
                },
                Cell::text(ans.text.clone()),
                Cell::Int(ans.count as i64),
            ]);
        }
    }
    out.push(table(
        t::SHEET_OTHER,
        t::CAP_OTHER,
        cols(&[
            (t::COL_QUESTION, 3.2),
            (t::COL_ANSWER, 5.0),
            (t::COL_TIMES, 1.1),
        ]),
        rows,
    ));

    // Open answers, grouped. The workbook holds every answer; the printed
    // report a table per question, the most frequent answers of each side
    // first, at most OPEN_CAP of them, the rest counted and sent to the
    // workbook. The question is the answers' column header, so it is
    // repeated on every page the table runs to.
    let label = |g: &klimat_core::culture::OpenGroup| {
        let q = &CULTURE_OPEN_QUESTIONS[g.question - 1];
        let prompt = match g.side {
            Side::Pos => q.positive,
            Side::Neg => q.negative,
        };
        let mark = if CULTURE_KLIMAT_PROMPTS.contains(&g.question) {
            core_ru::KLIMAT_MARK
        } else {
            ""
        };
        format!("{prompt}{mark}")
    };
    let mut rows = Vec::new();
    for g in &a.open {
        let label = format!("{}. {}", g.question, label(g));
        if g.answers.is_empty() {
            rows.push(vec![
                Cell::text(label.clone()),
                Cell::text(t::NO_ANSWERS),
                Cell::Empty,
            ]);
        }
        for (i, ans) in g.answers.iter().enumerate() {
            rows.push(vec![
                if i == 0 {
                    Cell::text(label.clone())
                } else {
                    Cell::Empty
                },
                Cell::text(ans.text.clone()),
                Cell::Int(ans.count as i64),
            ]);
        }
    }
    out.push(Block::Table(Table {
        sheet: t::SHEET_A1.to_owned(),
        caption: t::CAP_OPEN.to_owned(),
        columns: cols(&[
            (t::COL_QUESTION, 3.2),
            (t::COL_ANSWER, 5.0),
            (t::COL_TIMES, 1.1),
        ]),
        rows,
        placement: Placement::WorkbookOnly,
        number: 0,
        heat: Vec::new(),
    }));
    for (question, q) in CULTURE_OPEN_QUESTIONS.iter().enumerate() {
        let question = question + 1;
        let mut rows = Vec::new();
        for g in a.open.iter().filter(|g| g.question == question) {
            rows.push(vec![Cell::text(format!("{}:", label(g))), Cell::Empty]);
            if g.answers.is_empty() {
                rows.push(vec![
                    Cell::text(format!("– {}", t::NO_ANSWERS)),
                    Cell::Empty,
                ]);
            }
            for ans in g.answers.iter().take(OPEN_CAP) {
                rows.push(vec![
                    Cell::text(format!("– {}", ans.text)),
                    Cell::Int(ans.count as i64),
                ]);
            }
            let more = g.answers.len().saturating_sub(OPEN_CAP);
            if more > 0 {
                rows.push(vec![Cell::text(t::more_answers(more)), Cell::Empty]);
            }
        }
        out.push(Block::Table(Table {
            sheet: t::SHEET_A1.to_owned(),
            caption: t::open_caption(question),
            columns: cols(&[
                (&format!("{question}. {}", q.text), 8.0),
                (t::COL_TIMES, 1.4),
            ]),
            rows,
            placement: Placement::PrintOnly,
            number: 0,
            heat: Vec::new(),
        }));
    }
    out.push(Block::Paragraph(t::KLIMAT_PROMPTS_NOTE.to_owned()));
    if a.hidden_texts > 0 {
        out.push(Block::Paragraph(t::texts_hidden(a.hidden_texts)));
    }
}

fn change_row(
    label: &str,
    c: &Change,
    decimals: u8,
    percent: bool,
    verdict: Option<&Judged>,
) -> Vec<Cell> {
    let cell = |v: Option<f64>| {
        if percent {
            Cell::percent(v, decimals)
        } else {
            Cell::num(v, decimals)
        }
    };
    vec![
        Cell::text(label),
        cell(c.previous),
        cell(c.current),
        c.previous.zip(c.current).map_or(Cell::Empty, |(p, q)| {
            Cell::Change(
                crate::model::printed_change(p, q, decimals),
                decimals,
                percent,
            )
        }),
        match verdict {
            Some(j) if j.delta.is_some() => Cell::text(core_ru::verdict_label(j.verdict)),
            // A figure printed with a change but not judged: the free
            // «другое» item, which rates different things each year.
            Some(_) if c.delta().is_some() => Cell::text(t::NOT_JUDGED),
            _ => Cell::Empty,
        },
    ]
}

/// The forms counted in each survey, so a reader sees what each column
/// rests on.
fn count_row((previous, current): (u64, u64)) -> Vec<Cell> {
    vec![
        Cell::text(t::ROW_N),
        Cell::Int(previous as i64),
        Cell::Int(current as i64),
        Cell::Empty,
        Cell::Empty,
    ]
}

/// The staff behind each survey, when either is known: with the forms, the
/// reader sees whether a figure rests on a census or a sample.
fn staff_row((previous, current): compare::StaffPair) -> Option<Vec<Cell>> {
    (previous.is_some() || current.is_some()).then(|| {
        let cell = |s: Option<u64>| s.map_or(Cell::Empty, |s| Cell::Int(s as i64));
        vec![
            Cell::text(t::ROW_STAFF),
            cell(previous),
            cell(current),
            Cell::Empty,
            Cell::Empty,
        ]
    })
}

/// The first rows of a comparison table: forms and, if known, staff.
fn head_rows(respondents: (u64, u64), staff: compare::StaffPair) -> Vec<Vec<Cell>> {
    let mut rows = vec![count_row(respondents)];
    rows.extend(staff_row(staff));
    rows
}

fn comparison_columns() -> Vec<Column> {
    cols(&[
        (t::COL_INDICATOR, 4.0),
        (t::COL_PREVIOUS, 1.3),
        (t::COL_CURRENT, 1.3),
        (t::COL_CHANGE, 1.3),
        (t::COL_VERDICT, 1.6),
    ])
}

/// A consolidated report compared with the previous one, organization by
/// organization (issue 16): P and overall satisfaction then and now, each
/// year's groups hidden as in that year's own report (threshold and
/// complementary suppression), a change only where both years show the
/// organization, and the threat rule of the whole applied to each: a fall
/// of [`compare::MARKED_DROP_POINTS`] or more that passes Klimat's rule of
/// precision, the organizations of one questionnaire judged together.
fn organization_changes(input: &ReportInput, p: &PreviousSurvey) -> Vec<Block> {
    // A consolidated report compares its organizations; an organization's
    // report its subdivisions (the groups its summary may name as
    // threats); a subdivision's report has none inside it.
    if p.groups.is_empty() || input.survey.scope.is_some() {
        return Vec::new();
    }
    let consolidated = !input.survey.pooled.is_empty();
    let k = input.survey.threshold;
    // Last year's groups as last year's report hid them, by the stricter
    // of the two years' K.
    let k_then = p.threshold.max(k);
    type Shown = Result<precision::Estimate, Cell>;
    // One year's figures per organization, hidden as its report hides them.
    fn year(items: Vec<(String, precision::Estimate)>, k: u32) -> Vec<(String, Shown)> {
        let ns: Vec<u64> = items.iter().map(|i| i.1.n).collect();
        items
            .into_iter()
            .zip(anonymity::hidden(&ns, k))
            .map(|((name, e), h)| {
                let shown = match h {
                    Hidden::No => Ok(e),
                    Hidden::Small => Err(Cell::Suppressed(k)),
                    Hidden::Complement => Err(Cell::Withheld),
                };
                (name, shown)
            })
            .collect()
    }
    let staff_of = |name: &str| input.survey.staff_of_group(name);
    let now_c = input.commitment.as_ref().map(|c| {
        year(
            c.by_subdivision
                .iter()
                .map(|(n, r)| {
                    let name = group_label(n);
                    let e = r.p_estimate(staff_of(&name));
                    (name, e)
                })
                .collect(),
            k,
        )
    });
    let now_s = input.satisfaction.as_ref().map(|c| {
        year(
            c.by_subdivision
                .iter()
                .map(|(n, r)| {
                    let name = group_label(n);
                    let e = r.overall_estimate(staff_of(&name));
                    (name, e)
                })
                .collect(),
            k,
        )
    });
    type Pick = fn(&crate::input::PreviousGroup) -> Option<precision::Estimate>;
    let then = |pick: Pick| {
        year(
            p.groups
                .iter()
                .filter_map(|g| pick(g).map(|e| (g.name.clone(), e)))
                .collect(),
            k_then,
        )
    };
    let then_c = then(|g| g.commitment);
    let then_s = then(|g| g.satisfaction);
    let find = |list: &[(String, Shown)], name: &str| {
        list.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone())
    };
    let mut names: Vec<String> = input.survey.subdivisions.clone();
    for g in &p.groups {
        // Forms without a subdivision are no group to compare.
        if !names.contains(&g.name) && !g.name.is_empty() {
            names.push(g.name.clone());
        }
    }
    // Each questionnaire's organizations shown in both years, judged
    // together.
    let judged = |now: &Option<Vec<(String, Shown)>>, before: &[(String, Shown)]| {
        let Some(now) = now else {
            return Vec::new();
        };
        let pairs: Vec<(String, precision::Estimate, precision::Estimate)> = names
            .iter()
            .filter_map(|name| match (find(before, name), find(now, name)) {
                (Some(Ok(b)), Some(Ok(c))) if b.value.is_some() && c.value.is_some() => {
                    Some((name.clone(), b, c))
                }
                _ => None,
            })
            .collect();
        let verdicts =
            precision::judge_family(&pairs.iter().map(|(_, b, c)| (*b, *c)).collect::<Vec<_>>());
        pairs
            .into_iter()
            .map(|(n, _, _)| n)
            .zip(verdicts)
            .collect::<Vec<(String, Judged)>>()
    };
    let judged_c = judged(&now_c, &then_c);
    let judged_s = judged(&now_s, &then_s);
    let mut threats = Vec::new();
    let mut rows = Vec::new();
    for name in &names {
        let mut row = vec![Cell::text(name.clone())];
        let mut threat = false;
        let mut too_few = false;
        for ((now, before), verdicts, digits) in [
            ((&now_c, &then_c), &judged_c, 2),
            ((&now_s, &then_s), &judged_s, 1),
        ] {
            let Some(now) = now else { continue };
            let (b, c) = (find(before, name), find(now, name));
            let shown = |v: &Option<Shown>| match v {
                None => Cell::Empty,
                Some(Ok(e)) => Cell::percent(e.value, digits),
                Some(Err(hidden)) => hidden.clone(),
            };
            row.push(shown(&b));
            row.push(shown(&c));
            match verdicts.iter().find(|(n, _)| n == name) {
                Some((_, j)) => {
                    threat |= j.fall_of_at_least(compare::MARKED_DROP_POINTS);
                    too_few |= j.verdict == precision::Verdict::TooFew;
                    let printed = match (&b, &c) {
                        (Some(Ok(b)), Some(Ok(c))) => b
                            .value
                            .zip(c.value)
                            .map(|(p, q)| crate::model::printed_change(p, q, digits)),
                        _ => None,
                    };
                    row.push(printed.map_or(Cell::Empty, |d| Cell::Change(d, digits, true)));
                }
                None => row.push(Cell::Empty),
            }
        }
        row.push(Cell::text(if threat {
            t::THREAT_MARK
        } else if too_few {
            core_ru::verdict_label(precision::Verdict::TooFew)
        } else {
            ""
        }));
        if threat {
            threats.push(name.clone());
        }
        rows.push(row);
    }
    let mut columns = cols(&[(
        if consolidated {
            t::COL_ORGANIZATION
        } else {
            t::COL_SUBDIVISION
        },
        2.6,
    )]);
    if now_c.is_some() {
        columns.extend(cols(&[
            (t::COL_P_BEFORE, 1.2),
            (t::COL_P_NOW, 1.2),
            (t::COL_CHANGE, 1.4),
        ]));
    }
    if now_s.is_some() {
        columns.extend(cols(&[
            (t::COL_SAT_BEFORE, 1.2),
            (t::COL_SAT_NOW, 1.2),
            (t::COL_CHANGE, 1.4),
        ]));
    }
    columns.extend(cols(&[(t::COL_THREAT, 1.3)]));
    let (sheet, caption) = if consolidated {
        (t::SHEET_COMPARE_ORGS, t::CAP_CMP_ORGS)
    } else {
        (t::SHEET_COMPARE_SUBS, t::CAP_CMP_SUBS)
    };
    // «скрыто*» needs its footnote here as in every breakdown.
    let withheld = rows.iter().flatten().any(|c| *c == Cell::Withheld);
    let mut out = vec![table(sheet, caption, columns, rows)];
    if withheld {
        out.push(Block::Paragraph(t::COMPLEMENT_NOTE.to_owned()));
    }
    out.push(Block::Paragraph(t::groups_threats(consolidated, &threats)));
    out
}

fn comparison_blocks(input: &ReportInput, p: &PreviousSurvey) -> Vec<Block> {
    let mut out = vec![
        Block::Paragraph(format!("{} «{}» ({}).", t::COMPARED_WITH, p.name, p.date)),
        Block::Paragraph(t::VERDICT_NOTE.to_owned()),
    ];
    // Only questionnaires that both surveys show are compared.
    let k = u64::from(input.survey.threshold);
    let shown = |prev: u64, cur: u64| prev >= k && cur >= k;
    if let (Some(prev), Some(cur)) = (&p.commitment, &input.commitment)
        && shown(prev.respondents, cur.analysis.respondents)
    {
        // Both surveys as a reader may see them: no hidden group is compared.
        let k = input.survey.threshold;
        let c = compare::compare_commitment(
            &prev.visible(k),
            &cur.analysis.visible(k),
            input.staff_pair(),
        );
        let mut rows = head_rows(c.respondents, input.staff_pair());
        rows.push(change_row(t::ROW_P, &c.p, 2, true, Some(&c.p_verdict)));
        rows.push(change_row(
            t::ROW_IP_MEAN,
            &c.ip_mean,
            2,
            false,
            Some(&c.p_verdict),
        ));
        for comp in Component::ALL {
            rows.push(change_row(
                comp.label(),
                &c.components[comp as usize],
                2,
                false,
                Some(&c.component_verdicts[comp as usize]),
            ));
        }
        for l in CommitmentLevel::ALL {
            rows.push(change_row(
                &format!("{}{}", l.label(), t::SHARE_OF_STAFF_SUFFIX),
                &c.level_shares[l as usize],
                2,
                true,
                // Level shares are not judged one by one: an empty level
                // has no variance, and the shares move together.
                None,
            ));
        }
        for ((band, ch), judged) in c.by_tenure.iter().zip(&c.tenure_verdicts) {
            rows.push(change_row(
                &format!(
                    "{}{}",
                    t::IP_MEAN_PREFIX,
                    band.map_or(core_ru::UNKNOWN_TENURE, |b| b.label())
                ),
                ch,
                2,
                false,
                Some(judged),
            ));
        }
        out.push(Block::Subheading(t::SECTION_COMMITMENT.to_owned()));
        out.push(table(
            t::SHEET_COMPARE_COMMITMENT,
            t::CAP_CMP_COMMITMENT,
            comparison_columns(),
            rows,
        ));
        out.extend(
            conclusions::commitment_comparison(&c)
                .into_iter()
                .map(Block::Paragraph),
        );
        if let Some(threat) = conclusions::commitment_fall_threat(&c) {
            out.push(Block::Alert(threat));
        }
    }
    if let (Some(prev), Some(cur)) = (&p.satisfaction, &input.satisfaction)
        && shown(prev.respondents, cur.analysis.respondents)
    {
        let k = input.survey.threshold;
        let c = compare::compare_satisfaction(
            &prev.visible(k),
            &cur.analysis.visible(k),
            input.staff_pair(),
        );
        let mut rows = head_rows(c.respondents, input.staff_pair());
        rows.push(change_row(
            t::ROW_OVERALL_SAT,
            &c.overall,
            1,
            true,
            Some(&c.overall_verdict),
        ));
        for f in Factor::ALL {
            rows.push(change_row(
                f.label(),
                &c.factors[f as usize],
                1,
                true,
                Some(&c.factor_verdicts[f as usize]),
            ));
        }
        out.push(Block::Subheading(t::SECTION_SATISFACTION.to_owned()));
        if let Some(key) = p.rescored_from {
            out.push(Block::Paragraph(t::rescored(
                key.label(),
                cur.analysis.key.label(),
            )));
        }
        out.push(table(
            t::SHEET_COMPARE_SATISFACTION,
            t::CAP_CMP_SATISFACTION,
            comparison_columns(),
            rows,
        ));
        out.extend(
            conclusions::satisfaction_comparison(&c)
                .into_iter()
                .map(Block::Paragraph),
        );
        if let Some(drop) = conclusions::satisfaction_drop(&c) {
            out.push(Block::Alert(drop));
        }
    }
    if let (Some(prev), Some(cur)) = (&p.culture, &input.culture)
        && shown(prev.respondents, cur.analysis.respondents)
    {
        let c = compare::compare_culture(prev, &cur.analysis);
        let mut rows: Vec<Vec<Cell>> = head_rows(c.respondents, input.staff_pair());
        rows.extend(
            CULTURE_COHESION_ITEMS
                .iter()
                .zip(c.cohesion.iter().zip(&c.cohesion_verdicts))
                .map(|(label, ((_, org), (_, j)))| change_row(label, org, 2, false, Some(j))),
        );
        rows.extend(
            CULTURE_LEVEL_ITEMS
                .iter()
                .zip(c.level.iter().zip(&c.level_verdicts))
                .map(|(label, ((_, org), (_, j)))| change_row(label, org, 2, false, Some(j))),
        );
        out.push(Block::Subheading(t::SECTION_CULTURE.to_owned()));
        out.push(table(
            t::SHEET_COMPARE_CULTURE,
            t::CAP_CMP_CULTURE,
            comparison_columns(),
            rows,
        ));
        out.extend(
            conclusions::culture_comparison(&c)
                .into_iter()
                .map(Block::Paragraph),
        );
    }
    out.extend(organization_changes(input, p));
    out
}

/// Tests of the model alone.
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_groups_are_suppressed_with_their_complement() {
        let numbers = || vec![Cell::Num(1.0, 2), Cell::Num(2.0, 2)];
        let (rows, complement) = breakdown_rows(
            vec![
                ("А".into(), 40, numbers()),
                ("Б".into(), 39, numbers()),
                ("В".into(), 2, numbers()),
            ],
            3,
        );
        assert_eq!(rows[2][1], Cell::Suppressed(3));
        assert_eq!(rows[2][1].display(), "менее 3 анкет");
        assert_eq!(rows[2].len(), 4, "the row keeps its width");
        assert_eq!(
            rows[1][1],
            Cell::Withheld,
            "the next smallest hides the small one"
        );
        assert_eq!(rows[0][1], Cell::Int(40));
        assert!(complement, "a note must say why");
        let (rows, complement) = breakdown_rows(vec![("А".into(), 3, numbers())], 3);
        assert_eq!(rows[0][1], Cell::Int(3), "K forms are shown");
        assert!(!complement);
    }
}
