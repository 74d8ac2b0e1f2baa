//! The annual report for 10⁴ forms of each instrument (PDF goal ≤ 0.5 s,
//! XLSX ≤ 1 s), the workbook with a 10⁵-row respondent matrix (≤ 3 s), and
//! the three files of a 22 000-form survey together (PDF + DOCX + XLSX,
//! goal < 1 s).
//!
//! Run: `cargo bench -p klimat-report --bench report`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use klimat_core::commitment::CommitmentAnswers;
use klimat_core::culture::{CultureForm, RatingPair};
use klimat_core::satisfaction::{Choice, SatisfactionAnswers, SatisfactionKey};
use klimat_core::tenure::{FineBand, Tenure};
use klimat_report::{
    CommitmentData, CultureData, FormRow, ReportInput, SatisfactionData, SurveyInfo, build, docx,
    pdf, xlsx,
};

struct Rng(u64);

impl Rng {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

fn row<A>(i: usize, rng: &mut Rng, answers: A) -> FormRow<A> {
    FormRow {
        code: format!("Анкета {i:06}"),
        tenure: Tenure::fine(FineBand::ALL[rng.next(7) as usize]),
        subdivision: Some(format!("Отдел {}", rng.next(12))),
        position: Some(
            ["Руководитель", "Специалист", "Другие служащие и рабочие"][rng.next(3) as usize]
                .to_owned(),
        ),
        answers,
    }
}

fn input(n_commitment: usize, n_other: usize) -> ReportInput {
    let mut rng = Rng(2022);
    let commitment: Vec<_> = (0..n_commitment)
        .map(|i| {
            let a = CommitmentAnswers(std::array::from_fn(|_| rng.next(6) as u8));
            row(i, &mut rng, a)
        })
        .collect();
    let satisfaction: Vec<_> = (0..n_other)
        .map(|i| {
            let a = SatisfactionAnswers(std::array::from_fn(|_| {
                [Choice::Blank, Choice::A, Choice::B, Choice::V][rng.next(4) as usize]
            }));
            row(i, &mut rng, a)
        })
        .collect();
    let answers = [
        "Профессионализм",
        "Стабильность",
        "Коллектив",
        "Зарплата",
        "Перегрузка",
    ];
    let culture: Vec<_> = (0..n_other)
        .map(|i| {
            let mut f = CultureForm::default();
            for sides in &mut f.open {
                sides[0] = answers[rng.next(5) as usize].to_owned();
            }
            for p in &mut f.cohesion {
                *p = RatingPair {
                    sub: 1 + rng.next(5) as u8,
                    org: 1 + rng.next(5) as u8,
                };
            }
            for p in &mut f.level {
                *p = RatingPair {
                    sub: 1 + rng.next(5) as u8,
                    org: 1 + rng.next(5) as u8,
                };
            }
            for r in &mut f.negative {
                *r = 1 + rng.next(5) as u8;
            }
            row(i, &mut rng, f)
        })
        .collect();
    ReportInput {
        survey: SurveyInfo {
            organization: Some("Райисполком".into()),
            name: "Диагностика 2026".into(),
            date: "23.11.2026".into(),
            key: SatisfactionKey::Corrected,
            threshold: 3,
            subdivisions: Vec::new(),
            staff: Default::default(),
            signatures: Default::default(),
            proposals: String::new(),
            scope: None,
            pooled: Vec::new(),
        },
        commitment: Some(CommitmentData::from_forms(&commitment)),
        satisfaction: Some(SatisfactionData::from_forms(
            &satisfaction,
            SatisfactionKey::Corrected,
        )),
        culture: Some(CultureData::from_forms(&culture)),
        previous: None,
        verification: Vec::new(),
    }
}

fn bench(c: &mut Criterion) {
    let model = build(&input(10_000, 10_000));
    let big = build(&input(100_000, 0));
    // 10 000 commitment, 6 000 satisfaction and 6 000 culture forms.
    let survey_22k = build(&input(10_000, 6_000));
    let mut group = c.benchmark_group("report");
    group.sample_size(10);
    group.bench_function("pdf_1e4_forms_each", |b| {
        b.iter(|| black_box(pdf::render(black_box(&model))))
    });
    group.bench_function("xlsx_1e4_forms_each", |b| {
        b.iter(|| black_box(xlsx::render(black_box(&model)).unwrap()))
    });
    group.bench_function("docx_1e4_forms_each", |b| {
        b.iter(|| black_box(docx::render(black_box(&model))))
    });
    group.bench_function("pdf_docx_xlsx_22e3_forms", |b| {
        b.iter(|| {
            black_box(pdf::render(black_box(&survey_22k)));
            black_box(docx::render(black_box(&survey_22k)));
            black_box(xlsx::render(black_box(&survey_22k)).unwrap());
        })
    });
    group.bench_function("xlsx_1e5_row_matrix", |b| {
        b.iter(|| black_box(xlsx::render(black_box(&big)).unwrap()))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
