//! «Организационная приверженность»: the worked example of Appendix Б
//! (Tables Б.2, Б.3, Б.6, Б.8, Б.9, Б.10) and every level edge.

use klimat_core::commitment::{
    self, CommitmentAnalysis, CommitmentAnswers, CommitmentLevel, FormScore,
};
use klimat_core::numfmt::{decimal, percent};
use klimat_core::template::parse_csv;
use klimat_core::tenure::{CommitmentBand, Tenure};
use klimat_tests::fixture;

/// The 120 forms of tests/fixtures/commitment-b2.csv, analysed.
fn b2_analysis() -> CommitmentAnalysis {
    let bytes = std::fs::read(fixture("commitment-b2.csv")).expect("fixture");
    let data = parse_csv::<CommitmentAnswers>(&bytes).expect("the fixture parses");
    commitment::analyze(data.forms.iter().map(|f| (&f.answers, f.tenure)))
}

fn answers(points: [u8; 15]) -> CommitmentAnswers {
    CommitmentAnswers::new(points).expect("points 0..=5")
}

#[test]
fn fixture_has_the_item_counts_of_table_b2() {
    // Table Б.2: per statement, the counts of 1..5 points and of blanks.
    const B2: [[u64; 6]; 15] = [
        [7, 20, 33, 40, 19, 1],
        [3, 13, 24, 44, 35, 1],
        [25, 64, 19, 9, 1, 2],
        [9, 37, 45, 19, 8, 2],
        [4, 16, 47, 33, 19, 1],
        [1, 5, 33, 45, 36, 0],
        [20, 56, 25, 13, 5, 1],
        [29, 76, 11, 3, 1, 0],
        [8, 30, 45, 29, 7, 1],
        [37, 61, 15, 4, 1, 2],
        [8, 30, 36, 28, 17, 1],
        [64, 47, 5, 0, 3, 1],
        [50, 60, 4, 2, 2, 2],
        [1, 28, 35, 37, 18, 1],
        [8, 52, 21, 26, 10, 3],
    ];
    let a = b2_analysis();
    assert_eq!(a.respondents, 120, "Table Б.2 counts 120 respondents");
    for (i, row) in B2.iter().enumerate() {
        let c = a.item_counts[i];
        let ours = [c[1], c[2], c[3], c[4], c[5], c[0]];
        assert_eq!(&ours, row, "Table Б.2, statement {}", i + 1);
    }
}

#[test]
fn table_b3_block_means_with_the_involvement_misprint_fixed() {
    // Table Б.3 as printed, except the "−" involvement row: the printed "7"
    // answers of 1 point are 70 (20 + 50), as docs/methodology.md records
    // ("Misprints and decisions"), which is what the printed total 237 and
    // mean 2,042194 imply.
    let expected: [([u64; 5], u64, &str); 6] = [
        ([8, 34, 104, 122, 90], 358, "3,703911"),
        ([62, 125, 34, 13, 2], 236, "2,016949"),
        ([25, 119, 102, 73, 35], 354, "2,926554"),
        ([93, 123, 16, 3, 4], 239, "1,753138"),
        ([16, 78, 113, 106, 44], 357, "3,235294"),
        ([70, 116, 29, 15, 7], 237, "2,042194"),
    ];
    let a = b2_analysis();
    for (b, (counts, total, mean)) in a.blocks.iter().zip(expected) {
        let row = format!("Table Б.3, row {} {}", b.block.code, b.block.sign.id());
        assert_eq!(b.counts, counts, "{row}: counts of 1..5 points");
        assert_eq!(b.total, total, "{row}: «Общее кол-во»");
        assert_eq!(decimal(b.mean.unwrap(), 6), mean, "{row}: «Средняя оценка»");
    }
}

#[test]
fn table_b8_index_of_the_worked_example() {
    let a = b2_analysis();
    let i = a.index();
    assert_eq!(i.op, 2138, "Table Б.8: OP = 2138");
    assert_eq!(i.op_max, 4680, "Table Б.8: OPmax = 39 × 120 = 4680");
    let p = i.p.unwrap();
    assert_eq!(decimal(p / 100.0, 6), "0,456838", "Table Б.8: P = 0,456838");
    assert_eq!(
        percent(p, 2),
        "45,68\u{a0}%",
        "Table Б.8 of the worked example: «45,68%»"
    );
    assert_eq!(percent(p, 1), "45,7\u{a0}%", "Table Б.10: 45,7");
    assert_eq!(
        decimal(a.total.ip_mean.unwrap(), 2),
        "17,82",
        "Table Б.10: IPср = 17,82"
    );
    assert_eq!(
        i.level,
        Some(CommitmentLevel::Acceptable),
        "the worked example's conclusion: «допустимый» level"
    );
}

#[test]
fn table_b9_level_counts() {
    // Table Б.9 «Количество работников (общее = 120)»: 2, 12, 34, 44, 20, 8.
    let a = b2_analysis();
    assert_eq!(a.levels, [2, 12, 34, 44, 20, 8], "Table Б.9 level counts");
    assert_eq!(
        percent(a.levels[0] as f64 * 100.0 / 120.0, 2),
        "1,67\u{a0}%",
        "the worked example's Table Б.9 text: «лишь у двух респондентов, или 1,67 %»"
    );
}

#[test]
fn table_b6_by_tenure_with_the_one_to_three_misprint_fixed() {
    // Table Б.6 as printed, except «1-3 лет» «Общее значение»: 18,60, the sum
    // of the row's own block means (docs/methodology.md, "Misprints and
    // decisions"), not the printed 18,50.
    let expected: [(CommitmentBand, u64, [&str; 7]); 6] = [
        (
            CommitmentBand::Lt1,
            2,
            ["12,00", "-3,50", "12,50", "-4,00", "8,00", "-5,50", "19,50"],
        ),
        (
            CommitmentBand::Y1To3,
            15,
            ["11,13", "-3,73", "9,13", "-3,20", "9,13", "-3,87", "18,60"],
        ),
        (
            CommitmentBand::Y3To5,
            17,
            ["11,53", "-3,94", "9,12", "-3,53", "9,35", "-4,24", "18,29"],
        ),
        (
            CommitmentBand::Y5To10,
            27,
            ["10,70", "-4,44", "8,00", "-3,41", "9,26", "-4,15", "15,96"],
        ),
        (
            CommitmentBand::Y10To15,
            29,
            ["10,76", "-4,14", "8,28", "-3,93", "9,79", "-4,17", "16,59"],
        ),
        (
            CommitmentBand::Gt15,
            30,
            ["11,27", "-3,53", "8,77", "-3,23", "10,30", "-3,67", "19,90"],
        ),
    ];
    let a = b2_analysis();
    assert_eq!(
        a.by_tenure.len(),
        6,
        "Table Б.6: «Не указали стаж» is 0, so the row is omitted"
    );
    for ((band, row), (e_band, e_n, e_values)) in a.by_tenure.iter().zip(expected) {
        assert_eq!(*band, Some(e_band), "Table Б.6 row order");
        assert_eq!(
            row.n,
            e_n,
            "Table Б.6, {}: «Кол-во работников»",
            e_band.label()
        );
        let mut got: Vec<String> = row
            .block_means
            .iter()
            .map(|m| decimal(m.unwrap(), 2))
            .collect();
        got.push(decimal(row.ip_mean.unwrap(), 2));
        // The methodology prints a hyphen-minus; Klimat prints a true minus.
        let e_values: Vec<String> = e_values
            .iter()
            .map(|v| v.replace('-', "\u{2212}"))
            .collect();
        assert_eq!(got, e_values, "Table Б.6, row {}", e_band.label());
    }
}

#[test]
fn table_b10_rows() {
    // Table Б.10: respondent 1 (blanks on 1, 2 and 5) has IP 11, «Низкая».
    let r1 = answers([0, 0, 1, 3, 0, 5, 2, 2, 2, 2, 3, 1, 1, 5, 2]);
    assert_eq!(
        FormScore::signed_values(&r1),
        [0, 0, -1, 3, 0, 5, -2, -2, 2, -2, 3, -1, -1, 5, 2],
        "Table Б.10, row 1 signed values"
    );
    let s1 = commitment::score(&r1);
    assert_eq!(s1.ip, 11, "Table Б.10: IP1 = 11");
    assert_eq!(
        s1.level(),
        CommitmentLevel::Low,
        "Table Б.9: 11 points is «Низкая»"
    );
    // Respondent 2 with item 12 read as 2 (docs/methodology.md, "Misprints
    // and decisions"): IP 30.
    let r2 = answers([4, 4, 1, 4, 4, 4, 1, 1, 4, 1, 5, 2, 1, 4, 4]);
    assert_eq!(commitment::score(&r2).ip, 30, "Table Б.10: IP2 = 30");
    // Respondent 120: IP 29.
    let r120 = answers([4, 5, 2, 3, 5, 5, 2, 1, 4, 1, 4, 1, 2, 4, 4]);
    assert_eq!(commitment::score(&r120).ip, 29, "Table Б.10: IP120 = 29");
    // The fixture carries these three rows.
    let bytes = std::fs::read(fixture("commitment-b2.csv")).unwrap();
    let data = parse_csv::<CommitmentAnswers>(&bytes).unwrap();
    assert_eq!(
        data.forms[0].answers, r1,
        "fixture row 1 is Table Б.10 row 1"
    );
    assert_eq!(
        data.forms[1].answers, r2,
        "fixture row 2 is Table Б.10 row 2"
    );
    assert_eq!(
        data.forms[119].answers, r120,
        "fixture row 120 is Table Б.10 row 120"
    );
}

#[test]
fn block_sums_follow_the_signs_of_table_b5() {
    // All answers 5: "+" blocks 15 each, "−" blocks −10 each; IP = 45 − 30 = 15.
    let s = commitment::score(&answers([5; 15]));
    assert_eq!(
        s.block_sums,
        [15, -10, 15, -10, 15, -10],
        "Table Б.5 maxima"
    );
    assert_eq!(s.ip, 15, "all-5 form");
    // "+" 5 and "−" 1 give IPmax = 39 (Table Б.8).
    let mut best = [5u8; 15];
    for i in [3, 7, 8, 10, 12, 13] {
        best[i - 1] = 1;
    }
    assert_eq!(
        commitment::score(&answers(best)).ip,
        39,
        "IPmax = 9 × 5 − 6 × 1 = 39"
    );
    // "+" 1 and "−" 5: the lowest possible IP, 9 − 30 = −21; "+" blank: −30.
    let mut worst = [1u8; 15];
    for i in [3, 7, 8, 10, 12, 13] {
        worst[i - 1] = 5;
    }
    assert_eq!(
        commitment::score(&answers(worst)).ip,
        -21,
        "lowest IP with every answer given"
    );
    for i in [1, 2, 4, 5, 6, 9, 11, 14, 15] {
        worst[i - 1] = 0;
    }
    assert_eq!(
        commitment::score(&answers(worst)).ip,
        -30,
        "IP range bottom −30"
    );
}

#[test]
fn individual_level_edges_of_table_b9() {
    let cases = [
        (-30, CommitmentLevel::Absent),
        (0, CommitmentLevel::Absent),
        (1, CommitmentLevel::VeryLow),
        (8, CommitmentLevel::VeryLow),
        (9, CommitmentLevel::Low),
        (15, CommitmentLevel::Low),
        (16, CommitmentLevel::Acceptable),
        (23, CommitmentLevel::Acceptable),
        (24, CommitmentLevel::Good),
        (31, CommitmentLevel::Good),
        (32, CommitmentLevel::High),
        (39, CommitmentLevel::High),
    ];
    for (ip, level) in cases {
        assert_eq!(CommitmentLevel::of_ip(ip), level, "Table Б.9: IP {ip}");
    }
}

#[test]
fn collective_level_edges_are_exact() {
    // P exactly on a boundary belongs to the upper level: [40, 60) is
    // «допустимая». OPmax = 39 × 5 = 195; OP 78 is exactly 40 %.
    let cases = [
        (-5, CommitmentLevel::Absent),
        (0, CommitmentLevel::Absent),
        (1, CommitmentLevel::VeryLow),
        (38, CommitmentLevel::VeryLow),
        (39, CommitmentLevel::Low),
        (77, CommitmentLevel::Low),
        (78, CommitmentLevel::Acceptable),
        (116, CommitmentLevel::Acceptable),
        (117, CommitmentLevel::Good),
        (155, CommitmentLevel::Good),
        (156, CommitmentLevel::High),
        (195, CommitmentLevel::High),
    ];
    for (op, level) in cases {
        assert_eq!(
            CommitmentLevel::of_index(op, 195),
            Some(level),
            "collective scale of Table Б.9: OP {op} of 195"
        );
    }
    assert_eq!(CommitmentLevel::of_index(0, 0), None, "no forms, no level");
}

#[test]
fn forty_percent_from_real_forms_is_acceptable() {
    // Two forms of IP 15 and three of IP 16: OP 78 of 195, P = 40 % exactly.
    let fifteen = answers([5; 15]);
    let mut sixteen = [5u8; 15];
    sixteen[2] = 4;
    let sixteen = answers(sixteen);
    let forms = [fifteen, fifteen, sixteen, sixteen, sixteen];
    let a = commitment::analyze(forms.iter().map(|f| (f, Tenure::Unknown)));
    assert_eq!(a.index().op, 78);
    assert_eq!(a.index().p, Some(40.0), "P = 78 / 195 × 100");
    assert_eq!(
        a.index().level,
        Some(CommitmentLevel::Acceptable),
        "40 % is «допустимая»"
    );
}

#[test]
fn blanks_and_an_all_blank_form() {
    let blank = answers([0; 15]);
    let s = commitment::score(&blank);
    assert_eq!(s.ip, 0, "Table Б.2: a blank scores 0");
    assert_eq!(
        s.level(),
        CommitmentLevel::Absent,
        "IP 0 is «Приверженность отсутствует»"
    );
    let full = answers([3; 15]);
    let a = commitment::analyze([(&blank, Tenure::Unknown), (&full, Tenure::Unknown)]);
    assert_eq!(a.respondents, 2, "an all-blank form counts");
    assert_eq!(a.incomplete, 1, "only the blank form is incomplete");
    assert_eq!(a.index().op_max, 78, "OPmax counts the blank form: 39 × 2");
    assert_eq!(a.blocks[0].total, 3, "blanks are not answers in Table Б.3");
    assert_eq!(a.blocks[0].mean, Some(3.0));
    assert_eq!(a.item_counts[0][0], 1, "one blank on statement 1");
    assert_eq!(
        a.by_tenure[0].0, None,
        "unknown tenure forms a group of their own"
    );
    let empty = commitment::analyze(std::iter::empty());
    assert_eq!(empty.index().p, None, "no forms: P is undefined");
    assert_eq!(empty.blocks[0].mean, None);
}

#[test]
fn item_analysis_of_line_1617() {
    let a = b2_analysis();
    let items = a.item_analysis();
    // Item sums of Table Б.2: "−" 3:251 7:284 8:231 10:225 12:188 13:200;
    // "+" 1:401 2:452 4:334 5:404 6:470 9:354 11:373 14:400 15:329.
    assert_eq!(
        items.strongest_negative,
        vec![7],
        "largest «−» sum: statement 7 (284)"
    );
    assert_eq!(
        items.weakest_positive,
        vec![15],
        "smallest «+» sum: statement 15 (329)"
    );
    assert_eq!(
        items.strongest_positive,
        vec![6],
        "largest «+» sum: statement 6 (470)"
    );
    assert_eq!(a.item_sums[6], 284);
}

#[test]
fn loyalty_is_the_weak_component_of_the_worked_example() {
    // Loyalty: (334 + 373 + 329 − 231 − 188) / 120 = 5,14 of 13 (39,5 %),
    // below «допустимая»; identification 7,08 and involvement 5,59 are not.
    let a = b2_analysis();
    let weak = a.total.weak_components();
    assert_eq!(weak.len(), 1);
    assert_eq!(weak[0].component, commitment::Component::Loyalty);
    assert_eq!(decimal(weak[0].mean, 2), "5,14");
}

#[test]
fn breakdown_by_subdivision_and_position_adds_up_to_the_whole() {
    let bytes = std::fs::read(fixture("commitment-b2.csv")).unwrap();
    let data = parse_csv::<CommitmentAnswers>(&bytes).unwrap();
    let scored: Vec<_> = data
        .forms
        .iter()
        .map(|f| (f, commitment::score(&f.answers)))
        .collect();
    let by_sub = commitment::breakdown(scored.iter().map(|(f, s)| (data.subdivision_of(f), *s)));
    assert_eq!(by_sub.len(), 4, "the fixture has four subdivisions");
    assert!(by_sub.iter().all(|(_, r)| r.n == 30));
    let op: i64 = by_sub.iter().map(|(_, r)| r.index.op).sum();
    assert_eq!(op, 2138, "the groups' OP add up to Table Б.8's OP");
    let by_pos = commitment::breakdown(scored.iter().map(|(f, s)| (data.position_of(f), *s)));
    assert_eq!(by_pos.iter().map(|(_, r)| r.n).sum::<u64>(), 120);
    let first = by_sub
        .iter()
        .find(|(k, _)| *k == Some("Отдел кадров"))
        .unwrap();
    let expected: i64 = scored
        .iter()
        .filter(|(f, _)| data.subdivision_of(f) == Some("Отдел кадров"))
        .map(|(_, s)| s.ip)
        .sum();
    assert_eq!(first.1.index.op, expected);
    assert_eq!(first.1.index.op_max, 39 * 30, "OPmax = 39 × N of the group");
}

#[test]
fn weak_components_name_every_tie_and_the_summary_says_which_rule_named_them() {
    // Issue 29: identification and loyalty both 681/119 = 5,72 (44,0 %),
    // none under 40 %: only one was named, and under «ниже 40 %».
    use klimat_core::commitment::{BLOCKS, CommitmentAnswers, CommitmentLevel, Sign, analyze};
    use klimat_core::tenure::Tenure;
    // A full form: 5 on every "+" statement, 0 on every "−" one (100 %);
    // a form of 3 everywhere gives each component 3,5 of 13 (26,9 %).
    let mut full = [0u8; 15];
    for b in BLOCKS {
        for &item in b.items {
            full[item - 1] = if b.sign == Sign::Plus { 5 } else { 0 };
        }
    }
    let forms: Vec<CommitmentAnswers> = (0..20)
        .map(|i| CommitmentAnswers(if i < 5 { full } else { [3; 15] }))
        .collect();
    let a = analyze(forms.iter().map(|f| (f, Tenure::Unknown)));
    let all = a.total.components();
    // Every component at 45,2 %: above 40 %, P under «хорошая».
    assert!(
        all.iter().all(|c| c.level >= CommitmentLevel::Acceptable),
        "{all:?}"
    );
    assert!(a.total.index.level.unwrap() < CommitmentLevel::Good);
    assert_eq!(
        a.total.weak_components().len(),
        3,
        "the three tie: all are named, none by a silent tie-break"
    );
}
