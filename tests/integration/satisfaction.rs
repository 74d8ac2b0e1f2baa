//! «Интегральная удовлетворенность трудом»: both keys of Table В.2 item by
//! item, the factors of Table В.3, the scale of Table В.5 at its edges, and
//! Table В.4.

use klimat_core::satisfaction::{
    self, Choice, Factor, SatisfactionAnswers, SatisfactionKey, SatisfactionLevel,
};
use klimat_core::tenure::{FineBand, SatisfactionBand, Tenure};

/// Table В.2 as printed: points of «а» and «в» per statement.
const PRINTED_A: [u8; 18] = [2, 2, 2, 2, 2, 2, 2, 2, 0, 2, 2, 0, 0, 0, 0, 2, 0, 2];
const PRINTED_V: [u8; 18] = [0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 2, 2, 2, 2, 0, 2, 0];

#[test]
fn printed_key_is_table_v2_exactly() {
    for item in 1..=18 {
        let k = SatisfactionKey::Printed;
        assert_eq!(
            k.points(item, Choice::A),
            PRINTED_A[item - 1],
            "Table В.2, item {item}, а"
        );
        assert_eq!(k.points(item, Choice::B), 1, "Table В.2, item {item}, б");
        assert_eq!(
            k.points(item, Choice::V),
            PRINTED_V[item - 1],
            "Table В.2, item {item}, в"
        );
        assert_eq!(k.points(item, Choice::Blank), 0, "a blank scores 0");
    }
}

#[test]
fn corrected_key_differs_only_on_items_10_and_12() {
    for item in 1..=18 {
        let k = SatisfactionKey::Corrected;
        let (a, v) = match item {
            // The corrected key (docs/methodology.md, "The key (Table В.2)"):
            // item 10 scored а 0 / в 2, item 12 а 2 / в 0.
            10 => (0, 2),
            12 => (2, 0),
            _ => (PRINTED_A[item - 1], PRINTED_V[item - 1]),
        };
        assert_eq!(
            k.points(item, Choice::A),
            a,
            "corrected key, item {item}, а"
        );
        assert_eq!(
            k.points(item, Choice::B),
            1,
            "corrected key, item {item}, б"
        );
        assert_eq!(
            k.points(item, Choice::V),
            v,
            "corrected key, item {item}, в"
        );
    }
    assert_eq!(
        SatisfactionKey::default(),
        SatisfactionKey::Corrected,
        "the default key"
    );
}

#[test]
fn factors_of_table_v3_cover_every_item_once() {
    let mut seen = [0; 18];
    let mut max = 0;
    for f in Factor::ALL {
        for &i in f.items() {
            seen[i - 1] += 1;
        }
        max += f.max_points();
    }
    assert_eq!(seen, [1; 18], "Table В.3: each statement in one factor");
    assert_eq!(max, 36, "Table В.3: «Общая» maximum 36");
    let maxima: Vec<u32> = Factor::ALL.iter().map(|f| f.max_points()).collect();
    assert_eq!(
        maxima,
        [6, 4, 6, 6, 4, 4, 4, 2],
        "Table В.3 «Максимальный балл»"
    );
}

fn all(choice: Choice) -> SatisfactionAnswers {
    SatisfactionAnswers([choice; 18])
}

#[test]
fn all_a_form_under_both_keys() {
    // Every «а»: under either key 12 statements score 2 → 24 of 36 = 66,7 %.
    for key in [SatisfactionKey::Corrected, SatisfactionKey::Printed] {
        let s = satisfaction::score(&all(Choice::A), key);
        assert_eq!(s.points, 24, "{key:?}: all «а»");
        assert_eq!(s.level(), SatisfactionLevel::Good, "66,7 % is «хорошая»");
    }
    // Factor А (1, 6, 12): corrected 6 of 6; printed 4 of 6 (item 12 а = 0).
    // Factor Г (10, 15, 17): corrected 0; printed 2 (item 10 а = 2).
    let c = satisfaction::score(&all(Choice::A), SatisfactionKey::Corrected);
    let p = satisfaction::score(&all(Choice::A), SatisfactionKey::Printed);
    assert_eq!(c.factor_points[Factor::A as usize], 6);
    assert_eq!(p.factor_points[Factor::A as usize], 4);
    assert_eq!(c.factor_points[Factor::G as usize], 0);
    assert_eq!(p.factor_points[Factor::G as usize], 2);
    assert_eq!(c.factor_percent(Factor::A), 100.0);
}

/// A form with exactly `points`: start from all «б» (18 points) and move
/// statements to their 2-point or 0-point letter.
pub fn form_with_points(points: u32, key: SatisfactionKey) -> SatisfactionAnswers {
    let mut a = all(Choice::B);
    let mut delta = points as i32 - 18;
    let mut item = 1;
    while delta != 0 {
        let high = if key.a_is_high(item) {
            Choice::A
        } else {
            Choice::V
        };
        let low = if key.a_is_high(item) {
            Choice::V
        } else {
            Choice::A
        };
        a.0[item - 1] = if delta > 0 { high } else { low };
        delta -= delta.signum();
        item += 1;
    }
    assert_eq!(satisfaction::score(&a, key).points, points);
    a
}

#[test]
fn individual_levels_of_table_v5() {
    let k = SatisfactionKey::Corrected;
    let cases = [
        (0, SatisfactionLevel::ExtremelyLow),
        (7, SatisfactionLevel::ExtremelyLow), // 19,4 %
        (8, SatisfactionLevel::Low),          // 22,2 %
        (14, SatisfactionLevel::Low),         // 38,9 %
        (15, SatisfactionLevel::Medium),      // 41,7 %
        (21, SatisfactionLevel::Medium),      // 58,3 %
        (22, SatisfactionLevel::Good),        // 61,1 %
        (28, SatisfactionLevel::Good),        // 77,8 %
        (29, SatisfactionLevel::High),        // 80,6 %
        (36, SatisfactionLevel::High),
    ];
    for (points, level) in cases {
        let s = satisfaction::score(&form_with_points(points, k), k);
        assert_eq!(s.level(), level, "Table В.5: {points} of 36 points");
    }
}

#[test]
fn group_exactly_at_forty_and_eighty_percent() {
    let k = SatisfactionKey::Corrected;
    // 14 × 3 + 15 × 2 = 72 of 5 × 36 = 180: exactly 40 % → «средняя».
    let forms: Vec<_> = [14, 14, 14, 15, 15]
        .map(|p| form_with_points(p, k))
        .to_vec();
    let a = satisfaction::analyze(k, forms.iter().map(|f| (f, Tenure::Unknown)));
    assert_eq!(a.total.overall_percent, Some(40.0), "72 / 180 × 100");
    assert_eq!(
        a.total.level,
        Some(SatisfactionLevel::Medium),
        "Table В.5: 40 % is [40, 60)"
    );
    assert_eq!(a.levels, [0, 3, 2, 0, 0], "individually 3 low, 2 medium");
    // 29 × 4 + 28 = 144 of 180: exactly 80 % → «высокая».
    let forms: Vec<_> = [29, 29, 29, 29, 28]
        .map(|p| form_with_points(p, k))
        .to_vec();
    let a = satisfaction::analyze(k, forms.iter().map(|f| (f, Tenure::Unknown)));
    assert_eq!(a.total.overall_percent, Some(80.0));
    assert_eq!(
        a.total.level,
        Some(SatisfactionLevel::High),
        "Table В.5: 80 % is [80, 100]"
    );
    // 20 % exactly: 7 × 4 + 8 = 36 of 180.
    let forms: Vec<_> = [7, 7, 7, 7, 8].map(|p| form_with_points(p, k)).to_vec();
    let a = satisfaction::analyze(k, forms.iter().map(|f| (f, Tenure::Unknown)));
    assert_eq!(
        a.total.level,
        Some(SatisfactionLevel::Low),
        "Table В.5: 20 % is [20, 40)"
    );
}

#[test]
fn table_v4_rows_by_tenure() {
    let k = SatisfactionKey::Corrected;
    let lt1 = Tenure::fine(FineBand::Lt1);
    let ten = Tenure::fine(FineBand::Y10To15);
    let fifteen = Tenure::fine(FineBand::Y15To20);
    let a_all = all(Choice::A);
    let b_all = all(Choice::B);
    let forms = [
        (&a_all, lt1),
        (&b_all, lt1),
        (&b_all, ten),
        (&a_all, fifteen),
        (&b_all, Tenure::Unknown),
    ];
    let a = satisfaction::analyze(k, forms);
    let bands: Vec<_> = a.by_tenure.iter().map(|(b, r)| (*b, r.n)).collect();
    assert_eq!(
        bands,
        vec![
            (Some(SatisfactionBand::Lt1), 2),
            (Some(SatisfactionBand::Y10To20), 2),
            (None, 1)
        ],
        "Table В.4: 10–15 and 15–20 both fall into «от 10 до 20 лет»; empty rows omitted"
    );
    // Row «до 1 года»: factor А = (6 + 3) / (2 × 6) = 75 %; overall (24 + 18) / 72.
    let row = &a.by_tenure[0].1;
    assert_eq!(row.factor_percents[Factor::A as usize], Some(75.0));
    assert_eq!(row.overall_percent, Some(42.0 * 100.0 / 72.0));
    assert_eq!(a.respondents, 5);
}

#[test]
fn blanks_and_an_all_blank_form() {
    let k = SatisfactionKey::Corrected;
    let blank = all(Choice::Blank);
    let s = satisfaction::score(&blank, k);
    assert_eq!(s.points, 0, "an all-blank form scores 0");
    assert_eq!(s.level(), SatisfactionLevel::ExtremelyLow);
    let mut one = all(Choice::B);
    one.0[0] = Choice::Blank;
    assert_eq!(
        satisfaction::score(&one, k).points,
        17,
        "one blank loses that statement's point"
    );
    let a = satisfaction::analyze(k, [(&blank, Tenure::Unknown), (&one, Tenure::Unknown)]);
    assert_eq!(a.respondents, 2, "an all-blank form counts");
    assert_eq!(a.total.overall_percent, Some(17.0 * 100.0 / 72.0));
    let empty = satisfaction::analyze(k, std::iter::empty());
    assert_eq!(empty.total.overall_percent, None, "no forms: no percentage");
    assert_eq!(empty.total.level, None);
}
