//! The answer first: the key figure of each questionnaire of a survey, its
//! level, the forms counted and the change since a compared survey, for the
//! card at the top of the results screen.
//!
//! Every figure comes from the same analyses as the report; a survey with
//! fewer forms than the anonymity threshold K shows no figure (see
//! docs/methodology.md, "Anonymity").

use klimat_core::numfmt::{decimal, percent, signed};
use klimat_core::text::methodology::CULTURE_COHESION_ITEMS;
use klimat_report::ReportInput;

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
    /// The level the methodology names for it, if any.
    pub level: Option<&'static str>,
    /// Forms counted.
    pub forms: u64,
    /// The change since the compared survey («−3,20 п. п.»), if one is
    /// compared and both figures are shown.
    pub change: Option<String>,
}

/// The cards of a survey's results, one per questionnaire it includes.
pub fn headline(input: &ReportInput) -> Vec<HeadlineCard> {
    let k = u64::from(input.survey.threshold);
    let hidden = |n: u64| (n < k).then(|| klimat_report::text::suppressed(input.survey.threshold));
    let points = |now: Option<f64>, before: Option<f64>| match (now, before) {
        (Some(a), Some(b)) => Some(format!("{} {}", signed(a - b, 2), text::POINTS)),
        _ => None,
    };
    let mut cards = Vec::new();
    if let Some(c) = &input.commitment {
        let a = &c.analysis;
        let index = a.index();
        let before = input
            .previous
            .as_ref()
            .and_then(|p| p.commitment.as_ref())
            .filter(|p| p.respondents >= k)
            .and_then(|p| p.index().p);
        let shown = hidden(a.respondents).is_none();
        cards.push(HeadlineCard {
            title: klimat_core::Instrument::Commitment.label(),
            value: hidden(a.respondents).unwrap_or_else(|| {
                index
                    .p
                    .map_or_else(|| text::NO_ANSWERS.into(), |p| percent(p, 2))
            }),
            caption: text::HEADLINE_COMMITMENT,
            level: index.level.filter(|_| shown).map(|l| l.label()),
            forms: a.respondents,
            change: if shown { points(index.p, before) } else { None },
        });
    }
    if let Some(s) = &input.satisfaction {
        let a = &s.analysis;
        let before = input
            .previous
            .as_ref()
            .and_then(|p| p.satisfaction.as_ref())
            .filter(|p| p.respondents >= k)
            .and_then(|p| p.total.overall_percent);
        let shown = hidden(a.respondents).is_none();
        cards.push(HeadlineCard {
            title: klimat_core::Instrument::Satisfaction.label(),
            value: hidden(a.respondents).unwrap_or_else(|| {
                a.total
                    .overall_percent
                    .map_or_else(|| text::NO_ANSWERS.into(), |p| percent(p, 1))
            }),
            caption: text::HEADLINE_SATISFACTION,
            level: a.total.level.filter(|_| shown).map(|l| l.label()),
            forms: a.respondents,
            change: if shown {
                points(a.total.overall_percent, before)
            } else {
                None
            },
        });
    }
    if let Some(c) = &input.culture {
        let a = &c.analysis;
        // The value of Table А.2 the staff rate highest in the organization.
        let top = a
            .cohesion
            .iter()
            .zip(CULTURE_COHESION_ITEMS)
            .filter_map(|(p, item)| p.org.mean().map(|m| (m, item)))
            .max_by(|x, y| x.0.total_cmp(&y.0));
        cards.push(HeadlineCard {
            title: klimat_core::Instrument::Culture.label(),
            value: hidden(a.respondents).unwrap_or_else(|| {
                top.map_or_else(
                    || text::NO_ANSWERS.into(),
                    |(m, item)| format!("{item} ({})", decimal(m, 2)),
                )
            }),
            caption: text::HEADLINE_CULTURE,
            level: None,
            forms: a.respondents,
            change: None,
        });
    }
    cards
}
