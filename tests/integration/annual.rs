//! Issue 13: the annual report tells the truth. Anonymity over random
//! surveys with small groups, every level edge on real forms, the texts
//! that must agree with the key, participation, signatures, proposals and
//! the report of one subdivision.

use std::collections::HashMap;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use chrono::NaiveDate;
use klimat_app::reports;
use klimat_core::Instrument;
use klimat_core::anonymity::{self, Hidden};
use klimat_core::commitment::{
    self, BLOCKS, CommitmentAnswers, CommitmentLevel, Component, Sign, score,
};
use klimat_core::culture::CultureForm;
use klimat_core::satisfaction::{
    self, Choice, Factor, SatisfactionAnswers, SatisfactionKey, SatisfactionLevel,
};
use klimat_core::tenure::{FineBand, Tenure};
use klimat_report::model::{Block, Cell, ReportModel, Table};
use klimat_report::text as rt;
use klimat_store::{Answers, Db, Entry, FormData, SurveySettings};
use klimat_tests::{TempDir, klimat};

/// A small deterministic generator (the tests must not depend on a seed
/// crate or on the clock).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const SUBS: [&str; 5] = ["Отдел А", "Отдел Б", "Отдел В", "Отдел Г", "Отдел Д"];

fn random_commitment(r: &mut Lcg) -> CommitmentAnswers {
    CommitmentAnswers(std::array::from_fn(|_| 1 + r.below(5) as u8))
}

fn random_satisfaction(r: &mut Lcg) -> SatisfactionAnswers {
    SatisfactionAnswers(std::array::from_fn(|_| match r.below(3) {
        0 => Choice::A,
        1 => Choice::B,
        _ => Choice::V,
    }))
}

fn random_culture(r: &mut Lcg) -> CultureForm {
    let mut f = CultureForm::default();
    for p in f.cohesion.iter_mut().chain(f.level.iter_mut()) {
        p.sub = 1 + r.below(5) as u8;
        p.org = 1 + r.below(5) as u8;
    }
    for v in &mut f.negative {
        *v = 1 + r.below(5) as u8;
    }
    f.open[0][0] = format!("ответ {}", r.below(4));
    f
}

/// A survey of random forms whose subdivisions, positions and tenure
/// groups are of very different sizes, some under K.
fn random_survey(db: &mut Db, r: &mut Lcg, k: u32, name: &str) -> i64 {
    let mut s = SurveySettings::new(
        name,
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
        Instrument::ALL.to_vec(),
    );
    s.subdivisions = SUBS.iter().map(|x| (*x).to_owned()).collect();
    s.anonymity_threshold = k;
    let id = db.create_survey(&s).unwrap();
    // Group sizes: one large subdivision, the others 0 to 5 forms.
    let sizes: Vec<u64> = SUBS
        .iter()
        .enumerate()
        .map(|(i, _)| if i == 0 { 8 + r.below(10) } else { r.below(6) })
        .collect();
    for instrument in Instrument::ALL {
        let mut forms = Vec::new();
        for (sub, &n) in SUBS.iter().zip(&sizes) {
            for _ in 0..n + r.below(2) {
                // Tenure: mostly long, now and then a rare band.
                let band = if r.below(6) == 0 {
                    FineBand::ALL[r.below(7) as usize]
                } else {
                    FineBand::Y10To15
                };
                let code = format!("{}-{}", instrument.id(), forms.len() + 1);
                forms.push(FormData {
                    code,
                    tenure: if r.below(10) == 0 {
                        Tenure::Unknown
                    } else {
                        Tenure::fine(band)
                    },
                    subdivision: (r.below(12) != 0).then(|| (*sub).to_owned()),
                    position: Some(
                        klimat_core::text::ru::DEFAULT_POSITIONS[r.below(3) as usize].to_owned(),
                    ),
                    answers: match instrument {
                        Instrument::Commitment => Answers::Commitment(random_commitment(r)),
                        Instrument::Satisfaction => Answers::Satisfaction(random_satisfaction(r)),
                        Instrument::Culture => Answers::Culture(Box::new(random_culture(r))),
                    },
                });
            }
        }
        db.add_forms(id, &forms, Entry::Import, &mut |_, _| {})
            .unwrap();
    }
    id
}

/// Group sizes of a breakdown, by the label its table prints.
type Groups = HashMap<String, u64>;

fn label(name: &Option<String>) -> String {
    name.clone()
        .unwrap_or_else(|| klimat_core::text::ru::NOT_GIVEN.to_owned())
}

/// Every breakdown table of the report, by caption, with its groups' sizes.
fn breakdowns(input: &klimat_report::ReportInput) -> Vec<(&'static str, Groups)> {
    let unknown = klimat_core::text::ru::UNKNOWN_TENURE;
    let mut out = Vec::new();
    if let Some(c) = &input.commitment {
        let sub = c.by_subdivision.iter().map(|(g, r)| (label(g), r.n));
        out.push((rt::CAP_COMMITMENT_SUB, sub.collect()));
        let pos = c.by_position.iter().map(|(g, r)| (label(g), r.n));
        out.push((rt::CAP_COMMITMENT_POS, pos.collect()));
        let ten = c
            .analysis
            .by_tenure
            .iter()
            .map(|(b, r)| (b.map_or(unknown, |b| b.label()).to_owned(), r.n));
        out.push((rt::CAP_B6, ten.collect()));
    }
    if let Some(c) = &input.satisfaction {
        let sub = c.by_subdivision.iter().map(|(g, r)| (label(g), r.n));
        out.push((rt::CAP_SAT_SUB, sub.collect()));
        let pos = c.by_position.iter().map(|(g, r)| (label(g), r.n));
        out.push((rt::CAP_SAT_POS, pos.collect()));
        let ten = c
            .analysis
            .by_tenure
            .iter()
            .map(|(b, r)| (b.map_or(unknown, |b| b.label()).to_owned(), r.n));
        out.push((rt::CAP_V4, ten.collect()));
    }
    if let Some(c) = &input.culture {
        let sub = c
            .by_subdivision
            .iter()
            .map(|(g, a)| (label(g), a.respondents));
        out.push((rt::CAP_CULTURE_SUB, sub.collect()));
        let ten = c
            .by_tenure
            .iter()
            .map(|(b, a)| (b.map_or(unknown, |b| b.label()).to_owned(), a.respondents));
        out.push((rt::CAP_CULTURE_TENURE, ten.collect()));
    }
    out
}

fn tables(model: &ReportModel) -> Vec<&Table> {
    model.tables().collect()
}

fn paragraphs(model: &ReportModel) -> String {
    let mut out = String::new();
    for s in &model.sections {
        for b in &s.blocks {
            match b {
                Block::Paragraph(p) | Block::Alert(p) => out.push_str(p),
                Block::Bullets(items) => out.push_str(&items.join("\n")),
                _ => {}
            }
            out.push('\n');
        }
    }
    out
}

/// Checks one report of a random survey: every breakdown hides its groups
/// under K, hidden groups are never alone and hold at least K forms
/// together (so subtraction from the total recovers nothing under K), and
/// no text, chart or comparison row names a hidden tenure group.
fn check_report(input: &klimat_report::ReportInput, model: &ReportModel) -> (u64, u64) {
    let k = input.survey.threshold;
    let (mut small_seen, mut complement_seen) = (0, 0);
    let all = tables(model);
    for (caption, groups) in breakdowns(input) {
        let hidden_expected: Vec<(&String, Hidden)> = {
            let mut names: Vec<&String> = groups.keys().collect();
            names.sort();
            let ns: Vec<u64> = names.iter().map(|n| groups[*n]).collect();
            names.into_iter().zip(anonymity::hidden(&ns, k)).collect()
        };
        let Some(table) = all.iter().find(|t| t.caption == caption) else {
            // A breakdown of one group only is not always printed.
            continue;
        };
        let mut hidden_forms = 0;
        let mut hidden_rows = 0;
        for row in &table.rows {
            let Cell::Text(name) = &row[0] else { continue };
            let Some(&n) = groups.get(name) else { continue };
            let hidden = matches!(row[1], Cell::Suppressed(_) | Cell::Withheld);
            if n < u64::from(k) {
                assert!(hidden, "{caption}: «{name}» has {n} < {k} forms: {row:?}");
            }
            if n < u64::from(k) {
                small_seen += 1;
            }
            if row[1] == Cell::Withheld {
                complement_seen += 1;
            }
            if hidden {
                hidden_rows += 1;
                hidden_forms += n;
                assert!(
                    row[2..].iter().all(|c| *c == Cell::Empty),
                    "{caption}: a hidden row shows a figure: {row:?}"
                );
            }
            let expected = hidden_expected.iter().find(|(l, _)| *l == name).unwrap().1;
            assert_eq!(hidden, expected != Hidden::No, "{caption}: «{name}»");
        }
        if hidden_rows > 0 {
            assert!(
                hidden_rows >= 2 && hidden_forms >= u64::from(k),
                "{caption}: {hidden_rows} hidden rows of {hidden_forms} forms could be recovered by subtraction"
            );
        }
    }
    // Hidden tenure groups are named by no conclusion and no chart.
    let text = paragraphs(model);
    if let Some(c) = &input.commitment {
        let ns: Vec<u64> = c.analysis.by_tenure.iter().map(|(_, r)| r.n).collect();
        for ((band, _), h) in c.analysis.by_tenure.iter().zip(anonymity::hidden(&ns, k)) {
            if let (Some(b), true) = (band, h != Hidden::No) {
                assert!(
                    !text.contains(&format!("стажем работы {}", b.phrase()))
                        && !text.contains(&format!("стажем {} (", b.phrase())),
                    "the hidden group «{}» is quoted:\n{text}",
                    b.label()
                );
                for chart in model.charts() {
                    assert!(
                        !chart.categories.iter().any(|x| x == b.label()),
                        "{}: the hidden group «{}» is charted",
                        chart.caption,
                        b.label()
                    );
                }
            }
        }
    }
    if let Some(c) = &input.satisfaction {
        let ns: Vec<u64> = c.analysis.by_tenure.iter().map(|(_, r)| r.n).collect();
        for ((band, _), h) in c.analysis.by_tenure.iter().zip(anonymity::hidden(&ns, k)) {
            if let (Some(b), true) = (band, h != Hidden::No) {
                assert!(
                    !text.contains(&format!("со стажем {} (", b.label())),
                    "the hidden group «{}» is quoted:\n{text}",
                    b.label()
                );
            }
        }
    }
    // The comparison shows a tenure group's IP only where that survey
    // shows the group.
    if let (Some(prev), Some(cur)) = (
        input.previous.as_ref().and_then(|p| p.commitment.as_ref()),
        &input.commitment,
    ) {
        let shown = |a: &commitment::CommitmentAnalysis| -> Vec<String> {
            a.visible(k)
                .by_tenure
                .iter()
                .map(|(b, _)| {
                    b.map_or(klimat_core::text::ru::UNKNOWN_TENURE, |b| b.label())
                        .to_owned()
                })
                .collect()
        };
        let (prev_shown, cur_shown) = (shown(prev), shown(&cur.analysis));
        if let Some(t) = all.iter().find(|t| t.caption == rt::CAP_CMP_COMMITMENT) {
            for row in &t.rows {
                let Cell::Text(l) = &row[0] else { continue };
                let Some(band) = l.strip_prefix(rt::IP_MEAN_PREFIX) else {
                    continue;
                };
                if !prev_shown.iter().any(|x| x == band) {
                    assert_eq!(row[1], Cell::Empty, "previous «{band}» is hidden");
                }
                if !cur_shown.iter().any(|x| x == band) {
                    assert_eq!(row[2], Cell::Empty, "current «{band}» is hidden");
                }
            }
        }
    }
    (small_seen, complement_seen)
}

#[test]
fn random_surveys_leak_no_figure_of_a_group_under_k() {
    let dir = TempDir::new("annual-random");
    let mut db = Db::open(&dir.join("k.db")).unwrap();
    let mut r = Lcg(20_261_125);
    let (mut small, mut complement) = (0, 0);
    for round in 0..12 {
        let k = 3 + (round % 4) as u32;
        let previous = random_survey(&mut db, &mut r, k, &format!("Прошлый {round}"));
        let current = random_survey(&mut db, &mut r, k, &format!("Текущий {round}"));
        for compare in [None, Some(previous)] {
            let input = reports::report_input(&db, current, compare).unwrap();
            let model = klimat_report::build(&input);
            let (s, c) = check_report(&input, &model);
            small += s;
            complement += c;
            // The workbook holds the same cells: a hidden row of a
            // subdivision sheet carries only «менее K анкет» or «скрыто*».
            let bytes = klimat_report::xlsx::render(&model).unwrap();
            let mut book: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
            let sheet = book.worksheet_range(rt::SHEET_COMMITMENT_SUB).unwrap();
            let c = input.commitment.as_ref().unwrap();
            for row in sheet.rows().skip(2) {
                let Data::String(name) = &row[0] else {
                    continue;
                };
                let Some((_, g)) = c.by_subdivision.iter().find(|(g, _)| label(g) == *name) else {
                    continue;
                };
                if g.n < u64::from(k) {
                    assert_eq!(row[1], Data::String(rt::suppressed(k)), "{name}");
                    assert!(row[2..].iter().all(|d| *d == Data::Empty), "{row:?}");
                }
            }
            // The results screen: the same model, and the headline hides a
            // questionnaire under K.
            let results = reports::results(&db, current, compare).unwrap();
            assert_eq!(results.model, model);
        }
    }
    assert!(
        small > 20 && complement > 5,
        "the random surveys exercise small groups ({small}) and complementary suppression ({complement})"
    );
}

#[test]
fn a_questionnaire_under_k_shows_no_figure_anywhere() {
    let dir = TempDir::new("annual-under-k");
    let mut db = Db::open(&dir.join("k.db")).unwrap();
    let mut s = SurveySettings::new(
        "Малый коллектив",
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
        vec![Instrument::Commitment],
    );
    s.anonymity_threshold = 3;
    let id = db.create_survey(&s).unwrap();
    let forms: Vec<FormData> = (1..=2)
        .map(|i| FormData {
            code: format!("А-{i}"),
            tenure: Tenure::Unknown,
            subdivision: None,
            position: None,
            answers: Answers::Commitment(CommitmentAnswers([5; 15])),
        })
        .collect();
    db.add_forms(id, &forms, Entry::Import, &mut |_, _| {})
        .unwrap();
    let model = reports::report_model(&db, id, None).unwrap();
    let section = &model.sections[2];
    assert_eq!(
        section.blocks,
        vec![Block::Paragraph(rt::too_few_forms(2, 3))],
        "only the reason"
    );
    let summary = &model.sections[0];
    let Block::Table(t) = &summary.blocks[0] else {
        panic!()
    };
    assert_eq!(t.rows[0][3], Cell::Suppressed(3), "the summary hides P");
    assert!(
        !model.tables().any(|t| t.caption == rt::CAP_B10),
        "not even the per-form matrix"
    );
}

// Level edges, on forms built to land exactly on each edge.

/// A commitment form whose component values are `values` (Identification,
/// Loyalty, Involvement; each −7..=13).
fn form_with_components(values: [i64; 3]) -> CommitmentAnswers {
    let mut points = [0u8; 15];
    for comp in Component::ALL {
        let v = values[comp as usize];
        let plus = BLOCKS
            .iter()
            .find(|b| b.component == comp && b.sign == Sign::Plus)
            .unwrap();
        let minus = BLOCKS
            .iter()
            .find(|b| b.component == comp && b.sign == Sign::Minus)
            .unwrap();
        let (m, mut rest) = (1..=5i64)
            .map(|m| (m, v + 2 * m))
            .find(|(_, s)| (3..=15).contains(s))
            .unwrap_or_else(|| panic!("component value {v}"));
        for &i in minus.items {
            points[i - 1] = m as u8;
        }
        for (j, &i) in plus.items.iter().enumerate() {
            let left = (plus.items.len() - j - 1) as i64;
            let p = (rest - left).clamp(1, 5);
            points[i - 1] = p as u8;
            rest -= p;
        }
        assert_eq!(rest, 0);
    }
    let a = CommitmentAnswers(points);
    let s = score(&a);
    assert_eq!(
        s.ip,
        values.iter().sum::<i64>(),
        "form built for {values:?}: {points:?}"
    );
    a
}

#[test]
fn every_individual_commitment_level_edge() {
    // Table Б.9 by points: 0 and below, 1–8, 9–15, 16–23, 24–31, 32–39.
    for (ip, level) in [
        (-3i64, CommitmentLevel::Absent),
        (0, CommitmentLevel::Absent),
        (1, CommitmentLevel::VeryLow),
        (8, CommitmentLevel::VeryLow),
        (9, CommitmentLevel::Low),
        (15, CommitmentLevel::Low),
        (16, CommitmentLevel::Acceptable),
        (23, CommitmentLevel::Acceptable),
        (24, CommitmentLevel::Good),
        (31, CommitmentLevel::Good),
        (32, CommitmentLevel::High),
        (39, CommitmentLevel::High),
    ] {
        let third = ip.div_euclid(3);
        let values = [third, third, ip - 2 * third];
        assert_eq!(
            score(&form_with_components(values)).level(),
            level,
            "IP = {ip}"
        );
    }
}

#[test]
fn every_collective_commitment_level_edge_by_percent() {
    // Five forms: OPmax = 195; 20 % is OP 39, 40 % 78, 60 % 117, 80 % 156.
    for (op, level) in [
        (0i64, CommitmentLevel::Absent),
        (1, CommitmentLevel::VeryLow),
        (38, CommitmentLevel::VeryLow),
        (39, CommitmentLevel::Low),
        (77, CommitmentLevel::Low),
        (78, CommitmentLevel::Acceptable),
        (116, CommitmentLevel::Acceptable),
        (117, CommitmentLevel::Good),
        (155, CommitmentLevel::Good),
        (156, CommitmentLevel::High),
    ] {
        let per = op / 5;
        let ips = [per, per, per, per, op - 4 * per];
        let forms: Vec<CommitmentAnswers> = ips
            .iter()
            .map(|&ip| {
                let third = ip.div_euclid(3);
                form_with_components([third, third, ip - 2 * third])
            })
            .collect();
        let a = commitment::analyze(forms.iter().map(|f| (f, Tenure::Unknown)));
        assert_eq!(a.index().op, op);
        assert_eq!(a.index().level, Some(level), "OP = {op} of 195");
    }
}

#[test]
fn every_component_level_edge() {
    // Five forms: the component's maximum is 65; 20 % is 13, 40 % 26,
    // 60 % 39, 80 % 52.
    for (sum, level) in [
        (0, CommitmentLevel::Absent),
        (1, CommitmentLevel::VeryLow),
        (12, CommitmentLevel::VeryLow),
        (13, CommitmentLevel::Low),
        (25, CommitmentLevel::Low),
        (26, CommitmentLevel::Acceptable),
        (38, CommitmentLevel::Acceptable),
        (39, CommitmentLevel::Good),
        (51, CommitmentLevel::Good),
        (52, CommitmentLevel::High),
    ] {
        let per = sum / 5;
        let values = [per, per, per, per, sum - 4 * per];
        let forms: Vec<CommitmentAnswers> = values
            .iter()
            .map(|&v| form_with_components([v, 6, 6]))
            .collect();
        let a = commitment::analyze(forms.iter().map(|f| (f, Tenure::Unknown)));
        let id = a
            .total
            .components()
            .into_iter()
            .find(|c| c.component == Component::Identification)
            .unwrap();
        assert_eq!(id.level, level, "identification sum {sum} of 65");
    }
}

/// A satisfaction form with `points` points: that many «б» (1 point under
/// either key), the rest blank (0 points).
fn form_with_points(points: usize) -> SatisfactionAnswers {
    SatisfactionAnswers(std::array::from_fn(|i| {
        if i < points { Choice::B } else { Choice::Blank }
    }))
}

#[test]
fn every_satisfaction_level_edge() {
    // Five forms: the maximum is 180; 20 % is 36, 40 % 72, 60 % 108, 80 % 144.
    for (total, level) in [
        (0, SatisfactionLevel::ExtremelyLow),
        (35, SatisfactionLevel::ExtremelyLow),
        (36, SatisfactionLevel::Low),
        (71, SatisfactionLevel::Low),
        (72, SatisfactionLevel::Medium),
    ] {
        let per = total / 5;
        let forms: Vec<SatisfactionAnswers> = [per, per, per, per, total - 4 * per]
            .iter()
            .map(|&p| form_with_points(p))
            .collect();
        let a = satisfaction::analyze(
            SatisfactionKey::Corrected,
            forms.iter().map(|f| (f, Tenure::Unknown)),
        );
        assert_eq!(a.total.level, Some(level), "{total} of 180 points");
    }
    // Above 90 points «б» alone cannot go: on some statements the answer
    // that scores 2 under the corrected key.
    for (total, level) in [
        (107, SatisfactionLevel::Medium),
        (108, SatisfactionLevel::Good),
        (143, SatisfactionLevel::Good),
        (144, SatisfactionLevel::High),
        (180, SatisfactionLevel::High),
    ] {
        // Each form: x statements at 2 points, the rest at 1 («б»).
        let form = |pts: usize| {
            SatisfactionAnswers(std::array::from_fn(|i| {
                if i < pts - 18 {
                    if SatisfactionKey::Corrected.points(i + 1, Choice::A) == 2 {
                        Choice::A
                    } else {
                        Choice::V
                    }
                } else {
                    Choice::B
                }
            }))
        };
        let per = total / 5;
        let forms: Vec<SatisfactionAnswers> = [per, per, per, per, total - 4 * per]
            .iter()
            .map(|&p| form(p))
            .collect();
        let a = satisfaction::analyze(
            SatisfactionKey::Corrected,
            forms.iter().map(|f| (f, Tenure::Unknown)),
        );
        let points: u32 = forms
            .iter()
            .map(|f| satisfaction::score(f, SatisfactionKey::Corrected).points)
            .sum();
        assert_eq!(points as usize, total);
        assert_eq!(a.total.level, Some(level), "{total} of 180 points");
    }
    // A factor's edge: А (1, 6, 12) on five forms has a maximum of 30;
    // 40 % is 12.
    for (a_points, level) in [
        (11, SatisfactionLevel::Low),
        (12, SatisfactionLevel::Medium),
    ] {
        let forms: Vec<SatisfactionAnswers> = (0..5)
            .map(|f| {
                let n = if f < a_points % 5 {
                    a_points / 5 + 1
                } else {
                    a_points / 5
                };
                SatisfactionAnswers(std::array::from_fn(|i| {
                    let item = i + 1;
                    let k = Factor::A.items().iter().position(|&x| x == item);
                    match k {
                        Some(k) if k < n => Choice::B,
                        Some(_) => Choice::Blank,
                        None => Choice::B,
                    }
                }))
            })
            .collect();
        let a = satisfaction::analyze(
            SatisfactionKey::Corrected,
            forms.iter().map(|f| (f, Tenure::Unknown)),
        );
        assert_eq!(
            a.total.factor_levels[Factor::A as usize],
            Some(level),
            "factor А: {a_points} of 30"
        );
    }
}

// The texts.

fn satisfaction_text(choice_5_11: Choice, choice_9: Choice) -> String {
    let forms: Vec<SatisfactionAnswers> = (0..3)
        .map(|_| {
            SatisfactionAnswers(std::array::from_fn(|i| match i + 1 {
                5 | 11 => choice_5_11,
                9 => choice_9,
                _ => Choice::B,
            }))
        })
        .collect();
    let a = satisfaction::analyze(
        SatisfactionKey::Corrected,
        forms.iter().map(|f| (f, Tenure::Unknown)),
    );
    klimat_core::text::ru::conclusions::satisfaction(&a).join("\n")
}

fn factor_line(text: &str, f: Factor) -> &str {
    text.lines()
        .find(|l| l.starts_with(f.label()))
        .unwrap_or_else(|| panic!("no line for {}: {text}", f.label()))
}

#[test]
fn the_descriptions_of_д_and_з_agree_with_their_key() {
    // Д: statements 5 («Занимаемая мною должность ниже моих способностей и
    // заслуг») and 11 score «да» = 2. All «да»: a high Д means high claims —
    // posts seen as below one's abilities.
    let text = satisfaction_text(Choice::A, Choice::V);
    let d = factor_line(&text, Factor::D);
    assert!(d.contains("(высокий уровень)"), "{d}");
    assert!(d.contains("ниже своих способностей"), "{d}");
    assert!(
        !d.contains("соответствующими"),
        "the old inverted text: {d}"
    );
    // All «нет»: the lowest Д, no such claims.
    let text = satisfaction_text(Choice::V, Choice::A);
    let d = factor_line(&text, Factor::D);
    assert!(d.contains("(крайне низкий уровень)"), "{d}");
    assert!(d.contains("не считают занимаемые должности ниже"), "{d}");
    // З is statement 9 alone: coping with the work given. All «да» («мне
    // объективно не удается выполнить всю работу»): the lowest З speaks of
    // that, not of understanding the organization's tasks.
    let z = factor_line(&text, Factor::Z);
    assert!(z.contains("(крайне низкий уровень)"), "{z}");
    assert!(z.contains("не удается выполнить"), "{z}");
    assert!(!z.contains("задачи и функции"), "{z}");
    // Klimat's descriptions carry the mark, the methodology's are quoted.
    assert!(d.ends_with("¹"), "{d}");
    // One «б» and one «нет» of 5 and 11: 25 %, the low level, for which
    // Table В.6 prints its own text.
    let forms: Vec<SatisfactionAnswers> = (0..3)
        .map(|_| {
            SatisfactionAnswers(std::array::from_fn(|i| match i + 1 {
                5 => Choice::B,
                11 => Choice::V,
                _ => Choice::B,
            }))
        })
        .collect();
    let a = satisfaction::analyze(
        SatisfactionKey::Corrected,
        forms.iter().map(|f| (f, Tenure::Unknown)),
    );
    let text = klimat_core::text::ru::conclusions::satisfaction(&a).join("\n");
    let d = factor_line(&text, Factor::D);
    assert!(
        d.contains("по таблице В.6 методики: «Работники не всегда стремятся"),
        "Д at the low level is the methodology's own text: {d}"
    );
}

#[test]
fn no_factor_description_of_а_speaks_of_pay() {
    for level in SatisfactionLevel::ALL {
        let d = Factor::A.description(level);
        if !d.from_methodology {
            assert!(
                !d.text.contains("вознагражд") && !d.text.contains("заработ"),
                "А asks nothing about pay: {}",
                d.text
            );
        }
    }
}

// Participation, signatures, proposals, one subdivision — through the
// command, end to end.

fn ok(args: &[&str]) -> String {
    let out = klimat(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn pdftotext(path: &std::path::Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .args([path.to_str().unwrap(), "-"])
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn participation_signatures_proposals_and_a_subdivision_report() {
    let dir = TempDir::new("annual-cli");
    let db = dir.join("k.db").to_str().unwrap().to_owned();
    let id = ok(&[
        "--db",
        &db,
        "survey",
        "create",
        "--threshold",
        "3",
        "--name",
        "Диагностика 2026",
        "--instruments",
        "commitment",
        "--subdivisions",
        klimat_tests::SUBDIVISIONS,
        "--staff-total",
        "300",
        "--staff",
        "Управление делами=40; Отдел кадров=60;Идеологический отдел=45",
        "--prepared-position",
        "Начальник отдела кадров",
        "--prepared-name",
        "И. И. Иванова",
        "--approved-position",
        "Председатель райисполкома",
        "--approved-name",
        "П. П. Петров",
    ])
    .trim()
    .to_owned();
    ok(&[
        "--db",
        &db,
        "import",
        "--survey",
        &id,
        klimat_tests::fixture("commitment-b2.csv").to_str().unwrap(),
    ]);
    let proposals = dir.join("p.txt");
    std::fs::write(
        &proposals,
        "Провести беседы в подразделениях.\n- Пересмотреть систему поощрений\n",
    )
    .unwrap();
    ok(&[
        "--db",
        &db,
        "survey",
        "report-settings",
        "--survey",
        &id,
        "--proposals-file",
        proposals.to_str().unwrap(),
    ]);
    let pdf = dir.join("r.pdf");
    let xlsx = dir.join("r.xlsx");
    ok(&[
        "--db",
        &db,
        "report",
        "--survey",
        &id,
        "--pdf",
        pdf.to_str().unwrap(),
        "--xlsx",
        xlsx.to_str().unwrap(),
    ]);
    let text = pdftotext(&pdf);
    for expected in [
        "УТВЕРЖДАЮ",
        "П. П. Петров",
        "Подготовил(а):",
        "И. И. Иванова",
        "Основные результаты",
        "120 из 300 (40,0 %)",
        "Низкое участие",
        "Предложения и план мероприятий",
        "Пересмотреть систему поощрений",
        "(таблица Б.2",
    ] {
        assert!(text.contains(expected), "«{expected}» in:\n{text}");
    }
    // The workbook carries the conclusions and the summary.
    let mut book: Xlsx<_> =
        open_workbook_from_rs(std::io::Cursor::new(std::fs::read(&xlsx).unwrap())).unwrap();
    let conclusions = book.worksheet_range("Выводы").unwrap();
    let all: Vec<String> = conclusions
        .rows()
        .filter_map(|r| match &r[0] {
            Data::String(s) => Some(s.clone()),
            _ => None,
        })
        .collect();
    assert!(
        all.iter()
            .any(|s| s.starts_with("Вывод. Результаты исследования")),
        "{all:?}"
    );
    let summary = book.worksheet_range(rt::SHEET_SUMMARY).unwrap();
    assert!(
        summary.rows().any(|r| r
            .iter()
            .any(|c| *c == Data::Float(2138.0 / 4680.0 * 100.0 / 100.0))),
        "P as a number on the summary sheet, a fraction under a % format"
    );

    // One subdivision: 30 forms, its own staff.
    let sub_pdf = dir.join("sub.pdf");
    ok(&[
        "--db",
        &db,
        "report",
        "--survey",
        &id,
        "--subdivision",
        "Отдел кадров",
        "--pdf",
        sub_pdf.to_str().unwrap(),
    ]);
    let text = pdftotext(&sub_pdf);
    assert!(
        text.contains("Структурное подразделение: Отдел кадров"),
        "{text}"
    );
    assert!(text.contains("учтено 30 анкет"), "{text}");
    assert!(text.contains("30 из 60 (50,0 %)"), "its own staff: {text}");
    // A subdivision under K is refused, and nothing is written.
    let small = ok(&[
        "--db",
        &db,
        "survey",
        "create",
        "--threshold",
        "3",
        "--name",
        "Малое",
        "--instruments",
        "commitment",
        "--subdivisions",
        "Большой;Малый",
    ])
    .trim()
    .to_owned();
    let mut csv = klimat_tests::commitment_header() + "\n";
    for i in 0..6 {
        let sub = if i < 4 {
            "Большой"
        } else {
            "Малый"
        };
        csv += &format!("A{i},,{sub},,3,4,2,4,4,4,2,2,4,2,4,2,2,4,4\n");
    }
    let file = dir.join("small.csv");
    std::fs::write(&file, csv).unwrap();
    ok(&[
        "--db",
        &db,
        "import",
        "--survey",
        &small,
        file.to_str().unwrap(),
    ]);
    let refused = dir.join("refused.pdf");
    let out = klimat(&[
        "--db",
        &db,
        "report",
        "--survey",
        &small,
        "--subdivision",
        "Малый",
        "--pdf",
        refused.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("меньше порога анонимности (3)"), "{err}");
    assert!(!refused.exists(), "nothing written");
    // A survey compared with itself is refused.
    let out = klimat(&[
        "--db",
        &db,
        "report",
        "--survey",
        &id,
        "--compare-with",
        &id,
        "--pdf",
        refused.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    // A staff list naming an unknown subdivision is refused in Russian.
    let out = klimat(&[
        "--db",
        &db,
        "survey",
        "report-settings",
        "--survey",
        &id,
        "--staff",
        "Бухгалтерия=5",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("«Бухгалтерия»"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn careless_or_hostile_report_settings_are_refused_and_nothing_is_lost() {
    use klimat_app::surveys::{ReportSettingsRequest, save_report_settings};
    let dir = TempDir::new("annual-settings");
    let db = Db::open(&dir.join("k.db")).unwrap();
    let mut s = SurveySettings::new(
        "Диагностика",
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
        vec![Instrument::Commitment],
    );
    s.subdivisions = vec!["Отдел кадров".into(), "Финансовый отдел".into()];
    let id = db.create_survey(&s).unwrap();
    let good = ReportSettingsRequest {
        staff_total: Some("120".into()),
        staff: Some("Отдел кадров=25; Финансовый отдел=30".into()),
        prepared_by: Some(("Начальник отдела".into(), "И. И. Иванова".into())),
        approved_by: None,
        proposals: Some("Провести беседы.".into()),
    };
    save_report_settings(&db, id, &good).unwrap();
    let before = db.report_settings(id).unwrap();
    assert_eq!(before.staff_total, Some(120));
    assert_eq!(before.staff.len(), 2);
    let bad = |r: ReportSettingsRequest, why: &str| {
        let err = save_report_settings(&db, id, &r)
            .expect_err(why)
            .to_string();
        assert!(
            err.chars().any(|c| ('а'..='я').contains(&c)),
            "{why}: a Russian reason, got «{err}»"
        );
        assert_eq!(
            db.report_settings(id).unwrap(),
            before,
            "{why}: nothing changed"
        );
    };
    let with = |f: &dyn Fn(&mut ReportSettingsRequest)| {
        let mut r = ReportSettingsRequest::default();
        f(&mut r);
        r
    };
    bad(
        with(&|r| r.staff_total = Some("сто".into())),
        "a total in words",
    );
    bad(
        with(&|r| r.staff_total = Some("-5".into())),
        "a negative total",
    );
    bad(with(&|r| r.staff_total = Some("0".into())), "no employees");
    bad(
        with(&|r| r.staff_total = Some("99999999999".into())),
        "an absurd total",
    );
    bad(
        with(&|r| r.staff = Some("Отдел кадров 25".into())),
        "no «=»",
    );
    bad(
        with(&|r| r.staff = Some("Бухгалтерия=5".into())),
        "an unknown subdivision",
    );
    bad(
        with(&|r| r.staff = Some("Отдел кадров=5;Отдел кадров=6".into())),
        "a subdivision twice",
    );
    bad(
        with(&|r| r.staff = Some("Отдел кадров=100; Финансовый отдел=30".into())),
        "subdivisions adding up to more than the organization",
    );
    bad(
        with(&|r| r.prepared_by = Some(("Начальник".into(), "Иванова\nИ. И.".into()))),
        "a name on two lines",
    );
    bad(
        with(&|r| r.approved_by = Some(("Председатель\u{202e}".into(), "П. П. Петров".into()))),
        "a direction mark in a position",
    );
    bad(
        with(&|r| r.proposals = Some("х".repeat(50_001))),
        "proposals over 50 000 characters",
    );
    bad(
        with(&|r| r.proposals = Some("план\u{0}".into())),
        "a hidden control character in the proposals",
    );
    // A blank name removes a signature; blank staff removes the figures.
    save_report_settings(
        &db,
        id,
        &with(&|r| {
            r.prepared_by = Some(("".into(), " ".into()));
            r.staff_total = Some(" ".into());
            r.staff = Some(String::new());
        }),
    )
    .unwrap();
    let after = db.report_settings(id).unwrap();
    assert_eq!(after.prepared_by, None);
    assert_eq!(after.staff_total, None);
    assert!(after.staff.is_empty());
    assert_eq!(
        after.proposals, "Провести беседы.",
        "what was not given is kept"
    );
}
