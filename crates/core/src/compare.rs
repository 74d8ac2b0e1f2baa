//! Comparison of a survey with a previous one: the change of every figure
//! (docs/methodology.md, "Reports and comparison") and the threat the
//! methodology names in section 5.2: «низкое значение приверженности (ее
//! значительное снижение по сравнению с предыдущим значением)».
//!
//! Main types: [`Change`], [`CommitmentComparison`], [`SatisfactionComparison`],
//! [`CultureComparison`].

use crate::commitment::{CommitmentAnalysis, CommitmentLevel, Component};
use crate::culture::{COHESION_ITEMS, CultureAnalysis, LEVEL_ITEMS, NEGATIVE_ITEMS};
use crate::satisfaction::{Factor, SatisfactionAnalysis, SatisfactionLevel};
use crate::tenure::{CommitmentBand, SatisfactionBand};

/// A fall of P by this many percentage points or more is «значительное
/// снижение» and is flagged as a threat. The methodology gives no number;
/// five points is a quarter of one level of Table Б.9.
pub const MARKED_DROP_POINTS: f64 = 5.0;

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
    /// P fell by [`MARKED_DROP_POINTS`] or more: a threat (section 5.2 of the
    /// methodology; docs/methodology.md, "Klimat's own rules").
    pub threat: bool,
}

/// Compares the current commitment analysis with a previous one.
pub fn compare_commitment(
    prev: &CommitmentAnalysis,
    cur: &CommitmentAnalysis,
) -> CommitmentComparison {
    let p = Change::new(prev.total.index.p, cur.total.index.p);
    CommitmentComparison {
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
        by_tenure: by_band(&prev.by_tenure, &cur.by_tenure, |r| r.ip_mean),
        threat: p.fell_by_at_least(MARKED_DROP_POINTS),
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
    /// Overall satisfaction fell by [`MARKED_DROP_POINTS`] or more.
    pub marked_drop: bool,
}

/// Compares the current satisfaction analysis with a previous one.
pub fn compare_satisfaction(
    prev: &SatisfactionAnalysis,
    cur: &SatisfactionAnalysis,
) -> SatisfactionComparison {
    let overall = Change::new(prev.total.overall_percent, cur.total.overall_percent);
    SatisfactionComparison {
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
        marked_drop: overall.fell_by_at_least(MARKED_DROP_POINTS),
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
}

/// Compares the current culture analysis with a previous one.
pub fn compare_culture(prev: &CultureAnalysis, cur: &CultureAnalysis) -> CultureComparison {
    CultureComparison {
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
