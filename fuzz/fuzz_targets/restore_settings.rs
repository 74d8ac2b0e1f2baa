//! A sound backup whose `settings` table and report settings hold any
//! keys and values: restore must take it only if every value has its key's
//! shape (no kiosk wait beyond five minutes, no kiosk state but on or off,
//! report settings that read and obey their rules), and a refused restore
//! leaves the database as it was.
#![no_main]

use klimat_store::{Db, SurveySettings};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.split('\u{1}');
    let report = parts.next().unwrap_or("").to_owned();
    let pairs: Vec<(String, String)> = parts
        .filter_map(|p| p.split_once('='))
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .take(16)
        .collect();

    let dir = std::env::temp_dir().join(format!("klimat-fuzz-settings-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let source = dir.join("backup.db");
    {
        let db = Db::open(&source).expect("a new database");
        let s = SurveySettings::new(
            "Опрос",
            chrono::NaiveDate::from_ymd_opt(2026, 12, 7).expect("a date"),
            klimat_core::Instrument::ALL.to_vec(),
        );
        db.create_survey(&s).expect("a survey");
    }
    {
        let conn = rusqlite::Connection::open(&source).expect("the backup");
        for (k, v) in &pairs {
            let _ = conn.execute(
                "INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)",
                [k, v],
            );
        }
        let _ = conn.execute("UPDATE surveys SET report_settings = ?1", [&report]);
    }
    let mut db = Db::open(&dir.join("k.db")).expect("the database restored over");
    let now = chrono::Utc::now().timestamp();
    match db.restore(&source) {
        Ok(_) => {
            for s in db.surveys().expect("surveys read back") {
                db.report_settings(s.id).expect("report settings read back");
            }
            for (k, _) in &pairs {
                if let Some(v) = db.setting(k).expect("a setting reads back") {
                    assert!(
                        klimat_store::keys::valid(k, &v, now + 60),
                        "restored a setting out of its rule: {k}={v}"
                    );
                }
            }
        }
        Err(_) => assert!(db.surveys().expect("still readable").is_empty()),
    }
    drop(db);
    let _ = std::fs::remove_dir_all(&dir);
});
