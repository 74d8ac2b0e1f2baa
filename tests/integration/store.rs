//! The store: round-trips, merge, all-or-nothing import, migrations,
//! refusal of newer files, the change log, backup and restore, portable mode.

use chrono::NaiveDate;
use klimat_core::Instrument;
use klimat_store::export::{blank_template, to_csv, to_xlsx};
use klimat_store::import::read_template;
use klimat_store::{Db, Entry, FormData, StoreError, SurveySettings, paths};
use klimat_tests::{TempDir, commitment_csv, fixture};

fn survey(db: &Db) -> i64 {
    let mut s = SurveySettings::new(
        "Диагностика 2026",
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        Instrument::ALL.to_vec(),
    );
    s.organization = Some("Райисполком".into());
    s.subdivisions = klimat_tests::subdivisions();
    db.create_survey(&s).unwrap()
}

fn sample(name: &str) -> Vec<FormData> {
    let bytes = std::fs::read(klimat_tests::root().join("samples").join(name)).unwrap();
    read_template(&bytes, None).unwrap().forms
}

/// Culture forms whose texts try every trap: formulas, quotes, separators,
/// new lines, Cyrillic, a tenure range.
fn tricky_culture() -> Vec<FormData> {
    let csv = "code;tenure;subdivision;position;o1_pos;o1_neg;o2_pos;c1_sub;c1_org;c15_text;n7;n7_actors;n7_tech;n8_text\n\
        \"=1+1\";от 10 до 20 лет;\"Отдел; кадров\";Специалист;\"=HYPERLINK(\"\"http://x\"\")\";\"строка 1\nстрока 2\";\"a,b;c\";5;4;\"+7\";3;руководители|идеологические работники;кадровые;@SUM(A1)\n";
    let mut header_and_rest = String::new();
    // Add the remaining required culture columns as empty.
    let cols = klimat_store::export::columns(Instrument::Culture);
    let given: Vec<&str> = csv.lines().next().unwrap().split(';').collect();
    let missing: Vec<&String> = cols
        .iter()
        .filter(|c| !given.contains(&c.as_str()))
        .collect();
    let mut lines = csv.splitn(2, '\n');
    header_and_rest.push_str(lines.next().unwrap());
    for m in &missing {
        header_and_rest.push(';');
        header_and_rest.push_str(m);
    }
    header_and_rest.push('\n');
    let body = lines.next().unwrap().trim_end_matches('\n');
    header_and_rest.push_str(body);
    header_and_rest.push_str(&";".repeat(missing.len()));
    header_and_rest.push('\n');
    read_template(header_and_rest.as_bytes(), Some(Instrument::Culture))
        .unwrap()
        .forms
}

#[test]
fn export_then_import_round_trips_exactly_in_csv_and_xlsx() {
    let sets = [
        (Instrument::Commitment, sample("commitment.csv")),
        (Instrument::Satisfaction, sample("satisfaction.csv")),
        (Instrument::Culture, sample("culture.csv")),
        (Instrument::Culture, tricky_culture()),
    ];
    for (instrument, forms) in sets {
        assert!(!forms.is_empty());
        let csv = to_csv(instrument, &forms).unwrap();
        let back = read_template(&csv, None).unwrap();
        assert_eq!(
            back.instrument, instrument,
            "instrument found from the columns"
        );
        assert_eq!(back.forms, forms, "CSV round trip of {instrument:?}");
        let xlsx = to_xlsx(instrument, &forms).unwrap();
        let back = read_template(&xlsx, None).unwrap();
        assert_eq!(back.forms, forms, "XLSX round trip of {instrument:?}");
    }
    let tricky = &tricky_culture()[0];
    assert_eq!(tricky.code, "=1+1", "a formula-looking code stays text");
    assert_eq!(
        tricky.tenure.satisfaction_band().map(|b| b.id()),
        Some("10-20")
    );
}

#[test]
fn round_trip_through_the_database() {
    let mut db = Db::open_in_memory().unwrap();
    let id = survey(&db);
    let forms = sample("commitment.csv");
    db.add_forms(id, &forms, Entry::Import, &mut |_, _| {})
        .unwrap();
    let stored: Vec<FormData> = db
        .forms(id, Instrument::Commitment)
        .unwrap()
        .into_iter()
        .map(|f| f.data)
        .collect();
    assert_eq!(
        stored, forms,
        "the database keeps every field of every form"
    );
    assert_eq!(db.survey(id).unwrap().form_counts, [120, 0, 0]);
}

#[test]
fn a_bad_row_in_ten_thousand_imports_nothing_and_is_named() {
    let mut db = Db::open_in_memory().unwrap();
    let id = survey(&db);
    let csv = commitment_csv(10_000, Some(7_345));
    let err = read_template(csv.as_bytes(), None).unwrap_err();
    let StoreError::Template(klimat_core::template::TemplateError::Cells { cells, .. }) = &err
    else {
        panic!("cell errors expected, got {err:?}");
    };
    assert_eq!(cells.len(), 1, "exactly one bad cell");
    assert_eq!(
        cells[0].row, 7_346,
        "data row 7345 is file row 7346 (header = 1)"
    );
    assert_eq!(cells[0].column, "q4");
    assert_eq!(cells[0].value, "7");
    assert!(
        err.to_string()
            .contains("строка 7346, столбец «q4»: значение «7»")
    );
    assert_eq!(db.form_count().unwrap(), 0, "nothing was imported");
    // The same file without the bad row imports all 10 000.
    let good = read_template(commitment_csv(10_000, None).as_bytes(), None).unwrap();
    db.add_forms(id, &good.forms, Entry::Import, &mut |_, _| {})
        .unwrap();
    assert_eq!(db.form_count().unwrap(), 10_000);
}

/// An import saves its forms 64 to a statement and logs them in one: a
/// count that is no multiple of 64 keeps every form, in the file's order,
/// each with one log entry, and progress is told every thousand.
#[test]
fn a_batch_keeps_every_form_in_order_with_its_log_entry_and_tells_progress() {
    let mut db = Db::open_in_memory().unwrap();
    let id = survey(&db);
    // Forms saved before the batch are not logged again.
    db.add_form(id, &sample("commitment.csv")[0], Entry::Operator)
        .unwrap();
    let file = read_template(commitment_csv(2_001, None).as_bytes(), None).unwrap();
    let mut told = Vec::new();
    db.import(id, &file, &mut |done, total| told.push((done, total)))
        .unwrap();
    assert_eq!(told, [(1000, 2001), (2000, 2001), (2001, 2001)]);
    let mut stored = db.forms(id, Instrument::Commitment).unwrap();
    assert_eq!(stored.len(), 2_002);
    // The list comes in an order that says nothing (by random UUID);
    // sorted by code, it is the file's content.
    stored.retain(|f| f.data.code.chars().count() == "Анкета 000001".chars().count());
    stored.sort_by(|a, b| a.data.code.cmp(&b.data.code));
    assert_eq!(stored.len(), 2_001);
    for (form, data) in stored.iter().zip(&file.forms) {
        assert_eq!(&form.data, data, "the file's content");
        assert_eq!(form.entry, Entry::Import);
        let log = db.form_log(&form.uuid).unwrap();
        assert_eq!(log.len(), 1, "one entry for {}", data.code);
        assert_eq!(log[0].action, "created");
        assert_eq!(
            log[0].new_content.as_deref(),
            Some(klimat_store::content_json(data).as_str())
        );
    }
    let log = db.form_log(&stored[0].uuid).unwrap();
    assert_eq!(log.len(), 1, "the form keyed before has its one entry");
}

#[test]
fn forms_of_an_instrument_the_survey_lacks_are_refused_whole() {
    let mut db = Db::open_in_memory().unwrap();
    let s = SurveySettings::new(
        "Только приверженность",
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        vec![Instrument::Commitment],
    );
    let id = db.create_survey(&s).unwrap();
    let err = db
        .add_forms(
            id,
            &sample("satisfaction.csv"),
            Entry::Import,
            &mut |_, _| {},
        )
        .unwrap_err();
    assert_eq!(err.code(), "instrument_not_in_survey");
    assert_eq!(db.form_count().unwrap(), 0);
}

#[test]
fn change_log_records_create_edit_delete_and_is_append_only() {
    let mut db = Db::open_in_memory().unwrap();
    let id = survey(&db);
    let mut form = sample("commitment.csv").remove(0);
    let saved = db.add_form(id, &form, Entry::Operator).unwrap();
    form.code = "Анкета 999".into();
    db.update_form(&saved.uuid, &form).unwrap();
    db.delete_form(&saved.uuid).unwrap();
    let log = db.form_log(&saved.uuid).unwrap();
    let actions: Vec<&str> = log.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["created", "edited", "deleted"]);
    assert!(
        log[1]
            .old_content
            .as_deref()
            .unwrap()
            .contains("Анкета 001")
    );
    assert!(
        log[1]
            .new_content
            .as_deref()
            .unwrap()
            .contains("Анкета 999")
    );
    assert!(log[2].new_content.is_none());
    assert_eq!(db.form(&saved.uuid).unwrap_err().code(), "no_form");
    // The log refuses to be rewritten, even by hand.
    let dir = TempDir::new("log");
    let path = dir.join("k.db");
    {
        let mut db = Db::open(&path).unwrap();
        let id = survey(&db);
        db.add_form(id, &form, Entry::Operator).unwrap();
    }
    let conn = rusqlite::Connection::open(&path).unwrap();
    assert!(
        conn.execute("UPDATE form_log SET action = 'x'", [])
            .is_err(),
        "no UPDATE"
    );
    assert!(
        conn.execute("DELETE FROM form_log", []).is_err(),
        "no DELETE"
    );
}

/// Since schema version 7 a new form's log entry does not copy the form:
/// the form itself, then the next entry's old content, give it back.
#[test]
fn a_new_forms_log_entry_gives_back_its_content_without_holding_a_copy() {
    let dir = TempDir::new("lean-log");
    let path = dir.join("k.db");
    let mut db = Db::open(&path).unwrap();
    let id = survey(&db);
    let forms = sample("commitment.csv");
    db.add_forms(id, &forms, Entry::Import, &mut |_, _| {})
        .unwrap();
    let stored = db.forms(id, Instrument::Commitment).unwrap();
    assert_eq!(stored.len(), forms.len());
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        let (entries, copies): (i64, i64) = conn
            .query_row(
                "SELECT count(*), count(new_content) FROM form_log WHERE action = 'created'",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!(entries, forms.len() as i64, "one entry per form");
        assert_eq!(copies, 0, "no entry holds a copy of its form");
    }
    // Unchanged: the created entry's content is the stored form.
    let first = &stored[0];
    let original = klimat_store::content_json(&first.data);
    let log = db.form_log(&first.uuid).unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].action, "created");
    assert_eq!(log[0].old_content, None);
    assert_eq!(log[0].new_content.as_deref(), Some(original.as_str()));
    // Edited twice, then deleted: every entry keeps what it had.
    let mut edited = first.data.clone();
    edited.code = "Правка 1".into();
    db.update_form(&first.uuid, &edited).unwrap();
    let once = klimat_store::content_json(&edited);
    edited.code = "Правка 2".into();
    db.update_form(&first.uuid, &edited).unwrap();
    let twice = klimat_store::content_json(&edited);
    db.delete_form(&first.uuid).unwrap();
    let log = db.form_log(&first.uuid).unwrap();
    let versions: Vec<(&str, Option<&str>, Option<&str>)> = log
        .iter()
        .map(|e| {
            (
                e.action.as_str(),
                e.old_content.as_deref(),
                e.new_content.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        versions,
        [
            ("created", None, Some(original.as_str())),
            ("edited", Some(original.as_str()), Some(once.as_str())),
            ("edited", Some(once.as_str()), Some(twice.as_str())),
            ("deleted", Some(twice.as_str()), None),
        ]
    );
    // A form merged in from an exchange file is logged the same way.
    let exchange = db.exchange_export(id).unwrap();
    let mut other = Db::open(&dir.join("other.db")).unwrap();
    other.merge(&exchange).unwrap();
    let second = &stored[1];
    let log = other.form_log(&second.uuid).unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].action, "merged");
    assert_eq!(
        log[0].new_content.as_deref(),
        Some(klimat_store::content_json(&second.data).as_str())
    );
}

/// A version-6 file's log entries held the content they created; the
/// migration to version 7 keeps them as they are, and the log reads the
/// same before and after.
#[test]
fn migration_to_version_7_keeps_the_log_written_before() {
    let dir = TempDir::new("migrate-7");
    let path = dir.join("old.db");
    let uuid = "00000000-0000-4000-8000-000000000001";
    let content = r#"{"answers":[1,2,3,4,5,0,1,2,3,4,5,0,1,2,3],"code":"Ст-1","instrument":"commitment","position":null,"subdivision":null,"tenure":"1-3"}"#;
    let before = {
        let db = Db::open_to(&path, 6).unwrap();
        let id = survey(&db);
        drop(db);
        // What Klimat 6 wrote: the content copied into the created entry.
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute(
            "INSERT INTO forms (uuid, survey_id, instrument, code, tenure, answers, entry,
                created_at, updated_at)
             VALUES (?1, ?2, 'commitment', 'Ст-1', '1-3', '[1,2,3,4,5,0,1,2,3,4,5,0,1,2,3]',
                'operator', '2026-01-10', '2026-01-10')",
            rusqlite::params![uuid, id],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO form_log (form_uuid, survey_id, action, old_content, new_content, at)
             VALUES (?1, ?2, 'created', NULL, ?3, '2026-01-10')",
            rusqlite::params![uuid, id, content],
        )
        .unwrap();
        drop(conn);
        Db::open_to(&path, 6).unwrap().form_log(uuid).unwrap()
    };
    assert_eq!(before[0].new_content.as_deref(), Some(content));
    let mut db = Db::open(&path).unwrap();
    assert_eq!(db.schema_version().unwrap(), klimat_store::SCHEMA_VERSION);
    assert_eq!(db.form_log(uuid).unwrap(), before);
    let stored = db.form(uuid).unwrap();
    assert_eq!(klimat_store::content_json(&stored.data), content);
    let mut edited = stored.data.clone();
    edited.code = "Ст-2".into();
    db.update_form(uuid, &edited).unwrap();
    let log = db.form_log(uuid).unwrap();
    assert_eq!(log[0], before[0]);
    assert_eq!(log[1].old_content.as_deref(), Some(content));
}

/// The constraints of version 7 (chains of `=`, not `IN` lists) refuse
/// what the old ones refused.
#[test]
fn the_forms_and_the_log_refuse_an_unknown_questionnaire_entry_or_action() {
    let dir = TempDir::new("checks");
    let path = dir.join("k.db");
    let id = survey(&Db::open(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    let form = |instrument: &str, entry: &str| {
        conn.execute(
            "INSERT INTO forms (uuid, survey_id, instrument, code, answers, entry, created_at,
                updated_at) VALUES (?1, ?2, ?3, '', '[]', ?4, '2026-12-07', '2026-12-07')",
            rusqlite::params![format!("{instrument}-{entry}"), id, instrument, entry],
        )
    };
    assert!(form("commitment", "import").is_ok());
    assert!(form("culture", "network").is_ok());
    assert!(form("Commitment", "import").is_err(), "questionnaire");
    assert!(form("satisfaction", "mail").is_err(), "entry");
    let log = |action: &str| {
        conn.execute(
            "INSERT INTO form_log (form_uuid, survey_id, action, at) VALUES ('u', ?1, ?2, '2026-12-07')",
            rusqlite::params![id, action],
        )
    };
    assert!(log("verified").is_ok());
    assert!(log("created ").is_err(), "action");
}

#[test]
fn merging_the_same_file_twice_changes_nothing() {
    let dir = TempDir::new("merge");
    let mut a = Db::open(&dir.join("a.db")).unwrap();
    let id = survey(&a);
    a.add_forms(id, &sample("commitment.csv"), Entry::Import, &mut |_, _| {})
        .unwrap();
    a.add_forms(id, &sample("culture.csv"), Entry::Import, &mut |_, _| {})
        .unwrap();
    let file = a.exchange_export(id).unwrap();
    let mut b = Db::open(&dir.join("b.db")).unwrap();
    let once = b.merge(&file).unwrap();
    assert!(once.survey_created);
    assert_eq!(once.added, 150);
    let twice = b.merge(&file).unwrap();
    assert_eq!(
        (twice.added, twice.updated, twice.unchanged),
        (0, 0, 150),
        "merge twice = merge once"
    );
    assert!(twice.conflicts.is_empty());
    assert_eq!(b.form_count().unwrap(), 150);
    assert_eq!(
        b.surveys().unwrap().len(),
        1,
        "the survey is matched by UUID, not duplicated"
    );
    // Merging back into the source changes nothing either.
    let back = a
        .merge(&b.exchange_export(once.survey_id).unwrap())
        .unwrap();
    assert_eq!((back.added, back.updated, back.unchanged), (0, 0, 150));
}

#[test]
fn edits_travel_and_conflicting_edits_are_reported_not_overwritten() {
    let mut a = Db::open_in_memory().unwrap();
    let id = survey(&a);
    a.add_forms(
        id,
        &sample("commitment.csv")[..3],
        Entry::Import,
        &mut |_, _| {},
    )
    .unwrap();
    let mut b = Db::open_in_memory().unwrap();
    let b_id = b.merge(&a.exchange_export(id).unwrap()).unwrap().survey_id;
    let forms_a = a.forms(id, Instrument::Commitment).unwrap();
    // Form 0 edited only on A: B takes the new version.
    let mut f0 = forms_a[0].data.clone();
    f0.code = "Анкета 001-исправлена".into();
    a.update_form(&forms_a[0].uuid, &f0).unwrap();
    // Form 1 edited on both sides: a conflict.
    let mut f1a = forms_a[1].data.clone();
    f1a.code = "A".into();
    a.update_form(&forms_a[1].uuid, &f1a).unwrap();
    let mut f1b = forms_a[1].data.clone();
    f1b.code = "B".into();
    b.update_form(&forms_a[1].uuid, &f1b).unwrap();
    // Form 2 edited only on B: B keeps its newer version.
    let mut f2b = forms_a[2].data.clone();
    f2b.code = "B2".into();
    b.update_form(&forms_a[2].uuid, &f2b).unwrap();
    let r = b.merge(&a.exchange_export(id).unwrap()).unwrap();
    assert_eq!(r.updated, 1, "the edit made only on A arrives");
    assert_eq!(r.kept_newer_here, 1, "B's own newer edit is kept");
    assert_eq!(
        r.conflicts.len(),
        1,
        "the edit made on both sides is a conflict"
    );
    assert_eq!(r.conflicts[0].uuid, forms_a[1].uuid);
    assert_eq!(
        b.form(&forms_a[0].uuid).unwrap().data.code,
        "Анкета 001-исправлена"
    );
    assert_eq!(
        b.form(&forms_a[1].uuid).unwrap().data.code,
        "B",
        "not silently overwritten"
    );
    assert_eq!(b.form(&forms_a[2].uuid).unwrap().data.code, "B2");
    assert_eq!(b.forms(b_id, Instrument::Commitment).unwrap().len(), 3);
}

#[test]
fn a_broken_exchange_file_changes_nothing() {
    let mut db = Db::open_in_memory().unwrap();
    for bytes in [&b"not json"[..], br#"{"format":"other"}"#, br#"{"format":"klimat-exchange","version":1,"survey":{"uuid":"x","name":"n","date":"2026-01-01","instruments":["commitment"]},"forms":[{"uuid":"bad"}]}"#] {
        let err = db.merge(bytes).unwrap_err();
        assert_eq!(err.code(), "bad_exchange_file", "{err}");
    }
    assert!(db.surveys().unwrap().is_empty());
}

#[test]
fn migration_from_the_first_schema_keeps_every_form_and_copies_the_file_first() {
    let dir = TempDir::new("migrate");
    let path = dir.join("old.db");
    {
        let mut db = Db::open_to(&path, 1).unwrap();
        assert_eq!(db.schema_version().unwrap(), 1);
        let id = survey(&db);
        db.add_forms(id, &sample("commitment.csv"), Entry::Import, &mut |_, _| {})
            .unwrap();
        db.add_forms(
            id,
            &sample("satisfaction.csv"),
            Entry::Import,
            &mut |_, _| {},
        )
        .unwrap();
    }
    let db = Db::open(&path).unwrap();
    assert_eq!(db.schema_version().unwrap(), klimat_store::SCHEMA_VERSION);
    assert_eq!(
        db.form_count().unwrap(),
        180,
        "every form survives the migration"
    );
    db.set_setting("kiosk_pin", "1234").unwrap();
    assert_eq!(
        db.setting("kiosk_pin").unwrap().as_deref(),
        Some("1234"),
        "migration 2 ran"
    );
    let copies: Vec<_> = std::fs::read_dir(&dir.0)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("old.db.v1-") && n.ends_with(".bak"))
        .collect();
    assert_eq!(
        copies.len(),
        1,
        "a copy of the version-1 file is written beside it"
    );
    let copy = Db::open_to(&dir.join(&copies[0]), 1).unwrap();
    assert_eq!(copy.schema_version().unwrap(), 1);
    assert_eq!(copy.form_count().unwrap(), 180);
}

#[test]
fn a_database_from_a_newer_klimat_is_refused_untouched() {
    let dir = TempDir::new("newer");
    let path = dir.join("new.db");
    drop(Db::open(&path).unwrap());
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Db::open(&path).unwrap_err();
    assert_eq!(err.code(), "newer_schema");
    assert!(
        err.to_string().contains("более новой версией Klimat"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the file is not changed"
    );
    // And a foreign SQLite file is not taken for ours.
    let other = dir.join("other.db");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE t (x)")
        .unwrap();
    assert_eq!(Db::open(&other).unwrap_err().code(), "not_klimat_database");
}

#[test]
fn backup_and_restore() {
    let dir = TempDir::new("backup");
    let mut db = Db::open(&dir.join("k.db")).unwrap();
    let id = survey(&db);
    db.add_forms(id, &sample("commitment.csv"), Entry::Import, &mut |_, _| {})
        .unwrap();
    let copy = dir.join("copy.db");
    db.backup(&copy).unwrap();
    assert_eq!(
        db.backup(&copy).unwrap_err().code(),
        "invalid",
        "an existing file is not overwritten"
    );
    db.add_forms(
        id,
        &sample("satisfaction.csv"),
        Entry::Import,
        &mut |_, _| {},
    )
    .unwrap();
    assert_eq!(db.form_count().unwrap(), 180);
    let saved = db
        .restore(&copy)
        .unwrap()
        .expect("the current database is kept aside");
    assert_eq!(
        db.form_count().unwrap(),
        120,
        "the backup's content is back"
    );
    assert_eq!(db.integrity_check().unwrap(), "ok");
    assert_eq!(
        Db::open(&saved).unwrap().form_count().unwrap(),
        180,
        "the replaced content is kept"
    );
    // A file that is not a backup changes nothing.
    let junk = dir.join("junk.db");
    std::fs::write(&junk, b"not a database at all").unwrap();
    assert!(db.restore(&junk).is_err());
    assert_eq!(db.form_count().unwrap(), 120);
}

#[test]
fn the_blank_template_lists_allowed_values_and_imports_when_filled() {
    let mut s = SurveySettings::new(
        "Т",
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        vec![Instrument::Satisfaction],
    );
    s.subdivisions = vec!["Отдел кадров".into()];
    let bytes = blank_template(Instrument::Satisfaction, &s).unwrap();
    // The template's header is the import header: the blank file is
    // recognised as satisfaction and refused only for having no forms.
    let err = read_template(&bytes, None).unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::Template(klimat_core::template::TemplateError::NoForms)
        ),
        "{err}"
    );
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.starts_with("PK"), "an XLSX (zip) file");
}

#[test]
fn portable_mode_keeps_data_beside_the_executable() {
    let dir = TempDir::new("portable");
    let env = |k: &str| match k {
        "HOME" => Some("/home/u".to_owned()),
        _ => None,
    };
    let normal = paths::data_dir(&dir.0, env);
    assert!(
        !normal.starts_with(&dir.0),
        "without the marker: the user's data directory"
    );
    std::fs::write(dir.join("portable"), b"").unwrap();
    assert_eq!(
        paths::data_dir(&dir.0, env),
        dir.join("klimat-data"),
        "with it: beside the program"
    );
}

#[test]
fn score_from_the_database_equals_score_from_the_file() {
    let dir = TempDir::new("score");
    let db_path = dir.join("k.db");
    let db = db_path.to_str().unwrap();
    let out = klimat_tests::klimat(&[
        "--db",
        db,
        "survey",
        "create",
        "--subdivisions",
        klimat_tests::SUBDIVISIONS,
        "--name",
        "Д",
        "--instruments",
        "commitment,satisfaction",
        "--date",
        "2026-11-23",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let id = String::from_utf8(out.stdout).unwrap().trim().to_owned();
    assert_eq!(id, "1", "survey create prints the id alone");
    for (instrument, file) in [
        ("commitment", fixture("commitment-b2.csv")),
        (
            "satisfaction",
            klimat_tests::root().join("samples/satisfaction.csv"),
        ),
    ] {
        let file = file.to_str().unwrap();
        let imp = klimat_tests::klimat(&["--db", db, "import", "--survey", &id, file]);
        assert!(
            imp.status.success(),
            "{}",
            String::from_utf8_lossy(&imp.stderr)
        );
        let from_db = klimat_tests::klimat(&[
            "--db",
            db,
            "score",
            "--survey",
            &id,
            "--instrument",
            instrument,
        ]);
        let from_file =
            klimat_tests::klimat(&["score", "--input", file, "--instrument", instrument]);
        assert!(
            from_db.status.success(),
            "{}",
            String::from_utf8_lossy(&from_db.stderr)
        );
        assert_eq!(
            from_db.stdout, from_file.stdout,
            "{instrument}: same JSON from the database and the file"
        );
    }
    let refused = klimat_tests::klimat(&[
        "--db",
        db,
        "import",
        "--survey",
        "42",
        fixture("commitment-b2.csv").to_str().unwrap(),
    ]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("Нет анкетирования с номером 42"));
}

#[test]
fn an_all_blank_form_without_code_survives_export_and_import() {
    // Found by the import_csv fuzz target: such a form was exported as a row
    // of empty cells, which import skips.
    let text = format!(
        "{},extra\n,,,,,,,,,,,,,,,,,,,x\n",
        klimat_tests::commitment_header()
    );
    let forms = read_template(text.as_bytes(), None).unwrap().forms;
    assert_eq!(forms.len(), 1, "a row with a non-empty cell is a form");
    for bytes in [
        to_csv(Instrument::Commitment, &forms).unwrap(),
        to_xlsx(Instrument::Commitment, &forms).unwrap(),
    ] {
        assert_eq!(read_template(&bytes, None).unwrap().forms, forms);
    }
}

#[test]
fn an_xlsx_with_an_absurd_cell_reference_is_refused_not_a_crash() {
    // Found by the import_xlsx fuzz target: calamine overflows on it when
    // built with overflow checks (as tests are).
    let bytes = std::fs::read(fixture("fuzz-xlsx-cell-reference-overflow.bin")).unwrap();
    let err = read_template(&bytes, None).unwrap_err();
    assert_eq!(err.code(), "bad_xlsx", "{err}");
}

#[test]
fn a_second_klimat_on_the_same_database_is_refused() {
    let dir = TempDir::new("second");
    let path = dir.join("k.db");
    let first = Db::open(&path).unwrap();
    let err = Db::open(&path).unwrap_err();
    assert_eq!(err.code(), "database_in_use");
    assert!(
        err.to_string().contains("уже открыта другой копией Klimat"),
        "{err}"
    );
    drop(first);
    assert!(
        Db::open(&path).is_ok(),
        "free again once the first one closed"
    );
}

#[test]
fn a_full_disk_gives_a_clear_message_and_loses_nothing_saved() {
    let dir = TempDir::new("full");
    let mut db = Db::open(&dir.join("k.db")).unwrap();
    let id = survey(&db);
    let forms = sample("commitment.csv");
    db.add_forms(id, &forms[..10], Entry::Import, &mut |_, _| {})
        .unwrap();
    db.limit_pages_for_tests(1).unwrap();
    let big: Vec<FormData> = (0..200)
        .flat_map(|_| forms.iter().cloned())
        .enumerate()
        .map(|(i, mut f)| {
            f.code = format!("Б-{i:05}");
            f
        })
        .collect();
    let err = db
        .add_forms(id, &big, Entry::Import, &mut |_, _| {})
        .unwrap_err();
    assert_eq!(err.code(), "disk_full", "{err}");
    assert!(
        err.to_string().contains("Недостаточно места на диске"),
        "{err}"
    );
    assert_eq!(
        db.form_count().unwrap(),
        10,
        "the ten forms saved before are all there"
    );
    assert_eq!(db.integrity_check().unwrap(), "ok");
}

/// Runs `klimat` as a user who may read but not write the database: as
/// `nobody` through `setpriv` when the tests run as root (root writes
/// anywhere), as the current user otherwise.
fn klimat_without_write_access(args: &[&str]) -> std::process::Output {
    let root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.trim_ascii() == b"0");
    let mut cmd = if root {
        let mut c = std::process::Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
            .arg(klimat_tests::klimat_bin());
        c
    } else {
        std::process::Command::new(klimat_tests::klimat_bin())
    };
    cmd.args(args).output().expect("run klimat")
}

fn set_mode(path: &std::path::Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[test]
fn a_read_only_folder_or_file_gives_a_clear_message_and_loses_nothing_saved() {
    let dir = TempDir::new("readonly");
    set_mode(&dir.0, 0o755);
    let path = dir.join("k.db");
    let csv = dir.join("more.csv");
    std::fs::write(&csv, commitment_csv(5, None)).unwrap();
    set_mode(&csv, 0o644);
    {
        let mut db = Db::open(&path).unwrap();
        let id = survey(&db);
        db.add_forms(
            id,
            &sample("commitment.csv")[..10],
            Entry::Import,
            &mut |_, _| {},
        )
        .unwrap();
    }
    let db_arg = path.to_str().unwrap();
    let import = [
        "--db",
        db_arg,
        "import",
        "--survey",
        "1",
        csv.to_str().unwrap(),
    ];

    // 1. A write-protected folder (a locked USB stick): refused at opening.
    set_mode(&dir.0, 0o555);
    set_mode(&path, 0o444);
    let out = klimat_without_write_access(&import);
    assert_eq!(out.status.code(), Some(2), "refused with status 2");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("База данных недоступна для записи"),
        "a clear message, not the system's words: {err}"
    );

    // 2. A read-only file in a writable folder: it opens, the import is
    // refused with the same message when it tries to write.
    set_mode(&dir.0, 0o777);
    std::fs::remove_file(dir.join("k.db.lock")).unwrap();
    let out = klimat_without_write_access(&import);
    assert_eq!(out.status.code(), Some(2), "refused with status 2");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("База данных недоступна для записи"), "{err}");

    set_mode(&dir.0, 0o755);
    set_mode(&path, 0o644);
    let db = Db::open(&path).unwrap();
    assert_eq!(db.integrity_check().unwrap(), "ok");
    assert_eq!(
        db.form_count().unwrap(),
        10,
        "the ten forms saved before are all there, and nothing was added"
    );
}

#[test]
fn a_refused_survey_write_leaves_no_organization_and_malformed_reads_are_errors() {
    // Issue 11: the organization and the survey are written in one
    // transaction.
    let dir = TempDir::new("survey-tx");
    let path = dir.join("k.db");
    let db = Db::open(&path).unwrap();
    let mut s = SurveySettings::new(
        "Д",
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
        vec![Instrument::Commitment],
    );
    s.organization = Some("Новая организация".into());
    assert_eq!(db.update_survey(999, &s).unwrap_err().code(), "no_survey");
    let id = db.create_survey(&s).unwrap();
    drop(db);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let orgs: i64 = conn
        .query_row("SELECT count(*) FROM organizations", [], |r| r.get(0))
        .unwrap();
    assert_eq!(orgs, 1, "only the created survey's organization");
    // A stored key Klimat does not know is an error, not the default key.
    conn.execute(
        "UPDATE surveys SET satisfaction_key = 'corrected' WHERE id = ?1",
        [id],
    )
    .unwrap();
    conn.execute_batch(
        "PRAGMA ignore_check_constraints = ON; UPDATE surveys SET satisfaction_key = 'bogus';",
    )
    .unwrap();
    drop(conn);
    let db = Db::open(&path).unwrap();
    assert_eq!(db.survey(id).unwrap_err().code(), "database");
}

#[test]
fn the_entry_list_is_a_page_and_its_search_covers_every_form() {
    // Issue 19: the entry screen lists one page, whatever the survey's
    // size; the search by code runs over every stored form, in any case.
    let dir = klimat_tests::TempDir::new("store-page");
    let mut db = klimat_store::Db::open(&dir.join("k.db")).unwrap();
    let s = klimat_store::SurveySettings::new(
        "Большое",
        chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
        vec![klimat_core::Instrument::Commitment],
    );
    let id = db.create_survey(&s).unwrap();
    let forms: Vec<klimat_store::FormData> = (1..=1500)
        .map(|i| klimat_store::FormData {
            code: format!("Анкета {i:04}"),
            tenure: klimat_core::tenure::Tenure::Unknown,
            subdivision: None,
            position: None,
            answers: klimat_store::Answers::Commitment(klimat_core::commitment::CommitmentAnswers(
                [3; 15],
            )),
        })
        .collect();
    db.add_forms(id, &forms, klimat_store::Entry::Import, &mut |_, _| {})
        .unwrap();
    let commitment = klimat_core::Instrument::Commitment;
    let page = db.forms_page(id, commitment, "", 100).unwrap();
    assert_eq!(
        (page.total, page.matching, page.forms.len()),
        (1500, 1500, 100)
    );
    assert_eq!(page.forms[0].data.code, "Анкета 1500", "newest first");
    // The first form is far outside the page, and found by any case.
    let page = db
        .forms_page(id, commitment, "  анкета 0001 ", 100)
        .unwrap();
    assert_eq!(page.matching, 1);
    assert_eq!(page.forms[0].data.code, "Анкета 0001");
    let page = db.forms_page(id, commitment, "АНКЕТА 00", 100).unwrap();
    assert_eq!((page.matching, page.forms.len()), (99, 99));
    assert_eq!(db.form_codes(id, commitment).unwrap().len(), 1500);
    assert_eq!(
        db.forms_page(id, klimat_core::Instrument::Satisfaction, "", 100)
            .unwrap()
            .total,
        0
    );
}

#[test]
fn a_deleted_surveys_id_is_never_given_again_and_the_settings_naming_it_go() {
    let db = Db::open_in_memory().unwrap();
    let first = survey(&db);
    let second = survey(&db);
    db.set_setting("kiosk_survey", &second.to_string()).unwrap();
    let uuid = db.survey(second).unwrap().uuid;
    db.set_setting("example_survey", &uuid).unwrap();
    db.set_setting("kiosk_instrument", "commitment").unwrap();
    db.delete_survey(second).unwrap();
    assert_eq!(db.setting("kiosk_survey").unwrap(), None);
    assert_eq!(db.setting("example_survey").unwrap(), None);
    assert_eq!(
        db.setting("kiosk_instrument").unwrap().as_deref(),
        Some("commitment"),
        "a setting that names no survey stays"
    );
    let third = survey(&db);
    assert!(
        third > second && third != first,
        "ids {first}, {second} (deleted), then {third}"
    );
}

#[test]
fn migration_to_version_8_keeps_every_form_and_never_reuses_a_logged_survey_id() {
    let dir = TempDir::new("migrate8");
    let path = dir.join("v7.db");
    let (kept, deleted) = {
        let mut db = Db::open_to(&path, 7).unwrap();
        let kept = survey(&db);
        db.add_forms(
            kept,
            &sample("commitment.csv"),
            Entry::Import,
            &mut |_, _| {},
        )
        .unwrap();
        let deleted = survey(&db);
        db.add_forms(
            deleted,
            &sample("satisfaction.csv"),
            Entry::Import,
            &mut |_, _| {},
        )
        .unwrap();
        db.set_setting("example_survey", &deleted.to_string())
            .unwrap();
        db.set_setting("kiosk_survey", &kept.to_string()).unwrap();
        db.delete_survey(deleted).unwrap();
        (kept, deleted)
    };
    let db = Db::open(&path).unwrap();
    assert_eq!(db.schema_version().unwrap(), klimat_store::SCHEMA_VERSION);
    assert_eq!(
        db.forms(kept, Instrument::Commitment).unwrap().len(),
        120,
        "rebuilding the surveys table deleted no form by cascade"
    );
    assert_eq!(db.integrity_check().unwrap(), "ok");
    assert_eq!(
        db.setting("example_survey").unwrap(),
        None,
        "a setting naming a survey that is gone is dropped"
    );
    assert_eq!(db.setting("kiosk_survey").unwrap(), Some(kept.to_string()));
    let new = survey(&db);
    assert!(new > deleted, "new id {new}, deleted {deleted}");
    // Foreign keys are on again after the migration: a survey's deletion
    // still takes its forms.
    db.delete_survey(kept).unwrap();
    assert_eq!(db.form_count().unwrap(), 0);
}

#[test]
fn kiosk_forms_keep_no_queue_order_in_ids_lists_or_exports() {
    // Issue 26: a kiosk queue came back in queue order from the ids, the
    // CSV export and the exchange file.
    let dir = TempDir::new("kiosk-order");
    let path = dir.join("k.db");
    let mut db = Db::open(&path).unwrap();
    let id = survey(&db);
    let forms = sample("commitment.csv");
    let mut queue = Vec::new();
    for (i, f) in forms.iter().take(60).enumerate() {
        let mut f = f.clone();
        f.code = format!("Киоск {i:03}");
        queue.push(db.add_form(id, &f, Entry::Kiosk).unwrap().uuid);
    }
    assert!(db.unsealed().unwrap(), "a kiosk form marks the file");
    let place = |uuid: &str| queue.iter().position(|q| q == uuid).unwrap() as f64;
    // Kendall-like: the share of pairs in queue order, about ½ by chance.
    let in_order = |seq: &[f64]| {
        let mut agree = 0;
        let mut all = 0;
        for i in 0..seq.len() {
            for j in i + 1..seq.len() {
                all += 1;
                if seq[i] < seq[j] {
                    agree += 1;
                }
            }
        }
        f64::from(agree) / f64::from(all)
    };
    let listed: Vec<f64> = db
        .forms(id, Instrument::Commitment)
        .unwrap()
        .iter()
        .map(|f| place(&f.uuid))
        .collect();
    let share = in_order(&listed);
    assert!(
        (0.3..0.7).contains(&share),
        "the list follows the queue: {share}"
    );
    let exported = to_csv(
        Instrument::Commitment,
        &db.forms(id, Instrument::Commitment)
            .unwrap()
            .into_iter()
            .map(|f| f.data)
            .collect::<Vec<_>>(),
    )
    .unwrap();
    let text = String::from_utf8_lossy(&exported);
    let codes: Vec<f64> = text
        .lines()
        .filter_map(|l| l.split([',', ';']).next())
        .filter_map(|c| c.strip_prefix("Киоск "))
        .map(|n| n.parse::<f64>().unwrap())
        .collect();
    assert_eq!(codes.len(), 60);
    let share = in_order(&codes);
    assert!(
        (0.3..0.7).contains(&share),
        "the export follows the queue: {share}"
    );
    db.close().unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    let mut stmt = conn.prepare("SELECT uuid FROM forms ORDER BY id").unwrap();
    let by_id: Vec<f64> = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .map(|u| place(&u.unwrap()))
        .collect();
    let share = in_order(&by_id);
    assert!(
        (0.3..0.7).contains(&share),
        "the ids follow the queue: {share}"
    );
}

#[test]
fn a_backup_with_4_kb_pages_restores_into_a_16_kb_database_and_back() {
    // Issue 27, item 12: the move to a new PC failed with «только для
    // чтения» when the page sizes differed.
    let dir = TempDir::new("restore-pages");
    let old = dir.join("old.db");
    {
        let mut db = Db::open(&dir.join("a.db")).unwrap();
        let id = survey(&db);
        db.add_forms(id, &sample("commitment.csv"), Entry::Import, &mut |_, _| {})
            .unwrap();
        db.backup(&old).unwrap();
    }
    // As Klimat before schema 7 wrote it: 4 KB pages.
    {
        let conn = rusqlite::Connection::open(&old).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
        conn.pragma_update(None, "page_size", 4096).unwrap();
        conn.execute_batch("VACUUM").unwrap();
        let size: i64 = conn
            .query_row("PRAGMA page_size", [], |r| r.get(0))
            .unwrap();
        assert_eq!(size, 4096);
    }
    let path = dir.join("k.db");
    let mut db = Db::open(&path).unwrap();
    survey(&db);
    db.restore(&old).unwrap();
    assert_eq!(db.form_count().unwrap(), 120, "the 4 KB backup restored");
    assert_eq!(db.integrity_check().unwrap(), "ok");
    let new = dir.join("new.db");
    {
        let other = Db::open(&dir.join("b.db")).unwrap();
        survey(&other);
        other.backup(&new).unwrap();
    }
    db.restore(&new).unwrap();
    assert_eq!(db.form_count().unwrap(), 0, "and a 16 KB one back over it");
    assert_eq!(db.surveys().unwrap().len(), 1);
    drop(db);
    let db = Db::open(&path).unwrap();
    assert_eq!(db.integrity_check().unwrap(), "ok");
}

#[test]
fn double_entry_never_picks_a_kiosk_or_network_form_which_has_no_paper() {
    // Issue 27, item 7.
    let mut db = Db::open_in_memory().unwrap();
    let id = survey(&db);
    let forms = sample("commitment.csv");
    let mut paper = Vec::new();
    for (i, f) in forms.iter().take(20).enumerate() {
        let entry = if i % 2 == 0 {
            Entry::Operator
        } else {
            Entry::Kiosk
        };
        let saved = db.add_form(id, f, entry).unwrap();
        if entry == Entry::Operator {
            paper.push(saved.data.code);
        }
    }
    let picked = db
        .plan_verification(id, Instrument::Commitment, 100)
        .unwrap();
    assert_eq!(picked.len(), 10, "every paper form, and only those");
    assert!(picked.iter().all(|p| paper.contains(&p.code)), "{picked:?}");
}

#[test]
fn a_subdivision_renamed_in_its_line_is_renamed_in_the_forms_and_one_in_use_is_not_dropped() {
    // Issue 27, item 3.
    let mut db = Db::open_in_memory().unwrap();
    let id = survey(&db);
    db.add_forms(id, &sample("commitment.csv"), Entry::Import, &mut |_, _| {})
        .unwrap();
    let old = "Отдел кадров";
    let held = |db: &Db, name: &str| {
        db.forms(id, Instrument::Commitment)
            .unwrap()
            .iter()
            .filter(|f| f.data.subdivision.as_deref() == Some(name))
            .count()
    };
    let before = held(&db, old);
    assert!(before > 0);
    db.set_report_settings(
        id,
        &klimat_store::ReportSettings {
            staff: vec![(old.to_owned(), 40)],
            ..Default::default()
        },
    )
    .unwrap();
    let mut s = db.survey(id).unwrap().settings;
    let line = s.subdivisions.iter().position(|x| x == old).unwrap();
    s.subdivisions[line] = "Отдел кадров и делопроизводства".into();
    db.update_survey(id, &s).unwrap();
    assert_eq!(held(&db, old), 0);
    assert_eq!(held(&db, "Отдел кадров и делопроизводства"), before);
    assert_eq!(
        db.report_settings(id).unwrap().staff,
        vec![("Отдел кадров и делопроизводства".to_owned(), 40)]
    );
    let f = db
        .forms(id, Instrument::Commitment)
        .unwrap()
        .into_iter()
        .find(|f| f.data.subdivision.as_deref() == Some("Отдел кадров и делопроизводства"))
        .unwrap();
    assert_eq!(
        db.form_log(&f.uuid).unwrap().last().unwrap().action,
        "edited"
    );
    // Removing a subdivision that forms hold is refused, nothing changed.
    let mut s = db.survey(id).unwrap().settings;
    s.subdivisions
        .retain(|x| x != "Отдел кадров и делопроизводства");
    let e = db.update_survey(id, &s).unwrap_err();
    assert!(e.to_string().contains("нельзя убрать"), "{e}");
    assert_eq!(held(&db, "Отдел кадров и делопроизводства"), before);
    assert!(
        db.survey(id)
            .unwrap()
            .settings
            .subdivisions
            .contains(&"Отдел кадров и делопроизводства".to_owned())
    );
}

#[test]
fn an_exchange_file_hiding_too_many_texts_is_refused_whole() {
    // A hostile exchange file must not bloat the survey's settings.
    let db = Db::open_in_memory().unwrap();
    let id = survey(&db);
    let bytes = db.exchange_export(id).unwrap();
    let mut doc: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    doc["survey"]["uuid"] = serde_json::json!(uuid_like());
    doc["survey"]["hidden_texts"] = serde_json::json!(
        (0..10_001)
            .map(|i| format!("текст {i}"))
            .collect::<Vec<_>>()
    );
    let mut other = Db::open_in_memory().unwrap();
    let e = other.merge(&serde_json::to_vec(&doc).unwrap()).unwrap_err();
    assert!(e.to_string().contains("hidden_texts"), "{e}");
    assert!(other.surveys().unwrap().is_empty(), "nothing merged");
    // A list within the limit is taken, in one write.
    doc["survey"]["hidden_texts"] = serde_json::json!(["Я начальник гаража"]);
    let report = other.merge(&serde_json::to_vec(&doc).unwrap()).unwrap();
    assert_eq!(
        other
            .report_settings(report.survey_id)
            .unwrap()
            .hidden_texts,
        vec!["я начальник гаража".to_owned()]
    );
}

fn uuid_like() -> String {
    "00000000-0000-4000-8000-00000000abcd".to_owned()
}

/// Issue 27, item 6: the entry screen's next code follows the operator's
/// own series — the codes of keyed forms come last — not an imported
/// file's, a merged installation's or a kiosk's random code.
#[test]
fn the_operators_own_codes_come_last_for_the_next_code() {
    let mut db = Db::open_in_memory().unwrap();
    let mut s = SurveySettings::new(
        "Коды",
        chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap(),
        vec![Instrument::Commitment],
    );
    s.subdivisions = klimat_tests::subdivisions();
    let id = db.create_survey(&s).unwrap();
    let file =
        klimat_store::import::read_template(klimat_tests::commitment_csv(3, None).as_bytes(), None)
            .unwrap();
    let mut keyed = file.forms[0].clone();
    keyed.code = "А-007".into();
    db.add_form(id, &keyed, Entry::Operator).unwrap();
    let mut imported = file.forms[1].clone();
    imported.code = "Э-041".into();
    db.add_form(id, &imported, Entry::Import).unwrap();
    let mut kiosk = file.forms[2].clone();
    kiosk.code = "Киоск ETVA3S".into();
    db.add_form(id, &kiosk, Entry::Kiosk).unwrap();
    let codes = db.form_codes(id, Instrument::Commitment).unwrap();
    assert_eq!(codes.len(), 3);
    assert_eq!(codes.last().map(String::as_str), Some("А-007"), "{codes:?}");
    assert_eq!(codes[0], "Киоск ETVA3S", "{codes:?}");
}
