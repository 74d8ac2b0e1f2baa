//! Comparison of a survey with a previous one: the change of every figure
//! (docs/methodology.md, "Reports and comparison") and the threat the
//! methodology names in section 5.2: «низкое значение приверженности (ее
//! значительное снижение по сравнению с предыдущим значением)».
//!
//! Main types: [`Change`], [`CommitmentComparison`], [`SatisfactionComparison`],
//! [`CultureComparison`].

use crate::commitment::{CommitmentAnalysis, CommitmentLevel, Component};
use crate::culture::{COHESION_ITEMS, CultureAnalysis, LEVEL_ITEMS, NEGATIVE_ITEMS};
use crate::precision::{Estimate, Judged, judge, judge_family};
use crate::satisfaction::{Factor, SatisfactionAnalysis, SatisfactionLevel};
use crate::tenure::{CommitmentBand, SatisfactionBand};

/// A fall of P by this many percentage points or more, beyond the error
/// of the group's size ([`crate::precision`]), is «значительное снижение»
/// and is flagged as a threat. The methodology gives no number; five
/// points is a quarter of one level of Table Б.9.
pub const MARKED_DROP_POINTS: f64 = 5.0;

/// The staff of the group compared, in the previous and the current survey
/// (each if known): the precision of a census differs from a sample's.
pub type StaffPair = (Option<u64>, Option<u64>);

/// One figure in the previous and the current survey.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Change {
    /// The previous value, if it exists.
    pub previous: Option<f64>,
    /// The current value, if it exists.
    pub current: Option<f64>,
}

impl Change {
    /// A change between two optional values.
    pub fn new(previous: Option<f64>, current: Option<f64>) -> Self {
        Self { previous, current }
    }

    /// current − previous, when both exist.
    pub fn delta(&self) -> Option<f64> {
        Some(self.current? - self.previous?)
    }

    /// True when the value fell by at least `points`.
    pub fn fell_by_at_least(&self, points: f64) -> bool {
        self.delta().is_some_and(|d| d <= -points)
    }
}

/// The change of one figure per tenure band, over the bands present in
/// either survey, in band order with the unknown band last.
fn by_band<B: Copy + Ord, R>(
    prev: &[(Option<B>, R)],
    cur: &[(Option<B>, R)],
    value: impl Fn(&R) -> Option<f64>,
) -> Vec<(Option<B>, Change)> {
    let mut bands: Vec<Option<B>> = prev.iter().chain(cur).map(|(b, _)| *b).collect();
    bands.sort_by_key(|b| (b.is_none(), *b));
    bands.dedup();
    let of = |rows: &[(Option<B>, R)], band: Option<B>| {
        rows.iter()
            .find(|(b, _)| *b == band)
            .and_then(|(_, r)| value(r))
    };
    bands
        .into_iter()
        .map(|b| (b, Change::new(of(prev, b), of(cur, b))))
        .collect()
}

fn share(count: u64, n: u64) -> Option<f64> {
    (n > 0).then(|| count as f64 * 100.0 / n as f64)
}

/// The comparison of two commitment analyses.
#[derive(Clone, Debug, PartialEq)]
pub struct CommitmentComparison {
    /// Forms counted.
    pub respondents: (u64, u64),
    /// P, %.
    pub p: Change,
    /// The collective level before and now.
    pub level: (Option<CommitmentLevel>, Option<CommitmentLevel>),
    /// Mean IP.
    pub ip_mean: Change,
    /// Means of Аи … Ев.
    pub block_means: [Change; 6],
    /// Component means (out of 13), Table Б.5 order.
    pub components: [Change; 3],
    /// Share of respondents (%) at each level of Table Б.9.
    pub level_shares: [Change; 6],
    /// Mean IP by tenure band, bands present in either survey.
    pub by_tenure: Vec<(Option<CommitmentBand>, Change)>,
    /// P's change judged against the group's size (the one figure judged
    /// on its own; mean IP is the same figure in other units).
    pub p_verdict: Judged,
    /// The components' changes, judged together (without the census
    /// discount: a component of five statements is far less reliable than
    /// P of fifteen).
    pub component_verdicts: [Judged; 3],
    /// The tenure bands' changes, judged together.
    pub tenure_verdicts: Vec<Judged>,
    /// P fell by [`MARKED_DROP_POINTS`] or more, beyond the error: a threat
    /// (section 5.2 of the methodology; docs/methodology.md, "Klimat's own
    /// rules").
    pub threat: bool,
}

/// Compares the current commitment analysis with a previous one; `staff`
/// is the group's staff in each survey.
pub fn compare_commitment(
    prev: &CommitmentAnalysis,
    cur: &CommitmentAnalysis,
    staff: StaffPair,
) -> CommitmentComparison {
    let p = Change::new(prev.total.index.p, cur.total.index.p);
    let p_verdict = judge(
        prev.total.p_estimate(staff.0),
        cur.total.p_estimate(staff.1),
    );
    // The census discount assumes the reliability of a figure of fifteen
    // statements: the components (five each) are judged without it.
    let component_verdicts = judge_family(&Component::ALL.map(|c| {
        let of = |a: &CommitmentAnalysis| {
            Estimate::new(
                a.total.component_mean(c),
                a.total.component_variances[c as usize],
                a.total.n,
                None,
            )
        };
        (of(prev), of(cur))
    }));
    let component_verdicts: [Judged; 3] = std::array::from_fn(|i| component_verdicts[i]);
    let by_tenure = by_band(&prev.by_tenure, &cur.by_tenure, |r| r.ip_mean);
    let band_estimates: Vec<(Estimate, Estimate)> = by_tenure
        .iter()
        .map(|(band, _)| {
            let of = |a: &CommitmentAnalysis| {
                a.by_tenure
                    .iter()
                    .find(|(b, _)| b == band)
                    .map(|(_, r)| Estimate::new(r.ip_mean, r.ip_variance, r.n, None))
                    .unwrap_or_default()
            };
            (of(prev), of(cur))
        })
        .collect();
    let tenure_verdicts = judge_family(&band_estimates);
    CommitmentComparison {
        p_verdict,
        component_verdicts,
        tenure_verdicts,
        respondents: (prev.respondents, cur.respondents),
        p,
        level: (prev.total.index.level, cur.total.index.level),
        ip_mean: Change::new(prev.total.ip_mean, cur.total.ip_mean),
        block_means: std::array::from_fn(|b| {
            Change::new(prev.total.block_means[b], cur.total.block_means[b])
        }),
        components: Component::ALL
            .map(|c| Change::new(prev.total.component_mean(c), cur.total.component_mean(c))),
        level_shares: std::array::from_fn(|l| {
            Change::new(
                share(prev.levels[l], prev.respondents),
                share(cur.levels[l], cur.respondents),
            )
        }),
        by_tenure,
        threat: p_verdict.fall_of_at_least(MARKED_DROP_POINTS),
    }
}

/// The comparison of two satisfaction analyses.
#[derive(Clone, Debug, PartialEq)]
pub struct SatisfactionComparison {
    /// Forms counted.
    pub respondents: (u64, u64),
    /// Overall satisfaction, %.
    pub overall: Change,
    /// The level before and now.
    pub level: (Option<SatisfactionLevel>, Option<SatisfactionLevel>),
    /// Factor percents, Table В.3 order.
    pub factors: [Change; 8],
    /// Share of respondents (%) at each level of Table В.5.
    pub level_shares: [Change; 5],
    /// Overall percent by tenure band.
    pub by_tenure: Vec<(Option<SatisfactionBand>, Change)>,
    /// True when the two surveys were scored with different keys.
    pub keys_differ: bool,
    /// The overall satisfaction's change judged against the group's size.
    pub overall_verdict: Judged,
    /// The factors' changes, judged together (without the census discount:
    /// a factor of one to three questions is far less reliable than the
    /// whole).
    pub factor_verdicts: [Judged; 8],
    /// Overall satisfaction fell by [`MARKED_DROP_POINTS`] or more, beyond
    /// the error.
    pub marked_drop: bool,
}

/// Compares the current satisfaction analysis with a previous one; `staff`
/// is the group's staff in each survey.
pub fn compare_satisfaction(
    prev: &SatisfactionAnalysis,
    cur: &SatisfactionAnalysis,
    staff: StaffPair,
) -> SatisfactionComparison {
    let overall = Change::new(prev.total.overall_percent, cur.total.overall_percent);
    let overall_verdict = judge(
        prev.total.overall_estimate(staff.0),
        cur.total.overall_estimate(staff.1),
    );
    let factor_verdicts = judge_family(&Factor::ALL.map(|f| {
        let of = |a: &SatisfactionAnalysis| {
            Estimate::new(
                a.total.factor_percents[f as usize],
                a.total.factor_variances[f as usize],
                a.total.n,
                None,
            )
        };
        (of(prev), of(cur))
    }));
    SatisfactionComparison {
        overall_verdict,
        factor_verdicts: std::array::from_fn(|i| factor_verdicts[i]),
        respondents: (prev.respondents, cur.respondents),
        overall,
        level: (prev.total.level, cur.total.level),
        factors: Factor::ALL.map(|f| {
            Change::new(
                prev.total.factor_percents[f as usize],
                cur.total.factor_percents[f as usize],
            )
        }),
        level_shares: std::array::from_fn(|l| {
            Change::new(
                share(prev.levels[l], prev.respondents),
                share(cur.levels[l], cur.respondents),
            )
        }),
        by_tenure: by_band(&prev.by_tenure, &cur.by_tenure, |r| r.overall_percent),
        keys_differ: prev.key != cur.key,
        marked_drop: overall_verdict.fall_of_at_least(MARKED_DROP_POINTS),
    }
}

/// The comparison of two culture analyses: every mean rating.
#[derive(Clone, Debug, PartialEq)]
pub struct CultureComparison {
    /// Forms counted.
    pub respondents: (u64, u64),
    /// Table А.2, (subdivision, organization) per item.
    pub cohesion: [(Change, Change); COHESION_ITEMS],
    /// Table А.3, (subdivision, organization) per item.
    pub level: [(Change, Change); LEVEL_ITEMS],
    /// Table А.4 per item.
    pub negative: [Change; NEGATIVE_ITEMS],
    /// Tables А.2 and А.3, (subdivision, organization) per item. The
    /// organization column of both tables — the rows a comparison table
    /// shows — is one family; the subdivision column another; the free
    /// «другое» item is not judged (its texts differ from year to year).
    pub cohesion_verdicts: [(Judged, Judged); COHESION_ITEMS],
    /// Table А.3's verdicts.
    pub level_verdicts: [(Judged, Judged); LEVEL_ITEMS],
    /// Table А.4's verdicts, a family of their own.
    pub negative_verdicts: [Judged; NEGATIVE_ITEMS],
}

/// A mean rating with its precision.
pub fn rating_estimate(stat: &crate::culture::RatingStat, staff: Option<u64>) -> Estimate {
    let n = stat.n();
    let sum: u64 = stat.counts.iter().zip(1u64..).map(|(c, v)| c * v).sum();
    let squares: u64 = stat.counts.iter().zip(1u64..).map(|(c, v)| c * v * v).sum();
    Estimate::new(
        stat.mean(),
        crate::precision::sample_variance(n, sum as f64, squares as f64),
        n,
        staff,
    )
}

/// Compares the current culture analysis with a previous one (a single
/// rating is judged without the census discount, so the staff plays no
/// part).
pub fn compare_culture(prev: &CultureAnalysis, cur: &CultureAnalysis) -> CultureComparison {
    // A single rating is far less reliable than P: no census discount.
    let r = |s: &crate::culture::RatingStat| rating_estimate(s, None);
    // The free «другое» items (the last of Table А.2 and of Table А.4)
    // rate different things each year: not judged.
    let judged_items = COHESION_ITEMS - 1;
    let family = |pairs: Vec<(Estimate, Estimate)>| judge_family(&pairs);
    let org = family(
        (0..judged_items)
            .map(|i| (r(&prev.cohesion[i].org), r(&cur.cohesion[i].org)))
            .chain((0..LEVEL_ITEMS).map(|i| (r(&prev.level[i].org), r(&cur.level[i].org))))
            .collect(),
    );
    let sub = family(
        (0..judged_items)
            .map(|i| (r(&prev.cohesion[i].sub), r(&cur.cohesion[i].sub)))
            .chain((0..LEVEL_ITEMS).map(|i| (r(&prev.level[i].sub), r(&cur.level[i].sub))))
            .collect(),
    );
    let negative = family(
        (0..NEGATIVE_ITEMS - 1)
            .map(|i| (r(&prev.negative[i]), r(&cur.negative[i])))
            .collect(),
    );
    let unjudged = judge_family(&[(Estimate::default(), Estimate::default())])[0];
    let pick = |v: &[Judged], i: usize| v.get(i).copied().unwrap_or(unjudged);
    CultureComparison {
        cohesion_verdicts: std::array::from_fn(|i| {
            if i < judged_items {
                (pick(&sub, i), pick(&org, i))
            } else {
                (unjudged, unjudged)
            }
        }),
        level_verdicts: std::array::from_fn(|i| {
            (pick(&sub, judged_items + i), pick(&org, judged_items + i))
        }),
        negative_verdicts: std::array::from_fn(|i| pick(&negative, i)),
        respondents: (prev.respondents, cur.respondents),
        cohesion: std::array::from_fn(|i| {
            (
                Change::new(prev.cohesion[i].sub.mean(), cur.cohesion[i].sub.mean()),
                Change::new(prev.cohesion[i].org.mean(), cur.cohesion[i].org.mean()),
            )
        }),
        level: std::array::from_fn(|i| {
            (
                Change::new(prev.level[i].sub.mean(), cur.level[i].sub.mean()),
                Change::new(prev.level[i].org.mean(), cur.level[i].org.mean()),
            )
        }),
        negative: std::array::from_fn(|i| {
            Change::new(prev.negative[i].mean(), cur.negative[i].mean())
        }),
    }
}
