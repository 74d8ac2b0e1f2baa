//! The written conclusions, checked on the worked example of Appendix Б
//! against the methodology's own wording (the «Вывод» of Table Б.6 after
//! Рисунок Б.1, and those after Tables Б.8, Б.9 and Б.10).

use klimat_core::commitment::{self, CommitmentAnswers};
use klimat_core::satisfaction::{self, Choice, SatisfactionAnswers, SatisfactionKey};
use klimat_core::template::parse_csv;
use klimat_core::tenure::Tenure;
use klimat_core::text::ru::conclusions;
use klimat_tests::fixture;

fn b2_conclusions() -> String {
    let bytes = std::fs::read(fixture("commitment-b2.csv")).unwrap();
    let data = parse_csv::<CommitmentAnswers>(&bytes).unwrap();
    let a = commitment::analyze(data.forms.iter().map(|f| (&f.answers, f.tenure)));
    conclusions::commitment(&a).join("\n")
}

#[test]
fn commitment_conclusion_states_the_figures_of_the_example() {
    let text = b2_conclusions();
    for needle in [
        // The «Вывод» after Table Б.8.
        "коэффициент организационной приверженности респондентов составил 0,456838, или 45,68\u{a0}%",
        "допустимый (удовлетворительный) уровень",
        // The «Вывод» after Table Б.9.
        "продемонстрировали 8 респондентов, или 6,67\u{a0}%",
        "Полностью отсутствует приверженность у 2 респондентов, или 1,67\u{a0}%",
        // The «Вывод» of Table Б.6: highest «свыше 15 лет» (19,90), lowest
        // «от 5 до 10 лет» (15,96).
        "наибольший уровень организационной приверженности у респондентов со стажем работы свыше 15 лет",
        "наименьший – со стажем работы от 5 до 10 лет",
        "Наиболее лояльны к организации респонденты со стажем до года (8,50), наименее (уровень в 2 раза ниже) – респонденты со стажем от 10 до 15 лет (4,34)",
        // Table 1 for the weak loyalty component.
        "Управление карьерой и конфликтами",
    ] {
        assert!(text.contains(needle), "missing «{needle}» in:\n{text}");
    }
}

#[test]
fn high_index_without_eighty_percent_is_not_called_high() {
    // Two forms at IP 39 and one at 15: P = 93 / 117 = 79,5 %… use four at 39
    // and one at 15: P = 171 / 195 = 87,7 % («высокая» by P) but only 80 %
    // good or high — allowed. Three at 39 and two at 15: 78,5 %, «хорошая»,
    // and 60 % good or high: the conclusion must not call it high.
    let mut best = [5u8; 15];
    for i in [3, 7, 8, 10, 12, 13] {
        best[i - 1] = 1;
    }
    let best = CommitmentAnswers(best);
    let mid = CommitmentAnswers([5; 15]);
    // Issue 29: the methodology's ≈ 80 % rule speaks of the high level
    // only; a good level (P = 78,5 %, 60 % good or high) is stated as it
    // is, with no «преждевременно».
    let forms = [best, best, best, mid, mid];
    let a = commitment::analyze(forms.iter().map(|f| (f, Tenure::Unknown)));
    let text = conclusions::commitment(&a).join("\n");
    assert!(text.contains("указывает на хороший уровень"), "{text}");
    assert!(!text.contains("преждевременно"), "{text}");
    // A high P (132 / 156 = 84,6 %) with 3 of 4 (75 %) good or high: a
    // high level is premature, by the methodology's own rule.
    let forms = [best, best, best, mid];
    let a = commitment::analyze(forms.iter().map(|f| (f, Tenure::Unknown)));
    let text = conclusions::commitment(&a).join("\n");
    assert!(text.contains("соответствует высокому уровню"), "{text}");
    assert!(
        text.contains("– меньше 80\u{a0}%") && text.contains("преждевременно"),
        "the ≈ 80 % rule of Appendix Б (docs/methodology.md):\n{text}"
    );
    for claim in ["указывает на высокий", "в целом высокий"] {
        assert!(
            !text.contains(claim),
            "«{claim}» contradicts the 80 % rule:\n{text}"
        );
    }
    let forms = [best, best, best, best, mid];
    let a = commitment::analyze(forms.iter().map(|f| (f, Tenure::Unknown)));
    let text = conclusions::commitment(&a).join("\n");
    assert!(text.contains("высокий уровень"), "{text}");
    assert!(
        !text.contains("меньше 80\u{a0}%"),
        "80 % good or high allows «высокий»:\n{text}"
    );
}

#[test]
fn satisfaction_conclusion_names_the_key_and_describes_factors() {
    let forms = [
        SatisfactionAnswers([Choice::A; 18]),
        SatisfactionAnswers([Choice::B; 18]),
    ];
    let a = satisfaction::analyze(
        SatisfactionKey::Corrected,
        forms.iter().map(|f| (f, Tenure::Unknown)),
    );
    let text = conclusions::satisfaction(&a).join("\n");
    assert!(text.contains("составила 58,3\u{a0}%"), "{text}");
    assert!(
        text.contains("«средняя (допустимая, удовлетворительная)»"),
        "{text}"
    );
    assert!(
        text.contains("по исправленному ключу"),
        "every result says which key: {text}"
    );
    // Factor А at 75 % is «хорошая»; Г (10, 15, 17) all «а» = 0 + all «б» = 3 → 25 %.
    assert!(
        text.contains("Интерес к работе – 75,0\u{a0}% (хороший уровень)"),
        "{text}"
    );
    assert!(text.contains("Удовлетворенность взаимоотношениями с руководством – 25,0\u{a0}% (низкий уровень). Характеристика уровня по таблице В.6 методики: «Работники не всегда и (или) не все ощущают внимание"),
        "Table В.6's printed low-level text for Г, quoted as the methodology's: {text}");
    // Factor А at 75 % has no printed text: Klimat's, marked, with the note.
    assert!(
        text.contains("новые знания и умения.¹")
            && text.contains(klimat_core::text::ru::KLIMAT_FACTOR_NOTE),
        "Klimat's description is marked: {text}"
    );
}
