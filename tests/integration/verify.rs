//! Issue 14: paper forms keyed twice. A re-keyed file with planted
//! differences yields exactly those; the window's path (compare, settle)
//! updates the forms and the change log; the statistics and the report's
//! sentence are computed from what was stored.

use std::path::Path;

use klimat_app::{data, verify};
use klimat_core::Instrument;
use klimat_store::{Answers, Db, FormData, Keying};
use klimat_tests::{TempDir, fixture, klimat};

/// The report's paragraphs, joined.
fn paragraphs(db: &Db) -> String {
    let model = klimat_report::build(&klimat_app::report_input(db, 1, None).unwrap());
    model
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            klimat_report::model::Block::Paragraph(p) => Some(p.as_str()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The Table Б.2 survey (120 commitment forms) through the command.
fn b2(dir: &TempDir) -> String {
    let db = dir.join("k.db").to_str().unwrap().to_owned();
    let run = |args: &[&str]| {
        let out = klimat(args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    run(&[
        "--db",
        &db,
        "survey",
        "create",
        "--name",
        "Б.2",
        "--instruments",
        "commitment,culture",
        "--subdivisions",
        klimat_tests::SUBDIVISIONS,
        "--date",
        "2026-11-25",
    ]);
    run(&[
        "--db",
        &db,
        "import",
        "--survey",
        "1",
        fixture("commitment-b2.csv").to_str().unwrap(),
    ]);
    db
}

/// The stored forms exported, with three cells changed: form 2's q3,
/// form 5's tenure, form 9's q15 (the CSV's columns: code, tenure,
/// subdivision, position, q1…q15).
fn rekeyed(dir: &TempDir, db: &str, plant: bool) -> std::path::PathBuf {
    let path = dir.join(if plant { "rekeyed.csv" } else { "same.csv" });
    let opened = Db::open(Path::new(db)).unwrap();
    data::export_forms(&opened, 1, Instrument::Commitment, &path).unwrap();
    drop(opened);
    let text = std::fs::read_to_string(&path).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    if plant {
        let mut set = |line: usize, col: usize, value: &str| {
            let mut cells: Vec<String> = lines[line].split(',').map(str::to_owned).collect();
            assert_ne!(cells[col], value, "a planted value differs");
            cells[col] = value.to_owned();
            lines[line] = cells.join(",");
        };
        set(2, 4 + 2, "5"); // Анкета 002, q3: 1 → 5
        set(5, 1, "до года"); // Анкета 005, tenure
        set(9, 4 + 14, "1"); // Анкета 009, q15
    }
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    path
}

#[test]
fn a_rekeyed_file_with_three_planted_differences_yields_exactly_those_three() {
    let dir = TempDir::new("verify-file");
    let db = b2(&dir);
    let file = rekeyed(&dir, &db, true);
    let opened = Db::open(Path::new(&db)).unwrap();
    let check = verify::check_file(&opened, 1, Instrument::Commitment, &file).unwrap();
    let found: Vec<(String, String, String, String)> = check
        .forms
        .iter()
        .flat_map(|f| match f {
            verify::FileForm::Compared { code, differences } => differences
                .iter()
                .map(|d| {
                    (
                        code.clone(),
                        d.column.clone(),
                        d.first.clone(),
                        d.second.clone(),
                    )
                })
                .collect::<Vec<_>>(),
            verify::FileForm::NotFound { code, .. } => panic!("{code} not found"),
        })
        .collect();
    let stored = |code: &str| {
        opened
            .form_by_code(1, Instrument::Commitment, code)
            .unwrap()
    };
    let tenure5 = klimat_store::export::cells(&stored("Анкета 005").data)[1].clone();
    assert_eq!(
        found,
        vec![
            ("Анкета 002".into(), "q3".into(), "1".into(), "5".into()),
            ("Анкета 005".into(), "tenure".into(), tenure5, "lt1".into()),
            ("Анкета 009".into(), "q15".into(), "2".into(), "1".into()),
        ]
    );
    assert_eq!(check.forms.len(), 120);
    // Tenure, subdivision, position and 15 answers per form.
    assert_eq!(check.fields, 120 * 18);
    assert_eq!(check.problems(), 3);
    drop(opened);

    // The command: status 1, the three differences and the count.
    let out = klimat(&[
        "--db",
        &db,
        "verify",
        "--survey",
        "1",
        "--instrument",
        "commitment",
        file.to_str().unwrap(),
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert_eq!(stdout.matches("Анкета «").count(), 3, "{stdout}");
    assert!(
        stdout.contains("Анкета «Анкета 002», Утверждение 3: введено «1», при повторном вводе «5»"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Сравнено 120 анкет (2160 полей); расхождений: 3."),
        "{stdout}"
    );
    // The same file unchanged: status 0.
    let same = rekeyed(&dir, &db, false);
    let out = klimat(&[
        "--db",
        &db,
        "verify",
        "--survey",
        "1",
        "--instrument",
        "commitment",
        same.to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    // A bad file goes through the import's validation: status 2, reasons
    // on stderr, nothing on stdout.
    let bad = dir.join("bad.csv");
    let text = std::fs::read_to_string(&same)
        .unwrap()
        .replacen(",1,", ",7,", 1);
    std::fs::write(&bad, text).unwrap();
    let out = klimat(&[
        "--db",
        &db,
        "verify",
        "--survey",
        "1",
        "--instrument",
        "commitment",
        bad.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("«7»"));
    // A code that was never keyed is a difference, named.
    let extra = dir.join("extra.csv");
    let text = std::fs::read_to_string(&same)
        .unwrap()
        .replacen("Анкета 001,", "Анкета 999,", 1);
    std::fs::write(&extra, text).unwrap();
    let out = klimat(&[
        "--db",
        &db,
        "verify",
        "--survey",
        "1",
        "--instrument",
        "commitment",
        extra.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("«Анкета 999»"));
}

#[test]
fn settling_updates_the_forms_and_the_log_and_the_statistics_follow_the_data() {
    let dir = TempDir::new("verify-settle");
    let db_path = b2(&dir);
    let mut db = Db::open(Path::new(&db_path)).unwrap();
    let stored = db.forms(1, Instrument::Commitment).unwrap();
    // Ten forms keyed again; two with a mistake each: on form 3 the
    // second keying is wrong (the paper says what was first keyed), on
    // form 7 the first was (the paper says the second).
    let mut keyings = 0;
    for (i, f) in stored.iter().take(10).enumerate() {
        let mut second = f.data.clone();
        if let Answers::Commitment(a) = &mut second.answers {
            if i == 2 {
                a.0[0] = if a.0[0] == 5 { 4 } else { 5 };
            }
            if i == 6 {
                a.0[14] = if a.0[14] == 1 { 2 } else { 1 };
            }
        }
        let v = verify::verify_form(
            &mut db,
            1,
            &second,
            Keying {
                keystrokes: Some(16),
                seconds: Some(20.0),
            },
        )
        .unwrap();
        keyings += 1;
        let expected = usize::from(i == 2 || i == 6);
        assert_eq!(v.comparison.differences.len(), expected, "form {}", i + 1);
        assert_eq!(v.comparison.fields, 18);
    }
    assert_eq!(keyings, 10);
    let stats = verify::stats(&db, 1).unwrap();
    let c = stats[0];
    assert_eq!(c.instrument, Some(Instrument::Commitment));
    assert_eq!(
        (c.forms, c.verified, c.fields, c.differences, c.unsettled),
        (120, 10, 180, 2, 2)
    );
    assert_eq!(c.keystrokes, 160);
    assert!((c.per_thousand_fields().unwrap() - 2000.0 / 180.0).abs() < 1e-9);
    assert!((c.per_thousand_keystrokes().unwrap() - 12.5).abs() < 1e-9);
    assert!((c.forms_per_hour().unwrap() - 180.0).abs() < 1e-9);
    assert!((c.share().unwrap() - 100.0 / 12.0).abs() < 1e-9);
    // The culture questionnaire has no forms: nothing verified.
    assert_eq!((stats[1].forms, stats[1].verified), (0, 0));

    // The report before settling says what is not settled yet.
    let text = paragraphs(&db);
    assert!(
        text.contains("Проверено повторным вводом 10\u{a0}анкет (8,3\u{a0}%); расхождений: 11,1 на 1\u{a0}000 полей, не устранены в 2\u{a0}анкетах."),
        "the method section's sentence: {text}"
    );

    // Settle form 3 with the first entry's value (the second keying was
    // wrong) and form 7 with the second's.
    let third = &stored[2];
    let first_q1 = klimat_store::export::cells(&third.data)[4].clone();
    let settled = verify::settle(&mut db, &third.uuid, &[("q1".into(), first_q1)]).unwrap();
    assert_eq!(
        settled.data, third.data,
        "the paper agreed with the first entry"
    );
    let seventh = &stored[6];
    let paper = if let Answers::Commitment(a) = &seventh.data.answers {
        if a.0[14] == 1 { 2 } else { 1 }
    } else {
        unreachable!()
    };
    let settled =
        verify::settle(&mut db, &seventh.uuid, &[("q15".into(), paper.to_string())]).unwrap();
    match &settled.data.answers {
        Answers::Commitment(a) => assert_eq!(a.0[14], paper),
        _ => unreachable!(),
    }
    assert_eq!(db.form(&seventh.uuid).unwrap().data, settled.data, "stored");
    let log = db.form_log(&seventh.uuid).unwrap();
    let last = log.last().unwrap();
    assert_eq!(last.action, "verified");
    assert_ne!(last.old_content, last.new_content, "the edit is in the log");
    // A form that matched at once has its «verified» entry too.
    assert_eq!(
        db.form_log(&stored[0].uuid).unwrap().last().unwrap().action,
        "verified"
    );

    let c = verify::stats(&db, 1).unwrap()[0];
    assert_eq!((c.differences, c.unsettled), (2, 0));
    let text = paragraphs(&db);
    assert!(text.contains("расхождений: 11,1 на 1\u{a0}000 полей, все устранены по бланкам."));
    // The workbook's sheet with the figures.
    let xlsx = dir.join("r.xlsx");
    klimat_app::reports::write_report(&db, 1, None, &xlsx).unwrap();
    let wb = std::fs::read(&xlsx).unwrap();
    let shared = {
        let mut a = zip::ZipArchive::new(std::io::Cursor::new(wb)).unwrap();
        let mut s = String::new();
        std::io::Read::read_to_string(&mut a.by_name("xl/workbook.xml").unwrap(), &mut s).unwrap();
        s
    };
    assert!(
        shared.contains("Повторный ввод"),
        "the workbook has the sheet"
    );
}

#[test]
fn a_second_keying_and_its_settling_go_through_the_rules_of_every_form() {
    let dir = TempDir::new("verify-hostile");
    let db_path = b2(&dir);
    let mut db = Db::open(Path::new(&db_path)).unwrap();
    let f = db.forms(1, Instrument::Commitment).unwrap()[0].clone();
    let keying = Keying::default();
    // A code nobody keyed, and a subdivision not in the survey.
    let mut unknown = f.data.clone();
    unknown.code = "Анкета 999".into();
    let e = verify::verify_form(&mut db, 1, &unknown, keying).unwrap_err();
    assert!(e.to_string().contains("«Анкета 999»"), "{e}");
    let mut foreign = f.data.clone();
    foreign.subdivision = Some("Посторонний отдел".into());
    assert!(verify::verify_form(&mut db, 1, &foreign, keying).is_err());
    assert!(
        verify::stats(&db, 1).unwrap()[0].verified == 0,
        "nothing recorded"
    );
    // Settling a form not verified is refused.
    assert!(verify::settle(&mut db, &f.uuid, &[]).is_err());
    let mut second = f.data.clone();
    if let Answers::Commitment(a) = &mut second.answers {
        a.0[1] = if a.0[1] == 3 { 4 } else { 3 };
    }
    verify::verify_form(&mut db, 1, &second, keying).unwrap();
    // A value the questionnaire does not allow, an unknown field, the code:
    // refused, named, and the form is as it was.
    for values in [
        vec![("q2".to_owned(), "9".to_owned())],
        vec![("q99".to_owned(), "1".to_owned())],
        vec![("code".to_owned(), "Анкета 002".to_owned())],
        vec![("subdivision".to_owned(), "Посторонний отдел".to_owned())],
    ] {
        let e = verify::settle(&mut db, &f.uuid, &values).unwrap_err();
        assert!(!e.to_string().is_empty());
        assert_eq!(db.form(&f.uuid).unwrap().data, f.data, "{values:?}");
    }
    let e = verify::settle(&mut db, &f.uuid, &[("q2".into(), "9".into())]).unwrap_err();
    assert!(e.to_string().contains("Утверждение 2"), "{e}");
    assert_eq!(verify::stats(&db, 1).unwrap()[0].unsettled, 1);

    // Culture: texts are compared as fields too, and settled as typed.
    let mut culture = klimat_core::culture::CultureForm::default();
    culture.open[0][0] = "Профессионализм коллег".into();
    culture.cohesion[0].sub = 4;
    let form = FormData {
        code: "К-1".into(),
        tenure: klimat_core::tenure::Tenure::Unknown,
        subdivision: None,
        position: None,
        answers: Answers::Culture(Box::new(culture.clone())),
    };
    let stored = klimat_app::surveys::save_form(&mut db, 1, &form).unwrap();
    let mut again = culture.clone();
    again.open[0][0] = "Профессионализм колег".into();
    again.cohesion[0].sub = 5;
    let second = FormData {
        answers: Answers::Culture(Box::new(again)),
        ..form.clone()
    };
    let v = verify::verify_form(&mut db, 1, &second, keying).unwrap();
    let columns: Vec<&str> = v
        .comparison
        .differences
        .iter()
        .map(|d| d.column.as_str())
        .collect();
    assert_eq!(columns, ["o1_pos", "c1_sub"]);
    assert!(
        v.comparison.differences[1]
            .label
            .contains("«профессионализм»")
    );
    let settled = verify::settle(
        &mut db,
        &stored.uuid,
        &[
            ("o1_pos".into(), "Профессионализм коллег".into()),
            ("c1_sub".into(), "5".into()),
        ],
    )
    .unwrap();
    match settled.data.answers {
        Answers::Culture(c) => {
            assert_eq!(c.open[0][0], "Профессионализм коллег");
            assert_eq!(c.cohesion[0].sub, 5);
        }
        _ => unreachable!(),
    }
}

#[test]
fn a_pick_of_ten_percent_lists_forms_not_verified_yet() {
    let dir = TempDir::new("verify-plan");
    let db_path = b2(&dir);
    let mut db = Db::open(Path::new(&db_path)).unwrap();
    let picked = verify::plan(&mut db, 1, Instrument::Commitment, 10).unwrap();
    assert_eq!(picked.len(), 12, "10 % of 120");
    assert!(picked.iter().all(|p| p.differences.is_none()));
    let mut codes: Vec<&str> = picked.iter().map(|p| p.code.as_str()).collect();
    codes.dedup();
    assert_eq!(codes.len(), 12, "no form twice");
    assert_eq!(verify::stats(&db, 1).unwrap()[0].planned, 12);
    // Verify one of them; a new pick keeps it and picks among the others.
    let first = db.form(&picked[0].uuid).unwrap();
    verify::verify_form(&mut db, 1, &first.data, Keying::default()).unwrap();
    let again = verify::plan(&mut db, 1, Instrument::Commitment, 10).unwrap();
    assert_eq!(again.len(), 13, "the verified one and 12 new");
    assert_eq!(again.iter().filter(|p| p.differences == Some(0)).count(), 1);
    assert!(verify::plan(&mut db, 1, Instrument::Commitment, 0).is_err());
    assert!(verify::plan(&mut db, 1, Instrument::Commitment, 101).is_err());
    let all = verify::plan(&mut db, 1, Instrument::Commitment, 100).unwrap();
    assert_eq!(all.len(), 120);
}
