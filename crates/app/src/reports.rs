//! Reports: the report input of a stored survey, the report file in each
//! format, the model the results screen shows, and blank forms.

use std::path::Path;

use klimat_core::Instrument;
use klimat_core::commitment::CommitmentAnswers;
use klimat_core::culture::CultureForm;
use klimat_core::satisfaction::SatisfactionAnswers;
use klimat_report::forms::Demographics;
use klimat_report::model::ReportModel;
use klimat_report::{
    CommitmentData, CultureData, FormRow, PreviousSurvey, ReportInput, SatisfactionData, Signatory,
    Signatures, Staff, SurveyInfo,
};
use klimat_store::{Answers, Db, Person, StoredForm, SurveySettings};

use crate::error::{AppError, Result};
pub use crate::files::ReportFormat;
use crate::files::{require_extension, write_output};
use crate::text;

fn rows<A>(forms: Vec<StoredForm>, pick: impl Fn(Answers) -> Option<A>) -> Vec<FormRow<A>> {
    forms
        .into_iter()
        .filter_map(|f| {
            Some(FormRow {
                code: f.data.code,
                tenure: f.data.tenure,
                subdivision: f.data.subdivision,
                position: f.data.position,
                answers: pick(f.data.answers)?,
            })
        })
        .collect()
}

/// The commitment forms of a survey, as the report and the scoring take
/// them. A form with no answer at all is no respondent's: it is left out
/// of every figure and of the threshold's count (docs/methodology.md,
/// "Anonymity"), so that blank forms never make one person's answers a
/// group of K.
///
/// # Errors
/// The store's.
pub fn commitment_forms(db: &Db, survey: i64) -> Result<Vec<FormRow<CommitmentAnswers>>> {
    Ok(rows(
        db.forms(survey, Instrument::Commitment)?,
        |a| match a {
            Answers::Commitment(a) if !a.is_blank() => Some(a),
            _ => None,
        },
    ))
}

/// The satisfaction forms of a survey.
///
/// # Errors
/// The store's.
pub fn satisfaction_forms(db: &Db, survey: i64) -> Result<Vec<FormRow<SatisfactionAnswers>>> {
    Ok(rows(
        db.forms(survey, Instrument::Satisfaction)?,
        |a| match a {
            Answers::Satisfaction(a) if !a.is_blank() => Some(a),
            _ => None,
        },
    ))
}

/// The culture forms of a survey.
///
/// # Errors
/// The store's.
pub fn culture_forms(db: &Db, survey: i64) -> Result<Vec<FormRow<CultureForm>>> {
    Ok(rows(db.forms(survey, Instrument::Culture)?, |a| match a {
        Answers::Culture(a) if !a.is_blank() => Some(*a),
        _ => None,
    }))
}

/// The report input of a stored survey, compared with `previous` if given.
///
/// # Errors
/// [`klimat_store::StoreError::NoSurvey`] for an unknown survey.
pub fn report_input(db: &Db, survey: i64, previous: Option<i64>) -> Result<ReportInput> {
    report_input_for(db, survey, previous, None)
}

/// Keeps the forms of one subdivision, when a report is about one.
fn only<A>(forms: Vec<FormRow<A>>, scope: Option<&str>) -> Vec<FormRow<A>> {
    match scope {
        None => forms,
        Some(sub) => forms
            .into_iter()
            .filter(|f| f.subdivision.as_deref() == Some(sub))
            .collect(),
    }
}

fn signatory(p: Person) -> Signatory {
    Signatory {
        position: p.position,
        name: p.name,
    }
}

/// The report input of a stored survey or of one of its subdivisions
/// (`scope`), compared with `previous` if given (then with the same
/// subdivision of it).
///
/// # Errors
/// As [`report_input`]; for a subdivision not in the survey's list, or
/// with fewer than K forms of a questionnaire, [`AppError::Invalid`]
/// saying so (nothing is written).
pub fn report_input_for(
    db: &Db,
    survey: i64,
    previous: Option<i64>,
    scope: Option<&str>,
) -> Result<ReportInput> {
    if previous == Some(survey) {
        return Err(AppError::Invalid(text::COMPARE_WITH_ITSELF));
    }
    let s = db.survey(survey)?;
    if let Some(sub) = scope
        && !s.settings.subdivisions.iter().any(|x| x == sub)
    {
        return Err(AppError::Refused(format!(
            "{} «{sub}»",
            text::NO_SUCH_SUBDIVISION
        )));
    }
    let has = |i: Instrument| s.settings.instruments.contains(&i);
    let key = s.settings.satisfaction_key;
    let commitment = |db: &Db, id: i64| Ok::<_, AppError>(only(commitment_forms(db, id)?, scope));
    let satisfaction =
        |db: &Db, id: i64| Ok::<_, AppError>(only(satisfaction_forms(db, id)?, scope));
    let culture = |db: &Db, id: i64| Ok::<_, AppError>(only(culture_forms(db, id)?, scope));
    // A subdivision's report about fewer than K forms would show one
    // person's answers: refused. Questionnaires with no forms there are
    // left out.
    let current_commitment = has(Instrument::Commitment)
        .then(|| commitment(db, survey))
        .transpose()?;
    let current_satisfaction = has(Instrument::Satisfaction)
        .then(|| satisfaction(db, survey))
        .transpose()?;
    let current_culture = has(Instrument::Culture)
        .then(|| culture(db, survey))
        .transpose()?;
    let (current_commitment, current_satisfaction, current_culture) = match scope {
        None => (current_commitment, current_satisfaction, current_culture),
        Some(sub) => {
            // The one publishing rule: a subdivision the organization's
            // report hides (under K, or to cover a smaller one) gets no
            // report of its own.
            crate::disclosure::of_survey(db, survey)?.check_subdivision_report(sub)?;
            (
                current_commitment.filter(|f| !f.is_empty()),
                current_satisfaction.filter(|f| !f.is_empty()),
                current_culture.filter(|f| !f.is_empty()),
            )
        }
    };
    let previous = match previous {
        None => None,
        Some(p) => {
            let ps = db.survey(p)?;
            // In a subdivision's report the previous survey's same
            // subdivision is compared only when last year's organization
            // report published it too (at least K forms, not withheld).
            // Last year's figures follow last year's threshold too: a
            // survey whose own report hid a questionnaire (fewer forms than
            // its K) is not quoted by this year's report made with a lower
            // K. The stricter of the two years applies to its groups.
            let last_year = crate::disclosure::of_survey(db, p)?;
            let kk = s
                .settings
                .anonymity_threshold
                .max(ps.settings.anonymity_threshold);
            let enough_of = |i: Instrument, n: usize| {
                n as u64 >= u64::from(kk)
                    && match scope {
                        None => true,
                        Some(sub) => last_year.published(i, sub),
                    }
            };
            let hidden_before = hidden_texts(&db.report_settings(p)?);
            let phas = |i: Instrument| ps.settings.instruments.contains(&i);
            let prev_commitment = if phas(Instrument::Commitment) {
                let f = commitment(db, p)?;
                enough_of(Instrument::Commitment, f.len()).then(|| CommitmentData::from_forms(&f))
            } else {
                None
            };
            let prev_satisfaction = if phas(Instrument::Satisfaction) {
                let f = satisfaction(db, p)?;
                enough_of(Instrument::Satisfaction, f.len())
                    .then(|| SatisfactionData::from_forms(&f, key))
            } else {
                None
            };
            // Last year's subdivisions, for the summary's threats of an
            // organization's report (a subdivision's own report has none
            // inside it); the summary hides them as last year's report did.
            // Last year's staff per subdivision gives the precision of its
            // figures, as this year's (a census keeps less error).
            let groups = if scope.is_none() {
                previous_groups(
                    prev_commitment.as_ref(),
                    prev_satisfaction.as_ref(),
                    &db.report_settings(p)?.staff,
                )
            } else {
                Vec::new()
            };
            Some(PreviousSurvey {
                name: ps.settings.name.clone(),
                date: ps.settings.date.format("%d.%m.%Y").to_string(),
                commitment: prev_commitment.map(|c| c.analysis.visible(kk)),
                // The previous survey is scored with the current survey's key,
                // so that the two are comparable.
                satisfaction: prev_satisfaction.map(|c| c.analysis.visible(kk)),
                culture: if phas(Instrument::Culture) {
                    let f = culture(db, p)?;
                    enough_of(Instrument::Culture, f.len()).then(|| {
                        CultureData::from_forms(&f)
                            .hide_small_free_text(kk)
                            .hide_texts(&hidden_before)
                            .analysis
                    })
                } else {
                    None
                },
                rescored_from: (phas(Instrument::Satisfaction)
                    && ps.settings.satisfaction_key != key)
                    .then_some(ps.settings.satisfaction_key),
                groups,
                threshold: kk,
                staff: {
                    let r = db.report_settings(p)?;
                    match scope {
                        None => r.staff_total,
                        Some(sub) => r.staff.iter().find(|(n, _)| n == sub).map(|(_, m)| *m),
                    }
                    .filter(|&m| m > 0)
                },
            })
        }
    };
    let r = db.report_settings(survey)?;
    let hidden = hidden_texts(&r);
    Ok(ReportInput {
        survey: SurveyInfo {
            organization: s.settings.organization.clone(),
            name: s.settings.name.clone(),
            date: s.settings.date.format("%d.%m.%Y").to_string(),
            key,
            threshold: s.settings.anonymity_threshold,
            subdivisions: s.settings.subdivisions.clone(),
            staff: Staff {
                total: r.staff_total,
                by_subdivision: r.staff,
            },
            signatures: Signatures {
                prepared_by: r.prepared_by.map(signatory),
                approved_by: r.approved_by.map(signatory),
                date: chrono::Local::now()
                    .date_naive()
                    .format("%d.%m.%Y")
                    .to_string(),
            },
            proposals: r.proposals,
            scope: scope.map(str::to_owned),
            pooled: Vec::new(),
        },
        commitment: current_commitment.map(|f| CommitmentData::from_forms(&f)),
        satisfaction: current_satisfaction.map(|f| SatisfactionData::from_forms(&f, key)),
        culture: current_culture.map(|f| {
            CultureData::from_forms(&f)
                .hide_small_free_text(s.settings.anonymity_threshold)
                .hide_texts(&hidden)
        }),
        previous,
        // The survey's figures: a subdivision's report has none of its own.
        verification: if scope.is_none() {
            crate::verify::report_rows(db, survey)?
        } else {
            Vec::new()
        },
    })
}

/// The operator's hidden texts of a survey, as a set.
fn hidden_texts(r: &klimat_store::ReportSettings) -> std::collections::HashSet<String> {
    r.hidden_texts.iter().cloned().collect()
}

/// One open answer of a survey, as the operator reviews them before the
/// report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenText {
    /// The answer as first written.
    pub text: String,
    /// How many forms gave it.
    pub count: u64,
    /// Whether the operator hid it.
    pub hidden: bool,
}

/// Every distinct open answer and «другое»/«Иное» text of a survey's
/// culture forms, hidden or not, most frequent first: what the operator
/// reads before making the report, to hide one that names or describes
/// its author (docs/methodology.md, "Anonymity").
///
/// # Errors
/// The store's.
pub fn open_texts(db: &Db, survey: i64) -> Result<Vec<OpenText>> {
    let s = db.survey(survey)?;
    if !s.settings.instruments.contains(&Instrument::Culture) {
        return Ok(Vec::new());
    }
    let hidden = hidden_texts(&db.report_settings(survey)?);
    let a = CultureData::from_forms(&culture_forms(db, survey)?).analysis;
    // The same text in several questions is one answer to hide.
    let mut at: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut all: Vec<OpenText> = Vec::new();
    for answer in a
        .open
        .iter()
        .flat_map(|g| &g.answers)
        .chain(&a.cohesion_other)
        .chain(&a.negative_other)
    {
        let key = klimat_core::culture::fold(&answer.text);
        match at.get(&key) {
            Some(&i) => all[i].count += answer.count,
            None => {
                at.insert(key.clone(), all.len());
                all.push(OpenText {
                    text: answer.text.clone(),
                    count: answer.count,
                    hidden: hidden.contains(&key),
                });
            }
        }
    }
    all.sort_by(|x, y| y.count.cmp(&x.count).then_with(|| x.text.cmp(&y.text)));
    Ok(all)
}

/// The culture forms of a survey with the texts its operator hid blanked:
/// what any written output other than the report (`klimat summary`)
/// takes, so that a hidden text is hidden everywhere.
///
/// # Errors
/// The store's.
pub fn culture_forms_shown(db: &Db, survey: i64) -> Result<Vec<FormRow<CultureForm>>> {
    let hidden = hidden_texts(&db.report_settings(survey)?);
    let mut forms = culture_forms(db, survey)?;
    if hidden.is_empty() {
        return Ok(forms);
    }
    for f in &mut forms {
        for t in f.answers.texts_mut() {
            if hidden.contains(&klimat_core::culture::fold(t)) {
                t.clear();
            }
        }
    }
    Ok(forms)
}

/// Hides an open answer from every report of the survey, or shows it again.
///
/// # Errors
/// The store's refusal of an empty or over-long text.
pub fn set_text_hidden(db: &Db, survey: i64, text: &str, hidden: bool) -> Result<()> {
    Ok(db.set_text_hidden(survey, text, hidden)?)
}

/// The report model of a survey: what the report files and the results
/// screen show.
///
/// # Errors
/// As [`report_input`].
pub fn report_model(db: &Db, survey: i64, previous: Option<i64>) -> Result<ReportModel> {
    Ok(klimat_report::build(&report_input(db, survey, previous)?))
}

/// What the results screen shows: the answer first (the headline cards),
/// then the report model.
#[derive(Debug)]
pub struct Results {
    /// One card per questionnaire.
    pub headline: Vec<crate::headline::HeadlineCard>,
    /// The tables, charts and conclusions.
    pub model: ReportModel,
}

/// The results screen of a survey, compared with `previous` if given.
///
/// # Errors
/// As [`report_input`].
pub fn results(db: &Db, survey: i64, previous: Option<i64>) -> Result<Results> {
    let input = report_input(db, survey, previous)?;
    Ok(Results {
        headline: crate::headline::headline(&input),
        model: klimat_report::build(&input),
    })
}

/// The results screen of a consolidated report, compared with a previous
/// consolidated one if given.
///
/// # Errors
/// As [`consolidated_input_compared`].
pub fn consolidated_results(db: &Db, surveys: &[i64], previous: Option<&[i64]>) -> Result<Results> {
    let input = consolidated_input_compared(db, surveys, previous)?;
    Ok(Results {
        headline: crate::headline::headline(&input),
        model: klimat_report::build(&input),
    })
}

/// The bytes of a report in `format`.
///
/// # Errors
/// When the workbook cannot be assembled.
pub fn render(model: &ReportModel, format: ReportFormat) -> Result<Vec<u8>> {
    Ok(match format {
        ReportFormat::Pdf => klimat_report::pdf::render(model),
        ReportFormat::Xlsx => klimat_report::xlsx::render(model)
            .map_err(|e| AppError::Store(klimat_store::StoreError::XlsxWrite(e)))?,
        ReportFormat::Docx => klimat_report::docx::render(model),
    })
}

/// Writes the report of a survey to `path`, in the format its extension
/// names (`.pdf`, `.xlsx`, `.docx`).
///
/// # Errors
/// An unknown extension (nothing is written); as [`report_input`]; the
/// file's.
pub fn write_report(db: &Db, survey: i64, previous: Option<i64>, path: &Path) -> Result<()> {
    write_report_for(db, survey, previous, None, path)
}

/// Writes the report of a survey or of one of its subdivisions.
///
/// # Errors
/// As [`write_report`] and [`report_input_for`].
pub fn write_report_for(
    db: &Db,
    survey: i64,
    previous: Option<i64>,
    scope: Option<&str>,
    path: &Path,
) -> Result<()> {
    let format = ReportFormat::from_path(path)?;
    let model = klimat_report::build(&report_input_for(db, survey, previous, scope)?);
    write_output(path, &render(&model, format)?)
}

/// Forms with their organization as their group.
fn tagged<A>(mut forms: Vec<FormRow<A>>, label: &str) -> Vec<FormRow<A>> {
    for f in &mut forms {
        f.subdivision = Some(label.to_owned());
    }
    forms
}

/// The consolidated report of several surveys (typically one year's, of
/// the organizations a body oversees, merged from their exchange files):
/// the forms of all of them pooled and scored together as the methodology
/// scores one survey, each organization a group of the breakdowns, to
/// which the strictest of the surveys' anonymity thresholds applies.
///
/// # Errors
/// [`AppError::Refused`] for fewer than two surveys, one given twice, or
/// surveys whose satisfaction keys differ (each named with its key);
/// an unknown survey.
pub fn consolidated_input(db: &Db, surveys: &[i64]) -> Result<ReportInput> {
    consolidated_input_compared(db, surveys, None)
}

/// [`consolidated_input`] compared with a previous consolidated report
/// (last year's surveys of the same organizations), organization by
/// organization: organizations are matched by name.
///
/// # Errors
/// As [`consolidated_input`] for either list; the two years scored with
/// different satisfaction keys; a survey in both lists.
pub fn consolidated_input_compared(
    db: &Db,
    surveys: &[i64],
    previous: Option<&[i64]>,
) -> Result<ReportInput> {
    let mut input = pooled_input(db, surveys)?;
    let Some(previous) = previous else {
        return Ok(input);
    };
    if previous.iter().any(|p| surveys.contains(p)) {
        return Err(AppError::Invalid(text::COMPARE_WITH_ITSELF));
    }
    // Last year not every organization may have taken part: one survey
    // is a pool too.
    let prev = pooled_input_of(db, previous)?;
    if prev.satisfaction.is_some()
        && input.satisfaction.is_some()
        && prev.survey.key != input.survey.key
    {
        return Err(AppError::Refused(format!(
            "{} {} / {}",
            text::POOL_YEARS_KEYS_DIFFER,
            prev.survey.key.label(),
            input.survey.key.label()
        )));
    }
    // Last year's organizations are hidden as last year's reports hid
    // them: the stricter of the two years' K applies to the comparison
    // (a lower K this year must not reveal last year's small members).
    input.survey.threshold = input.survey.threshold.max(prev.survey.threshold);
    // Last year's staff of each member organization gives the precision
    // of its figures.
    let groups = previous_groups(
        prev.commitment.as_ref(),
        prev.satisfaction.as_ref(),
        &prev.survey.staff.by_subdivision,
    );
    input.previous = Some(PreviousSurvey {
        name: prev.survey.name.clone(),
        date: prev.survey.date.clone(),
        commitment: prev.commitment.map(|c| c.analysis),
        satisfaction: prev.satisfaction.map(|c| c.analysis),
        culture: prev.culture.map(|c| c.analysis),
        rescored_from: None,
        groups,
        threshold: input.survey.threshold,
        staff: prev.survey.staff.total,
    });
    Ok(input)
}

/// A previous survey's groups (subdivisions, or a consolidated report's
/// organizations) with P and overall satisfaction and their precision, the
/// staff of each group from `staff`.
fn previous_groups(
    commitment: Option<&CommitmentData>,
    satisfaction: Option<&SatisfactionData>,
    staff: &[(String, u64)],
) -> Vec<klimat_report::PreviousGroup> {
    let staff_of = |name: &Option<String>| {
        let name = name.as_deref()?;
        staff.iter().find(|(n, _)| n == name).map(|(_, m)| *m)
    };
    let mut groups: Vec<klimat_report::PreviousGroup> = Vec::new();
    let slot = |groups: &mut Vec<klimat_report::PreviousGroup>, name: &Option<String>| {
        let name = name.clone().unwrap_or_default();
        match groups.iter().position(|g| g.name == name) {
            Some(i) => i,
            None => {
                groups.push(klimat_report::PreviousGroup {
                    name,
                    ..Default::default()
                });
                groups.len() - 1
            }
        }
    };
    for (name, r) in commitment.iter().flat_map(|c| &c.by_subdivision) {
        let i = slot(&mut groups, name);
        groups[i].commitment = Some(r.p_estimate(staff_of(name)));
    }
    for (name, r) in satisfaction.iter().flat_map(|c| &c.by_subdivision) {
        let i = slot(&mut groups, name);
        groups[i].satisfaction = Some(r.overall_estimate(staff_of(name)));
    }
    groups
}

fn pooled_input(db: &Db, surveys: &[i64]) -> Result<ReportInput> {
    if surveys.len() < 2 {
        return Err(AppError::Refused(text::POOL_NEEDS_TWO.into()));
    }
    pooled_input_of(db, surveys)
}

/// A pool of one survey or more: last year's side of a comparison, where
/// only one of the organizations may have taken part.
fn pooled_input_of(db: &Db, surveys: &[i64]) -> Result<ReportInput> {
    if surveys.is_empty() {
        return Err(AppError::Refused(text::POOL_NEEDS_TWO.into()));
    }
    if (1..surveys.len()).any(|i| surveys[..i].contains(&surveys[i])) {
        return Err(AppError::Refused(text::POOL_TWICE.into()));
    }
    let list = surveys
        .iter()
        .map(|id| db.survey(*id))
        .collect::<std::result::Result<Vec<_>, _>>()?;
    let with_sat: Vec<_> = list
        .iter()
        .filter(|s| s.settings.instruments.contains(&Instrument::Satisfaction))
        .collect();
    if with_sat
        .windows(2)
        .any(|w| w[0].settings.satisfaction_key != w[1].settings.satisfaction_key)
    {
        let each: Vec<String> = with_sat
            .iter()
            .map(|s| {
                format!(
                    "«{}» – {}",
                    s.settings.name,
                    s.settings.satisfaction_key.label()
                )
            })
            .collect();
        return Err(AppError::Refused(format!(
            "{}\n{}",
            text::POOL_KEYS_DIFFER,
            each.join("\n")
        )));
    }
    let key = with_sat
        .first()
        .map_or_else(Default::default, |s| s.settings.satisfaction_key);
    // Each organization's name; the survey's name where none is given or
    // two surveys are of the same organization.
    let plain: Vec<String> = list
        .iter()
        .map(|s| {
            s.settings
                .organization
                .clone()
                .unwrap_or_else(|| s.settings.name.clone())
        })
        .collect();
    let labels: Vec<String> = list
        .iter()
        .zip(&plain)
        .map(|(s, p)| {
            if plain.iter().filter(|x| *x == p).count() > 1 {
                format!(
                    "{p} – {} ({})",
                    s.settings.name,
                    s.settings.date.format("%d.%m.%Y")
                )
            } else {
                p.clone()
            }
        })
        .collect();
    // Two surveys of the same name and date with no organization would
    // still share a label, and count as one member: numbered apart.
    let labels: Vec<String> = labels
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let before = labels[..i].iter().filter(|x| *x == l).count();
            if before == 0 {
                l.clone()
            } else {
                format!("{l} ({})", before + 1)
            }
        })
        .collect();
    let mut commitment = None;
    let mut satisfaction = None;
    let mut culture = None;
    for (s, label) in list.iter().zip(&labels) {
        let has = |i: Instrument| s.settings.instruments.contains(&i);
        if has(Instrument::Commitment) {
            commitment
                .get_or_insert_with(Vec::new)
                .extend(tagged(commitment_forms(db, s.id)?, label));
        }
        if has(Instrument::Satisfaction) {
            satisfaction
                .get_or_insert_with(Vec::new)
                .extend(tagged(satisfaction_forms(db, s.id)?, label));
        }
        if has(Instrument::Culture) {
            let hidden = hidden_texts(&db.report_settings(s.id)?);
            let own = member_culture(
                culture_forms(db, s.id)?,
                s.settings.anonymity_threshold,
                &hidden,
            );
            culture
                .get_or_insert_with(Vec::new)
                .extend(tagged(own, label));
        }
    }
    // Each member's own report is issued too (to the member, and to the
    // parent body): the consolidated figures minus the members whose own
    // figures are published give the rest. The members whose own report
    // hides a questionnaire (fewer forms than their K) must then hold none
    // or at least K forms together, or the pool is refused, naming them
    // (docs/methodology.md, "Anonymity").
    let k = list
        .iter()
        .map(|s| s.settings.anonymity_threshold)
        .max()
        .unwrap_or(klimat_core::anonymity::DEFAULT_K);
    for instrument in Instrument::ALL {
        // The forms each member's own report counts (blank ones are none),
        // from the pool's forms, tagged with the member's label.
        let of = |label: &str| match instrument {
            Instrument::Commitment => member_forms(&commitment, label),
            Instrument::Satisfaction => member_forms(&satisfaction, label),
            Instrument::Culture => member_forms(&culture, label),
        };
        let mut small = Vec::new();
        let mut forms = 0;
        for (s, label) in list.iter().zip(&labels) {
            let n = of(label);
            // Small: its own report hides it (fewer forms than its own K).
            if n > 0 && n < u64::from(s.settings.anonymity_threshold) {
                small.push(label.clone());
                forms += n;
            }
        }
        if forms > 0 && forms < u64::from(k) {
            return Err(AppError::Refused(text::pool_member_too_small(
                &small,
                instrument.label(),
                k,
            )));
        }
    }
    let mut staff = Staff::default();
    let mut all_known = true;
    for (s, label) in list.iter().zip(&labels) {
        match db.report_settings(s.id)?.staff_total {
            Some(n) => staff.by_subdivision.push((label.clone(), n)),
            None => all_known = false,
        }
    }
    if all_known {
        staff.total = Some(staff.by_subdivision.iter().map(|(_, n)| n).sum());
    }
    let dates: Vec<chrono::NaiveDate> = list.iter().map(|s| s.settings.date).collect();
    let (first, last) = (
        dates.iter().min().copied().unwrap_or_default(),
        dates.iter().max().copied().unwrap_or_default(),
    );
    let date = if first == last {
        first.format("%d.%m.%Y").to_string()
    } else {
        format!("{}–{}", first.format("%d.%m.%Y"), last.format("%d.%m.%Y"))
    };
    Ok(ReportInput {
        survey: SurveyInfo {
            organization: None,
            name: text::pool_title(list.len()),
            date,
            key,
            threshold: k,
            subdivisions: labels.clone(),
            staff,
            signatures: Signatures {
                prepared_by: None,
                approved_by: None,
                date: chrono::Local::now()
                    .date_naive()
                    .format("%d.%m.%Y")
                    .to_string(),
            },
            proposals: String::new(),
            scope: None,
            pooled: list
                .iter()
                .zip(&labels)
                .map(|(s, l)| {
                    format!(
                        "{l}: «{}» ({})",
                        s.settings.name,
                        s.settings.date.format("%d.%m.%Y")
                    )
                })
                .collect(),
        },
        commitment: commitment.map(|f| {
            let mut d = CommitmentData::from_forms(&f);
            let members = per_member(&f, &labels, CommitmentData::from_forms);
            if !shares_ok(&members, k, |m| ns(&m.analysis.by_tenure, |r| r.n)) {
                d.analysis.by_tenure.clear();
            }
            if !shares_ok(&members, k, |m| ns(&m.by_position, |r| r.n)) {
                d.by_position.clear();
            }
            d
        }),
        satisfaction: satisfaction.map(|f| {
            let mut d = SatisfactionData::from_forms(&f, key);
            let members = per_member(&f, &labels, |f| SatisfactionData::from_forms(f, key));
            if !shares_ok(&members, k, |m| ns(&m.analysis.by_tenure, |r| r.n)) {
                d.analysis.by_tenure.clear();
            }
            if !shares_ok(&members, k, |m| ns(&m.by_position, |r| r.n)) {
                d.by_position.clear();
            }
            d
        }),
        culture: culture.map(|f| {
            let mut d = CultureData::from_forms(&f).hide_small_free_text(k);
            let members = per_member(&f, &labels, CultureData::from_forms);
            if !shares_ok(&members, k, |m| ns(&m.by_tenure, |a| a.respondents)) {
                d.by_tenure.clear();
            }
            d
        }),
        previous: None,
        verification: Vec::new(),
    })
}

/// A member's culture forms as they may enter a consolidated report: what
/// the member's own report does not print stays out of the pool, since the
/// pool minus the other members' own reports would give it back — texts
/// the member's operator hid, every text of a member under
/// `COMMENT_MIN_FORMS` forms (or K), and the «другое»/«Иное» ratings of a
/// member with fewer than K of them.
fn member_culture(
    mut forms: Vec<FormRow<CultureForm>>,
    k: u32,
    hidden: &std::collections::HashSet<String>,
) -> Vec<FormRow<CultureForm>> {
    use klimat_core::culture::{COHESION_ITEMS, NEGATIVE_ITEMS, fold};
    let k64 = u64::from(k);
    let no_texts = (forms.len() as u64) < klimat_core::anonymity::COMMENT_MIN_FORMS.max(k64);
    let rated =
        |f: &dyn Fn(&CultureForm) -> u8| forms.iter().filter(|x| f(&x.answers) != 0).count() as u64;
    let other_sub = rated(&|c| c.cohesion[COHESION_ITEMS - 1].sub) < k64;
    let other_org = rated(&|c| c.cohesion[COHESION_ITEMS - 1].org) < k64;
    let other_neg = rated(&|c| c.negative[NEGATIVE_ITEMS - 1]) < k64;
    for f in &mut forms {
        for t in f.answers.texts_mut() {
            if no_texts || hidden.contains(&fold(t)) {
                t.clear();
            }
        }
        let c = &mut f.answers;
        if other_sub {
            c.cohesion[COHESION_ITEMS - 1].sub = 0;
        }
        if other_org {
            c.cohesion[COHESION_ITEMS - 1].org = 0;
        }
        if other_neg {
            c.negative[NEGATIVE_ITEMS - 1] = 0;
        }
    }
    forms
}

/// The forms of one member in a pooled questionnaire (tagged with its
/// label by [`tagged`]).
fn member_forms<A>(pool: &Option<Vec<FormRow<A>>>, label: &str) -> u64 {
    pool.as_ref().map_or(0, |forms| {
        forms
            .iter()
            .filter(|f| f.subdivision.as_deref() == Some(label))
            .count() as u64
    })
}

/// The data of each member organization alone, from the pooled forms.
fn per_member<A: Clone, D>(
    forms: &[FormRow<A>],
    labels: &[String],
    data: impl Fn(&[FormRow<A>]) -> D,
) -> Vec<D> {
    labels
        .iter()
        .map(|l| {
            let own: Vec<FormRow<A>> = forms
                .iter()
                .filter(|f| f.subdivision.as_deref() == Some(l.as_str()))
                .cloned()
                .collect();
            data(&own)
        })
        .collect()
}

/// Whether every member's share of every row of a breakdown is none or at
/// least K (docs/methodology.md, "Anonymity"). Each member's own report is
/// issued too: a row of the consolidated report minus the other members'
/// rows would give a member's share, so a breakdown where some member has
/// 1 … K − 1 forms in a row is left out of the consolidated report.
fn shares_ok<D>(members: &[D], k: u32, rows: impl Fn(&D) -> Vec<u64>) -> bool {
    members
        .iter()
        .all(|m| rows(m).into_iter().all(|n| n == 0 || n >= u64::from(k)))
}

/// The forms of each row of a breakdown.
fn ns<G, R>(rows: &[(G, R)], n: impl Fn(&R) -> u64) -> Vec<u64> {
    rows.iter().map(|(_, r)| n(r)).collect()
}

/// Writes the consolidated report of several surveys in the format of the
/// file's extension.
///
/// # Errors
/// As [`consolidated_input`]; an unknown extension; the file's.
pub fn write_consolidated_report(
    db: &Db,
    surveys: &[i64],
    previous: Option<&[i64]>,
    path: &Path,
) -> Result<()> {
    let format = ReportFormat::from_path(path)?;
    let model = klimat_report::build(&consolidated_input_compared(db, surveys, previous)?);
    write_output(path, &render(&model, format)?)
}

/// A starting text for the department's proposals: for every component of
/// commitment weaker than «допустимая», the methods Table 1 of the
/// methodology recommends, and the factors that may weaken it.
///
/// # Errors
/// As [`report_input`].
pub fn proposals_draft(db: &Db, survey: i64) -> Result<String> {
    use klimat_core::text::methodology::COMMITMENT_METHODS;
    let input = report_input(db, survey, None)?;
    let mut out = Vec::new();
    if let Some(c) = &input.commitment
        && c.analysis.respondents >= u64::from(input.survey.threshold)
    {
        for w in c.analysis.total.weak_components() {
            let m = &COMMITMENT_METHODS[w.component as usize];
            out.push(format!("{} «{}»:", text::DRAFT_COMPONENT, m.component));
            out.extend(m.methods.iter().map(|x| format!("– {x}: …")));
        }
    }
    if out.is_empty() {
        out.push(text::DRAFT_NO_WEAK.to_owned());
    }
    Ok(out.join("\n"))
}

/// The subdivisions and positions a blank form offers: the survey's lists,
/// or without a survey no subdivisions and the three default categories.
pub fn demographics(settings: Option<&SurveySettings>) -> Demographics {
    match settings {
        Some(s) => Demographics {
            subdivisions: s.subdivisions.clone(),
            positions: s.positions.clone(),
        },
        None => Demographics {
            subdivisions: Vec::new(),
            positions: klimat_core::text::ru::DEFAULT_POSITIONS
                .iter()
                .map(|s| (*s).to_owned())
                .collect(),
        },
    }
}

/// Writes the blank form (PDF) of a questionnaire, with a survey's
/// subdivisions and positions if one is given.
///
/// # Errors
/// A path that is not `.pdf`; an unknown survey; the file's.
pub fn write_blank_form(
    db: &Db,
    survey: Option<i64>,
    instrument: Instrument,
    path: &Path,
) -> Result<()> {
    require_extension(path, "pdf", text::BLANK_FORMATS)?;
    let settings = survey
        .map(|id| db.survey(id))
        .transpose()?
        .map(|s| s.settings);
    let bytes = klimat_report::forms::render(instrument, &demographics(settings.as_ref()));
    write_output(path, &bytes)
}
