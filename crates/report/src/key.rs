//! The key figure of each questionnaire — the first table of the summary
//! page and the cards at the top of the results screen — computed once,
//! so that the screen and the signed report never disagree: the figure,
//! its level, the forms, and the change since a compared survey judged
//! against its precision (docs/methodology.md, «Changes between years»).

use klimat_core::Instrument;
use klimat_core::compare;
use klimat_core::precision::{self, Judged};
use klimat_core::text::ru::conclusions;

use crate::input::ReportInput;
use crate::text as t;

/// One questionnaire's key figure.
#[derive(Clone, Debug, PartialEq)]
pub struct KeyFigure {
    /// The questionnaire.
    pub instrument: Instrument,
    /// What the figure is (the summary's «Показатель»).
    pub indicator: &'static str,
    /// Forms counted.
    pub forms: u64,
    /// Whether the figure may be shown (at least K forms).
    pub shown: bool,
    /// The figure, when shown and answered.
    pub value: Option<f64>,
    /// Decimals it is printed with.
    pub decimals: u8,
    /// Whether it is a percent (else a mean score).
    pub percent: bool,
    /// The level the methodology (or, for culture, Klimat) names for it.
    pub level: Option<String>,
    /// The change since the compared survey, judged; `None` without a
    /// comparison or when either survey's figure is not shown.
    pub change: Option<Judged>,
    /// A threat the head must see: a low level, or a fall of 5 п. п. or
    /// more beyond the error.
    pub threat: bool,
}

/// The key figures of a report's input, one per questionnaire, in report
/// order.
pub fn key_figures(input: &ReportInput) -> Vec<KeyFigure> {
    let k = input.survey.threshold;
    let enough = |n: u64| n >= u64::from(k);
    let prev = input.previous.as_ref();
    let staff = input.staff_pair();
    let mut out = Vec::new();
    if let Some(c) = &input.commitment {
        let a = &c.analysis;
        let shown = enough(a.respondents);
        let i = a.index();
        let cmp = prev
            .and_then(|p| p.commitment.as_ref())
            .filter(|b| shown && enough(b.respondents))
            .map(|b| compare::compare_commitment(&b.visible(k), &a.visible(k), staff));
        let low = shown
            && i.level
                .is_some_and(|l| l <= klimat_core::commitment::CommitmentLevel::Low);
        out.push(KeyFigure {
            instrument: Instrument::Commitment,
            indicator: t::SUM_P,
            forms: a.respondents,
            shown,
            value: i.p.filter(|_| shown),
            decimals: 2,
            percent: true,
            level: i.level.filter(|_| shown).map(|l| l.label().to_owned()),
            change: cmp.as_ref().map(|c| c.p_verdict),
            threat: low || cmp.is_some_and(|c| c.threat),
        });
    }
    if let Some(c) = &input.satisfaction {
        let a = &c.analysis;
        let shown = enough(a.respondents);
        let cmp = prev
            .and_then(|p| p.satisfaction.as_ref())
            .filter(|b| shown && enough(b.respondents))
            .map(|b| compare::compare_satisfaction(&b.visible(k), &a.visible(k), staff));
        let low = shown
            && a.total
                .level
                .is_some_and(|l| l <= klimat_core::satisfaction::SatisfactionLevel::Low);
        out.push(KeyFigure {
            instrument: Instrument::Satisfaction,
            indicator: t::SUM_SATISFACTION,
            forms: a.respondents,
            shown,
            value: a.total.overall_percent.filter(|_| shown),
            decimals: 1,
            percent: true,
            level: a
                .total
                .level
                .filter(|_| shown)
                .map(|l| l.label().to_owned()),
            change: cmp.as_ref().map(|c| c.overall_verdict),
            threat: low || cmp.is_some_and(|c| c.marked_drop),
        });
    }
    if let Some(c) = &input.culture {
        let a = &c.analysis;
        let shown = enough(a.respondents);
        let level = conclusions::culture_level(a).filter(|_| shown);
        let change = prev
            .and_then(|p| p.culture.as_ref())
            .filter(|b| shown && enough(b.respondents))
            .map(|b| {
                // A single rating: no census discount (precision.rs).
                precision::judge(
                    compare::rating_estimate(&b.level[0].org, None),
                    compare::rating_estimate(&a.level[0].org, None),
                )
            });
        out.push(KeyFigure {
            instrument: Instrument::Culture,
            indicator: t::SUM_CULTURE,
            forms: a.respondents,
            shown,
            value: level.map(|(m, _)| m),
            decimals: 2,
            percent: false,
            level: level.map(|(_, w)| {
                let mut c = w.chars();
                let first = c.next().map(|f| f.to_uppercase().collect::<String>());
                format!(
                    "{}{}{}",
                    first.unwrap_or_default(),
                    c.as_str(),
                    klimat_core::text::ru::KLIMAT_MARK
                )
            }),
            threat: level.is_some_and(|(_, w)| w == "низкий")
                || change.is_some_and(|j| j.verdict == precision::Verdict::Fall),
            change,
        });
    }
    out
}
