//! Property tests: random valid forms always score inside the scales'
//! bounds, and group figures stay inside theirs.

use klimat_core::commitment::{self, CommitmentAnswers, CommitmentLevel};
use klimat_core::satisfaction::{self, Choice, SatisfactionAnswers, SatisfactionKey};
use klimat_core::tenure::{FineBand, Tenure};

struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

#[test]
fn random_commitment_forms_score_inside_the_bounds() {
    let mut rng = Rng(1);
    for round in 0..2_000 {
        let n = 1 + rng.below(40) as usize;
        let forms: Vec<(CommitmentAnswers, Tenure)> = (0..n)
            .map(|_| {
                let a = CommitmentAnswers(std::array::from_fn(|_| rng.below(6) as u8));
                let t = match rng.below(8) {
                    7 => Tenure::Unknown,
                    b => Tenure::fine(FineBand::ALL[b as usize]),
                };
                (a, t)
            })
            .collect();
        for (a, _) in &forms {
            let s = commitment::score(a);
            assert!((-30..=39).contains(&s.ip), "IP {} of {a:?}", s.ip);
            assert_eq!(s.ip, s.block_sums.iter().sum::<i64>());
            assert!(s.block_sums[0] >= 0 && s.block_sums[0] <= 15);
            assert!(s.block_sums[1] <= 0 && s.block_sums[1] >= -10);
        }
        let an = commitment::analyze(forms.iter().map(|(a, t)| (a, *t)));
        let p = an.index().p.unwrap();
        assert!(
            (-30.0 * 100.0 / 39.0..=100.0).contains(&p),
            "round {round}: P {p}"
        );
        assert_eq!(an.levels.iter().sum::<u64>(), n as u64);
        assert_eq!(an.by_tenure.iter().map(|(_, r)| r.n).sum::<u64>(), n as u64);
        for b in &an.blocks {
            if let Some(m) = b.mean {
                assert!((1.0..=5.0).contains(&m), "block mean {m}");
            }
        }
        let level = an.index().level.unwrap();
        assert_eq!(level == CommitmentLevel::Absent, an.index().op <= 0);
    }
}

#[test]
fn random_satisfaction_forms_score_inside_the_bounds() {
    let mut rng = Rng(2);
    let choices = [Choice::Blank, Choice::A, Choice::B, Choice::V];
    for key in [SatisfactionKey::Corrected, SatisfactionKey::Printed] {
        for _ in 0..2_000 {
            let n = 1 + rng.below(30) as usize;
            let forms: Vec<SatisfactionAnswers> = (0..n)
                .map(|_| {
                    SatisfactionAnswers(std::array::from_fn(|_| choices[rng.below(4) as usize]))
                })
                .collect();
            for a in &forms {
                let s = satisfaction::score(a, key);
                assert!(s.points <= 36);
                assert!((0.0..=100.0).contains(&s.percent()));
                for f in satisfaction::Factor::ALL {
                    assert!((0.0..=100.0).contains(&s.factor_percent(f)));
                }
            }
            let an = satisfaction::analyze(key, forms.iter().map(|a| (a, Tenure::Unknown)));
            let p = an.total.overall_percent.unwrap();
            assert!((0.0..=100.0).contains(&p));
            assert_eq!(an.levels.iter().sum::<u64>(), n as u64);
            assert!(
                an.total
                    .factor_percents
                    .iter()
                    .flatten()
                    .all(|p| (0.0..=100.0).contains(p))
            );
        }
    }
}
