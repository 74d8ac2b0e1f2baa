//! The answer first: the key figure of each questionnaire of a survey, its
//! level, the forms counted and the change since a compared survey, judged
//! against its precision, for the cards at the top of the results screen.
//!
//! The figures are the summary page's own ([`klimat_report::key`]): the
//! screen and the report the head signs never disagree. A survey with fewer
//! forms than the anonymity threshold K shows no figure (see
//! docs/methodology.md, "Anonymity").

use klimat_core::numfmt::{decimal, percent, signed};
use klimat_report::ReportInput;
use klimat_report::key::key_figures;

use crate::text;

/// One questionnaire's card.
#[derive(Clone, Debug, PartialEq)]
pub struct HeadlineCard {
    /// The questionnaire's name.
    pub title: &'static str,
    /// The key figure as displayed («45,68 %»), or why it is not shown.
    pub value: String,
    /// What the figure is.
    pub caption: &'static str,
    /// The level the methodology (or, marked, Klimat) names for it.
    pub level: Option<String>,
    /// Forms counted.
    pub forms: u64,
    /// The change since the compared survey («−3,20 п. п.»), if one is
    /// compared and both figures are shown.
    pub change: Option<String>,
    /// Klimat's verdict on that change («в пределах погрешности» …).
    pub verdict: Option<&'static str>,
    /// A threat the head must see: a low level, or a fall beyond the error.
    pub threat: bool,
}

/// The cards of a survey's results, one per questionnaire it includes.
pub fn headline(input: &ReportInput) -> Vec<HeadlineCard> {
    key_figures(input)
        .into_iter()
        .map(|f| {
            let digits = usize::from(f.decimals);
            let value = if !f.shown {
                klimat_report::text::suppressed(input.survey.threshold)
            } else {
                match f.value {
                    None => text::NO_ANSWERS.into(),
                    Some(v) if f.percent => percent(v, digits),
                    Some(v) => decimal(v, digits),
                }
            };
            let change = f.change.and_then(|j| j.delta).zip(f.value).map(|(d, v)| {
                let d = klimat_report::model::printed_change(v - d, v, f.decimals);
                if f.percent {
                    format!("{} {}", signed(d, digits), text::POINTS)
                } else {
                    signed(d, digits)
                }
            });
            HeadlineCard {
                title: f.instrument.label(),
                value,
                caption: match f.instrument {
                    klimat_core::Instrument::Commitment => text::HEADLINE_COMMITMENT,
                    klimat_core::Instrument::Satisfaction => text::HEADLINE_SATISFACTION,
                    klimat_core::Instrument::Culture => text::HEADLINE_CULTURE,
                },
                level: f.level,
                forms: f.forms,
                verdict: f
                    .change
                    .filter(|j| j.delta.is_some())
                    .map(|j| klimat_core::text::ru::verdict_label(j.verdict)),
                change,
                threat: f.threat,
            }
        })
        .collect()
}
