//! What a report is built from: plain values computed from the forms by the
//! core (no database handle). `*Data::from_forms` do the grouping.

use klimat_core::commitment::{self, CommitmentAnalysis, CommitmentAnswers};
use klimat_core::culture::{self, CultureAnalysis, CultureForm};
use klimat_core::satisfaction::{self, SatisfactionAnalysis, SatisfactionAnswers, SatisfactionKey};
use klimat_core::tenure::{SatisfactionBand, Tenure};

/// The survey as the title page names it.
#[derive(Clone, Debug, PartialEq)]
pub struct SurveyInfo {
    /// The organization, if named.
    pub organization: Option<String>,
    /// «Диагностика 2026».
    pub name: String,
    /// «23.11.2026».
    pub date: String,
    /// The satisfaction key used.
    pub key: SatisfactionKey,
    /// The anonymity threshold K.
    pub threshold: u32,
    /// The survey's subdivisions; an organization without them gets only
    /// the «в организации в целом» column of Tables А.2 and А.3.
    pub subdivisions: Vec<String>,
    /// The number of employees, for the participation rate.
    pub staff: Staff,
    /// Who prepared the report and who approves it.
    pub signatures: Signatures,
    /// The department's proposals and corrective plan, as written.
    pub proposals: String,
    /// The subdivision a report for one subdivision is about.
    pub scope: Option<String>,
    /// A consolidated report: the surveys pooled («Райисполком —
    /// Диагностика 2026 (23.11.2026)»). Its groups (the `subdivision` of
    /// every form) are then the organizations, not subdivisions.
    pub pooled: Vec<String>,
}

/// The number of employees: overall and per subdivision, each if known.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Staff {
    /// Employees of the organization.
    pub total: Option<u64>,
    /// Employees per subdivision, in the survey's order.
    pub by_subdivision: Vec<(String, u64)>,
}

/// A position and a name («Начальник отдела кадров», «И. И. Иванова»).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Signatory {
    /// The position, as it is printed.
    pub position: String,
    /// The name, as it is printed.
    pub name: String,
}

/// The signature blocks of the report.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Signatures {
    /// Who prepared the report.
    pub prepared_by: Option<Signatory>,
    /// Who approves it («УТВЕРЖДАЮ»).
    pub approved_by: Option<Signatory>,
    /// The date the report is prepared, «25.11.2026».
    pub date: String,
}

/// One form with what the report needs of it.
#[derive(Clone, Debug, PartialEq)]
pub struct FormRow<A> {
    /// The code.
    pub code: String,
    /// Tenure.
    pub tenure: Tenure,
    /// Subdivision, if given.
    pub subdivision: Option<String>,
    /// Position category, if given.
    pub position: Option<String>,
    /// The answers.
    pub answers: A,
}

/// Groups by an optional name; `None` (not given) sorts last.
fn grouped<T: Copy, R>(
    keys: impl Iterator<Item = (Option<String>, T)>,
    breakdown: impl Fn(Vec<(GroupKey, T)>) -> Vec<(GroupKey, R)>,
) -> Vec<(Option<String>, R)> {
    let items: Vec<(GroupKey, T)> = keys.map(|(k, t)| (GroupKey(k), t)).collect();
    breakdown(items)
        .into_iter()
        .map(|(k, r)| (k.0, r))
        .collect()
}

/// A group name ordered with "not given" last.
#[derive(Clone, Debug, PartialEq, Eq)]
struct GroupKey(Option<String>);

impl PartialOrd for GroupKey {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for GroupKey {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.0.is_none(), &self.0).cmp(&(other.0.is_none(), &other.0))
    }
}

/// The commitment part of a report.
#[derive(Clone, Debug, PartialEq)]
pub struct CommitmentData {
    /// The whole survey.
    pub analysis: CommitmentAnalysis,
    /// Rows by subdivision (`None` = not given).
    pub by_subdivision: Vec<(Option<String>, commitment::GroupRow)>,
    /// Rows by position category.
    pub by_position: Vec<(Option<String>, commitment::GroupRow)>,
    /// Code and answers of every form (the matrix of Table Б.10).
    pub forms: Vec<(String, CommitmentAnswers)>,
}

impl CommitmentData {
    /// Analyses the forms.
    pub fn from_forms(forms: &[FormRow<CommitmentAnswers>]) -> Self {
        let scores: Vec<commitment::FormScore> = forms
            .iter()
            .map(|f| commitment::score(&f.answers))
            .collect();
        Self {
            analysis: commitment::analyze(forms.iter().map(|f| (&f.answers, f.tenure))),
            by_subdivision: grouped(
                forms
                    .iter()
                    .zip(&scores)
                    .map(|(f, s)| (f.subdivision.clone(), *s)),
                commitment::breakdown,
            ),
            by_position: grouped(
                forms
                    .iter()
                    .zip(&scores)
                    .map(|(f, s)| (f.position.clone(), *s)),
                commitment::breakdown,
            ),
            forms: forms.iter().map(|f| (f.code.clone(), f.answers)).collect(),
        }
    }
}

/// The satisfaction part of a report.
#[derive(Clone, Debug, PartialEq)]
pub struct SatisfactionData {
    /// The whole survey.
    pub analysis: SatisfactionAnalysis,
    /// Rows by subdivision.
    pub by_subdivision: Vec<(Option<String>, satisfaction::GroupRow)>,
    /// Rows by position category.
    pub by_position: Vec<(Option<String>, satisfaction::GroupRow)>,
    /// Code, answers and score of every form.
    pub forms: Vec<(String, SatisfactionAnswers, satisfaction::FormScore)>,
}

impl SatisfactionData {
    /// Analyses the forms with `key`.
    pub fn from_forms(forms: &[FormRow<SatisfactionAnswers>], key: SatisfactionKey) -> Self {
        let scores: Vec<satisfaction::FormScore> = forms
            .iter()
            .map(|f| satisfaction::score(&f.answers, key))
            .collect();
        Self {
            analysis: satisfaction::analyze(key, forms.iter().map(|f| (&f.answers, f.tenure))),
            by_subdivision: grouped(
                forms
                    .iter()
                    .zip(&scores)
                    .map(|(f, s)| (f.subdivision.clone(), *s)),
                satisfaction::breakdown,
            ),
            by_position: grouped(
                forms
                    .iter()
                    .zip(&scores)
                    .map(|(f, s)| (f.position.clone(), *s)),
                satisfaction::breakdown,
            ),
            forms: forms
                .iter()
                .zip(scores)
                .map(|(f, s)| (f.code.clone(), f.answers, s))
                .collect(),
        }
    }
}

/// The culture part of a report.
#[derive(Clone, Debug, PartialEq)]
pub struct CultureData {
    /// The whole survey.
    pub analysis: CultureAnalysis,
    /// The analysis of each subdivision (`None` = not given).
    pub by_subdivision: Vec<(Option<String>, CultureAnalysis)>,
    /// The analysis per tenure band of question 19, unknown last.
    pub by_tenure: Vec<(Option<SatisfactionBand>, CultureAnalysis)>,
    /// Code and answers of every form.
    pub forms: Vec<(String, CultureForm)>,
}

impl CultureData {
    /// [`CultureAnalysis::hide_small_free_text`] for the whole and every
    /// group.
    #[must_use]
    pub fn hide_small_free_text(mut self, k: u32) -> Self {
        self.each_analysis(|a| a.hide_small_free_text(k));
        self
    }

    /// [`CultureAnalysis::hide_texts`] for the whole and every group.
    #[must_use]
    pub fn hide_texts(mut self, hidden: &std::collections::HashSet<String>) -> Self {
        self.each_analysis(|a| a.hide_texts(hidden));
        self
    }

    /// The whole's analysis and every group's.
    fn each_analysis(&mut self, mut f: impl FnMut(&mut CultureAnalysis)) {
        f(&mut self.analysis);
        self.by_subdivision.iter_mut().for_each(|(_, a)| f(a));
        self.by_tenure.iter_mut().for_each(|(_, a)| f(a));
    }

    /// Analyses the forms.
    pub fn from_forms(forms: &[FormRow<CultureForm>]) -> Self {
        let mut subs: Vec<Option<String>> = forms.iter().map(|f| f.subdivision.clone()).collect();
        subs.sort_by_key(|s| GroupKey(s.clone()));
        subs.dedup();
        Self {
            analysis: culture::analyze(forms.iter().map(|f| &f.answers)),
            by_subdivision: subs
                .into_iter()
                .map(|s| {
                    let a = culture::analyze(
                        forms
                            .iter()
                            .filter(|f| f.subdivision == s)
                            .map(|f| &f.answers),
                    );
                    (s, a)
                })
                .collect(),
            // The bands of question 19 (the satisfaction form's): they
            // never overlap, and every stored tenure falls into one of them
            // or is unknown (a range across two bands counts as unknown).
            by_tenure: {
                let mut bands: Vec<Option<SatisfactionBand>> =
                    forms.iter().map(|f| f.tenure.satisfaction_band()).collect();
                bands.sort_by_key(|b| (b.is_none(), *b));
                bands.dedup();
                bands
                    .into_iter()
                    .map(|b| {
                        let a = culture::analyze(
                            forms
                                .iter()
                                .filter(|f| f.tenure.satisfaction_band() == b)
                                .map(|f| &f.answers),
                        );
                        (b, a)
                    })
                    .collect()
            },
            forms: forms
                .iter()
                .map(|f| (f.code.clone(), f.answers.clone()))
                .collect(),
        }
    }
}

/// A previous survey to compare with.
#[derive(Clone, Debug, PartialEq)]
pub struct PreviousSurvey {
    /// Its name.
    pub name: String,
    /// Its date, «23.11.2025».
    pub date: String,
    /// Its commitment analysis, if it had that questionnaire.
    pub commitment: Option<CommitmentAnalysis>,
    /// Its satisfaction analysis.
    pub satisfaction: Option<SatisfactionAnalysis>,
    /// Its culture analysis.
    pub culture: Option<CultureAnalysis>,
    /// The key its satisfaction forms were stored under, when it differs
    /// from the current survey's (they are rescored with the current one).
    pub rescored_from: Option<SatisfactionKey>,
    /// A consolidated report's previous one: its organizations' figures,
    /// compared organization by organization. Empty otherwise.
    pub groups: Vec<PreviousGroup>,
    /// The staff of the group compared (the organization, or the
    /// subdivision of a subdivision's report) at that survey, if known.
    pub staff: Option<u64>,
    /// The anonymity threshold its groups are hidden by: the stricter of
    /// the two surveys' (a lower K this year must not reveal last year's
    /// small groups).
    pub threshold: u32,
}

/// One organization of a previous consolidated report: forms and the key
/// figure of each questionnaire (all its groups are kept, so that the
/// threshold and complementary suppression can be applied to that year as
/// they were in its own report).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PreviousGroup {
    /// The organization.
    pub name: String,
    /// Commitment: P with its forms and per-form variance.
    pub commitment: Option<klimat_core::precision::Estimate>,
    /// Satisfaction: overall satisfaction with its forms and variance.
    pub satisfaction: Option<klimat_core::precision::Estimate>,
}

/// Everything a report is built from.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportInput {
    /// The survey.
    pub survey: SurveyInfo,
    /// Commitment, if the survey has it.
    pub commitment: Option<CommitmentData>,
    /// Satisfaction, if the survey has it.
    pub satisfaction: Option<SatisfactionData>,
    /// Culture, if the survey has it.
    pub culture: Option<CultureData>,
    /// The survey to compare with, if one is chosen.
    pub previous: Option<PreviousSurvey>,
    /// How the keyed forms were checked by a second entry, per
    /// questionnaire; empty when none was (and in a subdivision's report).
    pub verification: Vec<VerificationRow>,
}

impl SurveyInfo {
    /// The staff of one group (a subdivision, or a consolidated report's
    /// member organization), if known.
    pub fn staff_of_group(&self, name: &str) -> Option<u64> {
        self.staff
            .by_subdivision
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, m)| *m)
    }

    /// The staff of the group the report is about: the subdivision's in a
    /// subdivision's report, the organization's otherwise; if known.
    pub fn staff_of_scope(&self) -> Option<u64> {
        match &self.scope {
            Some(name) => self.staff_of_group(name),
            None => self.staff.total,
        }
        .filter(|&m| m > 0)
    }
}

impl ReportInput {
    /// The staff of the group compared, previous and current survey.
    pub fn staff_pair(&self) -> klimat_core::compare::StaffPair {
        (
            self.previous.as_ref().and_then(|p| p.staff),
            self.survey.staff_of_scope(),
        )
    }
}

/// The verification by double entry of one questionnaire.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct VerificationRow {
    /// «Организационная приверженность».
    pub instrument: String,
    /// Forms stored.
    pub forms: u64,
    /// Forms keyed a second time.
    pub verified: u64,
    /// Fields compared.
    pub fields: u64,
    /// Fields that differed.
    pub differences: u64,
    /// Verified forms whose differences are not settled yet.
    pub unsettled: u64,
    /// Keystrokes of the second keying, where counted.
    pub keystrokes: u64,
    /// Seconds of the second keying, where timed.
    pub seconds: f64,
    /// Forms whose second keying was timed.
    pub timed: u64,
}
