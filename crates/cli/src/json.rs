//! The JSON of `klimat score` (docs/methodology.md, "The `klimat score` JSON"): transport DTOs built by hand from the core's
//! analyses, so that field names and shapes are fixed here and nowhere else.

use klimat_core::commitment::{self, CommitmentAnalysis, CommitmentLevel};
use klimat_core::culture::{CultureAnalysis, PairStat, RatingStat};
use klimat_core::satisfaction::{self, Factor, SatisfactionAnalysis, SatisfactionLevel};
use serde::Serialize;

/// `klimat score --instrument commitment`.
#[derive(Serialize)]
pub struct CommitmentJson {
    respondents: u64,
    incomplete: u64,
    blocks: Vec<BlockJson>,
    index: IndexJson,
    levels: CommitmentLevels,
    by_tenure: Vec<CommitmentTenureJson>,
    items: Vec<ItemJson>,
    respondents_detail: Vec<CommitmentRespondentJson>,
}

#[derive(Serialize)]
struct BlockJson {
    block: &'static str,
    sign: &'static str,
    items: &'static [usize],
    counts: [u64; 5],
    total: u64,
    mean: Option<f64>,
}

#[derive(Serialize)]
#[allow(non_snake_case)]
struct IndexJson {
    OP: i64,
    OPmax: i64,
    P: Option<f64>,
    IP_mean: Option<f64>,
    level: Option<&'static str>,
}

#[derive(Serialize)]
struct CommitmentLevels {
    absent: u64,
    very_low: u64,
    low: u64,
    acceptable: u64,
    good: u64,
    high: u64,
}

#[derive(Serialize)]
#[allow(non_snake_case)]
struct CommitmentTenureJson {
    band: &'static str,
    n: u64,
    A: Option<f64>,
    B: Option<f64>,
    C: Option<f64>,
    D: Option<f64>,
    E: Option<f64>,
    F: Option<f64>,
    total: Option<f64>,
}

#[derive(Serialize)]
struct ItemJson {
    item: usize,
    sum: u64,
}

#[derive(Serialize)]
#[allow(non_snake_case)]
struct CommitmentRespondentJson {
    code: String,
    IP: i64,
    level: &'static str,
}

/// One scored commitment form for `respondents_detail`.
pub struct CommitmentRespondent {
    /// The form code.
    pub code: String,
    /// Its score.
    pub score: commitment::FormScore,
}

impl CommitmentJson {
    /// Builds the JSON object from an analysis and the per-form scores.
    pub fn new(a: &CommitmentAnalysis, detail: Vec<CommitmentRespondent>) -> Self {
        let l = |level: CommitmentLevel| a.levels[level as usize];
        Self {
            respondents: a.respondents,
            incomplete: a.incomplete,
            blocks: a
                .blocks
                .iter()
                .map(|b| BlockJson {
                    block: b.block.component.id(),
                    sign: b.block.sign.id(),
                    items: b.block.items,
                    counts: b.counts,
                    total: b.total,
                    mean: b.mean,
                })
                .collect(),
            index: IndexJson {
                OP: a.total.index.op,
                OPmax: a.total.index.op_max,
                P: a.total.index.p,
                IP_mean: a.total.ip_mean,
                level: a.total.index.level.map(CommitmentLevel::id),
            },
            levels: CommitmentLevels {
                absent: l(CommitmentLevel::Absent),
                very_low: l(CommitmentLevel::VeryLow),
                low: l(CommitmentLevel::Low),
                acceptable: l(CommitmentLevel::Acceptable),
                good: l(CommitmentLevel::Good),
                high: l(CommitmentLevel::High),
            },
            by_tenure: a
                .by_tenure
                .iter()
                .map(|(band, r)| {
                    let m = r.block_means;
                    CommitmentTenureJson {
                        band: band.map_or("unknown", |b| b.id()),
                        n: r.n,
                        A: m[0],
                        B: m[1],
                        C: m[2],
                        D: m[3],
                        E: m[4],
                        F: m[5],
                        total: r.ip_mean,
                    }
                })
                .collect(),
            items: a
                .item_sums
                .iter()
                .enumerate()
                .map(|(i, &sum)| ItemJson { item: i + 1, sum })
                .collect(),
            respondents_detail: detail
                .into_iter()
                .map(|d| CommitmentRespondentJson {
                    code: d.code,
                    IP: d.score.ip,
                    level: d.score.level().id(),
                })
                .collect(),
        }
    }
}

/// `klimat score --instrument satisfaction`.
#[derive(Serialize)]
pub struct SatisfactionJson {
    respondents: u64,
    key: &'static str,
    factors: Vec<FactorJson>,
    overall_percent: Option<f64>,
    level: Option<&'static str>,
    levels: SatisfactionLevels,
    by_tenure: Vec<SatisfactionTenureJson>,
    respondents_detail: Vec<SatisfactionRespondentJson>,
}

#[derive(Serialize)]
struct FactorJson {
    factor: &'static str,
    percent: Option<f64>,
}

#[derive(Serialize)]
struct SatisfactionLevels {
    extremely_low: u64,
    low: u64,
    medium: u64,
    good: u64,
    high: u64,
}

#[derive(Serialize)]
#[allow(non_snake_case)]
struct FactorMap {
    A: Option<f64>,
    B: Option<f64>,
    V: Option<f64>,
    G: Option<f64>,
    D: Option<f64>,
    E: Option<f64>,
    Zh: Option<f64>,
    Z: Option<f64>,
}

#[derive(Serialize)]
struct SatisfactionTenureJson {
    band: &'static str,
    n: u64,
    factors: FactorMap,
    overall_percent: Option<f64>,
}

#[derive(Serialize)]
struct SatisfactionRespondentJson {
    code: String,
    points: u32,
    percent: f64,
    level: &'static str,
}

/// One scored satisfaction form for `respondents_detail`.
pub struct SatisfactionRespondent {
    /// The form code.
    pub code: String,
    /// Its score.
    pub score: satisfaction::FormScore,
}

impl SatisfactionJson {
    /// Builds the JSON object from an analysis and the per-form scores.
    pub fn new(a: &SatisfactionAnalysis, detail: Vec<SatisfactionRespondent>) -> Self {
        let l = |level: SatisfactionLevel| a.levels[level as usize];
        Self {
            respondents: a.respondents,
            key: a.key.id(),
            factors: Factor::ALL
                .iter()
                .map(|&f| FactorJson {
                    factor: f.id(),
                    percent: a.total.factor_percents[f as usize],
                })
                .collect(),
            overall_percent: a.total.overall_percent,
            level: a.total.level.map(SatisfactionLevel::id),
            levels: SatisfactionLevels {
                extremely_low: l(SatisfactionLevel::ExtremelyLow),
                low: l(SatisfactionLevel::Low),
                medium: l(SatisfactionLevel::Medium),
                good: l(SatisfactionLevel::Good),
                high: l(SatisfactionLevel::High),
            },
            by_tenure: a
                .by_tenure
                .iter()
                .map(|(band, r)| {
                    let f = r.factor_percents;
                    SatisfactionTenureJson {
                        band: band.map_or("unknown", |b| b.id()),
                        n: r.n,
                        factors: FactorMap {
                            A: f[0],
                            B: f[1],
                            V: f[2],
                            G: f[3],
                            D: f[4],
                            E: f[5],
                            Zh: f[6],
                            Z: f[7],
                        },
                        overall_percent: r.overall_percent,
                    }
                })
                .collect(),
            respondents_detail: detail
                .into_iter()
                .map(|d| SatisfactionRespondentJson {
                    code: d.code,
                    points: d.score.points,
                    percent: d.score.percent(),
                    level: d.score.level().id(),
                })
                .collect(),
        }
    }
}

/// `klimat score --instrument culture`.
#[derive(Serialize)]
pub struct CultureJson {
    respondents: u64,
    cohesion: Vec<PairJson>,
    culture_level: Vec<PairJson>,
    negative_factors: Vec<NegativeJson>,
    open: Vec<OpenJson>,
}

#[derive(Serialize)]
struct StatJson {
    n: u64,
    mean: Option<f64>,
}

impl From<&RatingStat> for StatJson {
    fn from(s: &RatingStat) -> Self {
        Self {
            n: s.n(),
            mean: s.mean(),
        }
    }
}

#[derive(Serialize)]
struct PairJson {
    item: usize,
    sub: StatJson,
    org: StatJson,
}

#[derive(Serialize)]
struct NegativeJson {
    item: usize,
    n: u64,
    mean: Option<f64>,
}

#[derive(Serialize)]
struct OpenJson {
    question: usize,
    side: &'static str,
    answers: Vec<AnswerJson>,
}

#[derive(Serialize)]
struct AnswerJson {
    text: String,
    count: u64,
}

fn pairs(stats: &[PairStat]) -> Vec<PairJson> {
    stats
        .iter()
        .enumerate()
        .map(|(i, p)| PairJson {
            item: i + 1,
            sub: (&p.sub).into(),
            org: (&p.org).into(),
        })
        .collect()
}

impl CultureJson {
    /// Builds the JSON object from an analysis.
    pub fn new(a: CultureAnalysis) -> Self {
        Self {
            respondents: a.respondents,
            cohesion: pairs(&a.cohesion),
            culture_level: pairs(&a.level),
            negative_factors: a
                .negative
                .iter()
                .enumerate()
                .map(|(i, s)| NegativeJson {
                    item: i + 1,
                    n: s.n(),
                    mean: s.mean(),
                })
                .collect(),
            open: a
                .open
                .into_iter()
                .map(|g| OpenJson {
                    question: g.question,
                    side: g.side.id(),
                    answers: g
                        .answers
                        .into_iter()
                        .map(|a| AnswerJson {
                            text: a.text,
                            count: a.count,
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}
