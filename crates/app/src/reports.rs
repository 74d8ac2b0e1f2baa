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
    CommitmentData, CultureData, FormRow, PreviousSurvey, ReportInput, SatisfactionData, SurveyInfo,
};
use klimat_store::{Answers, Db, StoredForm, SurveySettings};

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

/// The commitment forms of a survey, as the report and the scoring take them.
///
/// # Errors
/// The store's.
pub fn commitment_forms(db: &Db, survey: i64) -> Result<Vec<FormRow<CommitmentAnswers>>> {
    Ok(rows(
        db.forms(survey, Instrument::Commitment)?,
        |a| match a {
            Answers::Commitment(a) => Some(a),
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
            Answers::Satisfaction(a) => Some(a),
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
        Answers::Culture(a) => Some(*a),
        _ => None,
    }))
}

/// The report input of a stored survey, compared with `previous` if given.
///
/// # Errors
/// [`klimat_store::StoreError::NoSurvey`] for an unknown survey.
pub fn report_input(db: &Db, survey: i64, previous: Option<i64>) -> Result<ReportInput> {
    if previous == Some(survey) {
        return Err(AppError::Invalid(text::COMPARE_WITH_ITSELF));
    }
    let s = db.survey(survey)?;
    let has = |i: Instrument| s.settings.instruments.contains(&i);
    let key = s.settings.satisfaction_key;
    let commitment = commitment_forms;
    let satisfaction = satisfaction_forms;
    let culture = culture_forms;
    let previous = match previous {
        None => None,
        Some(p) => {
            let ps = db.survey(p)?;
            let phas = |i: Instrument| ps.settings.instruments.contains(&i);
            Some(PreviousSurvey {
                name: ps.settings.name.clone(),
                date: ps.settings.date.format("%d.%m.%Y").to_string(),
                commitment: if phas(Instrument::Commitment) {
                    Some(CommitmentData::from_forms(&commitment(db, p)?).analysis)
                } else {
                    None
                },
                // The previous survey is scored with the current survey's key,
                // so that the two are comparable.
                satisfaction: if phas(Instrument::Satisfaction) {
                    Some(SatisfactionData::from_forms(&satisfaction(db, p)?, key).analysis)
                } else {
                    None
                },
                culture: if phas(Instrument::Culture) {
                    Some(CultureData::from_forms(&culture(db, p)?).analysis)
                } else {
                    None
                },
            })
        }
    };
    Ok(ReportInput {
        survey: SurveyInfo {
            organization: s.settings.organization.clone(),
            name: s.settings.name.clone(),
            date: s.settings.date.format("%d.%m.%Y").to_string(),
            key,
            threshold: s.settings.anonymity_threshold,
        },
        commitment: if has(Instrument::Commitment) {
            Some(CommitmentData::from_forms(&commitment(db, survey)?))
        } else {
            None
        },
        satisfaction: if has(Instrument::Satisfaction) {
            Some(SatisfactionData::from_forms(
                &satisfaction(db, survey)?,
                key,
            ))
        } else {
            None
        },
        culture: if has(Instrument::Culture) {
            Some(CultureData::from_forms(&culture(db, survey)?))
        } else {
            None
        },
        previous,
    })
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

/// The bytes of a report in `format`.
///
/// # Errors
/// When the workbook cannot be assembled.
pub fn render(model: &ReportModel, format: ReportFormat) -> Result<Vec<u8>> {
    Ok(match format {
        ReportFormat::Pdf => klimat_report::pdf::render(model),
        ReportFormat::Xlsx => klimat_report::xlsx::render(model)
            .map_err(|e| AppError::Store(klimat_store::StoreError::XlsxWrite(e)))?,
    })
}

/// Writes the report of a survey to `path`, in the format its extension
/// names (`.pdf`, `.xlsx`).
///
/// # Errors
/// An unknown extension (nothing is written); as [`report_input`]; the
/// file's.
pub fn write_report(db: &Db, survey: i64, previous: Option<i64>, path: &Path) -> Result<()> {
    let format = ReportFormat::from_path(path)?;
    let model = report_model(db, survey, previous)?;
    write_output(path, &render(&model, format)?)
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
