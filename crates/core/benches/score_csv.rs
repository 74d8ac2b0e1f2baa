//! Scores 10⁶ commitment forms from CSV bytes: parse, validate, score,
//! analyse (issue #2; goal under 1 s on a 2-core machine).
//!
//! Run: `cargo bench -p klimat-core --bench score_csv`.

use std::fmt::Write;
use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use klimat_core::commitment::{CommitmentAccumulator, CommitmentAnswers};
use klimat_core::template::parse_csv;

/// A deterministic CSV of `n` commitment forms in the template's layout.
fn commitment_csv(n: usize) -> Vec<u8> {
    const TENURE: [&str; 9] = [
        "lt1",
        "1-3",
        "3-5",
        "5-10",
        "10-15",
        "15-20",
        "gt20",
        "Свыше 15 лет",
        "7",
    ];
    const SUBS: [&str; 4] = [
        "Управление делами",
        "Отдел кадров",
        "Идеологический отдел",
        "Финансовый отдел",
    ];
    const POS: [&str; 3] = ["Руководитель", "Специалист", "Другие служащие и рабочие"];
    let mut s = String::with_capacity(n * 80);
    s.push_str(
        "code,tenure,subdivision,position,q1,q2,q3,q4,q5,q6,q7,q8,q9,q10,q11,q12,q13,q14,q15\n",
    );
    let mut x: u64 = 0x2022;
    for i in 0..n {
        write!(s, "{i:07},{},{},{}", TENURE[i % 9], SUBS[i % 4], POS[i % 3]).unwrap();
        for _ in 0..15 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let v = (x >> 33) % 6;
            s.push(',');
            if v > 0 {
                s.push(char::from(b'0' + v as u8));
            }
        }
        s.push('\n');
    }
    s.into_bytes()
}

fn bench(c: &mut Criterion) {
    let csv = commitment_csv(1_000_000);
    let mut group = c.benchmark_group("commitment");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(csv.len() as u64));
    group.bench_function("parse_and_score_1e6_forms", |b| {
        b.iter(|| {
            let data = parse_csv::<CommitmentAnswers>(black_box(&csv)).expect("valid CSV");
            let mut acc = CommitmentAccumulator::new();
            let ips: Vec<i64> = data
                .forms
                .iter()
                .map(|f| acc.add(&f.answers, f.tenure).ip)
                .collect();
            black_box((acc.finish(), ips))
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
