//! Issue 29: changes judged against the size of the group (Klimat's rule,
//! crates/core/src/precision.rs). Simulated pairs of years with no real
//! change over 100 units of realistic sizes give at most 5 % falls; a real
//! fall of 8 п. п. in a unit of 40 is called a fall; one person's change in
//! a department of 4 is «мало данных», not a threat.

use klimat_core::commitment::{self, CommitmentAnswers, ITEMS, Sign, sign_of};
use klimat_core::compare::compare_commitment;
use klimat_core::precision::Verdict;
use klimat_core::tenure::Tenure;
use klimat_core::text::ru::conclusions;

/// A small deterministic generator (xorshift64*), so that every run sees
/// the same simulated offices.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn uniform(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// A standard normal value (Box–Muller).
    fn normal(&mut self) -> f64 {
        let u = self.uniform().max(1e-12);
        let v = self.uniform();
        (-2.0 * u.ln()).sqrt() * (2.0 * std::f64::consts::PI * v).cos()
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// One employee's answers on a day: each statement rated around the
/// person's stable attitude (a "+" statement agrees with it, a "−" one
/// disagrees), with the day's noise.
fn answers(attitude: f64, rng: &mut Rng) -> CommitmentAnswers {
    let mut out = [0u8; ITEMS];
    for (i, a) in out.iter_mut().enumerate() {
        let lean = match sign_of(i + 1) {
            Sign::Plus => attitude,
            Sign::Minus => -attitude,
        };
        // Centred above the middle, as real staff answer: P near 40 %,
        // and answers pile up at 5 (a ceiling).
        let v = 3.4 + 0.9 * lean + 0.7 * rng.normal();
        *a = v.round().clamp(1.0, 5.0) as u8;
    }
    CommitmentAnswers(out)
}

/// A year's survey of an office: a random `answered` of the staff answer.
fn survey_year(
    attitudes: &[f64],
    answered: usize,
    shift: f64,
    rng: &mut Rng,
) -> commitment::CommitmentAnalysis {
    let mut who: Vec<usize> = (0..attitudes.len()).collect();
    for i in (1..who.len()).rev() {
        who.swap(i, rng.below(i + 1));
    }
    let forms: Vec<CommitmentAnswers> = who[..answered]
        .iter()
        .map(|&i| answers(attitudes[i] + shift, rng))
        .collect();
    commitment::analyze(forms.iter().map(|f| (f, Tenure::Unknown)))
}

/// Staff sizes of the units of a realistic organization or ministry.
const SIZES: [usize; 20] = [
    4, 5, 6, 8, 10, 12, 14, 15, 18, 20, 25, 30, 35, 40, 50, 60, 80, 120, 200, 400,
];

#[test]
fn with_no_real_change_at_most_five_percent_of_units_are_called_a_fall() {
    let mut rng = Rng(0x5eed_2026_1207);
    let units = 200;
    let (mut p_falls, mut p_rises, mut within, mut too_few) = (0, 0, 0, 0);
    let (mut comp_falls, mut comp_rises, mut naive, mut censuses) = (0, 0, 0, 0);
    for u in 0..units {
        let staff = SIZES[u % SIZES.len()];
        let attitudes: Vec<f64> = (0..staff).map(|_| 0.6 * rng.normal()).collect();
        // Every other unit answers in full both years (a census: the
        // finite-population correction at its strongest); the others
        // 60–100 % each year, who answers changing.
        let census = u % 2 == 0;
        let answered = |rng: &mut Rng| {
            if census {
                staff
            } else {
                ((staff as f64 * (0.6 + 0.4 * rng.uniform())).round() as usize).clamp(1, staff)
            }
        };
        let (n1, n2) = (answered(&mut rng), answered(&mut rng));
        let prev = survey_year(&attitudes, n1, 0.0, &mut rng);
        let cur = survey_year(&attitudes, n2, 0.0, &mut rng);
        let c = compare_commitment(&prev, &cur, (Some(staff as u64), Some(staff as u64)));
        match c.p_verdict.verdict {
            Verdict::Fall => p_falls += 1,
            Verdict::Rise => p_rises += 1,
            Verdict::WithinError => within += 1,
            Verdict::TooFew => too_few += 1,
        }
        if c.p_verdict.verdict != Verdict::TooFew && census {
            censuses += 1;
        }
        let comp = |v: Verdict| c.component_verdicts.iter().any(|j| j.verdict == v);
        comp_falls += usize::from(comp(Verdict::Fall));
        comp_rises += usize::from(comp(Verdict::Rise));
        naive += usize::from(c.p.fell_by_at_least(5.0));
        assert!(!c.threat || c.p_verdict.verdict == Verdict::Fall);
    }
    let judged = units - too_few;
    eprintln!(
        "no real change, {units} units ({judged} judged, {censuses} of them censuses in both years, {too_few} too few forms): P falls {p_falls} ({:.1} % of judged), rises {p_rises}, within the error {within}; units with a component called a fall {comp_falls}, a rise {comp_rises}; the old rule (a fall of 5 п. п.) would have called {naive} falls",
        p_falls as f64 * 100.0 / judged as f64
    );
    assert!(
        p_falls * 100 <= 5 * judged,
        "P: false falls {p_falls} of {judged}"
    );
    assert!(
        (p_falls + p_rises) * 100 <= 5 * judged,
        "P: false changes {} of {judged}",
        p_falls + p_rises
    );
    assert!(
        comp_falls * 100 <= 5 * judged,
        "components: false falls {comp_falls} of {judged}"
    );
}

#[test]
fn a_real_fall_of_eight_points_in_a_unit_of_forty_is_called_a_fall() {
    let mut rng = Rng(0x0ff1_ce40);
    let runs = 50;
    let mut called = 0;
    let mut falls = Vec::new();
    for _ in 0..runs {
        let attitudes: Vec<f64> = (0..40).map(|_| 0.6 * rng.normal()).collect();
        let prev = survey_year(&attitudes, 40, 0.0, &mut rng);
        // Everyone's attitude moves down: P falls by about 8 points.
        let cur = survey_year(&attitudes, 40, -0.24, &mut rng);
        let c = compare_commitment(&prev, &cur, (Some(40), Some(40)));
        falls.push(-c.p.delta().unwrap());
        if c.p_verdict.verdict == Verdict::Fall {
            called += 1;
        }
    }
    let mean_fall = falls.iter().sum::<f64>() / runs as f64;
    eprintln!(
        "a real fall of {mean_fall:.1} п. п. in a census of 40: called a fall in {called} of {runs}"
    );
    assert!(
        (7.0..=9.0).contains(&mean_fall),
        "the simulated fall: {mean_fall}"
    );
    assert!(called * 10 >= runs * 9, "called {called} of {runs}");
}

#[test]
fn one_persons_change_in_a_department_of_four_is_too_few_not_a_threat() {
    let low = |ip_drop: bool| {
        let mut a = [4u8; ITEMS];
        for i in [3, 7, 8, 10, 12, 13] {
            a[i - 1] = 2;
        }
        if ip_drop {
            // This one person now disagrees with everything positive.
            for (i, v) in a.iter_mut().enumerate() {
                *v = match sign_of(i + 1) {
                    Sign::Plus => 2,
                    Sign::Minus => 4,
                };
            }
        }
        CommitmentAnswers(a)
    };
    let same = low(false);
    let changed = low(true);
    let prev = commitment::analyze(std::iter::repeat_n((&same, Tenure::Unknown), 4));
    let cur = commitment::analyze(
        std::iter::repeat_n((&same, Tenure::Unknown), 3).chain([(&changed, Tenure::Unknown)]),
    );
    let c = compare_commitment(&prev, &cur, (Some(4), Some(4)));
    let d = c.p.delta().unwrap();
    assert!(d < -5.0, "one person moves P by {d}");
    assert_eq!(c.p_verdict.verdict, Verdict::TooFew);
    assert!(!c.threat, "one person's change is not a threat");
    assert!(conclusions::commitment_fall_threat(&c).is_none());
    let text = conclusions::commitment_comparison(&c).join("\n");
    assert!(
        text.contains("опрошены все работники") && text.contains("а не тенденция"),
        "{text}"
    );
    assert!(!text.contains("Угроза"));
}

/// A CSV of commitment forms: `(subdivision, attitude)` per form, answers
/// drawn as in the simulation.
fn organization_csv(people: &[(&str, f64)], rng: &mut Rng) -> String {
    let mut csv = klimat_tests::commitment_header() + "\n";
    for (i, (sub, attitude)) in people.iter().enumerate() {
        let a = answers(*attitude, rng);
        let cells: Vec<String> = a.0.iter().map(u8::to_string).collect();
        csv += &format!("Ф-{i},,{sub},,{}\n", cells.join(","));
    }
    csv
}

/// Issue 29, item 2: a low subdivision and a subdivision whose commitment
/// fell beyond the error are named in the summary of the organization's
/// report (PDF and DOCX), with their precision; a subdivision hidden by K
/// is not; one person's change in a small published unit is no threat.
#[test]
fn the_head_sees_low_and_falling_subdivisions_in_the_summary_he_signs() {
    use klimat_store::{Db, Entry, SurveySettings};
    let dir = klimat_tests::TempDir::new("verdict-groups");
    let mut db = Db::open(&dir.join("k.db")).unwrap();
    let mut rng = Rng(0xabcd_2026);
    let subs = ["Цех № 1", "Цех № 2", "Отдел кадров", "Бухгалтерия"];
    let mut make = |name: &str, people: &[(&str, f64)], rng: &mut Rng| {
        let mut s = SurveySettings::new(
            name,
            chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap(),
            vec![klimat_core::Instrument::Commitment],
        );
        s.subdivisions = subs.iter().map(|s| (*s).to_owned()).collect();
        let id = db.create_survey(&s).unwrap();
        let file =
            klimat_store::import::read_template(organization_csv(people, rng).as_bytes(), None)
                .unwrap();
        db.add_forms(id, &file.forms, Entry::Import, &mut |_, _| {})
            .unwrap();
        id
    };
    let year = |shop2: f64, rng: &mut Rng| {
        let mut people: Vec<(&str, f64)> = Vec::new();
        // Цех № 1: low every year (about P = 30 %).
        people.extend((0..41).map(|_| ("Цех № 1", 0.1 + 0.3 * rng.normal())));
        people.extend((0..40).map(|_| ("Цех № 2", shop2 + 0.3 * rng.normal())));
        people.extend((0..12).map(|_| ("Отдел кадров", 1.6 + 0.3 * rng.normal())));
        // Бухгалтерия: 3 forms, under K = 5, low: never named.
        people.extend((0..3).map(|_| ("Бухгалтерия", -1.5)));
        people
    };
    let p1 = year(1.7, &mut rng);
    let before = make("Диагностика 2025", &p1, &mut rng);
    // Цех № 2 falls markedly this year.
    let p2 = year(1.1, &mut rng);
    let now = make("Диагностика 2026", &p2, &mut rng);
    let pdf = dir.join("r.pdf");
    let docx = dir.join("r.docx");
    klimat_app::reports::write_report(&db, now, Some(before), &pdf).unwrap();
    klimat_app::reports::write_report(&db, now, Some(before), &docx).unwrap();
    // To look at the pages: KLIMAT_SCREENSHOTS=/some/folder.
    if let Ok(out) = std::env::var("KLIMAT_SCREENSHOTS") {
        std::fs::create_dir_all(&out).unwrap();
        std::fs::copy(&pdf, std::path::Path::new(&out).join("verdicts.pdf")).unwrap();
    }
    let text = String::from_utf8(
        std::process::Command::new("pdftotext")
            .args([pdf.to_str().unwrap(), "-"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let flat = flat.replace("- ", "").replace('\u{ad}', "");
    assert!(
        flat.contains("уровень организационной приверженности низкий или ниже в структурном подразделении: Цех № 1"),
        "{flat}"
    );
    assert!(
        flat.contains("снизился по сравнению с предыдущим исследованием на 5"),
        "{flat}"
    );
    assert!(flat.contains("Цех № 2 (на "), "{flat}");
    assert!(
        !flat.contains("Бухгалтерия ("),
        "a group under K is never named"
    );
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&docx).unwrap()).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    let xml = xml.replace('\u{ad}', "").replace('\u{a0}', " ");
    assert!(xml.contains("Цех № 1"), "the DOCX names it too");
    assert!(xml.contains("больше погрешности"));
    assert!(
        xml.contains("Вывод"),
        "the comparison table's verdict column"
    );
    // The subdivisions the summary names are in a table of the same
    // report, last year's figures beside this year's; one under K is not.
    use klimat_report::model::Cell;
    let model =
        klimat_report::build(&klimat_app::reports::report_input(&db, now, Some(before)).unwrap());
    let table = model
        .tables()
        .find(|t| {
            t.caption
                .ends_with("Изменения по структурным подразделениям")
        })
        .expect("the subdivisions' changes");
    let row = |name: &str| {
        table
            .rows
            .iter()
            .find(|r| r[0] == Cell::Text(name.into()))
            .unwrap_or_else(|| panic!("{name}: {:?}", table.rows))
            .clone()
    };
    assert_eq!(
        row("Цех № 2").last(),
        Some(&Cell::Text("заметное снижение".into()))
    );
    let small = row("Бухгалтерия");
    assert!(
        small[1..]
            .iter()
            .all(|c| !matches!(c, Cell::Percent(..) | Cell::Change(..))),
        "a group under K shows no figure: {small:?}"
    );
    // The group hidden beside it («скрыто*») has its footnote under the
    // table.
    assert_eq!(row("Отдел кадров")[1], Cell::Withheld);
    let blocks: Vec<&klimat_report::model::Block> =
        model.sections.iter().flat_map(|s| &s.blocks).collect();
    let at = blocks
        .iter()
        .position(|b| matches!(b, klimat_report::model::Block::Table(t) if t.caption.ends_with("Изменения по структурным подразделениям")))
        .unwrap();
    assert!(
        matches!(blocks[at + 1], klimat_report::model::Block::Paragraph(p) if p.starts_with("* Группа скрыта")),
        "{:?}",
        blocks[at + 1]
    );
}

/// Issue 29, item 5: the results screen's cards show the summary page's
/// own figures, levels, changes and verdicts (one function computes them),
/// for every questionnaire, culture included.
#[test]
fn the_results_cards_show_the_summary_pages_figures_and_verdicts() {
    use klimat_report::model::Cell;
    let dir = klimat_tests::TempDir::new("verdict-cards");
    let (db, id) = crate::report::survey_with(&dir, "профессионализм");
    let db = klimat_store::Db::open(std::path::Path::new(&db)).unwrap();
    let id: i64 = id.parse().unwrap();
    let r = klimat_app::reports::results(&db, id, None).unwrap();
    let summary = r
        .model
        .tables()
        .find(|t| t.caption.ends_with("Основные показатели"))
        .expect("the summary table");
    assert_eq!(summary.rows.len(), r.headline.len());
    for (row, card) in summary.rows.iter().zip(&r.headline) {
        assert_eq!(row[0], Cell::Text(card.title.into()));
        assert_eq!(row[2], Cell::Int(card.forms as i64));
        assert_eq!(
            row[3].display().replace('\u{a0}', " "),
            card.value.replace('\u{a0}', " "),
            "{}",
            card.title
        );
        assert_eq!(row[4].display(), card.level.clone().unwrap_or_default());
    }
    let culture = r
        .headline
        .iter()
        .find(|c| c.title == klimat_core::Instrument::Culture.label())
        .unwrap();
    assert!(
        culture.caption.contains("таблица А.3"),
        "the card shows the level of culture, as Table 1 does: {culture:?}"
    );
}

/// A component still at a good level that fell beyond the error since last
/// year is no strength to keep (a head read it as one); the change of each
/// row is the difference of its printed values.
#[test]
fn a_component_that_fell_is_not_a_strength_and_changes_match_printed_values() {
    use klimat_store::{Db, Entry, SurveySettings};
    let dir = klimat_tests::TempDir::new("verdict-strengths");
    let mut db = Db::open(&dir.join("k.db")).unwrap();
    let mut rng = Rng(0x0057_0497);
    let mut make = |name: &str, attitude: f64, rng: &mut Rng| {
        let mut s = SurveySettings::new(
            name,
            chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap(),
            vec![klimat_core::Instrument::Commitment],
        );
        s.subdivisions = vec!["Цех".into()];
        let id = db.create_survey(&s).unwrap();
        let people: Vec<(&str, f64)> = (0..150)
            .map(|_| ("Цех", attitude + 0.2 * rng.normal()))
            .collect();
        let file =
            klimat_store::import::read_template(organization_csv(&people, rng).as_bytes(), None)
                .unwrap();
        db.add_forms(id, &file.forms, Entry::Import, &mut |_, _| {})
            .unwrap();
        id
    };
    let before = make("2025", 3.0, &mut rng);
    let now = make("2026", 1.6, &mut rng);
    let input = klimat_app::reports::report_input(&db, now, Some(before)).unwrap();
    let model = klimat_report::build(&input);
    let mut strong = Vec::new();
    let mut text = String::new();
    for s in &model.sections {
        let mut in_strong = false;
        for b in &s.blocks {
            match b {
                klimat_report::model::Block::Subheading(h) => {
                    in_strong = h.starts_with("Сильные позиции");
                }
                klimat_report::model::Block::Bullets(items) if in_strong => {
                    strong.extend(items.iter().cloned());
                }
                klimat_report::model::Block::Paragraph(p) => text.push_str(p),
                _ => {}
            }
        }
    }
    let cmp = model
        .tables()
        .find(|t| {
            t.caption
                .contains("Организационная приверженность: сравнение")
        })
        .expect("the comparison table");
    let mut exercised = false;
    for row in &cmp.rows {
        if let [
            klimat_report::model::Cell::Text(label),
            klimat_report::model::Cell::Num(a, d) | klimat_report::model::Cell::Percent(a, d),
            klimat_report::model::Cell::Num(b, _) | klimat_report::model::Cell::Percent(b, _),
            klimat_report::model::Cell::Change(c, _, _),
            ..,
        ] = row.as_slice()
        {
            let f = 10f64.powi(i32::from(*d));
            let printed = ((b * f).round() - (a * f).round()) / f;
            assert!((c - printed).abs() < 1e-9, "{label}: {c} vs {printed}");
            if label.as_str() == "Лояльность" || label.as_str() == "Идентификация"
            {
                let fell = row.last() == Some(&klimat_report::model::Cell::Text("снижение".into()));
                let named = strong.iter().any(|s| {
                    s.contains(if label.as_str() == "Лояльность" {
                        "лояльности"
                    } else {
                        "идентификации"
                    })
                });
                assert!(
                    !(fell && named),
                    "{label} fell and is named a strength: {strong:?}"
                );
                exercised |= fell && *b >= 7.8;
            }
        }
    }
    assert!(
        exercised,
        "no good component fell in this data: {:?}",
        cmp.rows
    );
    assert!(text.contains("снизилось"), "{text}");
}
