//! `klimat report` and `klimat forms`: the report input assembled from the
//! database, rendered by `klimat-report`.

use klimat_core::Instrument;
use klimat_report::forms::Demographics;
use klimat_report::{
    CommitmentData, CultureData, FormRow, PreviousSurvey, ReportInput, SatisfactionData, SurveyInfo,
};
use klimat_store::{Answers, Db, StoredForm};

use crate::args::Options;
use crate::{CliError, data, text};

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

/// The report input of a stored survey.
pub fn report_input(db: &Db, survey: i64, previous: Option<i64>) -> Result<ReportInput, CliError> {
    let s = db.survey(survey)?;
    let has = |i: Instrument| s.settings.instruments.contains(&i);
    let key = s.settings.satisfaction_key;
    let commitment = |db: &Db, id| -> Result<_, CliError> {
        Ok(rows(db.forms(id, Instrument::Commitment)?, |a| match a {
            Answers::Commitment(a) => Some(a),
            _ => None,
        }))
    };
    let satisfaction = |db: &Db, id| -> Result<_, CliError> {
        Ok(rows(db.forms(id, Instrument::Satisfaction)?, |a| match a {
            Answers::Satisfaction(a) => Some(a),
            _ => None,
        }))
    };
    let culture = |db: &Db, id| -> Result<_, CliError> {
        Ok(rows(db.forms(id, Instrument::Culture)?, |a| match a {
            Answers::Culture(a) => Some(*a),
            _ => None,
        }))
    };
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

fn write(path: &str, bytes: &[u8]) -> Result<(), CliError> {
    std::fs::write(path, bytes)
        .map_err(|e| CliError::Input(format!("{} «{path}»: {e}", text::CANNOT_WRITE)))
}

/// `klimat report --survey ID [--pdf FILE] [--xlsx FILE] [--compare-with ID]`.
pub fn report(db: Option<&str>, o: &Options) -> Result<Vec<u8>, CliError> {
    o.no_positional()?;
    let survey = o.survey_id()?;
    let (pdf, xlsx) = (o.get("--pdf"), o.get("--xlsx"));
    if pdf.is_none() && xlsx.is_none() {
        return Err(CliError::Usage(text::REPORT_NEEDS_OUTPUT.into()));
    }
    let previous = o
        .get("--compare-with")
        .map(|p| {
            p.parse::<i64>()
                .map_err(|_| CliError::Usage(format!("{}: {p}", text::BAD_SURVEY_ID)))
        })
        .transpose()?;
    let db = data::open(db)?;
    let model = klimat_report::build(&report_input(&db, survey, previous)?);
    let mut out = String::new();
    if let Some(path) = pdf {
        write(path, &klimat_report::pdf::render(&model))?;
        out.push_str(&format!("{} {path}\n", text::REPORT_WRITTEN));
    }
    if let Some(path) = xlsx {
        let bytes = klimat_report::xlsx::render(&model)
            .map_err(|e| CliError::Input(format!("{} «{path}»: {e}", text::CANNOT_WRITE)))?;
        write(path, &bytes)?;
        out.push_str(&format!("{} {path}\n", text::REPORT_WRITTEN));
    }
    Ok(out.into_bytes())
}

/// `klimat forms --instrument I --pdf FILE [--survey ID]`.
pub fn forms(db: Option<&str>, o: &Options) -> Result<Vec<u8>, CliError> {
    o.no_positional()?;
    let instrument = Instrument::from_id(o.require("--instrument")?)
        .ok_or_else(|| CliError::Usage(text::BAD_INSTRUMENT.into()))?;
    let path = o.require("--pdf")?;
    let demographics = match o.get("--survey") {
        None => Demographics {
            subdivisions: Vec::new(),
            positions: klimat_core::text::ru::DEFAULT_POSITIONS
                .iter()
                .map(|s| (*s).to_owned())
                .collect(),
        },
        Some(_) => {
            let s = data::open(db)?.survey(o.survey_id()?)?.settings;
            Demographics {
                subdivisions: s.subdivisions,
                positions: s.positions,
            }
        }
    };
    write(
        path,
        &klimat_report::forms::render(instrument, &demographics),
    )?;
    Ok(format!("{} {path}\n", text::FORM_WRITTEN).into_bytes())
}
