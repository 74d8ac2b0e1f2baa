//! «Корпоративная культура»: rating statistics of Tables А.2–А.4 and the
//! grouped open answers of Table А.1.

use klimat_core::culture::{self, Column, CultureForm, Side};
use klimat_core::template::{TemplateError, parse_csv};

/// A culture CSV with the given rows; `cells` maps column names to values.
fn csv(rows: &[&[(&str, &str)]]) -> Vec<u8> {
    let mut cols = vec!["code".to_owned()];
    for q in 1..=8 {
        cols.push(format!("o{q}_pos"));
        cols.push(format!("o{q}_neg"));
    }
    for i in 1..=15 {
        cols.push(format!("c{i}_sub"));
        cols.push(format!("c{i}_org"));
    }
    cols.push("c15_text".into());
    for i in 1..=3 {
        cols.push(format!("l{i}_sub"));
        cols.push(format!("l{i}_org"));
    }
    for i in 1..=8 {
        cols.push(format!("n{i}"));
    }
    cols.extend(["n7_actors".into(), "n7_tech".into(), "n8_text".into()]);
    let mut out = cols.join(";") + "\n";
    for row in rows {
        let line: Vec<String> = cols
            .iter()
            .map(|c| {
                row.iter()
                    .find(|(k, _)| k == c)
                    .map(|(_, v)| format!("\"{}\"", v.replace('"', "\"\"")))
                    .unwrap_or_default()
            })
            .collect();
        out += &(line.join(";") + "\n");
    }
    out.into_bytes()
}

fn analyze(bytes: &[u8]) -> culture::CultureAnalysis {
    let data = parse_csv::<CultureForm>(bytes).expect("valid culture file");
    culture::analyze(data.forms.iter().map(|f| &f.answers))
}

#[test]
fn ratings_give_n_mean_and_distribution() {
    let a = analyze(&csv(&[
        &[("code", "1"), ("c1_sub", "5"), ("c1_org", "4"), ("n1", "2")],
        &[("code", "2"), ("c1_sub", "3"), ("c1_org", "4"), ("n1", "4")],
        &[
            ("code", "3"),
            ("c1_sub", "4"),
            ("c1_org", ""),
            ("l1_org", "1"),
        ],
    ]));
    assert_eq!(a.respondents, 3);
    let c1 = &a.cohesion[0];
    assert_eq!(
        c1.sub.n(),
        3,
        "Table А.2 item 1, subdivision: three ratings"
    );
    assert_eq!(c1.sub.mean(), Some(4.0), "(5 + 3 + 4) / 3");
    assert_eq!(c1.sub.counts, [0, 0, 1, 1, 1]);
    assert_eq!(c1.org.n(), 2, "a blank is not a rating");
    assert_eq!(c1.org.mean(), Some(4.0));
    assert_eq!(c1.difference(), Some(0.0), "subdivision minus organization");
    assert_eq!(
        a.cohesion[1].sub.mean(),
        None,
        "no ratings: mean is undefined"
    );
    assert_eq!(
        a.negative[0].mean(),
        Some(3.0),
        "Table А.4 item 1: (2 + 4) / 2"
    );
    assert_eq!(a.level[0].org.mean(), Some(1.0), "Table А.3 item 1");
}

#[test]
fn rankings_are_by_mean_then_item() {
    let a = analyze(&csv(&[
        &[
            ("c1_org", "3"),
            ("c2_org", "5"),
            ("c3_org", "3"),
            ("c4_org", "1"),
        ],
        &[
            ("c1_org", "3"),
            ("c2_org", "4"),
            ("c3_org", "3"),
            ("c4_org", "2"),
        ],
    ]));
    let r: Vec<usize> = a
        .cohesion_ranking(Column::Org)
        .iter()
        .map(|(i, _)| *i)
        .collect();
    assert_eq!(
        r,
        vec![2, 1, 3, 4],
        "4,5 > 3 = 3 > 1,5, ties by item number"
    );
    assert!(
        a.cohesion_ranking(Column::Sub).is_empty(),
        "no subdivision ratings"
    );
}

#[test]
fn open_answers_merge_after_trimming_case_and_whitespace_folding() {
    let a = analyze(&csv(&[
        &[("o1_pos", "Профессионализм"), ("o1_neg", "нет")],
        &[("o1_pos", "  профессионализм  "), ("o1_neg", "Формализм")],
        &[("o1_pos", "Ответственность"), ("o1_neg", "")],
        &[("o1_pos", "ПРОФЕССИОНАЛИЗМ"), ("o1_neg", "формализм")],
        &[("o1_pos", "Честность   и   открытость")],
        &[("o1_pos", "честность и открытость")],
    ]));
    assert_eq!(
        a.open.len(),
        16,
        "all sixteen (question, side) pairs are listed"
    );
    let pos = &a.open[0];
    assert_eq!((pos.question, pos.side), (1, Side::Pos));
    let got: Vec<(&str, u64)> = pos
        .answers
        .iter()
        .map(|x| (x.text.as_str(), x.count))
        .collect();
    assert_eq!(
        got,
        vec![
            ("Профессионализм", 3),
            ("Честность   и   открытость", 2),
            ("Ответственность", 1),
        ],
        "merged, shown as first written, most frequent first"
    );
    let neg: Vec<(&str, u64)> = a.open[1]
        .answers
        .iter()
        .map(|x| (x.text.as_str(), x.count))
        .collect();
    assert_eq!(
        neg,
        vec![("Формализм", 2), ("нет", 1)],
        "ties keep first appearance; empty skipped"
    );
    assert!(
        a.open[15].answers.is_empty(),
        "question 8, negative side: no answers"
    );
}

#[test]
fn item_7_lists_and_texts() {
    let a = analyze(&csv(&[
        &[
            ("n7", "4"),
            ("n7_actors", "Руководители|кадровые  службы"),
            ("n7_tech", "управленческие"),
        ],
        &[
            ("n7", "5"),
            ("n7_actors", "руководители"),
            ("n8", "3"),
            ("n8_text", "Бюрократия"),
        ],
    ]));
    assert_eq!(
        a.n7_actor_counts,
        [2, 1, 0],
        "Table А.4 item 7: underlined actors"
    );
    assert_eq!(a.n7_tech_counts, [0, 0, 1]);
    assert_eq!(a.negative_other[0].text, "Бюрократия");
    assert_eq!(
        a.negative_ranking()[0],
        (7, 4.5),
        "item 7 has the highest mean"
    );
}

#[test]
fn bad_culture_cells_are_named() {
    let err = parse_csv::<CultureForm>(&csv(&[
        &[("c1_sub", "0"), ("c1_org", "-1")],
        &[("c2_org", "6"), ("n7_actors", "начальники")],
    ]))
    .unwrap_err();
    let TemplateError::Cells { cells, .. } = err else {
        panic!("cell errors expected")
    };
    let got: Vec<(u64, &str, &str)> = cells
        .iter()
        .map(|c| (c.row, c.column.as_str(), c.value.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (2, "c1_org", "-1"),
            (3, "c2_org", "6"),
            (3, "n7_actors", "начальники")
        ],
        "culture ratings are 1–5, 0 or blank; lists take the words of Table А.4"
    );
}

#[test]
fn zero_is_no_answer_on_the_culture_form_too() {
    let a = analyze(&csv(&[
        &[("c1_sub", "0"), ("c1_org", "4")],
        &[("c1_sub", "2")],
    ]));
    assert_eq!(a.cohesion[0].sub.n(), 1, "0 is not a rating");
    assert_eq!(a.cohesion[0].sub.mean(), Some(2.0));
}
