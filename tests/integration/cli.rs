//! The `klimat` command (docs/methodology.md, "The `klimat score` JSON"),
//! run as a real process.

use klimat_tests::{TempFile, fixture, klimat, satisfaction_header};
use serde_json::Value;

fn score(instrument: &str, path: &str, extra: &[&str]) -> Value {
    let mut args = vec!["score", "--instrument", instrument, "--input", path];
    args.extend(extra);
    let out = klimat(&args);
    assert!(
        out.status.success(),
        "klimat score failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("stdout is one JSON object")
}

#[test]
fn commitment_json_of_the_worked_example() {
    let path = fixture("commitment-b2.csv");
    let v = score("commitment", path.to_str().unwrap(), &[]);
    assert_eq!(v["respondents"], 120);
    assert_eq!(v["index"]["OP"], 2138, "Table Б.8: OP");
    assert_eq!(v["index"]["OPmax"], 4680, "Table Б.8: OPmax");
    let p = v["index"]["P"].as_f64().unwrap();
    assert!(
        (p - 45.683_760_683_760_68).abs() < 1e-9,
        "P is unrounded percent, got {p}"
    );
    assert_eq!(v["index"]["level"], "acceptable");
    assert_eq!(v["levels"]["absent"], 2, "Table Б.9");
    assert_eq!(v["levels"]["high"], 8, "Table Б.9");
    assert_eq!(
        v["blocks"][5]["counts"][0], 70,
        "Table Б.3 misprint fixed: 70 answers of 1"
    );
    assert_eq!(v["blocks"][0]["block"], "identification");
    assert_eq!(v["blocks"][1]["sign"], "-");
    assert_eq!(v["by_tenure"][5]["band"], "gt15");
    assert_eq!(
        v["by_tenure"][1]["total"], 18.6,
        "Table Б.6 «1-3 лет» total (18,50 misprinted)"
    );
    assert_eq!(
        v["items"][0]["sum"], 401,
        "statement 1: 7·1 + 20·2 + 33·3 + 40·4 + 19·5"
    );
    assert_eq!(v["respondents_detail"][0]["code"], "Анкета 001");
    assert_eq!(v["respondents_detail"][0]["IP"], 11, "Table Б.10 row 1");
    assert_eq!(v["respondents_detail"][0]["level"], "low");
    assert_eq!(
        v["incomplete"], 16,
        "forms with a blank (Table Б.2 blanks fall on 16 forms)"
    );
}

#[test]
fn satisfaction_json_and_the_key_option() {
    let text = format!(
        "{}\nA,от 10 до 20 лет,,,{}\nB,,,,{}\n",
        satisfaction_header(),
        ["а"; 18].join(","),
        ["б"; 18].join(",")
    );
    let file = TempFile::new("sat.csv", text.as_bytes());
    let v = score("satisfaction", file.path(), &[]);
    assert_eq!(v["key"], "corrected", "the default key");
    assert_eq!(v["respondents"], 2);
    assert_eq!(v["factors"][0]["factor"], "A");
    // Factor А: corrected, all «а» = 6 and all «б» = 3 → 9 / 12.
    assert_eq!(v["factors"][0]["percent"], 75.0);
    assert_eq!(v["overall_percent"], (24.0 + 18.0) * 100.0 / 72.0);
    assert_eq!(
        v["level"], "medium",
        "42 of 72 points = 58,3 %: Table В.5 «средняя»"
    );
    assert_eq!(v["by_tenure"][0]["band"], "10-20");
    assert_eq!(v["by_tenure"][1]["band"], "unknown");
    assert_eq!(v["respondents_detail"][1]["points"], 18);
    assert_eq!(v["levels"]["good"], 1);
    let printed = score("satisfaction", file.path(), &["--key", "printed"]);
    assert_eq!(printed["key"], "printed");
    assert_eq!(
        printed["factors"][0]["percent"],
        (4.0 + 3.0) * 100.0 / 12.0,
        "printed key: item 12 а = 0"
    );
}

#[test]
fn culture_json_lists_sixteen_open_groups() {
    let text = "o1_pos;o1_neg;c1_sub;c1_org\nпорядок;;5;4\n";
    // Every other culture column is missing: an error naming them.
    let file = TempFile::new("cult.csv", text.as_bytes());
    let out = klimat(&["score", "--instrument", "culture", "--input", file.path()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("«n8_text»"));
}

#[test]
fn bad_input_exits_2_with_every_bad_cell_on_stderr_and_nothing_on_stdout() {
    let text = format!(
        "{}\nA,,,,а,б,в,г,,,,,,,,,,,,,,\nB,,,,1,,,,,,,,,,,,,,,,,\n",
        satisfaction_header()
    );
    let file = TempFile::new("bad.csv", text.as_bytes());
    let out = klimat(&[
        "score",
        "--instrument",
        "satisfaction",
        "--input",
        file.path(),
    ]);
    assert_eq!(out.status.code(), Some(2), "bad input exits with status 2");
    assert!(out.stdout.is_empty(), "nothing on stdout");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("строка 2, столбец «q4»: значение «г»"),
        "{err}"
    );
    assert!(
        err.contains("строка 3, столбец «q1»: значение «1»"),
        "{err}"
    );
    assert!(err.contains("ожидается буква а, б или в"), "{err}");
}

#[test]
fn refused_command_lines_exit_2() {
    for args in [
        &["score", "--instrument", "morale", "--input", "x.csv"][..],
        &["score", "--instrument", "commitment"],
        &[
            "score",
            "--instrument",
            "commitment",
            "--input",
            "/nonexistent/file.csv",
        ],
        &[
            "score",
            "--instrument",
            "commitment",
            "--input",
            "x",
            "--key",
            "printed",
        ],
        &["frobnicate"],
        &[],
    ] {
        let out = klimat(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(!out.stderr.is_empty(), "{args:?} explains itself");
    }
    let help = klimat(&["--help"]);
    assert!(help.status.success());
    assert!(String::from_utf8_lossy(&help.stdout).contains("Использование"));
}

/// Issue 31: a process out of file descriptors (many network connections,
/// or a low limit) is told so — never that the folder is read-only. Every
/// limit from 4 to 16 open files either works or says «открыто слишком много
/// файлов».
#[test]
#[cfg(unix)]
fn out_of_file_descriptors_is_reported_as_such_not_as_a_read_only_folder() {
    let dir = klimat_tests::TempDir::new("cli-emfile");
    let db = dir.join("k.db");
    let out = klimat(&[
        "--db",
        db.to_str().unwrap(),
        "survey",
        "create",
        "--name",
        "Тест",
        "--instruments",
        "commitment",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bin = klimat_tests::klimat_bin();
    let mut refused = 0;
    for n in 4..=16 {
        let target = dir.join(&format!("b{n}.db"));
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!(
                "ulimit -n {n}; exec \"$0\" --db \"$1\" backup --out \"$2\""
            ))
            .arg(&bin)
            .arg(&db)
            .arg(&target)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("только для чтения"), "limit {n}: {err}");
        if !out.status.success() {
            assert!(err.contains("слишком много файлов"), "limit {n}: {err}");
            refused += 1;
        }
    }
    assert!(refused > 0, "the lowest limits were refused");
}
