//! Operations shared by the `klimat` command and the desktop window: the
//! report input of a stored survey (and so its results and reports).

#![forbid(unsafe_code)]

pub mod kiosk;
mod text;

use klimat_core::Instrument;
use klimat_report::{
    CommitmentData, CultureData, FormRow, PreviousSurvey, ReportInput, SatisfactionData, SurveyInfo,
};
use klimat_store::{Answers, Db, Result, StoredForm};

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
/// The report input of a stored survey, compared with `previous` if given.
///
/// # Errors
/// [`klimat_store::StoreError::NoSurvey`] for an unknown survey.
pub fn report_input(db: &Db, survey: i64, previous: Option<i64>) -> Result<ReportInput> {
    let s = db.survey(survey)?;
    let has = |i: Instrument| s.settings.instruments.contains(&i);
    let key = s.settings.satisfaction_key;
    let commitment = |db: &Db, id| -> Result<_> {
        Ok(rows(db.forms(id, Instrument::Commitment)?, |a| match a {
            Answers::Commitment(a) => Some(a),
            _ => None,
        }))
    };
    let satisfaction = |db: &Db, id| -> Result<_> {
        Ok(rows(db.forms(id, Instrument::Satisfaction)?, |a| match a {
            Answers::Satisfaction(a) => Some(a),
            _ => None,
        }))
    };
    let culture = |db: &Db, id| -> Result<_> {
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
