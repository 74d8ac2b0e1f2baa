//! `klimat report` and `klimat forms`: the operations of `klimat-app`.

use std::path::Path;

use klimat_app::files::write_output;
use klimat_app::reports::{ReportFormat, render, report_input_for, write_blank_form};

use crate::args::Options;
use crate::{CliError, data, text};

/// `klimat report --survey ID [--pdf FILE] [--xlsx FILE] [--docx FILE]
/// [--compare-with ID] [--subdivision NAME]`.
/// «1,2,3» as survey ids.
fn survey_ids(list: &str) -> Result<Vec<i64>, CliError> {
    list.split(',')
        .map(|p| {
            p.trim()
                .parse::<i64>()
                .map_err(|_| CliError::Usage(format!("{}: {p}", text::BAD_SURVEY_ID)))
        })
        .collect()
}

pub fn report(db: Option<&str>, o: &Options) -> Result<Vec<u8>, CliError> {
    o.no_positional()?;
    let pooled = o.get("--surveys").map(survey_ids).transpose()?;
    let previous_pooled = o.get("--compare-surveys").map(survey_ids).transpose()?;
    if previous_pooled.is_some() && pooled.is_none() {
        return Err(CliError::Usage(text::COMPARE_SURVEYS_NEEDS_SURVEYS.into()));
    }
    if pooled.is_some()
        && ["--survey", "--compare-with", "--subdivision"]
            .iter()
            .any(|n| o.get(n).is_some())
    {
        return Err(CliError::Usage(text::SURVEYS_ALONE.into()));
    }
    let survey = if pooled.is_some() { 0 } else { o.survey_id()? };
    let outputs = [
        (o.get("--pdf"), ReportFormat::Pdf),
        (o.get("--xlsx"), ReportFormat::Xlsx),
        (o.get("--docx"), ReportFormat::Docx),
    ];
    if outputs.iter().all(|(p, _)| p.is_none()) {
        return Err(CliError::Usage(text::REPORT_NEEDS_OUTPUT.into()));
    }
    let previous = o
        .get("--compare-with")
        .map(|p| {
            p.parse::<i64>()
                .map_err(|_| CliError::Usage(format!("{}: {p}", text::BAD_SURVEY_ID)))
        })
        .transpose()?;
    let paths: Vec<&str> = outputs.iter().filter_map(|(p, _)| *p).collect();
    if (1..paths.len()).any(|i| paths[..i].contains(&paths[i])) {
        return Err(CliError::Usage(text::SAME_OUTPUT.into()));
    }
    // Each option takes a file of its own format: a PDF is never written
    // under a name that says .xlsx, over a workbook.
    for (path, format) in outputs {
        if let Some(path) = path
            && ReportFormat::from_path(Path::new(path)).ok() != Some(format)
        {
            return Err(CliError::Usage(format!(
                "{} .{}: {path}",
                text::WRONG_EXTENSION,
                format.extension()
            )));
        }
    }
    let input = match &pooled {
        Some(ids) => klimat_app::reports::consolidated_input_compared(
            &data::open(db)?,
            ids,
            previous_pooled.as_deref(),
        )?,
        None => report_input_for(&data::open(db)?, survey, previous, o.get("--subdivision"))?,
    };
    let model = klimat_report::build(&input);
    let mut out = String::new();
    for (path, format) in outputs {
        if let Some(path) = path {
            write_output(Path::new(path), &render(&model, format)?)?;
            out.push_str(&format!("{} {path}\n", text::REPORT_WRITTEN));
        }
    }
    Ok(out.into_bytes())
}

/// `klimat texts`: the open answers of a survey, or one hidden or shown
/// again (docs/methodology.md, "Anonymity").
pub fn texts(db: Option<&str>, o: &Options) -> Result<Vec<u8>, CliError> {
    o.no_positional()?;
    let survey = o.survey_id()?;
    let db = data::open(db)?;
    match (o.get("--hide"), o.get("--show")) {
        (Some(_), Some(_)) => Err(CliError::Usage(text::HIDE_OR_SHOW.into())),
        (Some(t), None) => {
            klimat_app::reports::set_text_hidden(&db, survey, t, true)?;
            Ok(format!("{} «{t}»\n", text::TEXT_NOW_HIDDEN).into_bytes())
        }
        (None, Some(t)) => {
            klimat_app::reports::set_text_hidden(&db, survey, t, false)?;
            Ok(format!("{} «{t}»\n", text::TEXT_NOW_SHOWN).into_bytes())
        }
        (None, None) => {
            let all = klimat_app::reports::open_texts(&db, survey)?;
            if all.is_empty() {
                return Ok(format!("{}\n", text::NO_TEXTS).into_bytes());
            }
            let mut out = String::new();
            for t in all {
                let mark = if t.hidden { text::TEXT_HIDDEN_MARK } else { "" };
                out.push_str(&format!("{}\t{}\t{mark}\n", t.count, t.text));
            }
            Ok(out.into_bytes())
        }
    }
}

/// `klimat forms --instrument I --pdf FILE [--survey ID]`.
pub fn forms(db: Option<&str>, o: &Options) -> Result<Vec<u8>, CliError> {
    o.no_positional()?;
    let instrument = data::instrument(o)?
        .ok_or_else(|| CliError::Usage(format!("{} --instrument", text::MISSING_OPTION)))?;
    let path = o.require("--pdf")?;
    let survey = o.get("--survey").map(|_| o.survey_id()).transpose()?;
    let db = data::open(db)?;
    write_blank_form(&db, survey, instrument, Path::new(path))?;
    Ok(format!("{} {path}\n", text::FORM_WRITTEN).into_bytes())
}
