//! Issue 11: the operations the command and the window share are written
//! once, in `klimat_app`. Each drift case the issue found is a test here:
//! the command's result equals the operation's, which is what the window
//! calls.

use std::path::Path;

use chrono::NaiveDate;
use klimat_app::files::{FormsFormat, ReportFormat, with_extension};
use klimat_app::surveys::SurveyRequest;
use klimat_app::{data, reports, surveys};
use klimat_core::Instrument;
use klimat_store::Db;
use klimat_tests::{TempDir, fixture, klimat};

fn request(key: Option<&str>) -> SurveyRequest {
    SurveyRequest {
        name: "Диагностика 2026".into(),
        organization: Some("Райисполком".into()),
        date: Some("2026-11-25".into()),
        instruments: vec!["commitment".into(), "satisfaction".into()],
        satisfaction_key: key.map(str::to_owned),
        subdivisions: klimat_tests::subdivisions(),
        positions: None,
        anonymity_threshold: None,
    }
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

/// A database with the Table Б.2 survey, made through the command.
fn b2(dir: &TempDir) -> String {
    let db = dir.join("k.db").to_str().unwrap().to_owned();
    let out = klimat(&[
        "--db",
        &db,
        "survey",
        "create",
        "--name",
        "Б.2",
        "--instruments",
        "commitment",
        "--subdivisions",
        klimat_tests::SUBDIVISIONS,
        "--date",
        "2026-11-25",
        // The worked example's groups at the least K (the default is 5).
        "--threshold",
        "3",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = klimat(&[
        "--db",
        &db,
        "import",
        "--survey",
        "1",
        fixture("commitment-b2.csv").to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    db
}

#[test]
fn an_export_is_the_same_file_from_the_command_and_the_operation() {
    let dir = TempDir::new("ops-export");
    let db = b2(&dir);
    for ext in ["csv", "xlsx"] {
        let by_command = dir.join(&format!("command.{ext}"));
        let out = klimat(&[
            "--db",
            &db,
            "export",
            "--survey",
            "1",
            "--instrument",
            "commitment",
            "--out",
            by_command.to_str().unwrap(),
        ]);
        assert!(out.status.success());
        let by_window = dir.join(&format!("window.{ext}"));
        let opened = Db::open(Path::new(&db)).unwrap();
        let n = data::export_forms(&opened, 1, Instrument::Commitment, &by_window).unwrap();
        drop(opened);
        assert_eq!(n, 120);
        let (a, b) = (
            std::fs::read(&by_command).unwrap(),
            std::fs::read(&by_window).unwrap(),
        );
        if ext == "csv" {
            assert_eq!(a, b, "one format decision, one file");
        } else {
            assert!(a.starts_with(b"PK") && b.starts_with(b"PK"));
        }
    }
    // An extension neither writes is refused by both, and nothing is written.
    let out = klimat(&[
        "--db",
        &db,
        "export",
        "--survey",
        "1",
        "--instrument",
        "commitment",
        "--out",
        dir.join("forms.txt").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains(".csv или .xlsx"));
    assert!(!dir.join("forms.txt").exists());
    assert!(FormsFormat::from_path(Path::new("forms.txt")).is_err());
}

#[test]
fn the_window_can_no_longer_ask_for_an_unknown_report_format() {
    // The window used to write a PDF for any format other than "xlsx".
    assert_eq!(ReportFormat::from_id("doc").unwrap_err().code(), "invalid");
    assert_eq!(ReportFormat::from_id("docx").unwrap(), ReportFormat::Docx);
    assert_eq!(ReportFormat::from_id("pdf").unwrap(), ReportFormat::Pdf);
    let dir = TempDir::new("ops-report");
    let db = b2(&dir);
    let opened = Db::open(Path::new(&db)).unwrap();
    let typed = dir.join("Отчет");
    let path = with_extension(&typed, ReportFormat::Pdf.extension());
    reports::write_report(&opened, 1, None, &path).unwrap();
    let bytes = std::fs::read(dir.join("Отчет.pdf")).unwrap();
    assert!(bytes.starts_with(b"%PDF"), "a PDF, named .pdf");
    let err = reports::write_report(&opened, 1, None, &dir.join("Отчет.doc")).unwrap_err();
    assert_eq!(err.code(), "unknown_format");
}

#[test]
fn blank_forms_carry_the_survey_lists_from_the_command_and_the_window() {
    let dir = TempDir::new("ops-blank");
    let db = b2(&dir);
    let by_command = dir.join("command.pdf");
    let out = klimat(&[
        "--db",
        &db,
        "forms",
        "--instrument",
        "commitment",
        "--survey",
        "1",
        "--pdf",
        by_command.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let by_window = dir.join("window.pdf");
    let opened = Db::open(Path::new(&db)).unwrap();
    reports::write_blank_form(&opened, Some(1), Instrument::Commitment, &by_window).unwrap();
    assert_eq!(
        std::fs::read(&by_command).unwrap(),
        std::fs::read(&by_window).unwrap(),
        "the same demographics, the same form"
    );
    let settings = opened.survey(1).unwrap().settings;
    let d = reports::demographics(Some(&settings));
    assert_eq!(d.subdivisions, klimat_tests::subdivisions());
    assert_eq!(d.positions.len(), 3, "the three default categories");
}

#[test]
fn an_unknown_satisfaction_key_is_refused_by_both_never_defaulted() {
    let mut db = Db::open_in_memory().unwrap();
    let err = surveys::create_survey(&mut db, &request(Some("bogus")), today()).unwrap_err();
    assert_eq!(err.code(), "invalid");
    assert!(db.surveys().unwrap().is_empty());
    let id = surveys::create_survey(&mut db, &request(Some("printed")), today()).unwrap();
    assert_eq!(
        db.survey(id).unwrap().settings.satisfaction_key.id(),
        "printed"
    );
    let dir = TempDir::new("ops-key");
    let out = klimat(&[
        "--db",
        dir.join("k.db").to_str().unwrap(),
        "survey",
        "create",
        "--name",
        "Д",
        "--instruments",
        "satisfaction",
        "--key",
        "bogus",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr)
            .lines()
            .next()
            .unwrap()
            .trim_start_matches("klimat: "),
        err.to_string(),
        "the same message"
    );
}

#[test]
fn lists_of_a_request_are_trimmed_and_deduplicated_once() {
    let mut r = request(None);
    r.subdivisions = vec![" Отдел кадров ".into(), "".into(), "Отдел кадров".into()];
    r.positions = Some(vec!["Специалист".into(), " ".into()]);
    let s = r.settings(today()).unwrap();
    assert_eq!(s.subdivisions, ["Отдел кадров"]);
    assert_eq!(s.positions, ["Специалист"]);
    let mut r = request(None);
    r.date = None;
    assert_eq!(
        r.settings(today()).unwrap().date,
        today(),
        "no date is today"
    );
    r.date = Some("25.11.2026".into());
    assert_eq!(r.settings(today()).unwrap_err().code(), "invalid");
}

#[test]
fn the_results_lead_with_the_answer_and_hide_it_below_the_threshold() {
    // Issue 12: the headline card of the worked example, Table Б.8.
    let dir = TempDir::new("ops-headline");
    let db = b2(&dir);
    let opened = Db::open(Path::new(&db)).unwrap();
    let r = reports::results(&opened, 1, None).unwrap();
    let card = &r.headline[0];
    assert_eq!(card.value, "45,68\u{a0}%");
    assert_eq!(card.forms, 120);
    assert!(
        card.level.as_deref().unwrap().starts_with("Допустимая"),
        "{card:?}"
    );
    assert_eq!(card.change, None, "nothing compared");
    // With K above the number of forms, no figure is shown.
    let mut s = opened.survey(1).unwrap().settings;
    s.anonymity_threshold = 121;
    opened.update_survey(1, &s).unwrap();
    let r = reports::results(&opened, 1, None).unwrap();
    assert_eq!(r.headline[0].value, "менее 121 анкеты");
    assert_eq!(r.headline[0].level, None);
}

/// Every paragraph, list item and table cell of a report model.
fn model_text(model: &klimat_report::ReportModel) -> String {
    use klimat_report::model::Block;
    let mut out = String::new();
    for section in &model.sections {
        for block in &section.blocks {
            match block {
                Block::Paragraph(p) | Block::Subheading(p) | Block::Alert(p) => out.push_str(p),
                Block::Signature(s) => out.push_str(&format!("{} {}", s.position, s.name)),
                Block::Bullets(items) => out.push_str(&items.join("\n")),
                Block::Table(t) => {
                    for row in &t.rows {
                        for cell in row {
                            out.push_str(&cell.display());
                            out.push('|');
                        }
                        out.push('\n');
                    }
                }
                Block::Chart(c) => out.push_str(&c.categories.join("|")),
            }
            out.push('\n');
        }
    }
    out
}

#[test]
fn no_figure_of_a_group_under_k_reaches_the_conclusions_and_a_lone_one_is_covered() {
    // Issue 13, point 1: in the worked example the group «до года» has two
    // forms (K = 3), yet the conclusions quoted its mean IP, 8,50.
    let dir = TempDir::new("ops-anonymity");
    let db = b2(&dir);
    let opened = Db::open(Path::new(&db)).unwrap();
    let model = reports::report_model(&opened, 1, None).unwrap();
    let text = model_text(&model);
    assert!(text.contains("менее 3 анкет"), "the small group is marked");
    assert!(
        !text.contains("(8,50)"),
        "its mean is quoted nowhere:\n{text}"
    );
    assert!(
        text.contains("скрыто*") && text.contains("вычтя показанные группы"),
        "one small group hides the next smallest too, with a note"
    );
}

#[test]
fn removing_the_example_never_touches_a_real_survey_old_settings_included() {
    use klimat_app::examples::{example_id, open_example, remove_example};
    let mut db = Db::open_in_memory().unwrap();
    // Open the example, remove it, create the department's survey: the
    // path the README suggests to a newcomer (issue 27, item 1).
    let example = open_example(&mut db, today()).unwrap();
    remove_example(&mut db).unwrap();
    let real = surveys::create_survey(&mut db, &request(None), today()).unwrap();
    assert_ne!(real, example, "the example's id went to a real survey");
    assert_eq!(example_id(&db).unwrap(), None);
    remove_example(&mut db).unwrap();
    assert!(
        db.survey(real).is_ok(),
        "«Удалить пример» deleted a real survey"
    );

    // A database written before: the setting holds an id, and that id
    // is now a real survey's. It is not taken for the example.
    db.set_setting("example_survey", &real.to_string()).unwrap();
    assert_eq!(example_id(&db).unwrap(), None);
    assert_eq!(db.setting("example_survey").unwrap(), None);
    remove_example(&mut db).unwrap();
    assert!(db.survey(real).is_ok());

    // The example opened again is recognised, and removed alone.
    let again = open_example(&mut db, today()).unwrap();
    assert_eq!(example_id(&db).unwrap(), Some(again));
    remove_example(&mut db).unwrap();
    assert!(db.survey(again).is_err());
    assert!(db.survey(real).is_ok());
}

/// An organization of 140 commitment forms in subdivisions of 2, 3, 4, 6,
/// 10, 25, 40 and 50 (issue 26), with threshold `k`.
fn organization_of_140(db: &mut Db, k: u32, name: &str) -> (i64, Vec<(String, u64)>) {
    let sizes: [(&str, u64); 8] = [
        ("Руководство", 2),
        ("Юридический сектор", 3),
        ("Бухгалтерия", 4),
        ("Отдел кадров", 6),
        ("Плановый отдел", 10),
        ("Снабжение", 25),
        ("Цех № 2", 40),
        ("Цех № 1", 50),
    ];
    let mut req = request(None);
    req.name = name.to_owned();
    req.instruments = vec!["commitment".into()];
    req.subdivisions = sizes.iter().map(|s| s.0.to_owned()).collect();
    req.anonymity_threshold = Some(k);
    let id = surveys::create_survey(db, &req, today()).unwrap();
    let file = klimat_store::import::read_template(
        klimat_tests::commitment_csv(140, None).as_bytes(),
        None,
    )
    .unwrap();
    let mut forms = file.forms;
    let mut at = 0;
    for (sub, n) in sizes {
        for f in &mut forms[at..at + n as usize] {
            f.subdivision = Some(sub.to_owned());
        }
        at += n as usize;
    }
    db.add_forms(id, &forms, klimat_store::Entry::Operator, &mut |_, _| {})
        .unwrap();
    (
        id,
        sizes.iter().map(|(s, n)| ((*s).to_owned(), *n)).collect(),
    )
}

/// The forms no published figure covers, when the organization's report
/// and the subdivision reports in `reported` are all issued: what
/// subtraction isolates.
fn residual(db: &Db, id: i64, sizes: &[(String, u64)], reported: &[&str]) -> u64 {
    let rule = klimat_app::disclosure::of_survey(db, id).unwrap();
    let part = rule.subdivisions(klimat_core::Instrument::Commitment);
    let covered: u64 = sizes
        .iter()
        .filter(|(s, _)| part.published(Some(s)) || reported.contains(&s.as_str()))
        .map(|(_, n)| n)
        .sum();
    140 - covered
}

#[test]
fn no_subdivision_report_reveals_a_group_the_organization_report_hides() {
    // Issue 26: the organization's report hides «Руководство» (2 forms)
    // and, to cover it, «Юридический сектор» (3); a report of the sector
    // alone then gave «Руководство» by subtraction.
    for k in [3, 5] {
        let mut db = Db::open_in_memory().unwrap();
        let (id, sizes) = organization_of_140(&mut db, k, "Диагностика 2026");
        let mut issued = Vec::new();
        for (sub, _) in &sizes {
            match reports::report_input_for(&db, id, None, Some(sub)) {
                Ok(input) => {
                    assert_eq!(input.survey.scope.as_deref(), Some(sub.as_str()));
                    issued.push(sub.as_str());
                }
                Err(e) => assert!(e.to_string().contains("не составлен"), "{e}"),
            }
        }
        assert!(
            !issued.contains(&"Юридический сектор"),
            "K = {k}: {issued:?}"
        );
        assert!(!issued.contains(&"Руководство"));
        assert!(issued.contains(&"Цех № 1"));
        // What the organization's report and every subdivision report
        // Klimat agrees to make leave uncovered: none, or K forms or more.
        let left = residual(&db, id, &sizes, &issued);
        assert!(
            left == 0 || left >= u64::from(k),
            "K = {k}: {left} forms isolated"
        );
        // The attack itself, on the figures: OP of the organization minus
        // n × mean IP of every published group is the hidden groups' OP,
        // over at least K forms.
        let org = reports::report_input(&db, id, None).unwrap();
        let c = org.commitment.as_ref().unwrap();
        let rule = klimat_app::disclosure::of_survey(&db, id).unwrap();
        let part = rule.subdivisions(klimat_core::Instrument::Commitment);
        let shown: u64 = c
            .by_subdivision
            .iter()
            .filter(|(s, _)| part.published(s.as_deref()))
            .map(|(_, r)| r.n)
            .sum();
        assert_eq!(c.analysis.respondents - shown, left);

        // The rule weakened to «K forms or more», as before: the sector's
        // report is made, and two forms are isolated — the test bites.
        let weak: Vec<&str> = sizes
            .iter()
            .filter(|(_, n)| *n >= u64::from(k))
            .map(|(s, _)| s.as_str())
            .collect();
        let weak_left = residual(&db, id, &sizes, &weak);
        if k == 3 {
            assert_eq!(weak_left, 2, "the weak rule isolates «Руководство»");
        }
    }
}

#[test]
fn last_years_figures_of_a_subdivision_appear_only_where_last_year_published_them() {
    // Issue 26: last year's columns subtracted the same way. Last year K
    // was 5, so «Бухгалтерия» (4) was hidden with «Юридический сектор» and
    // «Руководство»; this year K = 3 publishes it. Its report compares
    // with last year only where last year's organization report showed it.
    let mut db = Db::open_in_memory().unwrap();
    let (last, _) = organization_of_140(&mut db, 5, "Диагностика 2025");
    let (now, _) = organization_of_140(&mut db, 3, "Диагностика 2026");
    let input = reports::report_input_for(&db, now, Some(last), Some("Бухгалтерия")).unwrap();
    let p = input.previous.expect("the comparison's header");
    assert!(
        p.commitment.is_none(),
        "last year's hidden group is not quoted"
    );
    let input = reports::report_input_for(&db, now, Some(last), Some("Цех № 1")).unwrap();
    assert!(input.previous.unwrap().commitment.is_some());
}

/// A culture survey of `n` forms of the bundled sample, one of them
/// holding a telling open answer and the only rating of «другое».
fn culture_survey(db: &mut Db, n: usize) -> i64 {
    let mut req = request(None);
    req.instruments = vec!["culture".into()];
    let id = surveys::create_survey(db, &req, today()).unwrap();
    let bytes = std::fs::read(klimat_tests::root().join("samples/culture.csv")).unwrap();
    let mut forms = klimat_store::import::read_template(&bytes, None)
        .unwrap()
        .forms;
    forms.truncate(n);
    for (i, f) in forms.iter_mut().enumerate() {
        let klimat_store::Answers::Culture(c) = &mut f.answers else {
            panic!()
        };
        c.open[0][0] = if i == 0 {
            "Как руководитель предприятия отвечаю за всё".into()
        } else {
            String::new()
        };
        let other = &mut c.cohesion[klimat_core::culture::COHESION_ITEMS - 1];
        (other.sub, other.org) = if i == 0 { (5, 5) } else { (0, 0) };
        c.cohesion_other = if i == 0 {
            "Рыбалка".into()
        } else {
            String::new()
        };
    }
    db.add_forms(id, &forms, klimat_store::Entry::Operator, &mut |_, _| {})
        .unwrap();
    id
}

#[test]
fn open_answers_need_ten_forms_and_a_lone_free_text_item_carries_no_mean() {
    // Issue 26, items 4 and «single-form figures».
    for (n, printed) in [(9, false), (10, true)] {
        let mut db = Db::open_in_memory().unwrap();
        let id = culture_survey(&mut db, n);
        let model = reports::report_model(&db, id, None).unwrap();
        let text = model_text(&model);
        assert_eq!(
            text.contains("Как руководитель предприятия"),
            printed,
            "{n} forms:\n{text}"
        );
        let input = reports::report_input(&db, id, None).unwrap();
        let a = &input.culture.unwrap().analysis;
        let other = &a.cohesion[klimat_core::culture::COHESION_ITEMS - 1];
        assert_eq!(
            other.sub.n() + other.org.n(),
            0,
            "one form's «другое» has no mean"
        );
        assert!(
            a.cohesion_ranking(klimat_core::culture::Column::Sub)
                .iter()
                .all(|(item, _)| *item != klimat_core::culture::COHESION_ITEMS),
            "«другое» is never ranked"
        );
    }
}

#[test]
fn klimat_summary_of_a_survey_hides_what_the_report_hides() {
    // Issue 26: `klimat summary --survey` printed the mean of a 2-form
    // tenure band (8,50 in the worked example) that the PDF hides.
    let dir = TempDir::new("ops-summary");
    let db = b2(&dir);
    let out = klimat(&[
        "--db",
        &db,
        "summary",
        "--survey",
        "1",
        "--instrument",
        "commitment",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("45,68"), "{text}");
    assert!(!text.contains("8,50"), "the hidden band's mean:\n{text}");
}

#[test]
fn a_consolidated_breakdown_where_a_member_has_under_k_forms_in_a_row_is_left_out() {
    // Issue 26: the consolidated tenure and position rows minus the other
    // members' own reports gave each person of a small branch.
    let mut db = Db::open_in_memory().unwrap();
    let (a, _) = organization_of_140(&mut db, 5, "Диагностика 2026 А");
    let (b, _) = organization_of_140(&mut db, 5, "Диагностика 2026 Б");
    let rows = |db: &Db, ids: &[i64]| {
        let input = reports::consolidated_input(db, ids).unwrap();
        let c = input.commitment.unwrap();
        (c.analysis.by_tenure.len(), c.by_position.len())
    };
    let (tenure, position) = rows(&db, &[a, b]);
    assert!(tenure >= 2 && position >= 1, "every share is at least K");
    // A branch of 12 forms, one of them alone in its tenure band.
    let mut req = request(None);
    req.name = "Филиал".into();
    req.organization = Some("Филиал".into());
    req.instruments = vec!["commitment".into()];
    req.subdivisions = Vec::new();
    let c = surveys::create_survey(&mut db, &req, today()).unwrap();
    let csv = klimat_tests::commitment_csv(12, None)
        .replace(",Отдел кадров,", ",,")
        .replacen("Анкета 000001,3,", "Анкета 000001,10-15 лет,", 1);
    let forms = klimat_store::import::read_template(csv.as_bytes(), None)
        .unwrap()
        .forms;
    db.add_forms(c, &forms, klimat_store::Entry::Operator, &mut |_, _| {})
        .unwrap();
    let (tenure, position) = rows(&db, &[a, b, c]);
    assert_eq!(
        tenure, 0,
        "the tenure rows would give the branch's lone form"
    );
    assert!(position >= 1, "the positions are shared by 12 forms");
}

#[test]
fn an_answer_the_operator_hides_is_counted_not_printed_in_any_report() {
    // Issue 26, item 4: «Как руководитель предприятия отвечаю за всё…».
    let mut db = Db::open_in_memory().unwrap();
    let id = culture_survey(&mut db, 12);
    let texts = reports::open_texts(&db, id).unwrap();
    let lead = texts
        .iter()
        .find(|t| t.text.starts_with("Как руководитель"))
        .expect("the operator reads it");
    assert!(!lead.hidden);
    // Hidden in another case and spacing: the same answer.
    reports::set_text_hidden(
        &db,
        id,
        "  как РУКОВОДИТЕЛЬ предприятия   отвечаю за всё ",
        true,
    )
    .unwrap();
    // Saving the report settings later keeps it hidden.
    let settings = db.report_settings(id).unwrap();
    db.set_report_settings(
        id,
        &klimat_store::ReportSettings {
            proposals: "План".into(),
            ..settings
        },
    )
    .unwrap();
    let text = model_text(&reports::report_model(&db, id, None).unwrap());
    assert!(!text.contains("Как руководитель"), "{text}");
    assert!(text.contains("скрыты составителем отчета): 1"), "{text}");
    assert!(
        reports::open_texts(&db, id)
            .unwrap()
            .iter()
            .any(|t| t.hidden)
    );
    // Shown again.
    reports::set_text_hidden(
        &db,
        id,
        "как руководитель предприятия отвечаю за всё",
        false,
    )
    .unwrap();
    let text = model_text(&reports::report_model(&db, id, None).unwrap());
    assert!(text.contains("Как руководитель"));
    // The command does the same.
    let dir = TempDir::new("ops-texts");
    let path = dir.join("k.db");
    {
        let mut file = Db::open(&path).unwrap();
        culture_survey(&mut file, 12);
    }
    let p = path.to_str().unwrap();
    let out = klimat(&["--db", p, "texts", "--survey", "1"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("Как руководитель"));
    let out = klimat(&[
        "--db",
        p,
        "texts",
        "--survey",
        "1",
        "--hide",
        "как руководитель предприятия отвечаю за всё",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = klimat(&["--db", p, "texts", "--survey", "1"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("[скрыт]"));
}

#[test]
fn a_consolidated_report_with_a_member_under_k_is_refused_naming_it() {
    // The helper's attack: the pool minus the other members' own reports
    // gave a 1-form member's every answer.
    let mut db = Db::open_in_memory().unwrap();
    let (a, _) = organization_of_140(&mut db, 5, "А");
    let (b, _) = organization_of_140(&mut db, 5, "Б");
    let c = plain_survey(&mut db, "Малая", Some("Малая организация"), 5, 1);
    let e = reports::consolidated_input(&db, &[a, b, c]).unwrap_err();
    assert!(e.to_string().contains("«Малая организация»"), "{e}");
    assert!(reports::consolidated_input(&db, &[a, b]).is_ok());
}

#[test]
fn last_years_survey_hidden_by_its_own_k_is_not_quoted_by_a_report_with_a_lower_k() {
    // The helper's attack: last year K = 5 and 4 forms (hidden in its own
    // report); this year K = 3 printed last year's 4-form figures.
    let mut db = Db::open_in_memory().unwrap();
    let org = Some("Райисполком");
    let last = plain_survey(&mut db, "2025", org, 5, 4);
    let now = plain_survey(&mut db, "2026", org, 3, 20);
    let input = reports::report_input(&db, now, Some(last)).unwrap();
    assert!(input.previous.unwrap().commitment.is_none());
}

#[test]
fn a_subdivision_report_quotes_no_free_text_item_nor_open_answer() {
    // The helper's attack: the organization's «другое» ratings and texts
    // minus a subdivision's gave the other subdivision's two.
    let mut db = Db::open_in_memory().unwrap();
    let id = culture_survey(&mut db, 30);
    // The sample's forms all have a subdivision of the list? Give them one.
    let _ = id;
    let input = reports::report_input(&db, id, None).unwrap();
    let subs: Vec<String> = input
        .culture
        .unwrap()
        .by_subdivision
        .iter()
        .filter_map(|(s, a)| s.clone().filter(|_| a.respondents >= 5))
        .collect();
    let mut tried = 0;
    for sub in subs {
        let Ok(input) = reports::report_input_for(&db, id, None, Some(&sub)) else {
            continue;
        };
        tried += 1;
        let text = model_text(&klimat_report::build(&input));
        assert!(
            !text.contains("Рыбалка") && !text.contains("Как руководитель"),
            "{text}"
        );
        assert!(
            text.contains("приводятся только в отчете организации"),
            "{text}"
        );
        // Its «другое» row says where its ratings are («в отчете
        // организации»), never a «0» that would say nobody rated it.
        let other = klimat_core::text::methodology::CULTURE_COHESION_ITEMS
            [klimat_core::culture::COHESION_ITEMS - 1];
        let row = text
            .lines()
            .find(|l| l.starts_with(other))
            .unwrap_or_else(|| panic!("no «другое» row:\n{text}"));
        assert!(
            row.contains("в отчете организации") && !row.contains("|0|"),
            "{row}"
        );
    }
    assert!(tried > 0, "a subdivision report was made");
}

#[test]
fn blank_forms_never_make_one_persons_answers_a_group_of_k() {
    // The stranger's attack: «Отдел X» of 1 real form and 4 wholly blank
    // ones passed K = 5; its report printed that one person's answers.
    let mut db = Db::open_in_memory().unwrap();
    let (id, _) = organization_of_140(&mut db, 5, "Диагностика 2026");
    let mut csv = klimat_tests::commitment_header() + "\n";
    csv += "X-1,lt1,Отдел кадров,Специалист,5,1,4,2,3,5,1,4,2,3,5,1,4,2,3\n";
    for i in 2..=5 {
        csv += &format!("X-{i},,Бухгалтерия,,,,,,,,,,,,,,,,\n");
    }
    csv = csv.replace("Отдел кадров,Специалист,5", "Бухгалтерия,Специалист,5");
    let forms = klimat_store::import::read_template(csv.as_bytes(), None)
        .unwrap()
        .forms;
    db.add_forms(id, &forms, klimat_store::Entry::Operator, &mut |_, _| {})
        .unwrap();
    // «Бухгалтерия» had 4 forms, now 4 + 1 answered + 4 blank: 5 that count.
    let input = reports::report_input(&db, id, None).unwrap();
    let c = input.commitment.unwrap();
    assert_eq!(c.analysis.respondents, 141, "blank forms are nobody's");
    let row = c
        .by_subdivision
        .iter()
        .find(|(s, _)| s.as_deref() == Some("Бухгалтерия"))
        .unwrap();
    assert_eq!(row.1.n, 5);
    // With only the blank ones added to a 1-form group, nothing is shown.
    let mut db = Db::open_in_memory().unwrap();
    let mut req = request(None);
    req.instruments = vec!["commitment".into()];
    req.subdivisions = vec!["Отдел X".into(), "Цех".into()];
    let id = surveys::create_survey(&mut db, &req, today()).unwrap();
    let mut csv = klimat_tests::commitment_header() + "\n";
    csv += "X-1,lt1,Отдел X,,5,1,4,2,3,5,1,4,2,3,5,1,4,2,3\n";
    for i in 2..=5 {
        csv += &format!("X-{i},,Отдел X,,,,,,,,,,,,,,,,\n");
    }
    for i in 1..=20 {
        csv += &format!("Ц-{i},3,Цех,,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3\n");
    }
    let forms = klimat_store::import::read_template(csv.as_bytes(), None)
        .unwrap()
        .forms;
    db.add_forms(id, &forms, klimat_store::Entry::Operator, &mut |_, _| {})
        .unwrap();
    let e = reports::report_input_for(&db, id, None, Some("Отдел X")).unwrap_err();
    assert!(e.to_string().contains("не составлен"), "{e}");
}

#[test]
fn participation_hides_exactly_the_subdivisions_the_tables_hide() {
    // Issue 26: «Participation by subdivision prints the forms of groups
    // the tables hide» (its own suppression over the staff list could
    // choose another group on a tie, and ignored «не указано»).
    let mut db = Db::open_in_memory().unwrap();
    let (id, sizes) = organization_of_140(&mut db, 3, "Диагностика 2026");
    let staff: Vec<(String, u64)> = sizes.iter().map(|(s, n)| (s.clone(), n + 2)).collect();
    db.set_report_settings(
        id,
        &klimat_store::ReportSettings {
            staff_total: Some(staff.iter().map(|s| s.1).sum()),
            staff,
            ..Default::default()
        },
    )
    .unwrap();
    let model = reports::report_model(&db, id, None).unwrap();
    let table = model
        .tables()
        .find(|t| t.sheet == "Участие")
        .expect("the participation table");
    let rule = klimat_app::disclosure::of_survey(&db, id).unwrap();
    let part = rule.subdivisions(klimat_core::Instrument::Commitment);
    for (sub, n) in &sizes {
        let row = table
            .rows
            .iter()
            .find(|r| r[0] == klimat_report::model::Cell::Text(sub.clone()))
            .unwrap();
        let shown = row[2].display().starts_with(&n.to_string());
        assert_eq!(shown, part.published(Some(sub)), "{sub}: {:?}", row[2]);
    }
    assert!(!part.published(Some("Руководство")));
    assert!(!part.published(Some("Юридический сектор")));
}

/// A commitment survey of `n` generated forms with its own threshold and
/// organization, no subdivisions.
fn plain_survey(db: &mut Db, name: &str, org: Option<&str>, k: u32, n: usize) -> i64 {
    let mut req = request(None);
    req.name = name.into();
    req.organization = org.map(str::to_owned);
    req.instruments = vec!["commitment".into()];
    req.subdivisions = Vec::new();
    req.anonymity_threshold = Some(k);
    let id = surveys::create_survey(db, &req, today()).unwrap();
    let csv = klimat_tests::commitment_csv(n, None).replace(",Отдел кадров,", ",,");
    let forms = klimat_store::import::read_template(csv.as_bytes(), None)
        .unwrap()
        .forms;
    db.add_forms(id, &forms, klimat_store::Entry::Operator, &mut |_, _| {})
        .unwrap();
    id
}

#[test]
fn the_second_strangers_consolidated_attacks_find_nothing() {
    // 1. A member whose own K is lower publishes its 4 forms; the 1-form
    //    member alone is unpublished: refused.
    let mut db = Db::open_in_memory().unwrap();
    let big = plain_survey(&mut db, "В", Some("Завод В"), 5, 20);
    let low_k = plain_survey(&mut db, "А", Some("Завод А"), 3, 4);
    let one = plain_survey(&mut db, "Б", Some("Завод Б"), 5, 1);
    let e = reports::consolidated_input(&db, &[big, low_k, one]).unwrap_err();
    assert!(e.to_string().contains("«Завод Б»"), "{e}");
    // 2. Two surveys of the same name and date, no organization: two
    //    members, not one.
    let mut db = Db::open_in_memory().unwrap();
    let a = plain_survey(&mut db, "Диагностика 2026", None, 5, 20);
    let b = plain_survey(&mut db, "Диагностика 2026", None, 5, 6);
    let c = plain_survey(&mut db, "Диагностика 2026", None, 5, 5);
    let input = reports::consolidated_input(&db, &[a, b, c]).unwrap();
    assert_eq!(input.commitment.as_ref().unwrap().by_subdivision.len(), 3);
    // 3. A comparison with last year's pool made under a stricter K takes
    //    that K.
    let mut db = Db::open_in_memory().unwrap();
    let last: Vec<i64> = [("А", 20), ("Б", 5), ("В", 6)]
        .iter()
        .map(|(o, n)| plain_survey(&mut db, "2025", Some(o), 5, *n))
        .collect();
    let now: Vec<i64> = [("А", 20), ("Б", 5), ("В", 6)]
        .iter()
        .map(|(o, n)| plain_survey(&mut db, "2026", Some(o), 3, *n))
        .collect();
    let input = reports::consolidated_input_compared(&db, &now, Some(&last)).unwrap();
    assert_eq!(input.survey.threshold, 5);
}

#[test]
fn a_consolidated_culture_report_quotes_nothing_a_members_own_report_withholds() {
    // 4. A 5-form member's texts and «другое» rating, and a text its
    //    operator hid, stay out of the pool.
    let mut db = Db::open_in_memory().unwrap();
    let big = culture_survey(&mut db, 20);
    let small = culture_survey(&mut db, 5);
    reports::set_text_hidden(&db, big, "Рыбалка", true).unwrap();
    let input = reports::consolidated_input(&db, &[big, small]).unwrap();
    let a = input.culture.unwrap().analysis;
    let lead: u64 = a
        .open
        .iter()
        .flat_map(|g| &g.answers)
        .filter(|t| t.text.starts_with("Как руководитель"))
        .map(|t| t.count)
        .sum();
    assert_eq!(lead, 1, "only the 20-form member's text");
    assert!(
        a.cohesion_other.is_empty(),
        "the hidden «Рыбалка»: {:?}",
        a.cohesion_other
    );
    let other = &a.cohesion[klimat_core::culture::COHESION_ITEMS - 1];
    assert_eq!(other.sub.n() + other.org.n(), 0, "one rating per member");
}

#[test]
fn a_hidden_text_stays_hidden_at_the_parent_body_and_in_the_summary() {
    // 5. The exchange file carries the operator's hidden texts.
    let dir = TempDir::new("ops-hidden-exchange");
    let mut db = Db::open_in_memory().unwrap();
    let id = culture_survey(&mut db, 12);
    reports::set_text_hidden(&db, id, "как руководитель предприятия отвечаю за всё", true).unwrap();
    let file = dir.join("s.klimat");
    klimat_app::data::export_exchange(&db, id, &file).unwrap();
    let mut parent = Db::open_in_memory().unwrap();
    let merged = klimat_app::data::merge_file(&mut parent, &file).unwrap();
    let texts = reports::open_texts(&parent, merged.survey_id).unwrap();
    let lead = texts
        .iter()
        .find(|t| t.text.starts_with("Как руководитель"))
        .unwrap();
    assert!(lead.hidden, "hidden at the parent body too");
    // 7. `klimat summary` of a survey hides it too: five forms write it.
    let path = dir.join("k.db");
    {
        let mut file_db = Db::open(&path).unwrap();
        let id = culture_survey(&mut file_db, 12);
        for f in file_db
            .forms(id, klimat_core::Instrument::Culture)
            .unwrap()
            .into_iter()
            .take(5)
        {
            let mut data = f.data.clone();
            if let klimat_store::Answers::Culture(c) = &mut data.answers {
                c.open[0][0] = "Я начальник гаража".into();
            }
            file_db.update_form(&f.uuid, &data).unwrap();
        }
        reports::set_text_hidden(&file_db, id, "я начальник гаража", true).unwrap();
    }
    let p = path.to_str().unwrap();
    let out = klimat(&[
        "--db",
        p,
        "summary",
        "--survey",
        "1",
        "--instrument",
        "culture",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!text.contains("начальник гаража"), "{text}");
}

#[test]
fn the_summary_calls_a_component_under_40_percent_only_when_it_is() {
    // Issue 29: «5,72 из 13 баллов (44,0 %; ниже 40 % максимума)».
    use klimat_core::commitment::{BLOCKS, CommitmentAnswers, Sign};
    let mut full = [0u8; 15];
    for b in BLOCKS {
        for &item in b.items {
            full[item - 1] = if b.sign == Sign::Plus { 5 } else { 0 };
        }
    }
    let mut db = Db::open_in_memory().unwrap();
    let mut req = request(None);
    req.instruments = vec!["commitment".into()];
    req.subdivisions = Vec::new();
    let id = surveys::create_survey(&mut db, &req, today()).unwrap();
    let csv = klimat_tests::commitment_csv(20, None).replace(",Отдел кадров,", ",,");
    let mut forms = klimat_store::import::read_template(csv.as_bytes(), None)
        .unwrap()
        .forms;
    for (i, f) in forms.iter_mut().enumerate() {
        f.answers = klimat_store::Answers::Commitment(CommitmentAnswers(if i < 5 {
            full
        } else {
            [3; 15]
        }));
    }
    db.add_forms(id, &forms, klimat_store::Entry::Operator, &mut |_, _| {})
        .unwrap();
    let text = model_text(&reports::report_model(&db, id, None).unwrap());
    assert!(text.contains("Наименьший из трех уровень"), "{text}");
    assert!(!text.contains("; ниже 40\u{a0}% максимума"), "{text}");
}

/// Issue 29: a subdivision's report shows its own column of Tables А.2 and
/// А.3 — its conclusions quote it — beside the organization column of the
/// same forms.
#[test]
fn a_subdivision_report_shows_its_own_column_of_tables_a2_and_a3() {
    let mut db = Db::open_in_memory().unwrap();
    let id = culture_survey(&mut db, 30);
    let input =
        klimat_app::reports::report_input_for(&db, id, None, Some("Идеологический отдел")).unwrap();
    let model = klimat_report::build(&input);
    let a2 = model
        .tables()
        .find(|t| t.caption.contains("А.2"))
        .expect("Table А.2");
    let headers: Vec<&str> = a2.columns.iter().map(|c| c.title.as_str()).collect();
    assert!(headers.contains(&"В подразделении"), "{headers:?}");
    assert!(headers.contains(&"В организации"), "{headers:?}");
}

/// Issue 29, item 4: a heatmap shades no group of fewer than 10 forms (the
/// darkest shade went to the smallest department in every column), and
/// says so; larger groups are shaded as before.
#[test]
fn a_heatmap_leaves_groups_under_ten_forms_unshaded() {
    use klimat_report::model::Cell;
    let mut db = Db::open_in_memory().unwrap();
    let (id, _) = organization_of_140(&mut db, 5, "Диагностика 2026");
    let model = klimat_report::build(&reports::report_input(&db, id, None).unwrap());
    let map = model
        .tables()
        .find(|t| t.caption.contains("Тепловая карта") && t.caption.contains("приверженн"))
        .expect("the commitment heatmap");
    let row = |name: &str| {
        map.rows
            .iter()
            .find(|r| r[0] == Cell::Text(name.into()))
            .unwrap_or_else(|| panic!("{name}"))
    };
    let shaded = |r: &Vec<Cell>| r.iter().any(|c| matches!(c, Cell::Shaded(_, l) if *l != 0));
    let plain = |r: &Vec<Cell>| r.iter().all(|c| !matches!(c, Cell::Shaded(_, _)));
    assert!(
        plain(row("Отдел кадров")),
        "6 forms: {:?}",
        row("Отдел кадров")
    );
    assert!(
        map.rows.iter().any(shaded),
        "the larger groups are still shaded"
    );
    assert!(model_text(&model).contains("менее 10 анкет, не окрашены"));
}
