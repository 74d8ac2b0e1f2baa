//! The import template (docs/methodology.md, "The import template"):
//! separators, encodings, letters, tenure, bad cells and the all-or-nothing
//! rule.

use klimat_core::commitment::CommitmentAnswers;
use klimat_core::satisfaction::{Choice, SatisfactionAnswers};
use klimat_core::template::{TemplateError, parse_csv};
use klimat_core::tenure::{CommitmentBand, SatisfactionBand};
use klimat_tests::{commitment_header, satisfaction_header};

fn commitment(
    text: &str,
) -> Result<klimat_core::template::Dataset<CommitmentAnswers>, TemplateError> {
    parse_csv::<CommitmentAnswers>(text.as_bytes())
}

fn cells(err: TemplateError) -> Vec<(u64, String, String)> {
    match err {
        TemplateError::Cells { cells: c, .. } => {
            c.into_iter().map(|c| (c.row, c.column, c.value)).collect()
        }
        other => panic!("cell errors expected, got {other:?}"),
    }
}

#[test]
fn comma_semicolon_bom_and_crlf() {
    let body = "A1,5-10,Отдел,Специалист,1,2,3,4,5,0,,1,2,3,4,5,1,2,3";
    let comma = format!("{}\n{body}\n", commitment_header());
    let semi = format!(
        "\u{feff}{}\r\n{}\r\n",
        commitment_header().replace(',', ";"),
        body.replace(',', ";")
    );
    let a = commitment(&comma).unwrap();
    let b = commitment(&semi).unwrap();
    assert_eq!(
        a.forms[0].answers, b.forms[0].answers,
        "comma and semicolon files read alike"
    );
    assert_eq!(a.forms[0].answers.0[5], 0, "0 is a blank (Table Б.2)");
    assert_eq!(a.forms[0].answers.0[6], 0, "an empty cell is a blank");
    assert_eq!(b.forms[0].code, "A1");
    assert_eq!(b.subdivisions, vec!["Отдел"]);
}

#[test]
fn columns_match_by_name_in_any_order_and_case() {
    let mut cols: Vec<String> = (1..=15).rev().map(|i| format!("Q{i}")).collect();
    cols.insert(3, "Comment".into());
    cols.push("CODE".into());
    let vals: Vec<String> = (1..=15).rev().map(|i| ((i % 5) + 1).to_string()).collect();
    let mut row = vals.clone();
    row.insert(3, "любой текст".into());
    row.push("X".into());
    let text = format!("{}\n{}\n", cols.join(","), row.join(","));
    let d = commitment(&text).unwrap();
    let expected: Vec<u8> = (1..=15).map(|i| ((i % 5) + 1) as u8).collect();
    assert_eq!(
        d.forms[0].answers.0.to_vec(),
        expected,
        "q1..q15 found wherever they are"
    );
    assert_eq!(d.forms[0].code, "X");
}

#[test]
fn missing_answer_column_is_an_error() {
    let header = commitment_header().replace(",q7", "");
    let err = commitment(&format!("{header}\n")).unwrap_err();
    assert_eq!(err, TemplateError::MissingColumns(vec!["q7".into()]));
    assert!(
        err.to_string().contains("«q7»"),
        "the message names the column"
    );
}

#[test]
fn empty_rows_are_skipped_and_an_all_blank_form_counts() {
    let text = format!(
        "{}\n,,,,,,,,,,,,,,,,,,\nA2,,,,,,,,,,,,,,,,,,\n\n",
        commitment_header()
    );
    let d = commitment(&text).unwrap();
    assert_eq!(
        d.forms.len(),
        1,
        "the row of empty cells is skipped, the coded one is a form"
    );
    assert_eq!(d.forms[0].answers.0, [0; 15]);
    assert_eq!(
        d.forms[0].row, 3,
        "rows are numbered as in a spreadsheet, header = 1"
    );
}

#[test]
fn every_bad_cell_is_reported_and_nothing_is_read() {
    let good = "A1,,,,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1";
    let text = format!(
        "{}\n{good}\nA2,,,,6,1,1,1,1,1,1,1,1,1,1,1,1,1,x\n{good}\nA4,семь,,,1,1,1,1,1,1,1,1,1,1,1,1,1,1,-1\n",
        commitment_header()
    );
    let err = commitment(&text).unwrap_err();
    let msg = err.to_string();
    assert_eq!(
        cells(err),
        vec![
            (3, "q1".into(), "6".into()),
            (3, "q15".into(), "x".into()),
            (5, "tenure".into(), "семь".into()),
            (5, "q15".into(), "-1".into()),
        ]
    );
    assert!(
        msg.contains("строка 3, столбец «q1»: значение «6»"),
        "{msg}"
    );
    assert!(msg.contains("ожидается оценка от 1 до 5"), "{msg}");
}

#[test]
fn satisfaction_letters_in_both_alphabets_and_any_case() {
    let letters = [
        "а", "Б", "в", "a", "B", "c", "A", "b", "C", "", "б", "В", "а", "а", "а", "а", "а", "а",
    ];
    let text = format!("{}\n1,,,,{}\n", satisfaction_header(), letters.join(","));
    let d = parse_csv::<SatisfactionAnswers>(text.as_bytes()).unwrap();
    let a = d.forms[0].answers.0;
    assert_eq!(
        &a[..10],
        &[
            Choice::A,
            Choice::B,
            Choice::V,
            Choice::A,
            Choice::B,
            Choice::V,
            Choice::A,
            Choice::B,
            Choice::V,
            Choice::Blank
        ]
    );
}

#[test]
fn satisfaction_digits_and_look_alikes_are_errors() {
    // «с» below is Cyrillic (U+0441), a look-alike of Latin c.
    let text = format!("{}\n1,,,,1,с,г,,,,,,,,,,,,,,,\n", satisfaction_header());
    let err = parse_csv::<SatisfactionAnswers>(text.as_bytes()).unwrap_err();
    assert_eq!(
        cells(err),
        vec![
            (2, "q1".into(), "1".into()),
            (2, "q2".into(), "с".into()),
            (2, "q3".into(), "г".into())
        ]
    );
}

#[test]
fn tenure_in_every_accepted_form() {
    let cases = [
        ("3", Some(CommitmentBand::Y3To5)),
        ("2,5", Some(CommitmentBand::Y1To3)),
        ("15", Some(CommitmentBand::Gt15)),
        ("20", Some(CommitmentBand::Gt15)),
        ("gt20", Some(CommitmentBand::Gt15)),
        ("Свыше 15 лет", Some(CommitmentBand::Gt15)),
        ("до года", Some(CommitmentBand::Lt1)),
        ("от 3 до 5 лет", Some(CommitmentBand::Y3To5)),
        ("Не указали стаж", None),
    ];
    for (cell, band) in cases {
        let text = format!(
            "{}\nA,\"{cell}\",,,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1\n",
            commitment_header()
        );
        let d = commitment(&text).unwrap_or_else(|e| panic!("tenure {cell:?}: {e}"));
        assert_eq!(d.forms[0].tenure.commitment_band(), band, "tenure {cell:?}");
    }
    // «от 10 до 20 лет» does not determine a Table Б.6 band.
    let text = format!(
        "{}\nA,от 10 до 20 лет,,,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1\n",
        commitment_header()
    );
    assert_eq!(cells(commitment(&text).unwrap_err())[0].1, "tenure");
    // …but it is question 19's option, valid for satisfaction.
    let text = format!(
        "{}\nA,от 10 до 20 лет,,,{}\n",
        satisfaction_header(),
        ["б"; 18].join(",")
    );
    let d = parse_csv::<SatisfactionAnswers>(text.as_bytes()).unwrap();
    assert_eq!(
        d.forms[0].tenure.satisfaction_band(),
        Some(SatisfactionBand::Y10To20)
    );
}

#[test]
fn windows_1251_files_are_read() {
    // "Отдел" in Windows-1251, as Excel saves CSV on Russian Windows.
    let mut bytes = format!("{}\nA1,1,", commitment_header()).into_bytes();
    bytes.extend([0xce, 0xf2, 0xe4, 0xe5, 0xeb]);
    bytes.extend(b",,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1\n");
    let d = parse_csv::<CommitmentAnswers>(&bytes).unwrap();
    assert_eq!(d.subdivisions, vec!["Отдел"]);
}

#[test]
fn an_empty_file_and_a_header_only_file() {
    assert_eq!(commitment("").unwrap_err(), TemplateError::Empty);
    // Issue 10: a header alone used to "import 0 forms" with status 0.
    assert_eq!(
        commitment(&format!("{}\n", commitment_header())).unwrap_err(),
        TemplateError::NoForms,
        "a header alone is refused: there is nothing to import"
    );
}

#[test]
fn repeated_unknown_columns_are_ignored_but_repeated_answers_are_not() {
    let header = format!("{},note,note", commitment_header());
    let d = commitment(&format!(
        "{header}\nA,,,,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,x,y\n"
    ))
    .unwrap();
    assert_eq!(
        d.forms.len(),
        1,
        "unknown columns are ignored (docs/methodology.md, The import template)"
    );
    let header = format!("{},Q3", commitment_header());
    assert_eq!(
        commitment(&format!("{header}\n")).unwrap_err(),
        TemplateError::DuplicateColumn("Q3".into()),
        "two q3 columns are ambiguous"
    );
}
