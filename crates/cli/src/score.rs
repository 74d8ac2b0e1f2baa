//! `klimat score` (a template file in, the JSON of SPEC.md §5 out) and
//! `klimat summary` (the same figures and conclusions as Russian text).

use klimat_core::Instrument;
use klimat_core::commitment::{self, CommitmentAccumulator, CommitmentAnswers};
use klimat_core::culture::{self, CultureForm};
use klimat_core::satisfaction::{
    self, SatisfactionAccumulator, SatisfactionAnswers, SatisfactionKey,
};
use klimat_core::template::{Dataset, parse_csv};
use klimat_core::text::ru::conclusions;

use crate::args::Options;
use crate::json::{
    CommitmentJson, CommitmentRespondent, CultureJson, SatisfactionJson, SatisfactionRespondent,
};
use crate::{CliError, text};

/// A template file read and validated for one instrument.
pub enum Input {
    /// Commitment forms.
    Commitment(Dataset<CommitmentAnswers>),
    /// Satisfaction forms and the key to score them with.
    Satisfaction(Dataset<SatisfactionAnswers>, SatisfactionKey),
    /// Culture forms.
    Culture(Dataset<CultureForm>),
}

/// Reads `--input` for `--instrument` (and `--key`); nothing is scored yet.
pub fn read(opts: &Options) -> Result<Input, CliError> {
    let instrument = Instrument::from_id(opts.require("--instrument")?)
        .ok_or_else(|| CliError::Usage(text::BAD_INSTRUMENT.into()))?;
    let key = match opts.get("--key") {
        None => SatisfactionKey::default(),
        Some(_) if instrument != Instrument::Satisfaction => {
            return Err(CliError::Usage(text::KEY_ONLY_SATISFACTION.into()));
        }
        Some(k) => {
            SatisfactionKey::from_id(k).ok_or_else(|| CliError::Usage(text::BAD_KEY.into()))?
        }
    };
    let path = opts.require("--input")?;
    let bytes = std::fs::read(path)
        .map_err(|e| CliError::Input(format!("{} «{path}»: {e}", text::CANNOT_READ)))?;
    let refused = |e: klimat_core::template::TemplateError| {
        CliError::Input(format!("{} «{path}».\n{e}", text::FILE_REFUSED))
    };
    Ok(match instrument {
        Instrument::Commitment => Input::Commitment(parse_csv(&bytes).map_err(refused)?),
        Instrument::Satisfaction => Input::Satisfaction(parse_csv(&bytes).map_err(refused)?, key),
        Instrument::Culture => Input::Culture(parse_csv(&bytes).map_err(refused)?),
    })
}

/// `klimat score`: the JSON object of SPEC.md §5.
pub fn json(input: Input) -> Vec<u8> {
    match input {
        Input::Commitment(data) => to_json(&score_commitment(data)),
        Input::Satisfaction(data, key) => to_json(&score_satisfaction(data, key)),
        Input::Culture(data) => to_json(&CultureJson::new(culture::analyze(
            data.forms.iter().map(|f| &f.answers),
        ))),
    }
}

/// `klimat summary`: the key figures and the written conclusions, in Russian.
pub fn summary(input: Input) -> Vec<u8> {
    let mut out = String::new();
    let (title, figures, paragraphs) = match input {
        Input::Commitment(data) => {
            let a = commitment::analyze(data.forms.iter().map(|f| (&f.answers, f.tenure)));
            let figures = text::commitment_figures(&a);
            (
                Instrument::Commitment.label(),
                figures,
                conclusions::commitment(&a),
            )
        }
        Input::Satisfaction(data, key) => {
            let a = satisfaction::analyze(key, data.forms.iter().map(|f| (&f.answers, f.tenure)));
            let figures = text::satisfaction_figures(&a);
            (
                Instrument::Satisfaction.label(),
                figures,
                conclusions::satisfaction(&a),
            )
        }
        Input::Culture(data) => {
            let a = culture::analyze(data.forms.iter().map(|f| &f.answers));
            let figures = text::forms_counted(a.respondents);
            (
                Instrument::Culture.label(),
                figures,
                conclusions::culture(&a),
            )
        }
    };
    out.push_str(&format!(
        "{title}\n{}\n{figures}\n",
        "=".repeat(title.chars().count())
    ));
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
pub fn score_commitment(data: Dataset<CommitmentAnswers>) -> CommitmentJson {
    let mut acc = CommitmentAccumulator::new();
    let detail = data
        .forms
        .into_iter()
        .map(|f| CommitmentRespondent {
            score: acc.add(&f.answers, f.tenure),
            code: f.code,
        })
        .collect();
    CommitmentJson::new(&acc.finish(), detail)
}

/// Scores satisfaction forms into the JSON object.
pub fn score_satisfaction(
    data: Dataset<SatisfactionAnswers>,
    key: SatisfactionKey,
) -> SatisfactionJson {
    let mut acc = SatisfactionAccumulator::new(key);
    let detail = data
        .forms
        .into_iter()
        .map(|f| SatisfactionRespondent {
            score: acc.add(&f.answers, f.tenure),
            code: f.code,
        })
        .collect();
    SatisfactionJson::new(&acc.finish(), detail)
}
