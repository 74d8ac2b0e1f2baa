//! Killing `klimat` with SIGKILL in the middle of writing, then reopening:
//! the file is sound, every save that returned is there, and an interrupted
//! import is wholly absent.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use klimat_store::Db;
use klimat_tests::{TempDir, commitment_csv, klimat, klimat_bin};

fn create_survey(db: &str) -> String {
    let out = klimat(&[
        "--db",
        db,
        "survey",
        "create",
        "--subdivisions",
        klimat_tests::SUBDIVISIONS,
        "--name",
        "Сбой",
        "--instruments",
        "commitment",
    ]);
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

#[test]
fn sigkill_during_a_large_import_leaves_nothing_of_it() {
    let dir = TempDir::new("kill-import");
    let db = dir.join("k.db");
    let db = db.to_str().unwrap();
    let id = create_survey(db);
    let csv = dir.join("big.csv");
    std::fs::write(&csv, commitment_csv(100_000, None)).unwrap();
    let mut child = Command::new(klimat_bin())
        .args(["--db", db, "import", "--survey", &id, csv.to_str().unwrap()])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The first progress line is printed from inside the transaction, after
    // 10 000 forms were written to it: kill the process right then.
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    stderr.read_line(&mut line).unwrap();
    assert!(line.contains("10000 / 100000"), "progress line: {line:?}");
    child.kill().unwrap(); // SIGKILL on Unix
    child.wait().unwrap();
    let reopened = Db::open(std::path::Path::new(db)).unwrap();
    assert_eq!(reopened.integrity_check().unwrap(), "ok");
    assert_eq!(
        reopened.form_count().unwrap(),
        0,
        "the interrupted import is wholly absent"
    );
    assert_eq!(
        reopened.surveys().unwrap().len(),
        1,
        "what was saved before is intact"
    );
}

#[test]
fn sigkill_during_single_form_saves_keeps_every_save_that_returned() {
    let dir = TempDir::new("kill-entry");
    let db = dir.join("k.db");
    let db = db.to_str().unwrap();
    let id = create_survey(db);
    let csv = dir.join("forms.csv");
    std::fs::write(&csv, commitment_csv(5_000, None)).unwrap();
    let mut child = Command::new(klimat_bin())
        .args(["--db", db, "entry", "--survey", &id, csv.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut saved = Vec::new();
    let mut line = String::new();
    while saved.len() < 40 {
        line.clear();
        assert!(
            stdout.read_line(&mut line).unwrap() > 0,
            "entry ended early"
        );
        saved.push(line.split('\t').next().unwrap().to_owned());
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let reopened = Db::open(std::path::Path::new(db)).unwrap();
    assert_eq!(reopened.integrity_check().unwrap(), "ok");
    for uuid in &saved {
        assert!(
            reopened.form(uuid).is_ok(),
            "form {uuid} was reported saved and must be there"
        );
    }
    let n = reopened.form_count().unwrap();
    assert!((40..5_000).contains(&n), "killed mid-stream: {n} forms");
}
