//! Comparison with a previous survey and the threat of section 5.2 of the
//! methodology (docs/methodology.md, "Klimat's own rules").

use klimat_core::commitment::{self, CommitmentAnswers};
use klimat_core::compare::{Change, MARKED_DROP_POINTS, compare_commitment};
use klimat_core::template::parse_csv;
use klimat_core::tenure::Tenure;
use klimat_core::text::ru::conclusions;
use klimat_tests::fixture;

fn b2() -> commitment::CommitmentAnalysis {
    let bytes = std::fs::read(fixture("commitment-b2.csv")).unwrap();
    let data = parse_csv::<CommitmentAnswers>(&bytes).unwrap();
    commitment::analyze(data.forms.iter().map(|f| (&f.answers, f.tenure)))
}

#[test]
fn the_same_survey_twice_changes_nothing() {
    let a = b2();
    let c = compare_commitment(&a, &a, (None, None));
    assert_eq!(c.p.delta(), Some(0.0));
    assert!(!c.threat);
    assert!(c.by_tenure.iter().all(|(_, ch)| ch.delta() == Some(0.0)));
    let text = conclusions::commitment_comparison(&c).join("\n");
    assert!(text.contains("не изменилось (45,68\u{a0}%)"), "{text}");
}

#[test]
fn a_marked_fall_is_flagged_as_a_threat() {
    // Last year every form scored IP 23 (P = 58,97 %); this year the worked
    // example's 45,68 %: a fall of 13,29 points.
    let mut prev = [5u8; 15];
    for i in [3, 7, 8, 10, 12, 13] {
        prev[i - 1] = 2;
    }
    let prev = CommitmentAnswers(prev);
    assert_eq!(commitment::score(&prev).ip, 33);
    let mut p23 = [4u8; 15];
    for i in [3, 7, 8, 10, 12, 13] {
        p23[i - 1] = 2;
    }
    p23[0] = 3;
    let p23 = CommitmentAnswers(p23);
    assert_eq!(commitment::score(&p23).ip, 23);
    let last_year = commitment::analyze(std::iter::repeat_n((&p23, Tenure::Unknown), 10));
    let c = compare_commitment(&last_year, &b2(), (None, None));
    assert!(c.threat, "P fell by {:?} points", c.p.delta());
    let text = conclusions::commitment_comparison(&c).join("\n");
    assert!(
        text.contains("снизилось на 13,29 п. п. (с 58,97\u{a0}% до 45,68\u{a0}%)"),
        "a change of a percent is in percentage points: {text}"
    );
    let threat = conclusions::commitment_fall_threat(&c).expect("a marked fall is a threat");
    assert!(
        threat.contains("значительное снижение приверженности к угрозам")
            && threat.contains("на 13,29 п. п.")
            && threat.contains("Klimat"),
        "{threat}"
    );
}

#[test]
fn the_threat_threshold_edge() {
    let at = Change::new(Some(50.0), Some(50.0 - MARKED_DROP_POINTS));
    let below = Change::new(Some(50.0), Some(50.0 - MARKED_DROP_POINTS + 0.01));
    assert!(
        at.fell_by_at_least(MARKED_DROP_POINTS),
        "a fall of exactly 5 points is marked"
    );
    assert!(!below.fell_by_at_least(MARKED_DROP_POINTS));
    assert!(!Change::new(None, Some(10.0)).fell_by_at_least(MARKED_DROP_POINTS));
}
