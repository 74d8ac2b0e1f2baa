//! `klimat report` and `klimat forms`: the report input of `klimat-app`,
//! rendered by `klimat-report`.

use klimat_app::report_input;
use klimat_core::Instrument;
use klimat_report::forms::Demographics;

use crate::args::Options;
use crate::{CliError, data, text};

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
