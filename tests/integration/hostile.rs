//! Issue 10, «Bad input never gets in, tampered files never land, the kiosk
//! holds»: each test carries the reproducing input of one item of the issue
//! and shows that it is refused cleanly, with nothing stored.

use std::time::Duration;

use chrono::NaiveDate;
use klimat_app::kiosk;
use klimat_core::Instrument;
use klimat_core::template::{TemplateError, limits};
use klimat_store::import::read_template;
use klimat_store::{Db, Entry, StoreError, SurveySettings, export};
use klimat_tests::{TempDir, commitment_csv, commitment_header, commitment_rows, raw_xlsx};

fn survey(db: &Db, instruments: Vec<Instrument>) -> i64 {
    let mut s = SurveySettings::new(
        "Диагностика 2026",
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
        instruments,
    );
    s.subdivisions = klimat_tests::subdivisions();
    db.create_survey(&s).unwrap()
}

fn template_error(e: StoreError) -> TemplateError {
    match e {
        StoreError::Template(t) => t,
        e => panic!("expected a refused template, got {e:?}: {e}"),
    }
}

/// The bad cells of a refusal as (row, column).
fn bad_cells(e: TemplateError) -> Vec<(u64, String)> {
    match e {
        TemplateError::Cells { cells, .. } => {
            cells.into_iter().map(|c| (c.row, c.column)).collect()
        }
        e => panic!("expected bad cells, got {e:?}"),
    }
}

#[test]
fn item_1_a_cell_at_xfd1048576_is_refused_before_any_allocation() {
    // The 5 KB workbook that aborted the process asking for 512 GB.
    let bytes = raw_xlsx(&commitment_rows(r#"<c r="XFD1048576"><v>1</v></c>"#));
    assert!(bytes.len() < 5_000);
    let err = read_template(&bytes, None).unwrap_err();
    assert_eq!(err.code(), "too_large", "{err}");
    assert!(err.to_string().contains("XFD1048576"), "{err}");
}

#[test]
fn item_1_a_zip_bomb_is_refused_while_unpacking() {
    // 300 MB of spaces in the sheet: a few hundred KB packed.
    let padding = " ".repeat(300 * 1024 * 1024);
    let bytes = raw_xlsx(&format!("{}{padding}", commitment_rows("")));
    drop(padding);
    assert!(bytes.len() < 2_000_000, "{} bytes", bytes.len());
    let err = read_template(&bytes, None).unwrap_err();
    assert_eq!(err.code(), "too_large", "{err}");
}

#[test]
fn item_2_a_comma_header_with_semicolon_rows_is_refused_row_by_row() {
    let text = format!(
        "{}\nАнкета 1;;;;1;2;3;4;5;1;2;3;4;5;1;2;3;4;5\nАнкета 2;;;;1;2;3;4;5;1;2;3;4;5;1;2;3;4;5\n",
        commitment_header()
    );
    let err = template_error(read_template(text.as_bytes(), None).unwrap_err());
    assert_eq!(bad_cells(err), [(2, String::new()), (3, String::new())]);
}

#[test]
fn item_2_an_unclosed_quote_is_refused_at_its_line() {
    let text = format!(
        "{}\n\"Анкета 1,,,,1,2,3,4,5,1,2,3,4,5,1,2,3,4,5\nАнкета 2,,,,1,2,3,4,5,1,2,3,4,5,1,2,3,4,5\n",
        commitment_header()
    );
    let err = template_error(read_template(text.as_bytes(), None).unwrap_err());
    assert!(
        matches!(err, TemplateError::Malformed { row: 2, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("кавычка"), "{err}");
}

#[test]
fn item_2_one_invalid_byte_in_utf8_is_refused_not_read_as_windows_1251() {
    let mut bytes = format!("{}\n", commitment_header()).into_bytes();
    bytes.extend("Анкета 1,,Отдел кадров,,1,2,3,4,5,1,2,3,4,5,1,2,3,4,5\n".as_bytes());
    bytes.extend(b"\xff");
    bytes.extend("Анкета 2,,Отдел кадров,,1,2,3,4,5,1,2,3,4,5,1,2,3,4,5\n".as_bytes());
    let err = template_error(read_template(&bytes, None).unwrap_err());
    assert_eq!(err, TemplateError::BadEncoding { row: 3 });
    assert!(err.to_string().contains("UTF-8"), "{err}");
}

#[test]
fn item_2_a_date_in_a_tenure_cell_is_refused_not_stored_as_over_20_years() {
    // What Excel makes of a typed «1-3» (3 January): a date-formatted
    // number, which used to be read as 45 660 years of tenure.
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, name) in commitment_header().split(',').enumerate() {
        sheet.write_string(0, c as u16, name).unwrap();
    }
    sheet.write_string(1, 0, "Анкета 1").unwrap();
    let date = rust_xlsxwriter::ExcelDateTime::from_ymd(2026, 1, 3).unwrap();
    let format = rust_xlsxwriter::Format::new().set_num_format("dd.mm.yyyy");
    sheet
        .write_datetime_with_format(1, 1, &date, &format)
        .unwrap();
    for q in 0..15 {
        sheet.write_number(1, 4 + q, 3.0).unwrap();
    }
    let bytes = book.save_to_buffer().unwrap();
    let err = template_error(read_template(&bytes, None).unwrap_err());
    assert_eq!(bad_cells(err.clone()), [(2, "tenure".to_owned())]);
    assert!(err.to_string().contains("дату"), "{err}");
    // The same day number typed as a number is no tenure either.
    let text = format!(
        "{}\nАнкета 1,46025,,,1,2,3,4,5,1,2,3,4,5,1,2,3,4,5\n",
        commitment_header()
    );
    let err = template_error(read_template(text.as_bytes(), None).unwrap_err());
    assert_eq!(bad_cells(err), [(2, "tenure".to_owned())]);
}

#[test]
fn item_2_a_formula_without_a_saved_value_is_refused_not_read_as_blank() {
    let bytes = raw_xlsx(
        &commitment_rows("").replace(r#"<c r="E2"><v>3</v></c>"#, r#"<c r="E2"><f>2+1</f></c>"#),
    );
    let err = template_error(read_template(&bytes, None).unwrap_err());
    assert_eq!(bad_cells(err.clone()), [(2, "q1".to_owned())]);
    assert!(err.to_string().contains("формулу"), "{err}");
    // With its value saved, as Excel saves it, the formula's value counts.
    let bytes = raw_xlsx(&commitment_rows("").replace(
        r#"<c r="E2"><v>3</v></c>"#,
        r#"<c r="E2"><f>2+1</f><v>3</v></c>"#,
    ));
    let file = read_template(&bytes, None).unwrap();
    assert_eq!(file.forms.len(), 1);
}

#[test]
fn item_2_a_header_only_file_and_an_unknown_subdivision_are_refused() {
    let err = template_error(
        read_template(format!("{}\n", commitment_header()).as_bytes(), None).unwrap_err(),
    );
    assert_eq!(err, TemplateError::NoForms);

    let mut db = Db::open_in_memory().unwrap();
    let id = survey(&db, vec![Instrument::Commitment]);
    let text = format!(
        "{}\nАнкета 1,,Бухгалтерия,,1,2,3,4,5,1,2,3,4,5,1,2,3,4,5\n",
        commitment_header()
    );
    let file = read_template(text.as_bytes(), None).unwrap();
    let err = template_error(db.import(id, &file, &mut |_, _| {}).unwrap_err());
    assert_eq!(bad_cells(err), [(2, "subdivision".to_owned())]);
    assert_eq!(db.form_count().unwrap(), 0);
}

#[test]
fn item_3_the_same_file_twice_and_a_repeated_code_are_refused() {
    let mut db = Db::open_in_memory().unwrap();
    let id = survey(&db, vec![Instrument::Commitment]);
    let file = read_template(commitment_csv(50, None).as_bytes(), None).unwrap();
    db.import(id, &file, &mut |_, _| {}).unwrap();
    let err = template_error(db.import(id, &file, &mut |_, _| {}).unwrap_err());
    let cells = bad_cells(err.clone());
    assert_eq!(cells.len(), 50, "every code already stored is listed");
    assert!(err.to_string().contains("уже сохранена"), "{err}");
    assert_eq!(db.form_count().unwrap(), 50, "the survey is not doubled");

    let text = format!(
        "{}\nА-1,,,,1,2,3,4,5,1,2,3,4,5,1,2,3,4,5\nА-2,,,,1,2,3,4,5,1,2,3,4,5,1,2,3,4,5\nА-1,,,,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1\n",
        commitment_header()
    );
    let file = read_template(text.as_bytes(), None).unwrap();
    let err = template_error(db.import(id, &file, &mut |_, _| {}).unwrap_err());
    assert_eq!(bad_cells(err), [(4, "code".to_owned())]);
    // Blank codes are not duplicates of each other.
    let text = format!(
        "{}\n,,,,1,2,3,4,5,1,2,3,4,5,1,2,3,4,5\n,,,,1,2,3,4,5,1,2,3,4,5,1,2,3,4,5\n",
        commitment_header()
    );
    let file = read_template(text.as_bytes(), None).unwrap();
    assert_eq!(db.import(id, &file, &mut |_, _| {}).unwrap(), 2);
}

#[test]
fn item_4_over_long_codes_and_answers_are_refused_so_reports_never_break() {
    let long = "Ж".repeat(40_000);
    let text = format!(
        "{}\n{long},,,,1,2,3,4,5,1,2,3,4,5,1,2,3,4,5\n",
        commitment_header()
    );
    let err = template_error(read_template(text.as_bytes(), None).unwrap_err());
    assert_eq!(bad_cells(err.clone()), [(2, "code".to_owned())]);
    assert!(
        err.to_string().len() < 2_000,
        "the message quotes the start of the value, not all of it"
    );
    let culture =
        std::fs::read_to_string(klimat_tests::root().join("samples/culture.csv")).unwrap();
    let mut lines = culture.lines();
    let header = lines.next().unwrap();
    let first = lines
        .next()
        .unwrap()
        .replacen("\"профессионализм\"", &format!("\"{long}\""), 1);
    let err =
        template_error(read_template(format!("{header}\n{first}\n").as_bytes(), None).unwrap_err());
    assert_eq!(bad_cells(err), [(2, "o1_pos".to_owned())]);
    // A form saved one at a time (the window) obeys the same limit.
    let mut db = Db::open_in_memory().unwrap();
    let id = survey(&db, vec![Instrument::Commitment]);
    let mut form = read_template(commitment_csv(1, None).as_bytes(), None)
        .unwrap()
        .forms
        .remove(0);
    form.code = long;
    let err = db.add_form(id, &form, Entry::Operator).unwrap_err();
    assert_eq!(err.code(), "forms_refused", "{err}");
}

/// Two surveys, each with some forms, and the exchange file of the first.
fn two_surveys() -> (Db, i64, i64, serde_json::Value) {
    let mut db = Db::open_in_memory().unwrap();
    let a = survey(&db, vec![Instrument::Commitment, Instrument::Satisfaction]);
    let b = survey(&db, vec![Instrument::Commitment]);
    let file = read_template(commitment_csv(5, None).as_bytes(), None).unwrap();
    db.import(a, &file, &mut |_, _| {}).unwrap();
    db.import(b, &file, &mut |_, _| {}).unwrap();
    let exchange = serde_json::from_slice(&db.exchange_export(a).unwrap()).unwrap();
    (db, a, b, exchange)
}

fn merge(db: &mut Db, v: &serde_json::Value) -> Result<klimat_store::MergeReport, StoreError> {
    db.merge(&serde_json::to_vec(v).unwrap())
}

#[test]
fn item_5_a_swapped_instrument_or_a_form_of_another_survey_never_lands() {
    let (mut db, a, b, exchange) = two_surveys();
    let forms_of = |db: &Db| {
        let mut all = db.forms(a, Instrument::Commitment).unwrap();
        all.extend(db.forms(a, Instrument::Satisfaction).unwrap());
        all
    };
    let before = forms_of(&db);
    // The form's questionnaire swapped (the answers with it).
    let mut v = exchange.clone();
    v["forms"][0]["content"]["instrument"] = "satisfaction".into();
    v["forms"][0]["content"]["answers"] = serde_json::json!(vec!["а"; 18]);
    v["forms"][0]["history"] = serde_json::json!([]);
    let err = merge(&mut db, &v).unwrap_err();
    assert_eq!(err.code(), "forms_refused", "{err}");
    assert_eq!(forms_of(&db), before, "survey A unchanged");
    // The forms of survey A presented as forms of survey B.
    let mut v = exchange.clone();
    v["survey"]["uuid"] = db.survey(b).unwrap().uuid.into();
    let err = merge(&mut db, &v).unwrap_err();
    assert!(err.to_string().contains("другому анкетированию"), "{err}");
    assert_eq!(db.forms(b, Instrument::Commitment).unwrap().len(), 5);
    assert_eq!(forms_of(&db), before);
}

#[test]
fn item_5_a_refused_merge_leaves_no_empty_survey_and_a_newer_file_says_so() {
    let (mut db, _, _, exchange) = two_surveys();
    let surveys = db.surveys().unwrap().len();
    let mut v = exchange.clone();
    v["survey"]["uuid"] = "00000000-0000-4000-8000-000000000001".into();
    v["survey"]["subdivisions"] = serde_json::json!([]);
    // Forms of a survey not here yet, one naming a subdivision outside the
    // file's own list: refused, and the new survey is not left behind.
    for f in v["forms"].as_array_mut().unwrap() {
        f["uuid"] = uuid_like(f["uuid"].as_str().unwrap()).into();
    }
    v["forms"][1]["content"]["subdivision"] = "Не из списка".into();
    let err = merge(&mut db, &v).unwrap_err();
    assert_eq!(err.code(), "forms_refused", "{err}");
    assert_eq!(
        db.surveys().unwrap().len(),
        surveys,
        "no survey left behind"
    );

    let mut v = exchange;
    v["version"] = 2.into();
    let err = merge(&mut db, &v).unwrap_err();
    assert_eq!(err.code(), "newer_exchange", "{err}");
    assert!(err.to_string().contains("более новой версией"), "{err}");
}

/// Another valid UUID derived from `u`.
fn uuid_like(u: &str) -> String {
    let mut s = u.to_owned();
    s.replace_range(0..1, if u.starts_with('f') { "e" } else { "f" });
    s
}

#[test]
fn item_6_backup_to_nothing_memory_or_a_missing_folder_is_refused() {
    let dir = TempDir::new("backup-target");
    let db = Db::open(&dir.join("k.db")).unwrap();
    for target in ["", ":memory:", "file:x.db?mode=memory"] {
        let err = db.backup(std::path::Path::new(target)).unwrap_err();
        assert_eq!(err.code(), "bad_target", "{target:?}: {err}");
    }
    let err = db
        .backup(&dir.join("нет такой папки/копия.db"))
        .unwrap_err();
    assert_eq!(err.code(), "bad_target");
    assert!(err.to_string().contains("не существует"), "{err}");
    let err = db.backup(&dir.join("")).unwrap_err();
    assert!(err.to_string().contains("не папку"), "{err}");
    db.backup(&dir.join("копия.db")).unwrap();
    assert!(dir.join("копия.db").exists());
}

/// Writes a backup of `db` (5 forms), changes it with `sql` as a hostile
/// hand would, and checks that restoring it is refused and changes nothing.
fn refuses_tampered_backup(db: &mut Db, dir: &TempDir, name: &str, sql: &str) {
    let path = dir.join(name);
    db.backup(&path).unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(sql).unwrap();
    drop(conn);
    let err = db.restore(&path).unwrap_err();
    assert_eq!(err.code(), "bad_backup_file", "{name}: {err}");
    assert_eq!(db.form_count().unwrap(), 5, "{name}: nothing replaced");
}

#[test]
fn item_7_restore_refuses_foreign_triggers_and_malformed_answers() {
    let dir = TempDir::new("restore-hostile");
    let mut db = Db::open(&dir.join("k.db")).unwrap();
    let id = survey(&db, vec![Instrument::Commitment]);
    let file = read_template(commitment_csv(5, None).as_bytes(), None).unwrap();
    db.import(id, &file, &mut |_, _| {}).unwrap();
    for (name, sql) in [
        (
            "trigger.db",
            "CREATE TRIGGER wipe AFTER INSERT ON forms BEGIN DELETE FROM forms; END;",
        ),
        ("answers.db", "UPDATE forms SET answers = '[9,9,9]';"),
        ("key.db", "UPDATE surveys SET date = 'вчера';"),
    ] {
        refuses_tampered_backup(&mut db, &dir, name, sql);
    }
    // Found by the restore fuzz target: a backup whose header says UTF-16
    // left the database unusable after the refusal.
    let path = dir.join("utf16.db");
    db.backup(&path).unwrap();
    let mut bytes = std::fs::read(&path).unwrap();
    bytes[59] = 3;
    std::fs::write(&path, bytes).unwrap();
    let err = db.restore(&path).unwrap_err();
    assert_eq!(err.code(), "bad_backup_file", "{err}");
    assert_eq!(db.form_count().unwrap(), 5, "the database still works");
    // The fuzzer's own input, restored over an in-memory database.
    let mut mem = Db::open_in_memory().unwrap();
    let result = mem.restore(&klimat_tests::fixture("restore-fuzz-utf16.db"));
    assert!(result.is_err(), "{result:?}");
    assert_eq!(mem.form_count().unwrap(), 0, "the database still works");
}

#[test]
fn item_8_the_kiosk_state_survives_a_restart_and_the_pin_is_a_slow_salted_hash() {
    let dir = TempDir::new("kiosk");
    let path = dir.join("k.db");
    {
        let db = Db::open(&path).unwrap();
        let id = survey(&db, vec![Instrument::Commitment]);
        assert_eq!(
            kiosk::enter(&db, id, Instrument::Commitment)
                .unwrap_err()
                .code(),
            "kiosk_no_pin"
        );
        kiosk::set_pin(&db, "2468").unwrap();
        kiosk::enter(&db, id, Instrument::Commitment).unwrap();
    }
    // Alt+F4, a crash, a restart: the database still says kiosk mode.
    let mut db = Db::open(&path).unwrap();
    let state = kiosk::state(&db).unwrap();
    assert!(state.active, "a restart comes back locked");
    assert_eq!(state.instrument, Some(Instrument::Commitment));
    let stored = db.setting("kiosk_pin_argon2").unwrap().unwrap();
    assert!(stored.starts_with("$argon2id$"), "{stored}");
    assert!(!stored.contains("2468"));
    // Two PIN settings give two different hashes (a salt).
    kiosk::set_pin(&db, "2468").unwrap();
    assert_ne!(db.setting("kiosk_pin_argon2").unwrap().unwrap(), stored);
    // Wrong PINs: the third starts a wait, and during it even the right PIN
    // is refused.
    let t = 1_800_000_000;
    assert_eq!(
        kiosk::leave(&db, "0000", t).unwrap_err().code(),
        "wrong_pin"
    );
    assert_eq!(
        kiosk::leave(&db, "0001", t).unwrap_err().code(),
        "wrong_pin"
    );
    match kiosk::leave(&db, "0002", t).unwrap_err() {
        kiosk::KioskError::Wrong { wait } => assert_eq!(wait, 5),
        e => panic!("{e:?}"),
    }
    assert_eq!(
        kiosk::leave(&db, "2468", t + 1).unwrap_err().code(),
        "pin_wait"
    );
    kiosk::leave(&db, "2468", t + 5).unwrap();
    assert!(!kiosk::state(&db).unwrap().active);
    // A kiosk save outside kiosk mode is refused by the backend.
    let form = read_template(commitment_csv(1, None).as_bytes(), None)
        .unwrap()
        .forms
        .remove(0);
    assert_eq!(
        kiosk::save(&mut db, form.clone()).unwrap_err().code(),
        "kiosk_not_active"
    );
    // In kiosk mode it gets a random code, no subdivision, and no time
    // finer than the day.
    let id = db.surveys().unwrap()[0].id;
    kiosk::enter(&db, id, Instrument::Commitment).unwrap();
    let code = kiosk::save(&mut db, form.clone()).unwrap();
    let other = kiosk::save(&mut db, form).unwrap();
    assert_ne!(code, other);
    assert!(code.starts_with("Киоск ") && !code.contains(':'), "{code}");
    let stored = db.forms(id, Instrument::Commitment).unwrap();
    assert!(stored.iter().all(|f| f.created_at.len() == 10), "date only");
    assert!(stored.iter().all(|f| f.data.subdivision.is_none()));
}

#[test]
fn item_9_csv_export_neutralizes_formulas_and_the_import_restores_the_text() {
    let mut db = Db::open_in_memory().unwrap();
    let id = survey(&db, vec![Instrument::Culture]);
    let culture =
        std::fs::read_to_string(klimat_tests::root().join("samples/culture.csv")).unwrap();
    let mut lines = culture.lines();
    let header = lines.next().unwrap();
    let row = lines
        .next()
        .unwrap()
        .replacen("\"К-001\"", "\"=1+1\"", 1)
        .replacen(
            "\"профессионализм\"",
            "\"=HYPERLINK(\"\"http://x\"\",\"\"x\"\")\"",
            1,
        )
        .replacen("\"Формализм\"", "\"@SUM(A1)\"", 1);
    let file = read_template(format!("{header}\n{row}\n").as_bytes(), None).unwrap();
    db.import(id, &file, &mut |_, _| {}).unwrap();
    let forms: Vec<_> = db
        .forms(id, Instrument::Culture)
        .unwrap()
        .into_iter()
        .map(|f| f.data)
        .collect();
    let csv = String::from_utf8(export::to_csv(Instrument::Culture, &forms).unwrap()).unwrap();
    assert!(csv.contains("'=1+1"), "{csv}");
    assert!(csv.contains("'@SUM(A1)"));
    assert!(csv.contains("'=HYPERLINK("));
    for line in csv.lines().skip(1) {
        for cell in line.split(',') {
            let cell = cell.trim_matches('"');
            assert!(!cell.starts_with(['=', '+', '@']), "a live formula: {cell}");
        }
    }
    let back = read_template(csv.as_bytes(), None).unwrap().forms;
    assert_eq!(back, forms, "the round trip keeps the texts");
    assert_eq!(back[0].code, "=1+1");
}

#[test]
fn item_10_a_symlink_meets_the_same_lock_and_a_foreign_file_stays_untouched() {
    let dir = TempDir::new("lock-link");
    let path = dir.join("k.db");
    let _first = Db::open(&path).unwrap();
    #[cfg(unix)]
    {
        let link = dir.join("ссылка.db");
        std::os::unix::fs::symlink(&path, &link).unwrap();
        let err = Db::open(&link).unwrap_err();
        assert_eq!(err.code(), "database_in_use", "{err}");
    }
    // A hard link, in another folder, is the same file: the same lock.
    std::fs::create_dir_all(dir.join("другая")).unwrap();
    let hard = dir.join("другая").join("жесткая.db");
    std::fs::hard_link(&path, &hard).unwrap();
    let err = Db::open(&hard).unwrap_err();
    assert_eq!(err.code(), "database_in_use", "{err}");
    drop(_first);
    // Closed, it opens under its other name.
    drop(Db::open(&hard).unwrap());
    // A foreign SQLite file is refused and not switched to WAL (byte 18 of
    // the header stays 1, the rollback journal).
    let foreign = dir.join("чужая.db");
    let conn = rusqlite::Connection::open(&foreign).unwrap();
    conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    drop(conn);
    let err = Db::open(&foreign).unwrap_err();
    assert_eq!(err.code(), "not_klimat_database");
    let header = std::fs::read(&foreign).unwrap();
    assert_eq!((header[18], header[19]), (1, 1), "not switched to WAL");
}

#[test]
fn item_10_a_hundred_thousand_bad_rows_give_a_capped_list_and_the_count() {
    let mut text = commitment_header();
    text.push('\n');
    for i in 0..100_000 {
        text.push_str(&format!("А-{i},,,,7,2,3,4,5,1,2,3,4,5,1,2,3,4,5\n"));
    }
    let err = read_template(text.as_bytes(), None).unwrap_err();
    let message = err.to_string();
    let TemplateError::Cells { cells, more } = template_error(err) else {
        unreachable!()
    };
    assert_eq!(cells.len(), limits::MAX_LISTED_ERRORS);
    assert_eq!(more, 100_000 - limits::MAX_LISTED_ERRORS as u64);
    assert!(message.len() < 200_000, "{} bytes", message.len());
    assert!(message.contains(&more.to_string()));
}

/// The exchange file of a fresh survey with a few forms, as JSON.
fn exchange_of_small_survey() -> (Db, serde_json::Value) {
    let (db, a, _, _) = two_surveys();
    let v = serde_json::from_slice(&db.exchange_export(a).unwrap()).unwrap();
    (db, v)
}

#[test]
fn qa_merge_refuses_bad_survey_settings_in_russian_and_takes_a_notepad_bom() {
    // Found by trying the hardened build as an attacker would.
    let (mut db, v) = exchange_of_small_survey();
    let surveys = db.surveys().unwrap().len();
    let mut cases = Vec::new();
    let mut empty_uuid = v.clone();
    empty_uuid["survey"]["uuid"] = "".into();
    cases.push(("empty survey uuid", empty_uuid));
    let mut huge = v.clone();
    huge["survey"]["subdivisions"] = serde_json::json!(["Ж".repeat(1_000_000)]);
    cases.push(("huge subdivision", huge));
    let mut name = v.clone();
    name["survey"]["name"] = "Ж".repeat(5_000).into();
    cases.push(("huge name", name));
    let mut bogus = v.clone();
    bogus["survey"]["instruments"] = serde_json::json!(["commitment", "satisfaction", "bogus"]);
    cases.push(("unknown instrument", bogus));
    let mut twice = v.clone();
    let first = twice["forms"][0].clone();
    twice["forms"].as_array_mut().unwrap().push(first);
    cases.push(("one uuid twice", twice));
    for (what, file) in cases {
        let err = merge(&mut db, &file).unwrap_err();
        let message = err.to_string();
        assert!(
            !message.contains("forms[")
                && !message.contains("UNIQUE")
                && !message.contains("expected"),
            "{what}: {message}"
        );
        assert!(
            message.chars().any(|c| ('а'..='я').contains(&c)),
            "{what}: {message}"
        );
    }
    for junk in [&b"not json"[..], b"", b"{\"format\": 1}"] {
        let message = db.merge(junk).unwrap_err().to_string();
        assert!(
            message.contains("не является файлом обмена") || message.contains("не файл обмена"),
            "{message}"
        );
    }
    assert_eq!(db.surveys().unwrap().len(), surveys, "nothing was created");
    // A file saved by Windows Notepad (with a BOM) is merged.
    let mut bom = b"\xef\xbb\xbf".to_vec();
    bom.extend(serde_json::to_vec(&v).unwrap());
    db.merge(&bom).unwrap();
}

#[test]
fn qa_hidden_characters_utf16_and_old_excel_files_are_refused_with_their_reason() {
    // A NUL byte makes the file binary: refused whole, with that reason.
    let nul = format!(
        "{}\nА\u{0}1,,,,1,2,3,4,5,1,2,3,4,5,1,2,3,4,5\n",
        commitment_header()
    );
    let err = read_template(nul.as_bytes(), None).unwrap_err();
    assert!(err.to_string().contains("не текстовый"), "{err}");
    for code in ["А\u{7}1", "\u{202e}1А"] {
        let text = format!(
            "{}\n{code},,,,1,2,3,4,5,1,2,3,4,5,1,2,3,4,5\n",
            commitment_header()
        );
        let err = template_error(read_template(text.as_bytes(), None).unwrap_err());
        assert_eq!(bad_cells(err), [(2, "code".to_owned())], "{code:?}");
    }
    let mut utf16 = vec![0xff, 0xfe];
    for u in format!("{}\n", commitment_header()).encode_utf16() {
        utf16.extend(u.to_le_bytes());
    }
    let err = read_template(&utf16, None).unwrap_err();
    assert!(err.to_string().contains("UTF-16"), "{err}");
    let ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0];
    let err = read_template(&ole, None).unwrap_err();
    assert!(err.to_string().contains(".xls"), "{err}");
    let err = read_template(b"\x7fELF\x02\x01\x01\x00\x00\x00", None).unwrap_err();
    assert!(err.to_string().contains("не текстовый"), "{err}");
    // A tab-separated file (Excel's «Текст (разделитель — табуляция)») is read.
    let tsv = format!(
        "{}\nА-1\t\t\t\t1\t2\t3\t4\t5\t1\t2\t3\t4\t5\t1\t2\t3\t4\t5\n",
        commitment_header().replace(',', "\t")
    );
    assert_eq!(read_template(tsv.as_bytes(), None).unwrap().forms.len(), 1);
}

#[test]
fn qa_survey_settings_have_limits_and_restore_obeys_the_survey_rules() {
    let db = Db::open_in_memory().unwrap();
    let date = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    for (what, mutate) in [
        (
            "a line break in the name",
            Box::new(|s: &mut SurveySettings| s.name = "a\nb".into())
                as Box<dyn Fn(&mut SurveySettings)>,
        ),
        (
            "a 30 000-character name",
            Box::new(|s: &mut SurveySettings| s.name = "Ж".repeat(30_000)),
        ),
        (
            "a repeated subdivision",
            Box::new(|s: &mut SurveySettings| s.subdivisions = vec!["А".into(), "А".into()]),
        ),
        (
            "a 300-character subdivision",
            Box::new(|s: &mut SurveySettings| s.subdivisions = vec!["Ж".repeat(300)]),
        ),
        (
            "year 1",
            Box::new(|s: &mut SurveySettings| s.date = NaiveDate::from_ymd_opt(1, 1, 1).unwrap()),
        ),
    ] {
        let mut s = SurveySettings::new("Д", date, vec![Instrument::Commitment]);
        mutate(&mut s);
        assert_eq!(
            db.create_survey(&s).unwrap_err().code(),
            "invalid",
            "{what}"
        );
    }
    // A backup edited by hand so that it breaks a rule of the survey.
    let dir = TempDir::new("restore-rules");
    let mut db = Db::open(&dir.join("k.db")).unwrap();
    let id = survey(&db, vec![Instrument::Commitment]);
    let file = read_template(commitment_csv(5, None).as_bytes(), None).unwrap();
    db.import(id, &file, &mut |_, _| {}).unwrap();
    for (name, sql) in [
        ("dup.db", "UPDATE forms SET code = 'Анкета 000001';"),
        ("subdivision.db", "UPDATE forms SET subdivision = 'Склад';"),
        (
            "threshold.db",
            "PRAGMA ignore_check_constraints = ON; UPDATE surveys SET anonymity_threshold = 0;",
        ),
        (
            "orphan.db",
            "PRAGMA foreign_keys = OFF; UPDATE forms SET survey_id = 999 WHERE id = 1;",
        ),
        (
            "instrument.db",
            "UPDATE surveys SET instruments = 'satisfaction';",
        ),
    ] {
        refuses_tampered_backup(&mut db, &dir, name, sql);
    }
    // Two restores within one second: the copy of the replaced database
    // gets another name rather than refusing the second.
    let good = dir.join("good.db");
    db.backup(&good).unwrap();
    db.restore(&good).unwrap();
    db.restore(&good).unwrap();
    // Restore's reasons are Russian.
    for (path, needle) in [
        (dir.join(""), "папку"),
        (dir.join("нет.db"), "не найден"),
        (
            klimat_tests::fixture("commitment-b2.csv"),
            "не файл базы данных",
        ),
    ] {
        let message = db.restore(&path).unwrap_err().to_string();
        assert!(message.contains(needle), "{message}");
    }
}

#[test]
fn qa_the_command_refuses_mismatched_report_files_and_a_self_comparison() {
    let dir = TempDir::new("qa-report");
    let db = dir.join("k.db");
    let db = db.to_str().unwrap();
    let run = |args: &[&str]| {
        let mut all = vec!["--db", db];
        all.extend_from_slice(args);
        klimat_tests::klimat(&all)
    };
    assert!(
        run(&[
            "survey",
            "create",
            "--name",
            "Д",
            "--instruments",
            "commitment",
            "--date",
            "2026-11-25"
        ])
        .status
        .success()
    );
    let same = dir.join("same");
    let same = same.to_str().unwrap();
    let out = run(&["report", "--survey", "1", "--pdf", same, "--xlsx", same]);
    assert_eq!(out.status.code(), Some(2));
    let wrong = dir.join("a.xlsx");
    let out = run(&["report", "--survey", "1", "--pdf", wrong.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!wrong.exists(), "no PDF under an .xlsx name");
    let pdf = dir.join("a.pdf");
    let out = run(&[
        "report",
        "--survey",
        "1",
        "--pdf",
        pdf.to_str().unwrap(),
        "--compare-with",
        "1",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("с самим собой"));
}

/// A culture form read from a one-row template whose first open answer is
/// `text`.
fn culture_form(text: &str) -> klimat_store::FormData {
    read_template(culture_csv(text).as_bytes(), None)
        .unwrap()
        .forms
        .remove(0)
}

/// A culture template of one form: code К-1, `text` as its first open
/// answer.
fn culture_csv(text: &str) -> String {
    let columns = export::columns(Instrument::Culture);
    let row: Vec<String> = columns
        .iter()
        .map(|c| match c.as_str() {
            "code" => "К-1".to_owned(),
            "o1_pos" => format!("\"{text}\""),
            _ => String::new(),
        })
        .collect();
    format!("{}\n{}\n", columns.join(","), row.join(","))
}

/// Issue 31, item 5: every character XML 1.0 forbids (U+FFFF, U+FFFE, a
/// control character) and every noncharacter is refused at every input,
/// and a file of an older Klimat that holds one still gives a DOCX that
/// opens.
#[test]
fn characters_xml_forbids_are_refused_at_every_input_and_never_reach_the_docx() {
    use klimat_store::Answers;
    let dir = TempDir::new("xml-chars");
    let mut db = Db::open(&dir.join("k.db")).unwrap();
    let id = survey(&db, vec![Instrument::Culture, Instrument::Commitment]);
    for bad in ["\u{FFFF}", "\u{FFFE}", "\u{FDD0}", "\u{1FFFF}", "\u{1}"] {
        let text = format!("честность{bad}");
        // A file: the cell is named.
        let err = template_error(read_template(culture_csv(&text).as_bytes(), None).unwrap_err());
        assert_eq!(bad_cells(err), [(2, "o1_pos".to_owned())], "{bad:?}");
        // Keyed from paper, at the kiosk: refused by the store's rules.
        let mut form = culture_form("честность");
        if let Answers::Culture(c) = &mut form.answers {
            *c.texts_mut().next().unwrap() = text.clone();
        }
        assert!(db.add_form(id, &form, Entry::Operator).is_err(), "{bad:?}");
        kiosk::set_pin(&db, "2468").unwrap();
        kiosk::enter(&db, id, Instrument::Culture).unwrap();
        assert!(kiosk::save(&mut db, form).is_err(), "kiosk {bad:?}");
        kiosk::leave(&db, "2468", 1_800_000_000).unwrap();
        // A name of a survey or a subdivision.
        let mut s = SurveySettings::new(
            &format!("Опрос{bad}"),
            NaiveDate::from_ymd_opt(2026, 12, 7).unwrap(),
            vec![Instrument::Commitment],
        );
        assert!(db.create_survey(&s).is_err(), "name {bad:?}");
        s.name = "Опрос".into();
        s.subdivisions = vec![format!("Отдел{bad}")];
        assert!(db.create_survey(&s).is_err(), "subdivision {bad:?}");
    }
    assert_eq!(db.form_count().unwrap(), 0);

    // An exchange file and a backup that carry one are refused.
    // Ten forms, the least a group needs before its open answers print.
    for i in 1..=10 {
        let mut form = culture_form("честность");
        form.code = format!("К-{i}");
        db.add_form(id, &form, Entry::Operator).unwrap();
    }
    let exchange = String::from_utf8(db.exchange_export(id).unwrap()).unwrap();
    assert!(exchange.contains("честность"));
    let tampered = exchange.replace("честность", "чест\\uffffность");
    let mut other = Db::open_in_memory().unwrap();
    assert!(other.merge(tampered.as_bytes()).is_err());
    assert_eq!(other.form_count().unwrap(), 0);
    let backup = dir.join("b.db");
    db.backup(&backup).unwrap();
    let conn = rusqlite::Connection::open(&backup).unwrap();
    conn.execute(
        "UPDATE forms SET answers = replace(answers, 'честность', 'чест' || char(65535) || 'ность')",
        [],
    )
    .unwrap();
    drop(conn);
    assert_eq!(db.restore(&backup).unwrap_err().code(), "bad_backup_file");

    // A database written before these checks holds one: the DOCX replaces
    // it and opens.
    drop(db);
    let conn = rusqlite::Connection::open(dir.join("k.db")).unwrap();
    let changed = conn
        .execute(
            "UPDATE forms SET answers = replace(answers, 'честность', 'чест' || char(65535) || 'ность')",
            [],
        )
        .unwrap();
    assert_eq!(changed, 10);
    drop(conn);
    let docx = dir.join("r.docx");
    let out = klimat_tests::klimat(&[
        "--db",
        dir.join("k.db").to_str().unwrap(),
        "report",
        "--survey",
        &id.to_string(),
        "--docx",
        docx.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&docx).unwrap()).unwrap();
    let mut document = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("word/document.xml").unwrap(),
        &mut document,
    )
    .unwrap();
    assert!(
        document.replace('\u{ad}', "").contains("чест\u{FFFD}ность"),
        "the answer is printed, its character replaced"
    );
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().unwrap().into_owned();
        if name.ends_with(".xml") {
            let mut xml = String::new();
            std::io::Read::read_to_string(&mut f, &mut xml).unwrap();
            assert!(
                xml.chars().all(klimat_core::template::xml_char),
                "{name} holds a character XML forbids"
            );
        }
    }
}

/// Issue 31, item 6: a backup whose settings are out of their rules (a
/// kiosk wait of 73 years, a kiosk state that is not 0 or 1, a damaged PIN
/// hash, report settings with a staff of zero) is refused, and a wait
/// already stored beyond the rule is cut to the longest one.
#[test]
fn a_backup_with_settings_out_of_their_rules_is_refused_and_a_stored_wait_is_capped() {
    let dir = TempDir::new("restore-settings");
    let mut db = Db::open(&dir.join("k.db")).unwrap();
    let id = survey(&db, vec![Instrument::Commitment]);
    let file = read_template(commitment_csv(5, None).as_bytes(), None).unwrap();
    db.import(id, &file, &mut |_, _| {}).unwrap();
    kiosk::set_pin(&db, "2468").unwrap();
    for (name, sql) in [
        (
            "wait.db",
            "UPDATE settings SET value = '4102444800000' WHERE key = 'kiosk_pin_not_before'",
        ),
        (
            "active.db",
            "INSERT OR REPLACE INTO settings (key, value) VALUES ('kiosk_active', 'да')",
        ),
        (
            "pin.db",
            "UPDATE settings SET value = 'plain-2468' WHERE key = 'kiosk_pin_argon2'",
        ),
        (
            "staff.db",
            "UPDATE surveys SET report_settings = '{\"staff_total\": 0}'",
        ),
        (
            "hidden.db",
            "UPDATE surveys SET report_settings = '{\"hidden_texts\": 5}'",
        ),
        (
            "key.db",
            "INSERT INTO settings (key, value) VALUES ('x' || char(0), '1')",
        ),
    ] {
        refuses_tampered_backup(&mut db, &dir, name, sql);
    }
    // A sound backup with the kiosk on is taken.
    kiosk::enter(&db, id, Instrument::Commitment).unwrap();
    let good = dir.join("good.db");
    db.backup(&good).unwrap();
    db.restore(&good).unwrap();
    assert!(kiosk::state(&db).unwrap().active);
    // A wait stored beyond the rule (a clock set back, an older file) is
    // cut to the longest one, and ends.
    let now = 1_800_000_000;
    db.set_setting("kiosk_pin_not_before", "4102444800000")
        .unwrap();
    match kiosk::leave(&db, "2468", now).unwrap_err() {
        kiosk::KioskError::TooSoon { wait } => assert_eq!(wait, kiosk::MAX_WAIT_SECONDS),
        e => panic!("{e:?}"),
    }
    kiosk::leave(&db, "2468", now + kiosk::MAX_WAIT_SECONDS).unwrap();
}

/// Issue 31, item 7: the copies Klimat makes beside the database (before a
/// restore) are kept to the number the user sees and sets, the oldest
/// removed; the number is checked.
#[test]
fn klimat_keeps_only_the_copies_the_user_asked_for() {
    let dir = TempDir::new("keep-copies");
    let path = dir.join("k.db");
    let mut db = Db::open(&path).unwrap();
    let id = survey(&db, vec![Instrument::Commitment]);
    let file = read_template(commitment_csv(5, None).as_bytes(), None).unwrap();
    db.import(id, &file, &mut |_, _| {}).unwrap();
    assert_eq!(db.keep_copies().unwrap(), 3, "the default");
    let backup = dir.join("b.db");
    db.backup(&backup).unwrap();
    let mut made = Vec::new();
    for _ in 0..5 {
        made.push(db.restore(&backup).unwrap().unwrap());
        std::thread::sleep(Duration::from_millis(20));
    }
    let distinct: std::collections::HashSet<_> = made.iter().collect();
    assert_eq!(distinct.len(), 5, "each copy its own name: {made:?}");
    let kept = db.own_copies().unwrap();
    assert_eq!(kept.len(), 3, "{kept:?}");
    assert_eq!(kept[0], made[4], "the newest first");
    assert!(!made[0].exists() && !made[1].exists(), "the oldest removed");
    // Other files beside the database are never touched.
    std::fs::write(dir.join("k.db.заметки.bak"), b"x").unwrap();
    std::fs::write(dir.join("k.db.v2-записи.txt"), b"x").unwrap();
    assert_eq!(db.set_keep_copies(1).unwrap(), 2);
    assert_eq!(db.own_copies().unwrap(), [made[4].clone()]);
    assert!(dir.join("k.db.заметки.bak").exists());
    assert!(dir.join("k.db.v2-записи.txt").exists());
    for bad in [0, 51] {
        assert_eq!(db.set_keep_copies(bad).unwrap_err().code(), "invalid");
    }
    assert_eq!(db.keep_copies().unwrap(), 1);
    // The command shows and sets the same.
    drop(db);
    let out = klimat_tests::klimat(&["--db", path.to_str().unwrap(), "copies", "--keep", "2"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Хранить копий") && text.contains(" 2"),
        "{text}"
    );
    assert!(text.contains("before-restore"), "{text}");
    let out = klimat_tests::klimat(&["--db", path.to_str().unwrap(), "copies", "--keep", "много"]);
    assert!(!out.status.success());
}

/// Issue 27, item 5: a file's problems are all named in one pass — the
/// bad cells and the survey's rules broken by the other rows (an unknown
/// subdivision, a repeated code) — not some now and the rest after a fix.
#[test]
fn every_problem_of_a_file_is_named_in_one_pass() {
    let dir = TempDir::new("one-pass");
    let mut db = Db::open(&dir.join("k.db")).unwrap();
    let id = survey(&db, vec![Instrument::Commitment]);
    let good = "lt1,Отдел кадров,,1,2,3,4,5,1,2,3,4,5,1,2,3,4,5";
    let csv = format!(
        "{}\nА-1,{good}\nА-2,lt1,Отдел кадров,,7,2,3,4,5,1,2,3,4,5,1,2,3,4,5\nА-3,{good}\nА-4,lt1,Склад,,1,2,3,4,5,1,2,3,4,5,1,2,3,4,5\nА-5,{good}\nА-5,{good}\nА-7,lt1,Отдел кадров,,1,2,3,4,5,1,2,3,4,5,1,2,3,4,9\n",
        commitment_header()
    );
    let path = dir.join("bad.csv");
    std::fs::write(&path, csv).unwrap();
    let err = klimat_app::data::import_file(&mut db, id, &path, None, &mut |_, _| {}).unwrap_err();
    let klimat_app::AppError::Store(e) = err else {
        panic!("{err:?}")
    };
    let rows: Vec<u64> = bad_cells(template_error(e))
        .into_iter()
        .map(|(r, _)| r)
        .collect();
    // Row 3 (a 7), row 5 (a subdivision not in the survey), rows 6–7 (one
    // code twice), row 8 (a 9): all at once, in row order.
    for r in [3, 5, 8] {
        assert!(rows.contains(&r), "row {r} in {rows:?}");
    }
    assert!(
        rows.contains(&6) || rows.contains(&7),
        "the repeated code: {rows:?}"
    );
    let mut sorted = rows.clone();
    sorted.sort_unstable();
    assert_eq!(rows, sorted, "in row order");
    assert_eq!(db.form_count().unwrap(), 0, "nothing stored");
}
