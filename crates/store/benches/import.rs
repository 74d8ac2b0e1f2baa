//! Imports 10⁵ commitment forms from CSV into a database file: parse,
//! validate, and save in one transaction (issue #3; goal ≤ 2 s).
//!
//! Run: `cargo bench -p klimat-store --bench import`.

use std::fmt::Write;
use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use klimat_core::Instrument;
use klimat_store::import::read_template;
use klimat_store::{Db, Entry, SurveySettings};

fn commitment_csv(n: usize) -> Vec<u8> {
    let mut s = String::from(
        "code,tenure,subdivision,position,q1,q2,q3,q4,q5,q6,q7,q8,q9,q10,q11,q12,q13,q14,q15\n",
    );
    let mut x: u64 = 0x2022;
    for i in 0..n {
        write!(
            s,
            "{i:06},{},Отдел {},Специалист",
            ["lt1", "3", "Свыше 15 лет"][i % 3],
            i % 7
        )
        .unwrap();
        for _ in 0..15 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            write!(s, ",{}", (x >> 33) % 6).unwrap();
        }
        s.push('\n');
    }
    s.into_bytes()
}

fn bench(c: &mut Criterion) {
    let csv = commitment_csv(100_000);
    let dir = std::env::temp_dir().join(format!("klimat-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut n = 0;
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    group.bench_function("csv_1e5_commitment_forms_to_file_db", |b| {
        b.iter_batched(
            || {
                n += 1;
                let path = dir.join(format!("bench-{n}.db"));
                let db = Db::open(&path).unwrap();
                let settings = SurveySettings::new(
                    "Бенчмарк",
                    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
                    vec![Instrument::Commitment],
                );
                let id = db.create_survey(&settings).unwrap();
                (db, id)
            },
            |(mut db, id)| {
                let file = read_template(black_box(&csv), None).unwrap();
                let saved = db
                    .add_forms(id, &file.forms, Entry::Import, &mut |_, _| {})
                    .unwrap();
                black_box(saved)
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, bench);
criterion_main!(benches);
