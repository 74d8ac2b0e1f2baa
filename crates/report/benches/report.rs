//! The annual report for 10⁴ forms of each instrument (PDF goal ≤ 0.5 s,
//! XLSX ≤ 1 s), the workbook with a 10⁵-row respondent matrix (≤ 3 s), and
//! the three files of a 22 000-form survey together (PDF + DOCX + XLSX,
//! goal < 1 s), and a consolidated report over 50 organizations and 20 000
//! forms (the three files together, goal ≤ 1 s).
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

/// The organizations of the consolidated report.
const ORGS: u64 = 50;

fn group(rng: &mut Rng, orgs: bool) -> String {
    if orgs {
        format!("Организация {:02}", rng.next(ORGS) + 1)
    } else {
        format!("Отдел {}", rng.next(12))
    }
}

fn row<A>(i: usize, rng: &mut Rng, answers: A, orgs: bool) -> FormRow<A> {
    FormRow {
        code: format!("Анкета {i:06}"),
        tenure: Tenure::fine(FineBand::ALL[rng.next(7) as usize]),
        subdivision: Some(group(rng, orgs)),
        position: Some(
            ["Руководитель", "Специалист", "Другие служащие и рабочие"][rng.next(3) as usize]
                .to_owned(),
        ),
        answers,
    }
}

fn input(n_commitment: usize, n_other: usize) -> ReportInput {
    input_of(n_commitment, n_other, false)
}

/// The report input; with `orgs` a consolidated one over [`ORGS`]
/// organizations.
fn input_of(n_commitment: usize, n_other: usize, orgs: bool) -> ReportInput {
    let mut rng = Rng(2022);
    let commitment: Vec<_> = (0..n_commitment)
        .map(|i| {
            let a = CommitmentAnswers(std::array::from_fn(|_| rng.next(6) as u8));
            row(i, &mut rng, a, orgs)
        })
        .collect();
    let satisfaction: Vec<_> = (0..n_other)
        .map(|i| {
            let a = SatisfactionAnswers(std::array::from_fn(|_| {
                [Choice::Blank, Choice::A, Choice::B, Choice::V][rng.next(4) as usize]
            }));
            row(i, &mut rng, a, orgs)
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
            row(i, &mut rng, f, orgs)
        })
        .collect();
    ReportInput {
        survey: SurveyInfo {
            organization: Some("Райисполком".into()),
            name: "Диагностика 2026".into(),
            date: "23.11.2026".into(),
            key: SatisfactionKey::Corrected,
            threshold: 3,
            subdivisions: if orgs {
                (1..=ORGS).map(|o| format!("Организация {o:02}")).collect()
            } else {
                Vec::new()
            },
            staff: Default::default(),
            signatures: Default::default(),
            proposals: String::new(),
            scope: None,
            pooled: if orgs {
                (1..=ORGS)
                    .map(|o| format!("Организация {o:02}: «Диагностика 2026» (23.11.2026)"))
                    .collect()
            } else {
                Vec::new()
            },
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
    // 50 organizations: 10 000 commitment, 5 000 satisfaction and 5 000
    // culture forms.
    let consolidated = build(&input_of(10_000, 5_000, true));
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
    group.bench_function("consolidated_50_orgs_2e4_forms_pdf_docx_xlsx", |b| {
        b.iter(|| {
            black_box(pdf::render(black_box(&consolidated)));
            black_box(docx::render(black_box(&consolidated)));
            black_box(xlsx::render(black_box(&consolidated)).unwrap());
        })
    });
    group.bench_function("consolidated_50_orgs_2e4_forms_model", |b| {
        b.iter(|| black_box(build(black_box(&input_of(10_000, 5_000, true)))))
    });
    group.bench_function("xlsx_1e5_row_matrix", |b| {
        b.iter(|| black_box(xlsx::render(black_box(&big)).unwrap()))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
