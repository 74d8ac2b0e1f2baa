//! «Корпоративная культура: ценности и направления развития» (Appendix A):
//! the answers of one form, rating statistics of Tables А.2–А.4 (means,
//! distributions, rankings, subdivision-vs-organization differences) and the
//! grouped open answers of Table А.1.
//!
//! Main types: [`CultureForm`], [`RatingStat`], [`CultureAccumulator`],
//! [`CultureAnalysis`].

use std::collections::HashMap;

/// Open questions of Table А.1.
pub const OPEN_QUESTIONS: usize = 8;
/// Rows of Table А.2.
pub const COHESION_ITEMS: usize = 15;
/// Rows of Table А.3.
pub const LEVEL_ITEMS: usize = 3;
/// Rows of Table А.4.
pub const NEGATIVE_ITEMS: usize = 8;

/// The side of an open question: the left ("разделяю") or right ("не
/// разделяю") column of Table А.1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    /// Left column.
    Pos,
    /// Right column.
    Neg,
}

impl Side {
    /// `pos` or `neg`.
    pub fn id(self) -> &'static str {
        match self {
            Side::Pos => "pos",
            Side::Neg => "neg",
        }
    }
}

/// A rating of Tables А.2–А.4: 0 is blank, 1..=5 the points.
pub type Rating = u8;

/// A pair of ratings: in the subdivision and in the organization as a whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
pub struct RatingPair {
    /// «В Вашем структурном подразделении».
    pub sub: Rating,
    /// «В организации в целом».
    pub org: Rating,
}

/// The answers of one culture form.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct CultureForm {
    /// Table А.1: per question the left and right free-text answers.
    pub open: [[String; 2]; OPEN_QUESTIONS],
    /// Table А.2.
    pub cohesion: [RatingPair; COHESION_ITEMS],
    /// The text of item 15 «другое (укажите)».
    pub cohesion_other: String,
    /// Table А.3.
    pub level: [RatingPair; LEVEL_ITEMS],
    /// Table А.4.
    pub negative: [Rating; NEGATIVE_ITEMS],
    /// Item 7 of Table А.4: underlined actors, bit i = [`crate::text::methodology::CULTURE_N7_ACTORS`]\[i].
    pub n7_actors: u8,
    /// Item 7 of Table А.4: underlined technologies, bit i = `CULTURE_N7_TECH`\[i].
    pub n7_tech: u8,
    /// The text of item 8 «Иное (укажите)».
    pub negative_other: String,
}

impl CultureForm {
    /// True when some rating or open side is left blank.
    pub fn is_incomplete(&self) -> bool {
        self.cohesion.iter().any(|p| p.sub == 0 || p.org == 0)
            || self.level.iter().any(|p| p.sub == 0 || p.org == 0)
            || self.negative.contains(&0)
    }

    /// Every free text of the form: the open answers of Table А.1 and the
    /// «другое»/«Иное» texts.
    pub fn texts_mut(&mut self) -> impl Iterator<Item = &mut String> {
        self.open
            .iter_mut()
            .flatten()
            .chain([&mut self.cohesion_other, &mut self.negative_other])
    }

    /// True when nothing at all is answered: no rating, no word of item 7,
    /// no text.
    pub fn is_blank(&self) -> bool {
        self.cohesion.iter().all(|p| p.sub == 0 && p.org == 0)
            && self.level.iter().all(|p| p.sub == 0 && p.org == 0)
            && self.negative.iter().all(|&v| v == 0)
            && self.n7_actors == 0
            && self.n7_tech == 0
            && self.open.iter().flatten().all(|t| t.trim().is_empty())
            && self.cohesion_other.trim().is_empty()
            && self.negative_other.trim().is_empty()
    }
}

/// Statistics of one rating column.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RatingStat {
    /// Answers of 1..=5.
    pub counts: [u64; 5],
}

impl RatingStat {
    /// Counts one rating (blanks are skipped).
    pub fn add(&mut self, r: Rating) {
        if (1..=5).contains(&r) {
            self.counts[usize::from(r) - 1] += 1;
        }
    }

    /// Answers given.
    pub fn n(&self) -> u64 {
        self.counts.iter().sum()
    }

    /// Mean rating; `None` without answers.
    pub fn mean(&self) -> Option<f64> {
        let n = self.n();
        let sum: u64 = self.counts.iter().zip(1u64..).map(|(c, v)| c * v).sum();
        (n > 0).then(|| sum as f64 / n as f64)
    }
}

/// Statistics of a row asked in both columns.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PairStat {
    /// The subdivision column.
    pub sub: RatingStat,
    /// The organization column.
    pub org: RatingStat,
}

impl PairStat {
    /// Subdivision mean minus organization mean.
    pub fn difference(&self) -> Option<f64> {
        Some(self.sub.mean()? - self.org.mean()?)
    }
}

/// One distinct open answer with the number of forms that gave it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenAnswer {
    /// The answer as first written (trimmed).
    pub text: String,
    /// How many times it was given.
    pub count: u64,
}

/// The answers of one (question, side), most frequent first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenGroup {
    /// 1-based question of Table А.1.
    pub question: usize,
    /// The side.
    pub side: Side,
    /// Distinct answers, most frequent first, ties in order of first appearance.
    pub answers: Vec<OpenAnswer>,
}

/// The result of [`CultureAccumulator::finish`].
#[derive(Clone, Debug, PartialEq)]
pub struct CultureAnalysis {
    /// Forms counted.
    pub respondents: u64,
    /// Forms with a blank rating.
    pub incomplete: u64,
    /// Table А.2.
    pub cohesion: [PairStat; COHESION_ITEMS],
    /// Table А.3.
    pub level: [PairStat; LEVEL_ITEMS],
    /// Table А.4.
    pub negative: [RatingStat; NEGATIVE_ITEMS],
    /// Item 7 of Table А.4: how often each actor was underlined.
    pub n7_actor_counts: [u64; 3],
    /// Item 7 of Table А.4: how often each technology was underlined.
    pub n7_tech_counts: [u64; 3],
    /// The sixteen (question, side) groups of open answers, Table А.1 order.
    pub open: Vec<OpenGroup>,
    /// The texts of «другое» (Table А.2 item 15), grouped.
    pub cohesion_other: Vec<OpenAnswer>,
    /// The texts of «Иное» (Table А.4 item 8), grouped.
    pub negative_other: Vec<OpenAnswer>,
    /// Texts the operator hid before the report (they name or describe
    /// their author): counted here, printed nowhere.
    pub hidden_texts: u64,
}

/// Which column of Tables А.2/А.3 a ranking is over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    /// В структурном подразделении.
    Sub,
    /// В организации в целом.
    Org,
}

impl CultureAnalysis {
    /// Items of Table А.2 ranked by mean in `column`, highest first (ties by
    /// item number); items without answers are left out, and so is item 15
    /// «другое», whose respondents each rate a thing of their own naming.
    /// 1-based items.
    pub fn cohesion_ranking(&self, column: Column) -> Vec<(usize, f64)> {
        rank(
            self.cohesion[..COHESION_ITEMS - 1]
                .iter()
                .map(|p| match column {
                    Column::Sub => p.sub.mean(),
                    Column::Org => p.org.mean(),
                }),
        )
    }

    /// Items of Table А.4 ranked by mean, highest (most negative influence)
    /// first; item 8 «Иное» is left out, as «другое» is of Table А.2.
    pub fn negative_ranking(&self) -> Vec<(usize, f64)> {
        rank(
            self.negative[..NEGATIVE_ITEMS - 1]
                .iter()
                .map(RatingStat::mean),
        )
    }

    /// Takes out every open answer and «другое»/«Иное» text whose folded
    /// form ([`fold`]) is in `hidden` — texts the operator judged to name
    /// or describe their author — and counts them in
    /// [`CultureAnalysis::hidden_texts`].
    pub fn hide_texts(&mut self, hidden: &std::collections::HashSet<String>) {
        if hidden.is_empty() {
            return;
        }
        let mut gone = 0;
        let mut keep = |answers: &mut Vec<OpenAnswer>| {
            answers.retain(|a| {
                let hide = hidden.contains(&fold(&a.text));
                if hide {
                    gone += a.count;
                }
                !hide
            });
        };
        for g in &mut self.open {
            keep(&mut g.answers);
        }
        keep(&mut self.cohesion_other);
        keep(&mut self.negative_other);
        self.hidden_texts += gone;
    }

    /// Forgets the ratings of the free-text items (Table А.2 item 15
    /// «другое», Table А.4 item 8 «Иное») given by fewer than `k` forms:
    /// a mean of one or two people's own item is theirs alone
    /// (docs/methodology.md, "Anonymity"). Their texts follow the rule of
    /// open answers.
    pub fn hide_small_free_text(&mut self, k: u32) {
        let k = u64::from(k);
        let other = &mut self.cohesion[COHESION_ITEMS - 1];
        for side in [&mut other.sub, &mut other.org] {
            if side.n() < k {
                *side = RatingStat::default();
            }
        }
        let other = &mut self.negative[NEGATIVE_ITEMS - 1];
        if other.n() < k {
            *other = RatingStat::default();
        }
    }
}

fn rank(means: impl Iterator<Item = Option<f64>>) -> Vec<(usize, f64)> {
    let mut out: Vec<(usize, f64)> = means
        .enumerate()
        .filter_map(|(i, m)| m.map(|m| (i + 1, m)))
        .collect();
    out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    out
}

/// Merges identical answers: trimmed, case-folded, whitespace folded.
#[derive(Clone, Debug, Default)]
struct TextGroups {
    index: HashMap<String, usize>,
    answers: Vec<OpenAnswer>,
}

impl TextGroups {
    fn add(&mut self, text: &str) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        let key = fold(text);
        match self.index.get(&key) {
            Some(&i) => self.answers[i].count += 1,
            None => {
                self.index.insert(key, self.answers.len());
                self.answers.push(OpenAnswer {
                    text: text.to_owned(),
                    count: 1,
                });
            }
        }
    }

    fn finish(&self) -> Vec<OpenAnswer> {
        let mut out = self.answers.clone();
        // A stable sort keeps first appearance among ties.
        out.sort_by_key(|a| std::cmp::Reverse(a.count));
        out
    }
}

/// The key under which open answers are merged.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// One pass over a survey's culture forms.
#[derive(Clone, Debug, Default)]
pub struct CultureAccumulator {
    respondents: u64,
    incomplete: u64,
    cohesion: [PairStat; COHESION_ITEMS],
    level: [PairStat; LEVEL_ITEMS],
    negative: [RatingStat; NEGATIVE_ITEMS],
    n7_actor_counts: [u64; 3],
    n7_tech_counts: [u64; 3],
    open: [[TextGroups; 2]; OPEN_QUESTIONS],
    cohesion_other: TextGroups,
    negative_other: TextGroups,
}

impl CultureAccumulator {
    /// An empty accumulator.
    pub fn new() -> Self {
        Self::default()
    }

    /// Counts one form.
    pub fn add(&mut self, form: &CultureForm) {
        self.respondents += 1;
        if form.is_incomplete() {
            self.incomplete += 1;
        }
        for (stat, pair) in self.cohesion.iter_mut().zip(&form.cohesion) {
            stat.sub.add(pair.sub);
            stat.org.add(pair.org);
        }
        for (stat, pair) in self.level.iter_mut().zip(&form.level) {
            stat.sub.add(pair.sub);
            stat.org.add(pair.org);
        }
        for (stat, &r) in self.negative.iter_mut().zip(&form.negative) {
            stat.add(r);
        }
        for i in 0..3 {
            self.n7_actor_counts[i] += u64::from(form.n7_actors >> i & 1);
            self.n7_tech_counts[i] += u64::from(form.n7_tech >> i & 1);
        }
        for (groups, sides) in self.open.iter_mut().zip(&form.open) {
            groups[0].add(&sides[0]);
            groups[1].add(&sides[1]);
        }
        self.cohesion_other.add(&form.cohesion_other);
        self.negative_other.add(&form.negative_other);
    }

    /// The analysis of every form added.
    pub fn finish(&self) -> CultureAnalysis {
        let mut open = Vec::with_capacity(2 * OPEN_QUESTIONS);
        for (q, groups) in self.open.iter().enumerate() {
            for (side, g) in [Side::Pos, Side::Neg].into_iter().zip(groups) {
                open.push(OpenGroup {
                    question: q + 1,
                    side,
                    answers: g.finish(),
                });
            }
        }
        CultureAnalysis {
            respondents: self.respondents,
            incomplete: self.incomplete,
            cohesion: self.cohesion,
            level: self.level,
            negative: self.negative,
            n7_actor_counts: self.n7_actor_counts,
            n7_tech_counts: self.n7_tech_counts,
            open,
            cohesion_other: self.cohesion_other.finish(),
            negative_other: self.negative_other.finish(),
            hidden_texts: 0,
        }
    }
}

/// Analyses forms in one call.
pub fn analyze<'a>(forms: impl IntoIterator<Item = &'a CultureForm>) -> CultureAnalysis {
    let mut acc = CultureAccumulator::new();
    for f in forms {
        acc.add(f);
    }
    acc.finish()
}
