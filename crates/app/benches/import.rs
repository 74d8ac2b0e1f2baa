//! `klimat import` of 10⁵ commitment forms, as the command does it: open
//! the database file, read the CSV file, parse and validate it, save the
//! forms and their change log in one transaction, commit, close (issue 19;
//! the figure is the user's, `scripts/bench-scale.sh` times the command
//! itself on the same file).
//!
//! Run: `cargo bench -p klimat-app --bench import`.

use std::fmt::Write;
use std::hint::black_box;
use std::path::Path;

use chrono::NaiveDate;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use klimat_core::Instrument;
use klimat_store::{Db, SurveySettings};

/// The file `scripts/bench-scale.sh` writes: codes A0…, tenures 1–25
/// years, answers 1–5, no subdivision or position.
fn commitment_csv(n: usize) -> String {
    let mut s = String::from("code,tenure,subdivision,position");
    for q in 1..=15 {
        write!(s, ",q{q}").unwrap();
    }
    s.push('\n');
    for i in 0..n {
        write!(s, "A{i},{},,", 1 + i % 25).unwrap();
        for k in 0..15 {
            write!(s, ",{}", (i * 7 + k * 3) % 5 + 1).unwrap();
        }
        s.push('\n');
    }
    s
}

fn new_survey(path: &Path) -> i64 {
    let db = Db::open(path).unwrap();
    let settings = SurveySettings::new(
        "Бенчмарк",
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        vec![Instrument::Commitment],
    );
    db.create_survey(&settings).unwrap()
}

fn bench(c: &mut Criterion) {
    let dir = std::env::temp_dir().join(format!("klimat-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let csv = dir.join("big.csv");
    std::fs::write(&csv, commitment_csv(100_000)).unwrap();
    let mut n = 0;
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    group.bench_function("csv_1e5_commitment_forms_open_to_close", |b| {
        b.iter_batched(
            || {
                n += 1;
                let path = dir.join(format!("bench-{n}.db"));
                let id = new_survey(&path);
                (path, id)
            },
            |(path, id)| {
                let mut db = Db::open(&path).unwrap();
                let done = klimat_app::data::import_file(
                    &mut db,
                    id,
                    black_box(&csv),
                    None,
                    &mut |_, _| {},
                )
                .unwrap();
                // Closing checkpoints the write-ahead log into the file.
                drop(db);
                assert_eq!(done.count, 100_000);
                path
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, bench);
criterion_main!(benches);
