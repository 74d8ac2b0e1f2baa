//! `klimat score` (forms in, the JSON of docs/methodology.md, "The `klimat score` JSON", out) and `klimat
//! summary` (the same figures and conclusions as Russian text). Forms come
//! from a template file (`--input`) or a stored survey (`--survey`).

use klimat_core::Instrument;
use klimat_core::commitment::{self, CommitmentAccumulator, CommitmentAnswers};
use klimat_core::culture::{self, CultureForm};
use klimat_core::satisfaction::{
    self, SatisfactionAccumulator, SatisfactionAnswers, SatisfactionKey,
};
use klimat_core::template::{Dataset, parse_csv};
use klimat_core::tenure::Tenure;
use klimat_core::text::ru::conclusions;

use crate::args::Options;
use crate::json::{
    CommitmentJson, CommitmentRespondent, CultureJson, SatisfactionJson, SatisfactionRespondent,
};
use crate::{CliError, data, text};

/// The forms of one instrument: code, tenure and answers.
pub type Forms<A> = Vec<(String, Tenure, A)>;

/// Forms read and validated for one instrument.
pub enum Input {
    /// Commitment forms.
    Commitment(Forms<CommitmentAnswers>),
    /// Satisfaction forms and the key to score them with.
    Satisfaction(Forms<SatisfactionAnswers>, SatisfactionKey),
    /// Culture forms.
    Culture(Forms<CultureForm>),
}

fn from_dataset<A>(d: Dataset<A>) -> Forms<A> {
    d.forms
        .into_iter()
        .map(|f| (f.code, f.tenure, f.answers))
        .collect()
}

/// Reads `--input FILE` or `--survey ID` for `--instrument` (and `--key`),
/// with the anonymity threshold the written summary applies: the survey's
/// K, or the default for a file.
pub fn read(opts: &Options, db: Option<&str>) -> Result<(Input, u32), CliError> {
    let instrument = Instrument::from_id(opts.require("--instrument")?)
        .ok_or_else(|| CliError::Usage(text::BAD_INSTRUMENT.into()))?;
    let key = match opts.get("--key") {
        None => None,
        Some(_) if instrument != Instrument::Satisfaction => {
            return Err(CliError::Usage(text::KEY_ONLY_SATISFACTION.into()));
        }
        Some(k) => {
            Some(SatisfactionKey::from_id(k).ok_or_else(|| CliError::Usage(text::BAD_KEY.into()))?)
        }
    };
    match (opts.get("--input"), opts.get("--survey")) {
        (Some(path), None) => Ok((
            read_file(path, instrument, key.unwrap_or_default())?,
            klimat_core::anonymity::DEFAULT_K,
        )),
        (None, Some(_)) => read_survey(db, opts.survey_id()?, instrument, key),
        (Some(_), Some(_)) => Err(CliError::Usage(text::INPUT_OR_SURVEY.into())),
        (None, None) => Err(CliError::Usage(format!(
            "{} --input / --survey",
            text::MISSING_OPTION
        ))),
    }
}

fn read_file(path: &str, instrument: Instrument, key: SatisfactionKey) -> Result<Input, CliError> {
    let bytes = std::fs::read(path)
        .map_err(|e| CliError::Input(format!("{} «{path}»: {e}", text::CANNOT_READ)))?;
    let refused = |e: klimat_core::template::TemplateError| {
        CliError::Input(format!("{} «{path}».\n{e}", text::FILE_REFUSED))
    };
    Ok(match instrument {
        Instrument::Commitment => {
            Input::Commitment(from_dataset(parse_csv(&bytes).map_err(refused)?))
        }
        Instrument::Satisfaction => {
            Input::Satisfaction(from_dataset(parse_csv(&bytes).map_err(refused)?), key)
        }
        Instrument::Culture => Input::Culture(from_dataset(parse_csv(&bytes).map_err(refused)?)),
    })
}

fn read_survey(
    db: Option<&str>,
    survey: i64,
    instrument: Instrument,
    key: Option<SatisfactionKey>,
) -> Result<(Input, u32), CliError> {
    use klimat_app::reports::{commitment_forms, culture_forms_shown, satisfaction_forms};
    let db = data::open(db)?;
    let settings = db.survey(survey)?.settings;
    let k = settings.anonymity_threshold;
    let input = match instrument {
        Instrument::Commitment => Input::Commitment(
            commitment_forms(&db, survey)?
                .into_iter()
                .map(|f| (f.code, f.tenure, f.answers))
                .collect(),
        ),
        Instrument::Satisfaction => Input::Satisfaction(
            satisfaction_forms(&db, survey)?
                .into_iter()
                .map(|f| (f.code, f.tenure, f.answers))
                .collect(),
            key.unwrap_or(settings.satisfaction_key),
        ),
        Instrument::Culture => Input::Culture(
            culture_forms_shown(&db, survey)?
                .into_iter()
                .map(|f| (f.code, f.tenure, f.answers))
                .collect(),
        ),
    };
    Ok((input, k))
}

/// `klimat score`: the JSON object (docs/methodology.md, "The `klimat score` JSON").
pub fn json(input: Input) -> Vec<u8> {
    match input {
        Input::Commitment(forms) => to_json(&score_commitment(forms)),
        Input::Satisfaction(forms, key) => to_json(&score_satisfaction(forms, key)),
        Input::Culture(forms) => to_json(&CultureJson::new(culture::analyze(
            forms.iter().map(|(_, _, a)| a),
        ))),
    }
}

/// `klimat summary`: the key figures and the written conclusions, in
/// Russian, with the threshold `k` applied as in every report: fewer than
/// K forms give no figure, and no group under K is quoted.
pub fn summary(input: Input, k: u32) -> Vec<u8> {
    let n = match &input {
        Input::Commitment(f) => f.len(),
        Input::Satisfaction(f, _) => f.len(),
        Input::Culture(f) => f.len(),
    } as u64;
    if n > 0 && n < u64::from(k) {
        let title = match input {
            Input::Commitment(_) => Instrument::Commitment.label(),
            Input::Satisfaction(..) => Instrument::Satisfaction.label(),
            Input::Culture(_) => Instrument::Culture.label(),
        };
        return format!(
            "{title}\n{}\n{}\n",
            "=".repeat(title.chars().count()),
            text::summary_withheld(n, k)
        )
        .into_bytes();
    }
    let (title, figures, paragraphs) = match input {
        Input::Commitment(forms) => {
            let a = commitment::analyze(forms.iter().map(|(_, t, a)| (a, *t))).visible(k);
            let figures = text::commitment_figures(&a);
            (
                Instrument::Commitment.label(),
                figures,
                conclusions::commitment(&a),
            )
        }
        Input::Satisfaction(forms, key) => {
            let a = satisfaction::analyze(key, forms.iter().map(|(_, t, a)| (a, *t))).visible(k);
            let figures = text::satisfaction_figures(&a);
            (
                Instrument::Satisfaction.label(),
                figures,
                conclusions::satisfaction(&a),
            )
        }
        Input::Culture(forms) => {
            let mut a = culture::analyze(forms.iter().map(|(_, _, a)| a));
            a.hide_small_free_text(k);
            let figures = text::forms_counted(a.respondents);
            (
                Instrument::Culture.label(),
                figures,
                conclusions::culture(&a, k),
            )
        }
    };
    let mut out = format!(
        "{title}\n{}\n{figures}\n",
        "=".repeat(title.chars().count())
    );
    for p in paragraphs {
        out.push('\n');
        out.push_str(&p);
        out.push('\n');
    }
    out.into_bytes()
}

fn to_json(value: &impl serde::Serialize) -> Vec<u8> {
    // Serializing plain structs of numbers and strings cannot fail.
    let mut out = serde_json::to_vec(value).unwrap_or_default();
    out.push(b'\n');
    out
}

/// Scores commitment forms into the JSON object.
pub fn score_commitment(forms: Forms<CommitmentAnswers>) -> CommitmentJson {
    let mut acc = CommitmentAccumulator::new();
    let detail = forms
        .into_iter()
        .map(|(code, tenure, answers)| CommitmentRespondent {
            score: acc.add(&answers, tenure),
            code,
        })
        .collect();
    CommitmentJson::new(&acc.finish(), detail)
}

/// Scores satisfaction forms into the JSON object.
pub fn score_satisfaction(
    forms: Forms<SatisfactionAnswers>,
    key: SatisfactionKey,
) -> SatisfactionJson {
    let mut acc = SatisfactionAccumulator::new(key);
    let detail = forms
        .into_iter()
        .map(|(code, tenure, answers)| SatisfactionRespondent {
            score: acc.add(&answers, tenure),
            code,
        })
        .collect();
    SatisfactionJson::new(&acc.finish(), detail)
}
