//! «Интегральная удовлетворенность трудом» (A. V. Batarshev, Appendix В):
//! the keys of Table В.2 (corrected and as printed; docs/methodology.md,
//! "The key (Table В.2)"), the factors of Table В.3, the scale of Table В.5
//! and the summary of Table В.4.
//!
//! Main types: [`Choice`], [`SatisfactionAnswers`], [`SatisfactionKey`],
//! [`Factor`], [`SatisfactionLevel`], [`SatisfactionAccumulator`] and
//! [`SatisfactionAnalysis`].

use crate::tenure::{SatisfactionBand, Tenure};
use crate::text::{methodology, ru};

/// Number of scored statements of Table В.1 (question 19 is tenure).
pub const ITEMS: usize = 18;

/// Points of the whole questionnaire: 18 × 2.
pub const TOTAL_MAX: u32 = 36;

/// One answer of Table В.1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
pub enum Choice {
    /// Not answered: 0 points under either key.
    #[default]
    Blank,
    /// а) да
    A,
    /// б) отчасти / иногда / …
    B,
    /// в) нет
    V,
}

impl Choice {
    /// The Cyrillic letter as printed («а», «б», «в»), empty for a blank.
    pub fn letter(self) -> &'static str {
        match self {
            Choice::Blank => "",
            Choice::A => "а",
            Choice::B => "б",
            Choice::V => "в",
        }
    }

    /// Parses а/б/в (Cyrillic) or a/b/c (Latin) in any case; an empty cell
    /// is a blank. Digits and look-alike letters (Cyrillic «с») are refused.
    pub fn parse(cell: &str) -> Option<Choice> {
        match cell.trim() {
            "" => Some(Choice::Blank),
            "а" | "А" | "a" | "A" => Some(Choice::A),
            "б" | "Б" | "b" | "B" => Some(Choice::B),
            "в" | "В" | "c" | "C" => Some(Choice::V),
            _ => None,
        }
    }
}

/// The answers of one form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
pub struct SatisfactionAnswers(pub [Choice; ITEMS]);

impl SatisfactionAnswers {
    /// True when at least one statement is blank.
    pub fn is_incomplete(&self) -> bool {
        self.0.contains(&Choice::Blank)
    }

    /// True when every statement is left blank: no respondent's answer.
    pub fn is_blank(&self) -> bool {
        self.0.iter().all(|c| *c == Choice::Blank)
    }
}

/// Which key of Table В.2 turns letters into points (docs/methodology.md,
/// "The key (Table В.2)").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
pub enum SatisfactionKey {
    /// «Исправленный» (the default): items 10 and 12 keyed as every other
    /// item of their factors.
    #[default]
    Corrected,
    /// «Как в издании»: Table В.2 exactly as printed.
    Printed,
}

impl SatisfactionKey {
    /// `corrected` or `printed`.
    pub fn id(self) -> &'static str {
        match self {
            SatisfactionKey::Corrected => "corrected",
            SatisfactionKey::Printed => "printed",
        }
    }

    /// Parses [`SatisfactionKey::id`].
    pub fn from_id(id: &str) -> Option<Self> {
        match id {
            "corrected" => Some(SatisfactionKey::Corrected),
            "printed" => Some(SatisfactionKey::Printed),
            _ => None,
        }
    }

    /// The Russian name of the key, as every result states it.
    pub fn label(self) -> &'static str {
        match self {
            SatisfactionKey::Corrected => ru::KEY_CORRECTED,
            SatisfactionKey::Printed => ru::KEY_PRINTED,
        }
    }

    /// True when «а» scores 2 on statement `item` (1-based); otherwise «в»
    /// scores 2. «б» always scores 1.
    pub fn a_is_high(self, item: usize) -> bool {
        // Table В.2 as printed: а = 0 for items 9, 12, 13, 14, 15, 17.
        let printed = !matches!(item, 9 | 12 | 13 | 14 | 15 | 17);
        match (self, item) {
            // The misprints of Table В.2 (docs/methodology.md, "Misprints and
            // decisions"): item 10 belongs with 15 and 17 (а = 0), item 12
            // with 1 and 6 (а = 2).
            (SatisfactionKey::Corrected, 10 | 12) => !printed,
            _ => printed,
        }
    }

    /// Points for `choice` on statement `item` (1-based).
    pub fn points(self, item: usize, choice: Choice) -> u8 {
        match choice {
            Choice::Blank => 0,
            Choice::B => 1,
            Choice::A => 2 * u8::from(self.a_is_high(item)),
            Choice::V => 2 * u8::from(!self.a_is_high(item)),
        }
    }
}

/// The eight factors of Table В.3.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Factor {
    /// А. Интерес к работе.
    A,
    /// Б. Удовлетворенность достижениями в работе.
    B,
    /// В. Удовлетворенность взаимоотношениями с коллегами.
    V,
    /// Г. Удовлетворенность взаимоотношениями с руководством.
    G,
    /// Д. Уровень притязаний в профессиональной деятельности.
    D,
    /// Е. Предпочтение выполняемой работы заработку.
    E,
    /// Ж. Удовлетворенность условиями труда.
    Zh,
    /// З. Профессиональная ответственность.
    Z,
}

impl Factor {
    /// Table В.3 order.
    pub const ALL: [Factor; 8] = [
        Factor::A,
        Factor::B,
        Factor::V,
        Factor::G,
        Factor::D,
        Factor::E,
        Factor::Zh,
        Factor::Z,
    ];

    /// The statements of the factor (Table В.3), 1-based.
    pub const fn items(self) -> &'static [usize] {
        match self {
            Factor::A => &[1, 6, 12],
            Factor::B => &[2, 7],
            Factor::V => &[3, 8, 14],
            Factor::G => &[10, 15, 17],
            Factor::D => &[5, 11],
            Factor::E => &[4, 16],
            Factor::Zh => &[13, 18],
            Factor::Z => &[9],
        }
    }

    /// The factor's maximum: 2 points per statement.
    pub fn max_points(self) -> u32 {
        2 * self.items().len() as u32
    }

    /// The JSON id (A, B, V, G, D, E, Zh, Z; docs/methodology.md, "Factors
    /// (Table В.3)").
    pub fn id(self) -> &'static str {
        match self {
            Factor::A => "A",
            Factor::B => "B",
            Factor::V => "V",
            Factor::G => "G",
            Factor::D => "D",
            Factor::E => "E",
            Factor::Zh => "Zh",
            Factor::Z => "Z",
        }
    }

    /// The index letter of Table В.3 (А … З).
    pub fn letter(self) -> &'static str {
        match self {
            Factor::A => "А",
            Factor::B => "Б",
            Factor::V => "В",
            Factor::G => "Г",
            Factor::D => "Д",
            Factor::E => "Е",
            Factor::Zh => "Ж",
            Factor::Z => "З",
        }
    }

    /// The name of Table В.3.
    pub fn label(self) -> &'static str {
        match self {
            Factor::A => ru::SATISFACTION_FACTORS[0],
            Factor::B => ru::SATISFACTION_FACTORS[1],
            Factor::V => ru::SATISFACTION_FACTORS[2],
            Factor::G => ru::SATISFACTION_FACTORS[3],
            Factor::D => ru::SATISFACTION_FACTORS[4],
            Factor::E => ru::SATISFACTION_FACTORS[5],
            Factor::Zh => ru::SATISFACTION_FACTORS[6],
            Factor::Z => ru::SATISFACTION_FACTORS[7],
        }
    }

    /// The description of this factor at `level`: the methodology's own
    /// text where Table В.6 prints one, otherwise Klimat's, with its origin
    /// so that the report can mark Klimat's words.
    pub fn description(self, level: SatisfactionLevel) -> Description {
        let (f, l) = (self as usize, level as usize);
        match methodology::SATISFACTION_FACTOR_EXAMPLES
            .iter()
            .find(|(ef, el, _)| *ef == f && *el == l)
        {
            Some((_, _, text)) => Description {
                text,
                from_methodology: true,
            },
            None => Description {
                text: crate::text::ru::SATISFACTION_FACTOR_TEXTS[f][l],
                from_methodology: false,
            },
        }
    }
}

/// A factor's description at a level, and whether the methodology prints
/// it (Table В.6) or it is Klimat's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Description {
    /// The text, without a final full stop.
    pub text: &'static str,
    /// `true` for the methodology's own words.
    pub from_methodology: bool,
}

/// The scale of Table В.5.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SatisfactionLevel {
    /// Крайне низкая (очень низкая), [0, 20) %.
    ExtremelyLow,
    /// Низкая, [20, 40) %.
    Low,
    /// Средняя (допустимая, удовлетворительная), [40, 60) %.
    Medium,
    /// Хорошая, [60, 80) %.
    Good,
    /// Высокая, [80, 100] %.
    High,
}

impl SatisfactionLevel {
    /// Lowest first.
    pub const ALL: [SatisfactionLevel; 5] = [
        SatisfactionLevel::ExtremelyLow,
        SatisfactionLevel::Low,
        SatisfactionLevel::Medium,
        SatisfactionLevel::Good,
        SatisfactionLevel::High,
    ];

    /// The level of `points` out of `max`, compared exactly in integers so
    /// that exactly 40 % is «средняя» and exactly 80 % «высокая». `None`
    /// when `max` is 0.
    pub fn of_ratio(points: u64, max: u64) -> Option<SatisfactionLevel> {
        if max == 0 {
            return None;
        }
        let at_least = |t: u64| 100 * points >= t * max;
        Some(if at_least(80) {
            SatisfactionLevel::High
        } else if at_least(60) {
            SatisfactionLevel::Good
        } else if at_least(40) {
            SatisfactionLevel::Medium
        } else if at_least(20) {
            SatisfactionLevel::Low
        } else {
            SatisfactionLevel::ExtremelyLow
        })
    }

    /// The JSON id (docs/methodology.md, "Levels (Table В.5)").
    pub fn id(self) -> &'static str {
        match self {
            SatisfactionLevel::ExtremelyLow => "extremely_low",
            SatisfactionLevel::Low => "low",
            SatisfactionLevel::Medium => "medium",
            SatisfactionLevel::Good => "good",
            SatisfactionLevel::High => "high",
        }
    }

    /// The label of Table В.5.
    pub fn label(self) -> &'static str {
        match self {
            SatisfactionLevel::ExtremelyLow => ru::SATISFACTION_LEVELS[0],
            SatisfactionLevel::Low => ru::SATISFACTION_LEVELS[1],
            SatisfactionLevel::Medium => ru::SATISFACTION_LEVELS[2],
            SatisfactionLevel::Good => ru::SATISFACTION_LEVELS[3],
            SatisfactionLevel::High => ru::SATISFACTION_LEVELS[4],
        }
    }

    /// The range of Table В.5 («40–60 %»).
    pub fn percent_range(self) -> &'static str {
        match self {
            SatisfactionLevel::ExtremelyLow => ru::SATISFACTION_LEVEL_PERCENTS[0],
            SatisfactionLevel::Low => ru::SATISFACTION_LEVEL_PERCENTS[1],
            SatisfactionLevel::Medium => ru::SATISFACTION_LEVEL_PERCENTS[2],
            SatisfactionLevel::Good => ru::SATISFACTION_LEVEL_PERCENTS[3],
            SatisfactionLevel::High => ru::SATISFACTION_LEVEL_PERCENTS[4],
        }
    }
}

/// The score of one form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct FormScore {
    /// Points of each factor, Table В.3 order.
    pub factor_points: [u32; 8],
    /// Points of statements 1–18, 0..=36.
    pub points: u32,
}

impl FormScore {
    /// The overall percent of 36.
    pub fn percent(&self) -> f64 {
        f64::from(self.points) * 100.0 / f64::from(TOTAL_MAX)
    }

    /// A factor's percent of its maximum.
    pub fn factor_percent(&self, factor: Factor) -> f64 {
        f64::from(self.factor_points[factor as usize]) * 100.0 / f64::from(factor.max_points())
    }

    /// The level of Table В.5 on the overall percent.
    pub fn level(&self) -> SatisfactionLevel {
        SatisfactionLevel::of_ratio(u64::from(self.points), u64::from(TOTAL_MAX))
            .unwrap_or(SatisfactionLevel::ExtremelyLow)
    }
}

/// The factor (index into [`Factor::ALL`]) of each statement, 0-based,
/// derived from Table В.3.
const FACTOR_OF_ITEM: [usize; ITEMS] = {
    let mut out = [0; ITEMS];
    let mut f = 0;
    while f < Factor::ALL.len() {
        let items = Factor::ALL[f].items();
        let mut k = 0;
        while k < items.len() {
            out[items[k] - 1] = f;
            k += 1;
        }
        f += 1;
    }
    out
};

/// Scores one form with `key`.
pub fn score(answers: &SatisfactionAnswers, key: SatisfactionKey) -> FormScore {
    let mut factor_points = [0u32; 8];
    for (i, &choice) in answers.0.iter().enumerate() {
        factor_points[FACTOR_OF_ITEM[i]] += u32::from(key.points(i + 1, choice));
    }
    FormScore {
        factor_points,
        points: factor_points.iter().sum(),
    }
}

/// Running totals of a group: a row of Table В.4.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GroupTotals {
    /// Forms counted.
    pub n: u64,
    /// Σ of each factor's points.
    pub factor_points: [u64; 8],
    /// Σ of the overall points.
    pub points: u64,
    /// Σ of each factor's points squared.
    pub factor_squares: [u64; 8],
    /// Σ of the overall points squared.
    pub points_squares: u64,
}

impl GroupTotals {
    /// Adds one scored form.
    pub fn add(&mut self, score: &FormScore) {
        self.n += 1;
        for (acc, p) in self.factor_points.iter_mut().zip(score.factor_points) {
            *acc += u64::from(p);
        }
        for (acc, p) in self.factor_squares.iter_mut().zip(score.factor_points) {
            *acc += u64::from(p) * u64::from(p);
        }
        self.points += u64::from(score.points);
        self.points_squares += u64::from(score.points) * u64::from(score.points);
    }

    /// The figures of the group.
    pub fn row(&self) -> GroupRow {
        let pct = |sum: u64, max: u32| {
            let den = self.n * u64::from(max);
            (den > 0).then(|| sum as f64 * 100.0 / den as f64)
        };
        // The per-form variance of a percent of `max` points.
        let var = |sum: u64, squares: u64, max: u32| {
            let scale = 100.0 / f64::from(max);
            crate::precision::sample_variance(self.n, sum as f64, squares as f64)
                .map(|v| v * scale * scale)
        };
        GroupRow {
            n: self.n,
            factor_variances: Factor::ALL.map(|f| {
                var(
                    self.factor_points[f as usize],
                    self.factor_squares[f as usize],
                    f.max_points(),
                )
            }),
            overall_variance: var(self.points, self.points_squares, TOTAL_MAX),
            factor_percents: Factor::ALL
                .map(|f| pct(self.factor_points[f as usize], f.max_points())),
            factor_levels: Factor::ALL.map(|f| {
                SatisfactionLevel::of_ratio(
                    self.factor_points[f as usize],
                    self.n * u64::from(f.max_points()),
                )
            }),
            overall_percent: pct(self.points, TOTAL_MAX),
            level: SatisfactionLevel::of_ratio(self.points, self.n * u64::from(TOTAL_MAX)),
        }
    }
}

/// A row of Table В.4: each factor % = Σ points / (n × max) × 100.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GroupRow {
    /// Forms in the group.
    pub n: u64,
    /// Factor percents, Table В.3 order; `None` without forms.
    pub factor_percents: [Option<f64>; 8],
    /// The level of each factor by Table В.5.
    pub factor_levels: [Option<SatisfactionLevel>; 8],
    /// Overall percent of 36.
    pub overall_percent: Option<f64>,
    /// The level of Table В.5 on the overall percent.
    pub level: Option<SatisfactionLevel>,
    /// The per-form sample variance of each factor's percent.
    pub factor_variances: [Option<f64>; 8],
    /// The per-form sample variance of the overall percent.
    pub overall_variance: Option<f64>,
}

impl GroupRow {
    /// The overall satisfaction with what its precision rests on, for a
    /// group of `staff` employees if known.
    pub fn overall_estimate(&self, staff: Option<u64>) -> crate::precision::Estimate {
        crate::precision::Estimate::new(self.overall_percent, self.overall_variance, self.n, staff)
    }
}

/// The result of [`SatisfactionAccumulator::finish`].
#[derive(Clone, Debug, PartialEq)]
pub struct SatisfactionAnalysis {
    /// The key that produced every figure.
    pub key: SatisfactionKey,
    /// Forms counted.
    pub respondents: u64,
    /// Forms with at least one blank.
    pub incomplete: u64,
    /// The «Общая» row of Table В.4.
    pub total: GroupRow,
    /// Respondents at each level of Table В.5, lowest first.
    pub levels: [u64; 5],
    /// Table В.4 rows with forms, in band order, unknown tenure last.
    pub by_tenure: Vec<(Option<SatisfactionBand>, GroupRow)>,
    /// Per statement the count of blanks, а, б, в.
    pub item_counts: [[u64; 4]; ITEMS],
}

impl SatisfactionAnalysis {
    /// The analysis as a reader may see it: the tenure groups the anonymity
    /// threshold `k` hides are left out ([`crate::anonymity`]).
    pub fn visible(&self, k: u32) -> SatisfactionAnalysis {
        SatisfactionAnalysis {
            by_tenure: crate::anonymity::visible(&self.by_tenure, |(_, r)| r.n, k),
            ..self.clone()
        }
    }
}

/// One pass over a survey's satisfaction forms.
#[derive(Clone, Debug)]
pub struct SatisfactionAccumulator {
    key: SatisfactionKey,
    total: GroupTotals,
    incomplete: u64,
    levels: [u64; 5],
    by_tenure: [GroupTotals; 7],
    item_counts: [[u64; 4]; ITEMS],
}

impl SatisfactionAccumulator {
    /// An empty accumulator scoring with `key`.
    pub fn new(key: SatisfactionKey) -> Self {
        Self {
            key,
            total: GroupTotals::default(),
            incomplete: 0,
            levels: [0; 5],
            by_tenure: [GroupTotals::default(); 7],
            item_counts: [[0; 4]; ITEMS],
        }
    }

    /// Scores and counts one form; returns its score.
    pub fn add(&mut self, answers: &SatisfactionAnswers, tenure: Tenure) -> FormScore {
        let score = score(answers, self.key);
        self.total.add(&score);
        if answers.is_incomplete() {
            self.incomplete += 1;
        }
        for (counts, &c) in self.item_counts.iter_mut().zip(answers.0.iter()) {
            counts[c as usize] += 1;
        }
        self.levels[score.level() as usize] += 1;
        let slot = tenure.satisfaction_band().map_or(6, |b| b as usize);
        self.by_tenure[slot].add(&score);
        score
    }

    /// The analysis of every form added.
    pub fn finish(&self) -> SatisfactionAnalysis {
        let bands = SatisfactionBand::ALL.map(Some).into_iter().chain([None]);
        SatisfactionAnalysis {
            key: self.key,
            respondents: self.total.n,
            incomplete: self.incomplete,
            total: self.total.row(),
            levels: self.levels,
            by_tenure: bands
                .zip(self.by_tenure.iter())
                .filter(|(_, t)| t.n > 0)
                .map(|(b, t)| (b, t.row()))
                .collect(),
            item_counts: self.item_counts,
        }
    }
}

/// Analyses forms in one call.
pub fn analyze<'a>(
    key: SatisfactionKey,
    forms: impl IntoIterator<Item = (&'a SatisfactionAnswers, Tenure)>,
) -> SatisfactionAnalysis {
    let mut acc = SatisfactionAccumulator::new(key);
    for (answers, tenure) in forms {
        acc.add(answers, tenure);
    }
    acc.finish()
}

/// Groups scored forms by any key and returns one row per key with forms.
pub fn breakdown<K: Ord>(items: impl IntoIterator<Item = (K, FormScore)>) -> Vec<(K, GroupRow)> {
    let mut groups = std::collections::BTreeMap::<K, GroupTotals>::new();
    for (key, score) in items {
        groups.entry(key).or_default().add(&score);
    }
    groups.into_iter().map(|(k, t)| (k, t.row())).collect()
}
