//! Issue 16: the consolidated report. Pooling three surveys gives the same
//! overall figures as one survey holding all their forms; an organization
//! under K forms is suppressed together with the next smallest; surveys
//! with different satisfaction keys are refused, each named with its key.

use std::path::Path;
use std::process::Command;

use klimat_report::model::{Block, Cell};
use klimat_store::Db;
use klimat_tests::{TempDir, fixture, klimat, satisfaction_header};

fn run(args: &[&str]) -> String {
    let out = klimat(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

/// The commitment fixture's rows `from..to` as a file of their own, and 12
/// satisfaction forms.
fn part(dir: &TempDir, name: &str, from: usize, to: usize) -> (String, String) {
    let text = std::fs::read_to_string(fixture("commitment-b2.csv")).unwrap();
    let mut lines = text.lines();
    let header = lines.next().unwrap();
    let rows: Vec<&str> = lines.skip(from).take(to - from).collect();
    let c = dir.join(&format!("{name}-c.csv"));
    std::fs::write(&c, format!("{header}\n{}\n", rows.join("\n"))).unwrap();
    let mut sat = satisfaction_header();
    for i in from..to {
        let answers: Vec<&str> = (0..18).map(|q| ["а", "б", "в"][(i + q) % 3]).collect();
        sat.push_str(&format!("\n{name}-{i},lt1,,,{}", answers.join(",")));
    }
    let sp = dir.join(&format!("{name}-s.csv"));
    std::fs::write(&sp, sat + "\n").unwrap();
    (
        c.to_str().unwrap().to_owned(),
        sp.to_str().unwrap().to_owned(),
    )
}

fn survey(db: &str, name: &str, org: &str, key: &str, files: &(String, String)) -> String {
    let id = run(&[
        "--db",
        db,
        "survey",
        "create",
        "--threshold",
        "3",
        "--name",
        name,
        "--org",
        org,
        "--instruments",
        "commitment,satisfaction",
        "--key",
        key,
        "--subdivisions",
        klimat_tests::SUBDIVISIONS,
        "--date",
        "2026-11-25",
    ]);
    run(&["--db", db, "import", "--survey", &id, &files.0]);
    run(&["--db", db, "import", "--survey", &id, &files.1]);
    id
}

#[test]
fn pooling_three_surveys_gives_the_figures_of_one_survey_holding_all_their_forms() {
    let dir = TempDir::new("pool");
    let db = dir.join("k.db").to_str().unwrap().to_owned();
    let a = survey(
        &db,
        "Диагностика 2026",
        "Райисполком",
        "corrected",
        &part(&dir, "a", 0, 50),
    );
    let b = survey(
        &db,
        "Диагностика 2026",
        "Горисполком",
        "corrected",
        &part(&dir, "b", 50, 90),
    );
    let c = survey(
        &db,
        "Диагностика 2026",
        "Сельсовет",
        "corrected",
        &part(&dir, "c", 90, 120),
    );
    let all = survey(
        &db,
        "Все вместе",
        "Облисполком",
        "corrected",
        &part(&dir, "all", 0, 120),
    );
    let opened = Db::open(Path::new(&db)).unwrap();
    let ids: Vec<i64> = [&a, &b, &c].iter().map(|x| x.parse().unwrap()).collect();
    let pooled = klimat_app::reports::consolidated_input(&opened, &ids).unwrap();
    let one = klimat_app::report_input(&opened, all.parse().unwrap(), None).unwrap();
    let (pc, oc) = (
        pooled.commitment.as_ref().unwrap(),
        one.commitment.as_ref().unwrap(),
    );
    assert_eq!(pc.analysis.respondents, 120);
    assert_eq!(
        pc.analysis.total, oc.analysis.total,
        "P, OP and the components"
    );
    assert_eq!(pc.analysis.levels, oc.analysis.levels);
    assert_eq!(pc.analysis.blocks, oc.analysis.blocks);
    assert_eq!(pc.analysis.item_counts, oc.analysis.item_counts);
    // The tenure rows are left out: «до года» holds 2 forms, so some
    // member's share of it is under K, and its own report beside this one
    // would give that share by subtraction (issue 26).
    assert!(oc.analysis.by_tenure.iter().any(|r| r.1.n < 3));
    assert!(pc.analysis.by_tenure.is_empty());
    // Table Б.8's P of the worked example, over the pooled forms.
    assert!((pc.analysis.total.index.p.unwrap() - 45.683_760_683_760_68).abs() < 1e-9);
    let (ps, os) = (
        pooled.satisfaction.as_ref().unwrap(),
        one.satisfaction.as_ref().unwrap(),
    );
    assert_eq!(ps.analysis.total, os.analysis.total);
    assert_eq!(ps.analysis.levels, os.analysis.levels);
    // The organizations are the groups.
    let orgs: Vec<Option<String>> = pc.by_subdivision.iter().map(|(g, _)| g.clone()).collect();
    assert_eq!(
        orgs,
        [
            Some("Горисполком".into()),
            Some("Райисполком".into()),
            Some("Сельсовет".into())
        ]
    );
    // The table ranks them by P, the highest first.
    let model = klimat_report::build(&pooled);
    let table = model
        .tables()
        .find(|t| t.caption.starts_with("Приверженность по организациям"))
        .expect("the organizations' table");
    let ps: Vec<f64> = table
        .rows
        .iter()
        .filter_map(|r| match r.last() {
            Some(Cell::Percent(v, _)) => Some(*v),
            _ => None,
        })
        .collect();
    assert_eq!(ps.len(), 3);
    assert!(ps.windows(2).all(|w| w[0] >= w[1]), "{ps:?}");
    assert!(
        model
            .title
            .facts
            .iter()
            .any(|f| f.contains("Сводный отчет: анкеты 3"))
    );
    drop(opened);

    // The command writes it.
    let pdf = dir.join("pool.pdf");
    run(&[
        "--db",
        &db,
        "report",
        "--surveys",
        &format!("{a},{b},{c}"),
        "--pdf",
        pdf.to_str().unwrap(),
    ]);
    let text = Command::new("pdftotext")
        .args([pdf.to_str().unwrap(), "-"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    for needed in ["Сводный отчет", "Райисполком", "Горисполком", "Сельсовет"]
    {
        assert!(text.contains(needed), "{needed}");
    }
    assert!(text.contains("организациям"));
    // Misuse: one survey, one twice, --surveys with --survey.
    for args in [
        vec!["--surveys", "1"],
        vec!["--surveys", "1,1"],
        vec!["--surveys", "1,2", "--survey", "1"],
        vec!["--surveys", "1,x"],
    ] {
        let mut full = vec!["--db", db.as_str(), "report"];
        full.extend(args.iter());
        full.extend(["--pdf", "/tmp/klimat-pool-never.pdf"]);
        let out = klimat(&full);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!Path::new("/tmp/klimat-pool-never.pdf").exists());
    }
}

#[test]
fn organizations_under_k_forms_are_suppressed_a_lone_one_refused_and_keys_must_agree() {
    let dir = TempDir::new("pool-small");
    let db = dir.join("k.db").to_str().unwrap().to_owned();
    let a = survey(
        &db,
        "Диагностика",
        "Большая",
        "corrected",
        &part(&dir, "a", 0, 60),
    );
    let b = survey(
        &db,
        "Диагностика",
        "Средняя",
        "corrected",
        &part(&dir, "b", 60, 100),
    );
    let c = survey(
        &db,
        "Диагностика",
        "Маленькая",
        "corrected",
        &part(&dir, "c", 100, 102),
    );
    let d = survey(
        &db,
        "Другая",
        "Соседняя",
        "printed",
        &part(&dir, "d", 0, 10),
    );
    let e = survey(
        &db,
        "Диагностика",
        "Крошечная",
        "corrected",
        &part(&dir, "e", 102, 104),
    );
    let opened = Db::open(Path::new(&db)).unwrap();
    // A lone member under K is refused, named (issue 26: the pool minus
    // the other members' own reports would give its answers) …
    let ids: Vec<i64> = [&a, &b, &c].iter().map(|x| x.parse().unwrap()).collect();
    let refused = klimat_app::reports::consolidated_input(&opened, &ids).unwrap_err();
    assert!(refused.to_string().contains("«Маленькая»"), "{refused}");
    // … two of them hold K forms together, and the pool is made.
    let ids: Vec<i64> = [&a, &b, &c, &e]
        .iter()
        .map(|x| x.parse().unwrap())
        .collect();
    let model =
        klimat_report::build(&klimat_app::reports::consolidated_input(&opened, &ids).unwrap());
    let table = model
        .tables()
        .find(|t| t.caption.starts_with("Приверженность по организациям"))
        .unwrap();
    let row = |name: &str| {
        table
            .rows
            .iter()
            .find(|r| r[0] == Cell::Text(name.into()))
            .unwrap_or_else(|| panic!("{name}"))
            .clone()
    };
    assert_eq!(row("Маленькая")[1], Cell::Suppressed(3), "2 forms < K");
    assert_eq!(
        row("Крошечная")[1],
        Cell::Suppressed(3),
        "2 forms < K: the two hidden hold K forms together"
    );
    assert_eq!(row("Средняя")[1], Cell::Int(40));
    assert_eq!(row("Большая")[1], Cell::Int(60));
    // The hidden ones come last, so that a place tells nothing.
    assert_eq!(table.rows[0][0], Cell::Text("Большая".into()));
    // The heatmap shows them suppressed too, and shades the one shown by
    // its difference from the overall row.
    let heat = model
        .tables()
        .find(|t| {
            t.caption
                .starts_with("Тепловая карта: приверженность по организациям")
        })
        .expect("the heatmap");
    let hrow = |name: &str| {
        heat.rows
            .iter()
            .find(|r| r[0] == Cell::Text(name.into()))
            .unwrap_or_else(|| panic!("{name}"))
            .clone()
    };
    assert_eq!(heat.rows[0][0], Cell::Text("В целом".into()));
    assert_eq!(hrow("Маленькая")[1], Cell::Suppressed(3));
    assert_eq!(hrow("Крошечная")[1], Cell::Suppressed(3));
    assert!(
        hrow("Маленькая")[2..].iter().all(|c| *c == Cell::Empty),
        "no figure"
    );
    let steps = [0.25, 0.25, 0.25, 2.0];
    let value = |c: &Cell| match c {
        Cell::Num(v, _) | Cell::Percent(v, _) => *v,
        Cell::Shaded(inner, _) => match inner.as_ref() {
            Cell::Num(v, _) | Cell::Percent(v, _) => *v,
            other => panic!("{other:?}"),
        },
        other => panic!("{other:?}"),
    };
    let big = hrow("Большая");
    for (i, step) in steps.iter().enumerate() {
        let (v, o) = (value(&big[2 + i]), value(&heat.rows[0][2 + i]));
        let level = ((v - o) / step).trunc().clamp(-3.0, 3.0) as i8;
        assert_eq!(
            big[2 + i].shade(),
            Some(level),
            "column {i}: {v} against {o}"
        );
    }

    // The workbook shades the heatmap by conditional formatting on the
    // numbers only (a hidden organization's blank or text cells never).
    let xlsx = dir.join("pool.xlsx");
    klimat_app::reports::write_consolidated_report(&opened, &ids, None, &xlsx).unwrap();
    let mut book = zip::ZipArchive::new(std::fs::File::open(&xlsx).unwrap()).unwrap();
    let mut rules = 0;
    for i in 0..book.len() {
        let mut f = book.by_index(i).unwrap();
        if f.name()
            .unwrap_or_default()
            .starts_with("xl/worksheets/sheet")
        {
            let mut text = String::new();
            std::io::Read::read_to_string(&mut f, &mut text).unwrap();
            rules += text.matches("<cfRule").count();
            assert_eq!(
                text.matches("<cfRule").count(),
                text.matches("AND(ISNUMBER(").count(),
                "every rule looks at numbers only"
            );
        }
    }
    // Four columns of commitment and nine of satisfaction, six shades each.
    assert_eq!(rules, (4 + 9) * 6);

    // A survey scored with the printed key cannot be pooled with these.
    let e = klimat_app::reports::consolidated_input(&opened, &[ids[0], d.parse().unwrap()])
        .unwrap_err()
        .to_string();
    assert!(e.contains("разным ключам"), "{e}");
    assert!(
        e.contains("«Диагностика» – ") && e.contains("«Другая» – "),
        "{e}"
    );
}

#[test]
fn a_consolidated_report_compared_with_last_year_flags_each_organization_that_fell() {
    let dir = TempDir::new("pool-years");
    let db = dir.join("k.db").to_str().unwrap().to_owned();
    let now: Vec<String> = [
        ("Райисполком", 0, 50),
        ("Горисполком", 50, 90),
        ("Сельсовет", 90, 120),
    ]
    .iter()
    .map(|(org, a, b)| {
        survey(
            &db,
            "Диагностика 2026",
            org,
            "corrected",
            &part(&dir, org, *a, *b),
        )
    })
    .collect();
    // Last year: the same two, and a Сельсовет whose staff agreed with
    // every statement.
    let mut before: Vec<String> = [("Райисполком", 0, 50), ("Горисполком", 50, 90)]
        .iter()
        .map(|(org, a, b)| {
            survey(
                &db,
                "Диагностика 2025",
                org,
                "corrected",
                &part(&dir, &format!("{org}-25"), *a, *b),
            )
        })
        .collect();
    let high = dir.join("high.csv");
    let mut text = klimat_tests::commitment_header();
    // The most committed answers: 5 where a statement counts for, 1 where
    // it counts against (Table Б.1's signs).
    let mut best = ["5"; 15];
    for b in klimat_core::commitment::BLOCKS {
        if b.sign == klimat_core::commitment::Sign::Minus {
            for &i in b.items {
                best[i - 1] = "1";
            }
        }
    }
    for i in 0..30 {
        text.push_str(&format!("\nС-{i},lt1,,,{}", best.join(",")));
    }
    std::fs::write(&high, text + "\n").unwrap();
    let id = run(&[
        "--db",
        &db,
        "survey",
        "create",
        "--name",
        "Диагностика 2025",
        "--org",
        "Сельсовет",
        "--instruments",
        "commitment",
        "--date",
        "2025-11-25",
    ]);
    run(&[
        "--db",
        &db,
        "import",
        "--survey",
        &id,
        high.to_str().unwrap(),
    ]);
    before.push(id);
    let ids = |v: &[String]| v.iter().map(|x| x.parse().unwrap()).collect::<Vec<i64>>();
    let opened = Db::open(Path::new(&db)).unwrap();
    let input =
        klimat_app::reports::consolidated_input_compared(&opened, &ids(&now), Some(&ids(&before)))
            .unwrap();
    let model = klimat_report::build(&input);
    let table = model
        .tables()
        .find(|t| t.caption.ends_with("Изменения по организациям"))
        .expect("the organizations' changes");
    let row = |name: &str| {
        table
            .rows
            .iter()
            .find(|r| r[0] == Cell::Text(name.into()))
            .unwrap_or_else(|| panic!("{name}"))
            .clone()
    };
    let sel = row("Сельсовет");
    assert!(
        matches!(sel[3], Cell::Change(v, _, true) if v <= -5.0),
        "{sel:?}"
    );
    assert_eq!(sel.last(), Some(&Cell::Text("заметное снижение".into())));
    let rai = row("Райисполком");
    assert!(
        matches!(rai[3], Cell::Change(v, _, true) if v.abs() < 1e-9),
        "{rai:?}"
    );
    assert_eq!(rai.last(), Some(&Cell::Text(String::new())));
    let text = model
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(p.as_str()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        text.contains("в 1\u{a0}организации: Сельсовет") || text.contains("организации: Сельсовет"),
        "{text}"
    );
    // Issue 29, item 4: the ranking says what it ranks and how precise
    // each place is.
    assert!(text.contains("это не рейтинг руководителей"), "{text}");
    assert!(text.contains("Райисполком ±"), "{text}");
    // The same survey in both years is refused.
    assert!(
        klimat_app::reports::consolidated_input_compared(&opened, &ids(&now), Some(&ids(&now)))
            .is_err()
    );
    // Issue 27, item 9: last year only one of the organizations took part;
    // the comparison is made with it alone, not refused.
    let one = klimat_app::reports::consolidated_input_compared(
        &opened,
        &ids(&now),
        Some(&ids(&before[..1])),
    )
    .unwrap();
    let model = klimat_report::build(&one);
    let table = model
        .tables()
        .find(|t| t.caption.ends_with("Изменения по организациям"))
        .expect("the organizations' changes");
    assert!(
        table
            .rows
            .iter()
            .any(|r| r[0] == Cell::Text("Райисполком".into()))
    );
}
