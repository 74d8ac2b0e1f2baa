//! «Организационная приверженность» (Appendix Б): the key of Table Б.5,
//! per-form scoring (IP, Table Б.10), the scale of Table Б.9 and the group
//! analysis of Tables Б.2, Б.3, Б.6 and Б.8.
//!
//! Main types: [`CommitmentAnswers`], [`FormScore`], [`CommitmentLevel`],
//! [`CommitmentAccumulator`] (one pass over the forms) and
//! [`CommitmentAnalysis`] (its result).

use crate::tenure::{CommitmentBand, Tenure};
use crate::text::ru;

/// Number of statements of Table Б.1.
pub const ITEMS: usize = 15;

/// IPmax = 9 × 5 + (−1) × 6 = 39 (Table Б.8).
pub const IP_MAX: i64 = 39;

/// The answers of one form: 0 is blank ("Не заполнили — 0 баллов"), 1..=5
/// the points of Table Б.1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
pub struct CommitmentAnswers(pub [u8; ITEMS]);

impl CommitmentAnswers {
    /// Answers from points; `None` if any value is above 5.
    pub fn new(points: [u8; ITEMS]) -> Option<Self> {
        points.iter().all(|&v| v <= 5).then_some(Self(points))
    }

    /// True when at least one statement is left blank.
    pub fn is_incomplete(&self) -> bool {
        self.0.contains(&0)
    }

    /// True when every statement is left blank: no respondent's answer.
    pub fn is_blank(&self) -> bool {
        self.0.iter().all(|&v| v == 0)
    }
}

/// The three components of commitment (Table Б.5).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Component {
    /// Идентификация.
    Identification,
    /// Лояльность.
    Loyalty,
    /// Вовлеченность.
    Involvement,
}

impl Component {
    /// The components in the order of Table Б.5.
    pub const ALL: [Component; 3] = [
        Component::Identification,
        Component::Loyalty,
        Component::Involvement,
    ];

    /// The JSON id (docs/methodology.md, "The `klimat score` JSON").
    pub fn id(self) -> &'static str {
        match self {
            Component::Identification => "identification",
            Component::Loyalty => "loyalty",
            Component::Involvement => "involvement",
        }
    }

    /// The Russian name («Идентификация», …).
    pub fn label(self) -> &'static str {
        match self {
            Component::Identification => ru::COMMITMENT_COMPONENTS[0],
            Component::Loyalty => ru::COMMITMENT_COMPONENTS[1],
            Component::Involvement => ru::COMMITMENT_COMPONENTS[2],
        }
    }
}

/// The sign of a statement: "+" statements affirm commitment, "−" deny it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Sign {
    /// Со знаком «+».
    Plus,
    /// Со знаком «–».
    Minus,
}

impl Sign {
    /// "+" or "-", as in the JSON (docs/methodology.md, "The `klimat score` JSON").
    pub fn id(self) -> &'static str {
        match self {
            Sign::Plus => "+",
            Sign::Minus => "-",
        }
    }
}

/// One row of Table Б.5.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Block {
    /// The component.
    pub component: Component,
    /// The sign of its statements.
    pub sign: Sign,
    /// The index letter of Table Б.5 (Аи, Би, …).
    pub code: &'static str,
    /// The statements, 1-based as printed.
    pub items: &'static [usize],
}

impl Block {
    /// The largest (for "+") or smallest (for "−") block sum on a full form.
    pub fn extreme(&self) -> i64 {
        let n = self.items.len() as i64;
        match self.sign {
            Sign::Plus => 5 * n,
            Sign::Minus => -5 * n,
        }
    }
}

/// Table Б.5 in the order of Table Б.3 and of the columns Аи … Ев of Table Б.6.
pub const BLOCKS: [Block; 6] = [
    Block {
        component: Component::Identification,
        sign: Sign::Plus,
        code: "Аи",
        items: &[2, 5, 6],
    },
    Block {
        component: Component::Identification,
        sign: Sign::Minus,
        code: "Би",
        items: &[3, 10],
    },
    Block {
        component: Component::Loyalty,
        sign: Sign::Plus,
        code: "Вл",
        items: &[4, 11, 15],
    },
    Block {
        component: Component::Loyalty,
        sign: Sign::Minus,
        code: "Гл",
        items: &[8, 12],
    },
    Block {
        component: Component::Involvement,
        sign: Sign::Plus,
        code: "Дв",
        items: &[1, 9, 14],
    },
    Block {
        component: Component::Involvement,
        sign: Sign::Minus,
        code: "Ев",
        items: &[7, 13],
    },
];

/// The block index (into [`BLOCKS`]) of each statement, 0-based.
const BLOCK_OF_ITEM: [usize; ITEMS] = {
    let mut out = [0; ITEMS];
    let mut b = 0;
    while b < BLOCKS.len() {
        let mut k = 0;
        while k < BLOCKS[b].items.len() {
            out[BLOCKS[b].items[k] - 1] = b;
            k += 1;
        }
        b += 1;
    }
    out
};

/// The sign of statement `item` (1-based).
pub fn sign_of(item: usize) -> Sign {
    BLOCKS[BLOCK_OF_ITEM[item - 1]].sign
}

/// The individual level of Table Б.9, by IP points; also the collective
/// level, by the coefficient P.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CommitmentLevel {
    /// Приверженность отсутствует (IP ≤ 0; P ≤ 0 %).
    Absent,
    /// Очень низкая (1–8; 0–20 %).
    VeryLow,
    /// Низкая (9–15; 20–40 %).
    Low,
    /// Допустимая (удовлетворительная) (16–23; 40–60 %).
    Acceptable,
    /// Хорошая (24–31; 60–80 %).
    Good,
    /// Высокая (32–39; 80–100 %).
    High,
}

impl CommitmentLevel {
    /// All levels, lowest first.
    pub const ALL: [CommitmentLevel; 6] = [
        CommitmentLevel::Absent,
        CommitmentLevel::VeryLow,
        CommitmentLevel::Low,
        CommitmentLevel::Acceptable,
        CommitmentLevel::Good,
        CommitmentLevel::High,
    ];

    /// The individual level of Table Б.9 for an IP.
    pub fn of_ip(ip: i64) -> CommitmentLevel {
        match ip {
            i64::MIN..=0 => CommitmentLevel::Absent,
            1..=8 => CommitmentLevel::VeryLow,
            9..=15 => CommitmentLevel::Low,
            16..=23 => CommitmentLevel::Acceptable,
            24..=31 => CommitmentLevel::Good,
            _ => CommitmentLevel::High,
        }
    }

    /// The collective level for P = `op` / `op_max` × 100 %, compared
    /// exactly in integers so that P = 40 % is «допустимая», not «низкая»
    /// through a rounding error. `None` when `op_max` is 0 (no forms).
    pub fn of_index(op: i64, op_max: i64) -> Option<CommitmentLevel> {
        if op_max <= 0 {
            return None;
        }
        // P ≥ t % ⇔ 100 · OP ≥ t · OPmax.
        let at_least = |t: i64| 100 * op >= t * op_max;
        Some(if op <= 0 {
            CommitmentLevel::Absent
        } else if at_least(80) {
            CommitmentLevel::High
        } else if at_least(60) {
            CommitmentLevel::Good
        } else if at_least(40) {
            CommitmentLevel::Acceptable
        } else if at_least(20) {
            CommitmentLevel::Low
        } else {
            CommitmentLevel::VeryLow
        })
    }

    /// The JSON id of the level (docs/methodology.md, "Levels (Table Б.9) and
    /// the 80 % share rule").
    pub fn id(self) -> &'static str {
        match self {
            CommitmentLevel::Absent => "absent",
            CommitmentLevel::VeryLow => "very_low",
            CommitmentLevel::Low => "low",
            CommitmentLevel::Acceptable => "acceptable",
            CommitmentLevel::Good => "good",
            CommitmentLevel::High => "high",
        }
    }

    /// The label of Table Б.9.
    pub fn label(self) -> &'static str {
        match self {
            CommitmentLevel::Absent => ru::COMMITMENT_LEVELS[0],
            CommitmentLevel::VeryLow => ru::COMMITMENT_LEVELS[1],
            CommitmentLevel::Low => ru::COMMITMENT_LEVELS[2],
            CommitmentLevel::Acceptable => ru::COMMITMENT_LEVELS[3],
            CommitmentLevel::Good => ru::COMMITMENT_LEVELS[4],
            CommitmentLevel::High => ru::COMMITMENT_LEVELS[5],
        }
    }

    /// The IP range of Table Б.9 as printed («16–23»).
    pub fn points_range(self) -> &'static str {
        match self {
            CommitmentLevel::Absent => ru::COMMITMENT_LEVEL_POINTS[0],
            CommitmentLevel::VeryLow => ru::COMMITMENT_LEVEL_POINTS[1],
            CommitmentLevel::Low => ru::COMMITMENT_LEVEL_POINTS[2],
            CommitmentLevel::Acceptable => ru::COMMITMENT_LEVEL_POINTS[3],
            CommitmentLevel::Good => ru::COMMITMENT_LEVEL_POINTS[4],
            CommitmentLevel::High => ru::COMMITMENT_LEVEL_POINTS[5],
        }
    }

    /// The P range of Table Б.9 («40–60 %»).
    pub fn percent_range(self) -> &'static str {
        match self {
            CommitmentLevel::Absent => ru::COMMITMENT_LEVEL_PERCENTS[0],
            CommitmentLevel::VeryLow => ru::COMMITMENT_LEVEL_PERCENTS[1],
            CommitmentLevel::Low => ru::COMMITMENT_LEVEL_PERCENTS[2],
            CommitmentLevel::Acceptable => ru::COMMITMENT_LEVEL_PERCENTS[3],
            CommitmentLevel::Good => ru::COMMITMENT_LEVEL_PERCENTS[4],
            CommitmentLevel::High => ru::COMMITMENT_LEVEL_PERCENTS[5],
        }
    }
}

/// The score of one form: the six block sums of Table Б.5 and IP (Table Б.8).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct FormScore {
    /// Аи, Би, Вл, Гл, Дв, Ев; the "−" sums are ≤ 0.
    pub block_sums: [i64; 6],
    /// IP = the sum of the six block sums, −30..=39.
    pub ip: i64,
}

impl FormScore {
    /// The individual level of Table Б.9.
    pub fn level(&self) -> CommitmentLevel {
        CommitmentLevel::of_ip(self.ip)
    }

    /// The signed contribution of each statement (the row of Table Б.10).
    pub fn signed_values(answers: &CommitmentAnswers) -> [i64; ITEMS] {
        let mut out = [0; ITEMS];
        for (i, &v) in answers.0.iter().enumerate() {
            out[i] = match sign_of(i + 1) {
                Sign::Plus => i64::from(v),
                Sign::Minus => -i64::from(v),
            };
        }
        out
    }
}

/// Scores one form: a "+" statement contributes v, a "−" one −v, a blank 0.
pub fn score(answers: &CommitmentAnswers) -> FormScore {
    let mut block_sums = [0i64; 6];
    for (i, &v) in answers.0.iter().enumerate() {
        let b = BLOCK_OF_ITEM[i];
        let v = i64::from(v);
        block_sums[b] += match BLOCKS[b].sign {
            Sign::Plus => v,
            Sign::Minus => -v,
        };
    }
    FormScore {
        block_sums,
        ip: block_sums.iter().sum(),
    }
}

/// Running totals of a group of forms: enough for a row of Table Б.6 and the
/// index of Table Б.8.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GroupTotals {
    /// Forms counted.
    pub n: u64,
    /// Sum over forms of each block sum.
    pub block_sums: [i64; 6],
    /// OP = Σ IP.
    pub op: i64,
    /// Σ IP², for the spread of IP (the precision of P and of its change).
    pub ip_squares: i64,
    /// Σ of each component's score squared (Table Б.5 order).
    pub component_squares: [i64; 3],
}

impl GroupTotals {
    /// Adds one scored form.
    pub fn add(&mut self, score: &FormScore) {
        self.n += 1;
        for (acc, s) in self.block_sums.iter_mut().zip(score.block_sums) {
            *acc += s;
        }
        self.op += score.ip;
        self.ip_squares += score.ip * score.ip;
        for (c, acc) in self.component_squares.iter_mut().enumerate() {
            let v = score.block_sums[2 * c] + score.block_sums[2 * c + 1];
            *acc += v * v;
        }
    }

    /// Adds another group's totals.
    pub fn merge(&mut self, other: &GroupTotals) {
        self.n += other.n;
        for (acc, s) in self.block_sums.iter_mut().zip(other.block_sums) {
            *acc += s;
        }
        self.op += other.op;
        self.ip_squares += other.ip_squares;
        for (acc, s) in self
            .component_squares
            .iter_mut()
            .zip(other.component_squares)
        {
            *acc += s;
        }
    }

    /// The figures of the group.
    pub fn row(&self) -> GroupRow {
        let n = self.n as f64;
        let mean = |sum: i64| (self.n > 0).then(|| sum as f64 / n);
        let op_max = IP_MAX * self.n as i64;
        let var = |sum: i64, squares: i64| {
            crate::precision::sample_variance(self.n, sum as f64, squares as f64)
        };
        GroupRow {
            n: self.n,
            block_means: self.block_sums.map(mean),
            ip_mean: mean(self.op),
            ip_variance: var(self.op, self.ip_squares),
            component_variances: std::array::from_fn(|c| {
                var(
                    self.block_sums[2 * c] + self.block_sums[2 * c + 1],
                    self.component_squares[c],
                )
            }),
            index: CommitmentIndex {
                op: self.op,
                op_max,
                p: (op_max > 0).then(|| self.op as f64 * 100.0 / op_max as f64),
                level: CommitmentLevel::of_index(self.op, op_max),
            },
        }
    }
}

/// Table Б.8: OP, OPmax, P and the collective level.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CommitmentIndex {
    /// OP = Σ IP_i.
    pub op: i64,
    /// OPmax = 39 × N.
    pub op_max: i64,
    /// P = OP / OPmax × 100 %; `None` without forms.
    pub p: Option<f64>,
    /// The collective level by P; `None` without forms.
    pub level: Option<CommitmentLevel>,
}

/// The figures of one group of forms: a row of Table Б.6 with its index.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GroupRow {
    /// Forms in the group.
    pub n: u64,
    /// Means of Аи, Би, Вл, Гл, Дв, Ев.
    pub block_means: [Option<f64>; 6],
    /// Mean IP («Общее значение» of Table Б.6, compared with 39).
    pub ip_mean: Option<f64>,
    /// The sample variance of IP over the group's forms (two forms or
    /// more); P's per-form variance is this × (100 / 39)².
    pub ip_variance: Option<f64>,
    /// The sample variance of each component's score, Table Б.5 order.
    pub component_variances: [Option<f64>; 3],
    /// Table Б.8 for the group.
    pub index: CommitmentIndex,
}

impl GroupRow {
    /// P with what its precision rests on (its per-form variance is IP's
    /// scaled by 100/39), for a group of `staff` employees if known.
    pub fn p_estimate(&self, staff: Option<u64>) -> crate::precision::Estimate {
        let scale = 100.0 / IP_MAX as f64;
        crate::precision::Estimate::new(
            self.index.p,
            self.ip_variance.map(|v| v * scale * scale),
            self.n,
            staff,
        )
    }

    /// A component's score for the group: the mean "+" sum plus the mean
    /// "−" sum, out of 13 (= 15 − 2, so that the three add up to IPmax).
    pub fn component_mean(&self, component: Component) -> Option<f64> {
        let b = component as usize * 2;
        Some(self.block_means[b]? + self.block_means[b + 1]?)
    }
}

/// The largest score a component can reach: 3 × 5 − 2 × 1 = 13.
pub const COMPONENT_MAX: f64 = 13.0;

/// Pooled answers of one row of Table Б.3.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BlockStat {
    /// The row of Table Б.5.
    pub block: Block,
    /// Answers of 1..=5 points over the block's statements.
    pub counts: [u64; 5],
    /// Answers given (blanks excluded).
    pub total: u64,
    /// Mean answer; `None` without answers.
    pub mean: Option<f64>,
}

/// The item analysis of Appendix Б (docs/methodology.md, "Item analysis"):
/// which statements stand out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemAnalysis {
    /// The "−" statements with the largest sum (the most agreed-with).
    pub strongest_negative: Vec<usize>,
    /// The "+" statements with the smallest sum.
    pub weakest_positive: Vec<usize>,
    /// The "+" statements with the largest sum.
    pub strongest_positive: Vec<usize>,
}

/// The result of [`CommitmentAccumulator::finish`].
#[derive(Clone, Debug, PartialEq)]
pub struct CommitmentAnalysis {
    /// N, the forms counted.
    pub respondents: u64,
    /// Forms with at least one blank answer.
    pub incomplete: u64,
    /// Table Б.2: per statement, the count of blanks (index 0) and of 1..=5.
    pub item_counts: [[u64; 6]; ITEMS],
    /// Table Б.3, in its row order.
    pub blocks: [BlockStat; 6],
    /// The whole survey as one group (Table Б.8, and the «Общая» row).
    pub total: GroupRow,
    /// Table Б.9: forms at each individual level, lowest first.
    pub levels: [u64; 6],
    /// Table Б.6: groups with forms, in band order, unknown tenure last.
    pub by_tenure: Vec<(Option<CommitmentBand>, GroupRow)>,
    /// Per statement the sum of raw points (blanks 0).
    pub item_sums: [u64; ITEMS],
}

impl CommitmentAnalysis {
    /// The analysis as a reader may see it: the tenure groups the anonymity
    /// threshold `k` hides are left out ([`crate::anonymity`]), so that no
    /// conclusion or comparison can quote them.
    pub fn visible(&self, k: u32) -> CommitmentAnalysis {
        CommitmentAnalysis {
            by_tenure: crate::anonymity::visible(&self.by_tenure, |(_, r)| r.n, k),
            ..self.clone()
        }
    }

    /// The index of Table Б.8.
    pub fn index(&self) -> &CommitmentIndex {
        &self.total.index
    }

    /// The share (0..=1) of respondents at «Хорошая» or «Высокая»: the
    /// "≈ 80 %" rule of section 5.2 and Appendix Б (docs/methodology.md,
    /// "Levels (Table Б.9) and the 80 % share rule") allows calling the
    /// staff's commitment high only when it is at least 0.8.
    pub fn good_or_high_share(&self) -> Option<f64> {
        let good = self.levels[CommitmentLevel::Good as usize]
            + self.levels[CommitmentLevel::High as usize];
        (self.respondents > 0).then(|| good as f64 / self.respondents as f64)
    }

    /// The item analysis (docs/methodology.md, "Item analysis").
    pub fn item_analysis(&self) -> ItemAnalysis {
        let pick = |sign: Sign, best: fn(u64, u64) -> bool| {
            let items: Vec<usize> = (1..=ITEMS).filter(|&i| sign_of(i) == sign).collect();
            let target = items
                .iter()
                .map(|&i| self.item_sums[i - 1])
                .reduce(|a, b| if best(b, a) { b } else { a })
                .unwrap_or(0);
            items
                .into_iter()
                .filter(|&i| self.item_sums[i - 1] == target)
                .collect::<Vec<_>>()
        };
        ItemAnalysis {
            strongest_negative: pick(Sign::Minus, |a, b| a > b),
            weakest_positive: pick(Sign::Plus, |a, b| a < b),
            strongest_positive: pick(Sign::Plus, |a, b| a > b),
        }
    }
}

/// One pass over a survey's commitment forms.
#[derive(Clone, Debug, Default)]
pub struct CommitmentAccumulator {
    total: GroupTotals,
    incomplete: u64,
    item_counts: [[u64; 6]; ITEMS],
    levels: [u64; 6],
    /// Six bands of Table Б.6, then unknown.
    by_tenure: [GroupTotals; 7],
}

impl CommitmentAccumulator {
    /// An empty accumulator.
    pub fn new() -> Self {
        Self::default()
    }

    /// Scores and counts one form; returns its score.
    pub fn add(&mut self, answers: &CommitmentAnswers, tenure: Tenure) -> FormScore {
        let score = score(answers);
        self.total.add(&score);
        if answers.is_incomplete() {
            self.incomplete += 1;
        }
        for (counts, &v) in self.item_counts.iter_mut().zip(answers.0.iter()) {
            counts[usize::from(v)] += 1;
        }
        self.levels[score.level() as usize] += 1;
        let slot = tenure.commitment_band().map_or(6, |b| b as usize);
        self.by_tenure[slot].add(&score);
        score
    }

    /// The analysis of every form added.
    pub fn finish(&self) -> CommitmentAnalysis {
        let blocks = BLOCKS.map(|block| {
            let mut counts = [0u64; 5];
            for &item in block.items {
                for (c, k) in counts.iter_mut().zip(&self.item_counts[item - 1][1..]) {
                    *c += k;
                }
            }
            let total: u64 = counts.iter().sum();
            let points: u64 = counts.iter().zip(1u64..).map(|(c, v)| c * v).sum();
            BlockStat {
                block,
                counts,
                total,
                mean: (total > 0).then(|| points as f64 / total as f64),
            }
        });
        let item_sums = self
            .item_counts
            .map(|c| c.iter().zip(0u64..).map(|(n, v)| n * v).sum());
        let bands = CommitmentBand::ALL.map(Some).into_iter().chain([None]);
        let by_tenure = bands
            .zip(self.by_tenure.iter())
            .filter(|(_, t)| t.n > 0)
            .map(|(band, t)| (band, t.row()))
            .collect();
        CommitmentAnalysis {
            respondents: self.total.n,
            incomplete: self.incomplete,
            item_counts: self.item_counts,
            blocks,
            total: self.total.row(),
            levels: self.levels,
            by_tenure,
            item_sums,
        }
    }
}

/// Analyses a slice of forms in one call.
pub fn analyze<'a>(
    forms: impl IntoIterator<Item = (&'a CommitmentAnswers, Tenure)>,
) -> CommitmentAnalysis {
    let mut acc = CommitmentAccumulator::new();
    for (answers, tenure) in forms {
        acc.add(answers, tenure);
    }
    acc.finish()
}

/// Groups scored forms by any key (subdivision, position category, …) and
/// returns one row per key that has forms, in key order.
pub fn breakdown<K: Ord>(items: impl IntoIterator<Item = (K, FormScore)>) -> Vec<(K, GroupRow)> {
    let mut groups = std::collections::BTreeMap::<K, GroupTotals>::new();
    for (key, score) in items {
        groups.entry(key).or_default().add(&score);
    }
    groups.into_iter().map(|(k, t)| (k, t.row())).collect()
}

/// A component's standing in a group: its mean score out of
/// [`COMPONENT_MAX`], that as a percent, and the level of the Table Б.9
/// percent scale it falls on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ComponentScore {
    /// The component.
    pub component: Component,
    /// Mean "+" sum plus mean "−" sum.
    pub mean: f64,
    /// `mean` / 13 × 100.
    pub percent: f64,
    /// The level of the percent on the collective scale of Table Б.9.
    pub level: CommitmentLevel,
}

impl GroupRow {
    /// The three components, Table Б.5 order; empty without forms.
    pub fn components(&self) -> Vec<ComponentScore> {
        Component::ALL
            .into_iter()
            .filter_map(|component| {
                let mean = self.component_mean(component)?;
                let percent = mean * 100.0 / COMPONENT_MAX;
                // The same thresholds as P, on the component's own percent,
                // decided in integers: the mean is a sum of whole points
                // over n forms, so 100 · sum is compared with t · 13 · n
                // (five forms at exactly 40 % are «допустимая», not a
                // float's 39,999… «низкая»).
                let sum = (mean * self.n as f64).round() as i64;
                let scale = 13 * self.n as i64;
                let level = match 100 * sum {
                    s if s <= 0 => CommitmentLevel::Absent,
                    s if s < 20 * scale => CommitmentLevel::VeryLow,
                    s if s < 40 * scale => CommitmentLevel::Low,
                    s if s < 60 * scale => CommitmentLevel::Acceptable,
                    s if s < 80 * scale => CommitmentLevel::Good,
                    _ => CommitmentLevel::High,
                };
                Some(ComponentScore {
                    component,
                    mean,
                    percent,
                    level,
                })
            })
            .collect()
    }

    /// The components that need the methods of Table 1: every component
    /// below «допустимая» (under 40 % of its maximum); when there is none
    /// but the whole index is below «хорошая», the weakest component alone.
    pub fn weak_components(&self) -> Vec<ComponentScore> {
        let all = self.components();
        let weak: Vec<ComponentScore> = all
            .iter()
            .copied()
            .filter(|c| c.level < CommitmentLevel::Acceptable)
            .collect();
        if !weak.is_empty() {
            return weak;
        }
        match self.index.level {
            // None under 40 %: the weakest, and every component tied with
            // it (identification and loyalty both 681/119 are both named,
            // never one by a silent tie-break).
            Some(level) if level < CommitmentLevel::Good => {
                let least = all.iter().map(|c| c.percent).fold(f64::INFINITY, f64::min);
                all.into_iter()
                    .filter(|c| (c.percent - least).abs() < 1e-9)
                    .collect()
            }
            _ => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_component_at_exactly_forty_percent_is_acceptable() {
        // Identification: items 2, 5, 6 "+", items 3 and 10 "−". Five forms
        // with 28 "+" points and 2 "−" points score 26 of 5 × 13 = 40 %;
        // the float sum of the two block means (5,6 − 0,4) put it at
        // 39,999…, «низкая», and named the component weak.
        let form = |plus: [u8; 3], minus3: u8| {
            let mut points = [0u8; ITEMS];
            points[1] = plus[0];
            points[4] = plus[1];
            points[5] = plus[2];
            points[2] = minus3;
            CommitmentAnswers(points)
        };
        let forms = [
            form([2, 2, 2], 1),
            form([2, 2, 2], 1),
            form([2, 2, 2], 0),
            form([2, 2, 2], 0),
            form([1, 1, 2], 0),
        ];
        let total = analyze(forms.iter().map(|f| (f, Tenure::Unknown))).total;
        let identification = total.components()[0];
        assert_eq!(identification.component, Component::Identification);
        assert!(
            identification.percent < 40.0,
            "the float percent is just under 40: {}",
            identification.percent
        );
        assert_eq!(
            identification.level,
            CommitmentLevel::Acceptable,
            "{identification:?}"
        );
    }
}
