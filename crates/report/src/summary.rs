//! The summary after the title page: the answer first. Each
//! questionnaire's key figure and level, participation, the change since the
//! compared survey, every threat framed, the weakest components and factors
//! with the methods of Table 1, and who prepared the report.

use klimat_core::Instrument;
use klimat_core::anonymity::{self, Hidden, Partition};
use klimat_core::commitment::CommitmentLevel;
use klimat_core::compare;
use klimat_core::numfmt::{decimal, percent};
use klimat_core::precision::{Estimate, judge_family};
use klimat_core::satisfaction::Factor;
use klimat_core::satisfaction::SatisfactionLevel;
use klimat_core::text::methodology::{COMMITMENT_METHODS, CULTURE_NEGATIVE_ITEMS};
use klimat_core::text::ru::{COMMITMENT_COMPONENTS_GENITIVE, conclusions};

use crate::build::{cols, signature, table};
use crate::input::ReportInput;
use crate::model::{Block, Cell, Column, Section};
use crate::text as t;

/// Participation below this percent of the staff is flagged (Klimat's rule).
pub const LOW_PARTICIPATION_PERCENT: u64 = 50;

/// Whether `n` forms from `staff` employees is a low participation.
fn is_low(n: u64, staff: u64) -> bool {
    n * 100 < LOW_PARTICIPATION_PERCENT * staff
}

/// The summary section.
pub(crate) fn section(input: &ReportInput) -> Section {
    let s = &input.survey;
    let k = s.threshold;
    let small = |n: u64| n < u64::from(k);
    let prev = input.previous.as_ref();
    let mut alerts = Vec::new();
    let mut weak = Vec::new();
    let mut strong = strengths(input);
    let mut methods = Vec::new();

    if let Some(c) = &input.commitment {
        let a = &c.analysis;
        let before = prev
            .and_then(|p| p.commitment.as_ref())
            .filter(|p| !small(p.respondents));
        let shown = !small(a.respondents);

        if shown {
            alerts.extend(conclusions::low_commitment_threat(a));
            if let Some(b) = before {
                let cmp =
                    compare::compare_commitment(&b.visible(k), &a.visible(k), input.staff_pair());
                alerts.extend(conclusions::commitment_fall_threat(&cmp));
            }
            for w in a.total.weak_components() {
                let under = w.level < klimat_core::commitment::CommitmentLevel::Acceptable;
                weak.push(format!(
                    "{} {} – {} из 13 баллов ({}; {})",
                    if under {
                        t::WEAK_COMPONENT
                    } else {
                        t::WEAKEST_COMPONENT
                    },
                    COMMITMENT_COMPONENTS_GENITIVE[w.component as usize],
                    decimal(w.mean, 2),
                    percent(w.percent, 1),
                    // Under 40 % only when it is: otherwise it is named as
                    // the weakest of the three (issue 29).
                    if under { t::WEAK_RULE } else { t::WEAKEST_RULE }
                ));
                let m = &COMMITMENT_METHODS[w.component as usize];
                methods.push(format!(
                    "{}: {}.",
                    m.component,
                    m.methods
                        .iter()
                        .map(|x| format!("«{x}»"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
        }
    }
    if let Some(c) = &input.satisfaction {
        let a = &c.analysis;
        let before = prev
            .and_then(|p| p.satisfaction.as_ref())
            .filter(|p| !small(p.respondents));
        let shown = !small(a.respondents);

        if shown {
            if let Some(b) = before {
                let cmp =
                    compare::compare_satisfaction(&b.visible(k), &a.visible(k), input.staff_pair());
                alerts.extend(conclusions::satisfaction_drop(&cmp));
            }
            // The lowest factors below «средняя».
            let mut low: Vec<(Factor, f64, &str)> = Factor::ALL
                .iter()
                .filter_map(|&f| {
                    let l = a.total.factor_levels[f as usize]?;
                    (l < klimat_core::satisfaction::SatisfactionLevel::Medium).then_some((
                        f,
                        a.total.factor_percents[f as usize]?,
                        klimat_core::text::ru::SATISFACTION_LEVEL_ADJECTIVES[l as usize],
                    ))
                })
                .collect();
            low.sort_by(|x, y| x.1.total_cmp(&y.1));
            for (f, p, l) in low.iter().take(3) {
                weak.push(format!(
                    "{} «{}» – {} ({} уровень)",
                    t::WEAK_FACTOR,
                    f.label().to_lowercase(),
                    percent(*p, 1),
                    l
                ));
            }
        }
    }
    if let Some(c) = &input.culture {
        let a = &c.analysis;
        let shown = !small(a.respondents);
        let level = conclusions::culture_level(a).filter(|_| shown);

        if let Some((m, "низкий")) = level {
            weak.push(format!(
                "{} – {} из 5 (низкий уровень{})",
                t::WEAK_CULTURE_LEVEL,
                decimal(m, 2),
                klimat_core::text::ru::KLIMAT_MARK
            ));
        }
        if shown
            && let Some((i, m)) = a
                .negative_ranking()
                .into_iter()
                .find(|(i, _)| *i != klimat_core::culture::NEGATIVE_ITEMS)
        {
            weak.push(format!(
                "{} «{}» ({} из 5)",
                t::WEAK_CULTURE,
                klimat_core::text::ru::without_form_instruction(CULTURE_NEGATIVE_ITEMS[i - 1]),
                decimal(m, 2)
            ));
        }
    }

    let mut blocks = Vec::new();
    let with_change = prev.is_some();
    let mut columns = cols(&[
        (t::COL_INSTRUMENT, 2.4),
        (t::COL_INDICATOR, 2.8),
        (t::COL_N, 1.2),
        (t::COL_VALUE, 1.2),
        (t::COL_LEVEL, 2.7),
    ]);
    if with_change {
        columns.push(Column::new(t::COL_CHANGE, 1.9));
    }
    if with_change {
        columns.push(Column::new(t::COL_VERDICT, 1.9));
    }
    // The same figures as the results screen's cards (crate::key).
    let rows = crate::key::key_figures(input)
        .into_iter()
        .map(|f| {
            let value = match f.value {
                _ if !f.shown => Cell::Suppressed(k),
                None => Cell::text(t::NO_ANSWERS),
                Some(v) if f.percent => Cell::percent(Some(v), f.decimals),
                Some(v) => Cell::Num(v, f.decimals),
            };
            let mut row = vec![
                Cell::text(f.instrument.label()),
                Cell::text(f.indicator),
                Cell::Int(f.forms as i64),
                value,
                Cell::text(f.level.unwrap_or_default()),
            ];
            if with_change {
                row.push(f.change.and_then(|j| j.delta).zip(f.value).map_or(
                    Cell::Empty,
                    |(d, v)| {
                        let d = crate::model::printed_change(v - d, v, f.decimals);
                        Cell::Change(d, f.decimals, f.percent)
                    },
                ));
                row.push(
                    f.change
                        .filter(|j| j.delta.is_some())
                        .map_or(Cell::Empty, |j| {
                            Cell::text(klimat_core::text::ru::verdict_label(j.verdict))
                        }),
                );
            }
            row
        })
        .collect();
    blocks.push(table(t::SHEET_SUMMARY, t::CAP_SUMMARY, columns, rows));
    if input.culture.is_some() {
        blocks.push(Block::Paragraph(t::CULTURE_SCALE_NOTE.to_owned()));
    }
    // A threshold under the default is the department's choice, and the
    // reader is told so (docs/methodology.md, "Anonymity"); after the
    // table's footnote, which belongs under the table.
    if k < klimat_core::anonymity::DEFAULT_K {
        blocks.push(Block::Paragraph(t::low_threshold(k)));
    }
    if let Some(p) = prev {
        blocks.push(Block::Paragraph(format!(
            "{} «{}» ({}).",
            t::COMPARED_WITH,
            p.name,
            p.date
        )));
    }
    group_alerts(input, &mut alerts);
    participation(input, &mut blocks, &mut alerts);
    blocks.extend(alerts.into_iter().map(Block::Alert));
    // Section 5.2 of the methodology asks for both: weak sides that need
    // correcting, and strong positions to keep and develop.
    if !strong.is_empty() {
        blocks.push(Block::Subheading(t::STRONG_SPOTS.to_owned()));
        blocks.push(Block::Bullets(std::mem::take(&mut strong)));
    }
    if !weak.is_empty() {
        blocks.push(Block::Subheading(t::WEAK_SPOTS.to_owned()));
        blocks.push(Block::Bullets(weak));
    }
    if !methods.is_empty() {
        blocks.push(Block::Paragraph(t::METHODS_INTRO.to_owned()));
        blocks.push(Block::Bullets(methods));
    }
    if let Some(who) = &s.signatures.prepared_by {
        blocks.push(Block::Signature(signature(
            t::PREPARED,
            who,
            Some(s.signatures.date.clone()),
        )));
    }
    Section {
        title: t::SECTION_SUMMARY.to_owned(),
        blocks,
    }
}

/// The forms of each questionnaire included, in report order.
fn counts(input: &ReportInput) -> Vec<(Instrument, u64)> {
    let mut out = Vec::new();
    if let Some(c) = &input.commitment {
        out.push((Instrument::Commitment, c.analysis.respondents));
    }
    if let Some(c) = &input.satisfaction {
        out.push((Instrument::Satisfaction, c.analysis.respondents));
    }
    if let Some(c) = &input.culture {
        out.push((Instrument::Culture, c.analysis.respondents));
    }
    out
}

/// The participation rate overall and per subdivision, when the staff is
/// known, and the alert of a low one.
/// The strong positions (section 5.2 of the methodology): components of
/// commitment and factors of satisfaction at a good or high level, and
/// the values of Table А.2 the staff rate highest (4 or more of 5), each
/// only where the questionnaire has at least K forms.
fn strengths(input: &ReportInput) -> Vec<String> {
    use klimat_core::commitment::CommitmentLevel;
    use klimat_core::precision::Verdict;
    let k = u64::from(input.survey.threshold);
    let kk = input.survey.threshold;
    let prev = input.previous.as_ref();
    let mut out = Vec::new();
    if let Some(c) = &input.commitment
        && c.analysis.respondents >= k
    {
        // A component that fell beyond the error since the compared survey
        // is no strength to keep, whatever its level.
        let fell: Vec<bool> = prev
            .and_then(|p| p.commitment.as_ref())
            .filter(|b| b.respondents >= k)
            .map(|b| {
                let cmp = compare::compare_commitment(
                    &b.visible(kk),
                    &c.analysis.visible(kk),
                    input.staff_pair(),
                );
                cmp.component_verdicts
                    .iter()
                    .map(|j| j.verdict == Verdict::Fall)
                    .collect()
            })
            .unwrap_or_else(|| vec![false; 3]);
        for w in c.analysis.total.components() {
            if w.level >= CommitmentLevel::Good && !fell[w.component as usize] {
                out.push(format!(
                    "{} {} – {} из 13 баллов ({}; {} уровень)",
                    t::STRONG_COMPONENT,
                    COMMITMENT_COMPONENTS_GENITIVE[w.component as usize],
                    decimal(w.mean, 2),
                    percent(w.percent, 1),
                    klimat_core::text::ru::COMMITMENT_LEVEL_ADJECTIVES[w.level as usize],
                ));
            }
        }
    }
    if let Some(c) = &input.satisfaction
        && c.analysis.respondents >= k
    {
        let a = &c.analysis;
        let fell: Vec<bool> = prev
            .and_then(|p| p.satisfaction.as_ref())
            .filter(|b| b.respondents >= k)
            .map(|b| {
                let cmp = compare::compare_satisfaction(
                    &b.visible(kk),
                    &a.visible(kk),
                    input.staff_pair(),
                );
                cmp.factor_verdicts
                    .iter()
                    .map(|j| j.verdict == Verdict::Fall)
                    .collect()
            })
            .unwrap_or_else(|| vec![false; 8]);
        for f in Factor::ALL {
            if let (Some(l), Some(p)) = (
                a.total.factor_levels[f as usize],
                a.total.factor_percents[f as usize],
            ) && l >= SatisfactionLevel::Good
                && !fell[f as usize]
            {
                out.push(format!(
                    "{} «{}» – {} ({} уровень)",
                    t::WEAK_FACTOR,
                    f.label().to_lowercase(),
                    percent(p, 1),
                    klimat_core::text::ru::SATISFACTION_LEVEL_ADJECTIVES[l as usize],
                ));
            }
        }
    }
    if let Some(c) = &input.culture
        && c.analysis.respondents >= k
    {
        let mut top: Vec<(f64, &str)> = c
            .analysis
            .cohesion
            .iter()
            .zip(klimat_core::text::methodology::CULTURE_COHESION_ITEMS)
            .filter_map(|(p, item)| p.org.mean().filter(|m| *m >= 4.0).map(|m| (m, item)))
            .collect();
        top.sort_by(|x, y| y.0.total_cmp(&x.0));
        if !top.is_empty() {
            out.push(format!(
                "{}: {}",
                t::STRONG_CULTURE,
                top.iter()
                    .take(3)
                    .map(|(m, item)| format!("«{item}» ({} из 5)", decimal(*m, 2)))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
    }
    out
}

/// One published group's figure now and, if published then, before.
struct GroupFigure {
    name: String,
    now: Estimate,
    before: Option<Estimate>,
}

/// The published groups (subdivisions, or a consolidated report's
/// organizations) of one questionnaire, hidden as the report's tables hide
/// them, each with last year's figure where last year's report showed it.
fn published(
    input: &ReportInput,
    now: Vec<(Option<String>, Estimate)>,
    before: impl Fn(&crate::input::PreviousGroup) -> Option<Estimate>,
) -> Vec<GroupFigure> {
    let k = input.survey.threshold;
    let shown = |ns: &[u64], k: u32| -> Vec<bool> {
        anonymity::hidden(ns, k)
            .into_iter()
            .map(|h| h == Hidden::No)
            .collect()
    };
    let ns: Vec<u64> = now.iter().map(|(_, e)| e.n).collect();
    let then: Vec<(String, Estimate)> = input
        .previous
        .iter()
        .flat_map(|p| &p.groups)
        .filter_map(|g| before(g).map(|e| (g.name.clone(), e)))
        .collect();
    let then_ns: Vec<u64> = then.iter().map(|(_, e)| e.n).collect();
    let then_shown: Vec<(String, Estimate)> = then
        .into_iter()
        .zip(shown(
            &then_ns,
            input.previous.as_ref().map_or(k, |p| p.threshold.max(k)),
        ))
        .filter_map(|(g, ok)| ok.then_some(g))
        .collect();
    now.into_iter()
        .zip(shown(&ns, k))
        .filter(|((name, _), ok)| *ok && name.is_some())
        .map(|((name, e), _)| {
            let name = name.unwrap_or_default();
            let before = then_shown.iter().find(|(n, _)| *n == name).map(|(_, e)| *e);
            GroupFigure {
                name,
                now: e,
                before,
            }
        })
        .collect()
}

/// Threats the head must see in the report he signs: a published group
/// whose figure is at a low level, or fell beyond the error by the
/// threshold of the whole (Klimat's rule, the groups of one questionnaire
/// judged together).
fn group_alerts(input: &ReportInput, alerts: &mut Vec<String>) {
    if input.survey.scope.is_some() {
        return;
    }
    let consolidated = !input.survey.pooled.is_empty();
    let staff_of = |name: &Option<String>| input.survey.staff_of_group(name.as_deref()?);
    let describe = |g: &GroupFigure, digits: usize| {
        let value = g.now.value.map_or_else(String::new, |v| percent(v, digits));
        match g.now.margin() {
            Some(m) => format!(
                "{} ({value}, ±{} п.\u{a0}п.; анкет: {})",
                g.name,
                decimal(m, digits),
                g.now.n
            ),
            None => format!("{} ({value}; анкет: {})", g.name, g.now.n),
        }
    };
    let falls = |groups: &[GroupFigure], digits: usize| -> Vec<String> {
        let pairs: Vec<(&GroupFigure, Estimate)> = groups
            .iter()
            .filter_map(|g| g.before.map(|b| (g, b)))
            .collect();
        let judged = judge_family(&pairs.iter().map(|(g, b)| (*b, g.now)).collect::<Vec<_>>());
        pairs
            .iter()
            .zip(judged)
            .filter(|(_, j)| j.fall_of_at_least(compare::MARKED_DROP_POINTS))
            .map(|((g, _), j)| {
                format!(
                    "{} (на {} п.\u{a0}п., ±{} п.\u{a0}п.)",
                    g.name,
                    decimal(-j.delta.unwrap_or(0.0), digits),
                    decimal(j.margin.unwrap_or(0.0), digits)
                )
            })
            .collect()
    };
    if let Some(c) = &input.commitment {
        let groups = published(
            input,
            c.by_subdivision
                .iter()
                .map(|(n, r)| (n.clone(), r.p_estimate(staff_of(n))))
                .collect(),
            |g| g.commitment,
        );
        let low: Vec<String> = c
            .by_subdivision
            .iter()
            .filter(|(_, r)| r.index.level.is_some_and(|l| l <= CommitmentLevel::Low))
            .filter_map(|(n, _)| {
                groups
                    .iter()
                    .find(|g| Some(&g.name) == n.as_ref())
                    .map(|g| describe(g, 2))
            })
            .collect();
        if !low.is_empty() {
            alerts.push(t::groups_low_commitment(consolidated, &low));
        }
        let fell = falls(&groups, 2);
        if !fell.is_empty() {
            alerts.push(t::groups_commitment_fell(consolidated, &fell));
        }
    }
    if let Some(c) = &input.satisfaction {
        let groups = published(
            input,
            c.by_subdivision
                .iter()
                .map(|(n, r)| (n.clone(), r.overall_estimate(staff_of(n))))
                .collect(),
            |g| g.satisfaction,
        );
        let low: Vec<String> = c
            .by_subdivision
            .iter()
            .filter(|(_, r)| r.level.is_some_and(|l| l <= SatisfactionLevel::Low))
            .filter_map(|(n, _)| {
                groups
                    .iter()
                    .find(|g| Some(&g.name) == n.as_ref())
                    .map(|g| describe(g, 1))
            })
            .collect();
        if !low.is_empty() {
            alerts.push(t::groups_low_satisfaction(consolidated, &low));
        }
        let fell = falls(&groups, 1);
        if !fell.is_empty() {
            alerts.push(t::groups_satisfaction_fell(consolidated, &fell));
        }
    }
}

fn participation(input: &ReportInput, blocks: &mut Vec<Block>, alerts: &mut Vec<String>) {
    let s = &input.survey;
    let counts = counts(input);
    if let Some(staff) = s.staff_of_scope() {
        let parts: Vec<String> = counts
            .iter()
            .map(|(i, n)| {
                format!(
                    "«{}» – {n} из {staff} ({})",
                    i.label(),
                    percent(*n as f64 * 100.0 / staff as f64, 1)
                )
            })
            .collect();
        blocks.push(Block::Paragraph(format!(
            "{} {}.",
            t::PARTICIPATION,
            parts.join("; ")
        )));
        let lows: Vec<&str> = counts
            .iter()
            .filter(|(_, n)| is_low(*n, staff))
            .map(|(i, _)| i.label())
            .collect();
        if !lows.is_empty() {
            alerts.push(t::low_participation(&lows, LOW_PARTICIPATION_PERCENT));
        }
    }
}

/// The participation of each subdivision of the staff list (for the tools
/// section): forms of each questionnaire, the small ones hidden as in every
/// breakdown, and the subdivisions with a low rate.
pub(crate) fn participation_by_subdivision(input: &ReportInput) -> Vec<Block> {
    let s = &input.survey;
    let k = s.threshold;
    let counts = counts(input);
    let mut blocks = Vec::new();
    if s.scope.is_some() || s.staff.by_subdivision.is_empty() {
        return blocks;
    }
    // Per subdivision: forms of each questionnaire, the small ones hidden
    // as in every breakdown.
    let pooled = !s.pooled.is_empty();
    let first = if pooled {
        t::COL_ORGANIZATION
    } else {
        t::COL_SUBDIVISION
    };
    let mut columns = cols(&[(first, 3.0), (t::COL_STAFF, 1.5)]);
    for (i, _) in &counts {
        columns.push(Column::new(
            format!("{}: {}", i.label(), t::COL_FORMS_SHARE),
            2.0,
        ));
    }
    // The fates come from the breakdown's own groups (the one rule,
    // klimat_core::anonymity::Partition), not from the staff list: a
    // group the tables hide is hidden here too, whatever the list holds.
    let partitions: Vec<Partition> = counts
        .iter()
        .map(|(i, _)| subdivision_partition(input, *i))
        .collect();
    let per: Vec<Vec<u64>> = partitions
        .iter()
        .map(|p| {
            s.staff
                .by_subdivision
                .iter()
                .map(|(sub, _)| p.forms(Some(sub)))
                .collect()
        })
        .collect();
    let hidden: Vec<Vec<Hidden>> = partitions
        .iter()
        .map(|p| {
            s.staff
                .by_subdivision
                .iter()
                .map(|(sub, _)| p.fate(Some(sub)))
                .collect()
        })
        .collect();
    let mut complement = false;
    let mut lows: Vec<Vec<String>> = vec![Vec::new(); counts.len()];
    let rows = s
        .staff
        .by_subdivision
        .iter()
        .enumerate()
        .map(|(r, (sub, staff))| {
            let mut row = vec![Cell::text(sub.clone()), Cell::Int(*staff as i64)];
            for (q, _) in counts.iter().enumerate() {
                let n = per[q][r];
                row.push(match hidden[q][r] {
                    Hidden::Small if n > 0 => Cell::Suppressed(k),
                    Hidden::Complement => {
                        complement = true;
                        Cell::Withheld
                    }
                    _ if *staff > 0 => {
                        if is_low(n, *staff) {
                            lows[q].push(sub.clone());
                        }
                        Cell::text(format!(
                            "{n} ({})",
                            percent(n as f64 * 100.0 / *staff as f64, 1)
                        ))
                    }
                    _ => Cell::Int(n as i64),
                });
            }
            row
        })
        .collect();
    blocks.push(table(
        t::SHEET_PARTICIPATION,
        if pooled {
            t::CAP_PARTICIPATION_ORG
        } else {
            t::CAP_PARTICIPATION
        },
        columns,
        rows,
    ));
    if complement {
        blocks.push(Block::Paragraph(t::COMPLEMENT_NOTE.to_owned()));
    }
    let over: Vec<String> = s
        .staff
        .by_subdivision
        .iter()
        .enumerate()
        // Only where the count is shown: naming a hidden subdivision here
        // would bound its forms.
        .filter(|(r, (_, staff))| {
            per.iter()
                .zip(&hidden)
                .any(|(ns, h)| h[*r] == Hidden::No && ns[*r] > *staff)
        })
        .map(|(_, (sub, _))| sub.clone())
        .collect();
    if !over.is_empty() {
        blocks.push(Block::Alert(t::more_forms_than_staff(&over)));
    }
    let lows: Vec<(&str, Vec<String>)> = counts
        .iter()
        .zip(lows)
        .filter(|(_, l)| !l.is_empty())
        .map(|((i, _), l)| (i.label(), l))
        .collect();
    if !lows.is_empty() {
        blocks.push(Block::Paragraph(t::low_participation_subdivisions(
            &lows,
            LOW_PARTICIPATION_PERCENT,
        )));
    }
    blocks
}

/// The forms of questionnaire `instrument` from subdivision `sub`.
/// The groups of a questionnaire's breakdown by subdivision (or by
/// organization), with the fate the breakdown's table gives each: the
/// participation table asks this, never its own count, so that it hides
/// exactly the groups the tables hide («не указано» included).
pub(crate) fn subdivision_partition(input: &ReportInput, instrument: Instrument) -> Partition {
    let k = input.survey.threshold;
    match instrument {
        Instrument::Commitment => input
            .commitment
            .as_ref()
            .map_or_else(Partition::default, |c| {
                Partition::new(c.by_subdivision.iter().map(|(g, r)| (g.clone(), r.n)), k)
            }),
        Instrument::Satisfaction => input
            .satisfaction
            .as_ref()
            .map_or_else(Partition::default, |c| {
                Partition::new(c.by_subdivision.iter().map(|(g, r)| (g.clone(), r.n)), k)
            }),
        Instrument::Culture => input.culture.as_ref().map_or_else(Partition::default, |c| {
            Partition::new(
                c.by_subdivision
                    .iter()
                    .map(|(g, a)| (g.clone(), a.respondents)),
                k,
            )
        }),
    }
}
