//! `klimat score`: a template file in, the JSON of SPEC.md §5 out.

use klimat_core::Instrument;
use klimat_core::commitment::{CommitmentAccumulator, CommitmentAnswers};
use klimat_core::culture::{CultureAccumulator, CultureForm};
use klimat_core::satisfaction::{SatisfactionAccumulator, SatisfactionAnswers, SatisfactionKey};
use klimat_core::template::{Dataset, parse_csv};

use crate::args::Options;
use crate::json::{
    CommitmentJson, CommitmentRespondent, CultureJson, SatisfactionJson, SatisfactionRespondent,
};
use crate::{CliError, text};

/// Runs `klimat score`.
pub fn run(opts: &Options) -> Result<Vec<u8>, CliError> {
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
    let json = match instrument {
        Instrument::Commitment => {
            let data = parse_csv::<CommitmentAnswers>(&bytes).map_err(refused)?;
            to_json(&score_commitment(data))
        }
        Instrument::Satisfaction => {
            let data = parse_csv::<SatisfactionAnswers>(&bytes).map_err(refused)?;
            to_json(&score_satisfaction(data, key))
        }
        Instrument::Culture => {
            let data = parse_csv::<CultureForm>(&bytes).map_err(refused)?;
            let mut acc = CultureAccumulator::new();
            for f in &data.forms {
                acc.add(&f.answers);
            }
            to_json(&CultureJson::new(acc.finish()))
        }
    };
    Ok(json)
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
