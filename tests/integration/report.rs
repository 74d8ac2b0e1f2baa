//! Reports read back: `pdftotext` of the PDF, calamine of the XLSX.

use std::process::Command;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use klimat_tests::{TempDir, commitment_header, fixture, klimat};

pub(crate) fn pdftotext(path: &std::path::Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-layout", path.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils) is installed by scripts/test.sh");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

/// The text of a PDF in reading order (no layout), words hyphenated at a
/// line's end joined again, whitespace collapsed.
pub(crate) fn pdf_words(path: &std::path::Path) -> String {
    let out = Command::new("pdftotext")
        .args([path.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils) is installed by scripts/test.sh");
    assert!(out.status.success());
    String::from_utf8(out.stdout)
        .unwrap()
        .replace("-\n", "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

pub(crate) fn ok(args: &[&str]) -> String {
    let out = klimat(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A survey holding the Table Б.2 fixture plus a culture form with a
/// formula-looking answer.
fn survey(dir: &TempDir) -> (String, String) {
    survey_with(dir, "=1+1")
}

/// [`survey`] with `first_answer` as the first culture form's answer to
/// question 1 («разделяю»).
pub(crate) fn survey_with(dir: &TempDir, first_answer: &str) -> (String, String) {
    let db = dir.join("k.db").to_str().unwrap().to_owned();
    let id = ok(&[
        "--db",
        &db,
        "survey",
        "create",
        "--threshold",
        "3",
        "--subdivisions",
        klimat_tests::SUBDIVISIONS,
        "--name",
        "Диагностика 2026",
        "--instruments",
        "commitment,culture",
        "--date",
        "2026-11-23",
        "--org",
        "Райисполком",
    ])
    .trim()
    .to_owned();
    ok(&[
        "--db",
        &db,
        "import",
        "--survey",
        &id,
        fixture("commitment-b2.csv").to_str().unwrap(),
    ]);
    let cols = ["code", "o1_pos", "o1_neg"];
    let mut header: Vec<String> = cols.iter().map(|s| s.to_string()).collect();
    let culture_cols: Vec<String> = {
        let mut c = Vec::new();
        for q in 2..=8 {
            c.push(format!("o{q}_pos"));
            c.push(format!("o{q}_neg"));
        }
        for i in 1..=15 {
            c.push(format!("c{i}_sub"));
            c.push(format!("c{i}_org"));
        }
        c.push("c15_text".into());
        for i in 1..=3 {
            c.push(format!("l{i}_sub"));
            c.push(format!("l{i}_org"));
        }
        for i in 1..=8 {
            c.push(format!("n{i}"));
        }
        c.extend(["n7_actors".into(), "n7_tech".into(), "n8_text".into()]);
        c
    };
    header.extend(culture_cols.iter().cloned());
    let mut csv = header.join(",") + "\n";
    csv += &format!(
        "К-1,\"{}\",\"=HYPERLINK(\"\"http://example.com\"\")\"{}\n",
        first_answer.replace('"', "\"\""),
        ",".repeat(culture_cols.len())
    );
    // Nine more forms (each with one rating: a wholly blank form is no
    // respondent's), so that the culture forms reach the ten a group needs
    // before its verbatim answers are printed.
    for i in 2..=10 {
        csv += &format!(
            "К-{i},,,{}4{}\n",
            ",".repeat(14),
            ",".repeat(culture_cols.len() - 15)
        );
    }
    let path = dir.join("culture.csv");
    std::fs::write(&path, csv).unwrap();
    ok(&[
        "--db",
        &db,
        "import",
        "--survey",
        &id,
        path.to_str().unwrap(),
    ]);
    (db, id)
}

#[test]
fn the_pdf_report_states_the_figures_of_the_worked_example() {
    let dir = TempDir::new("report-pdf");
    let (db, id) = survey(&dir);
    let pdf = dir.join("r.pdf");
    ok(&[
        "--db",
        &db,
        "report",
        "--survey",
        &id,
        "--pdf",
        pdf.to_str().unwrap(),
    ]);
    let text = pdftotext(&pdf);
    assert!(text.contains("45,68 %"), "P of Table Б.8 in the PDF");
    assert!(text.contains("2138"), "OP of Table Б.8");
    assert!(text.contains("4680"), "OPmax of Table Б.8");
    assert!(text.contains("3,703911"), "a block mean of Table Б.3");
    assert!(text.contains("Допустимая"), "the level of Table Б.9");
    assert!(
        text.contains("Райисполком") && text.contains("23.11.2026"),
        "the title page"
    );
    assert!(
        text.contains("Управление карьерой и конфликтами"),
        "Table 1 methods for the weak loyalty"
    );
    assert!(text.contains("рисунок Б.1"), "the tenure chart");
    // Table Б.6 «до года» holds 2 forms, fewer than K = 3.
    assert!(
        text.contains("менее 3 анкет"),
        "the anonymity threshold hides small groups"
    );
    let fonts = Command::new("pdffonts").arg(&pdf).output().unwrap();
    let fonts = String::from_utf8_lossy(&fonts.stdout);
    assert!(fonts.contains("LiberationSerif"), "{fonts}");
    assert!(
        fonts.lines().skip(2).all(|l| l.contains(" yes ")),
        "every font embedded: {fonts}"
    );
}

#[test]
fn the_workbook_has_the_figures_as_numbers_charts_and_text_stays_text() {
    let dir = TempDir::new("report-xlsx");
    let (db, id) = survey(&dir);
    let path = dir.join("r.xlsx");
    ok(&[
        "--db",
        &db,
        "report",
        "--survey",
        &id,
        "--xlsx",
        path.to_str().unwrap(),
    ]);
    let bytes = std::fs::read(&path).unwrap();
    let mut book: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes.clone())).unwrap();
    let index = book.worksheet_range("Б.8 Индекс").unwrap();
    let value = |label: &str| -> Data {
        index
            .rows()
            .find(|r| r.first() == Some(&Data::String(label.into())))
            .map(|r| r[2].clone())
            .unwrap_or_else(|| panic!("row {label}"))
    };
    assert_eq!(
        value("Суммарный индекс организационной приверженности"),
        Data::Float(2138.0)
    );
    assert_eq!(
        value("Максимально возможная величина суммарного индекса"),
        Data::Float(4680.0)
    );
    let Data::Float(p) = value("Коэффициент приверженности трудового коллектива, %")
    else {
        panic!()
    };
    // A fraction under a % format: Excel shows «45,68 %» and computes
    // with 0,4568 (not 4568 % as when 45,68 was stored).
    assert!(
        (p - 0.456_837_606_837_606_8).abs() < 1e-12,
        "P stored as a fraction: {p}"
    );
    // No sheet lists the forms one by one (issue 26): per-form rows are
    // in the operator's export only.
    let sheets = book.sheet_names();
    for per_form in ["Б.10 Матрица", "Удовл. по анкетам", "Культура по анкетам"]
    {
        assert!(
            !sheets.iter().any(|s| s == per_form),
            "{per_form} in {sheets:?}"
        );
    }
    // A typed formula in an open answer never becomes a formula cell.
    for sheet in &sheets {
        let formulas = book.worksheet_formula(sheet).unwrap();
        assert!(
            formulas
                .used_cells()
                .all(|(_, _, f)| !f.contains("HYPERLINK") && f != "1+1"),
            "a typed text became a formula in {sheet}"
        );
    }
    let zip_names = String::from_utf8_lossy(&bytes);
    assert!(zip_names.contains("xl/charts/chart1.xml"), "native charts");
}

#[test]
fn blank_forms_carry_the_methodology_text() {
    let dir = TempDir::new("forms");
    for (instrument, needles) in [
        (
            "commitment",
            [
                "Я с гордостью рассказываю знакомым о своей организации",
                "Код анкеты",
                "баллов)",
            ],
        ),
        (
            "satisfaction",
            [
                "Сам процесс моей работы доставляет мне удовольствие",
                "Укажите Ваш стаж работы в организации",
                "время от времени",
            ],
        ),
        (
            "culture",
            [
                "доверие непосредственного руководителя",
                "Иное (укажите)",
                "Ваше мнение очень важно для нас!",
            ],
        ),
    ] {
        let pdf = dir.join(&format!("{instrument}.pdf"));
        ok(&[
            "forms",
            "--instrument",
            instrument,
            "--pdf",
            pdf.to_str().unwrap(),
        ]);
        let text = pdf_words(&pdf);
        for needle in needles {
            assert!(text.contains(needle), "{instrument}: «{needle}» missing");
        }
        assert!(
            text.contains("Анкетирование является анонимным"),
            "{instrument}: the greeting"
        );
    }
    let _ = commitment_header();
}

#[test]
fn the_comparison_with_last_year_names_the_threat() {
    let dir = TempDir::new("report-compare");
    let db = dir.join("k.db").to_str().unwrap().to_owned();
    let last = ok(&[
        "--db",
        &db,
        "survey",
        "create",
        "--subdivisions",
        klimat_tests::SUBDIVISIONS,
        "--name",
        "Диагностика 2025",
        "--instruments",
        "commitment",
        "--date",
        "2025-11-20",
    ])
    .trim()
    .to_owned();
    // Last year: 10 forms at IP 23 (P = 58,97 %).
    let mut csv = commitment_header() + "\n";
    for i in 0..10 {
        csv += &format!("A{i},,,,3,4,2,4,4,4,2,2,4,2,4,2,2,4,4\n");
    }
    let path = dir.join("last.csv");
    std::fs::write(&path, csv).unwrap();
    ok(&[
        "--db",
        &db,
        "import",
        "--survey",
        &last,
        path.to_str().unwrap(),
    ]);
    let now = ok(&[
        "--db",
        &db,
        "survey",
        "create",
        "--subdivisions",
        klimat_tests::SUBDIVISIONS,
        "--name",
        "Диагностика 2026",
        "--instruments",
        "commitment",
        "--date",
        "2026-11-23",
    ])
    .trim()
    .to_owned();
    ok(&[
        "--db",
        &db,
        "import",
        "--survey",
        &now,
        fixture("commitment-b2.csv").to_str().unwrap(),
    ]);
    let pdf = dir.join("r.pdf");
    let xlsx = dir.join("r.xlsx");
    ok(&[
        "--db",
        &db,
        "report",
        "--survey",
        &now,
        "--compare-with",
        &last,
        "--pdf",
        pdf.to_str().unwrap(),
        "--xlsx",
        xlsx.to_str().unwrap(),
    ]);
    let text = pdftotext(&pdf);
    assert!(
        text.contains("Сравнение с предыдущим анкетированием"),
        "the comparison section"
    );
    assert!(
        text.contains("58,97 %") && text.contains("45,68 %"),
        "both values of P"
    );
    assert!(
        text.contains("\u{2212}13,29 п. п."),
        "the signed change of P in percentage points"
    );
    assert!(
        text.contains("Угроза. Коэффициент организационной приверженности снизился"),
        "the threat named in the methodology's section on commitment"
    );
    let mut book: Xlsx<_> =
        open_workbook_from_rs(std::io::Cursor::new(std::fs::read(&xlsx).unwrap())).unwrap();
    assert!(
        book.worksheet_range("Сравнение приверж.").is_ok(),
        "a comparison sheet"
    );
}
