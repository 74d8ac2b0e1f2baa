//! The verbs over the database: surveys, import, entry, export, template,
//! exchange, merge, backup and restore.

use std::io::Write;
use std::path::Path;

use klimat_app::data as ops;
use klimat_app::surveys::{
    ReportSettingsRequest, SurveyRequest, create_survey, instrument as parse_instrument,
    save_report_settings,
};
use klimat_core::Instrument;
use klimat_store::{Db, paths};

use crate::args::Options;
use crate::{CliError, text};

/// Opens the database at `--db`, or the app's own.
pub fn open(db: Option<&str>) -> Result<Db, CliError> {
    let path = db.map_or_else(paths::default_db_path, Into::into);
    Ok(Db::open(&path)?)
}

pub(crate) fn instrument(o: &Options) -> Result<Option<Instrument>, CliError> {
    o.get("--instrument")
        .map(|i| parse_instrument(i).map_err(|e| CliError::Usage(e.to_string())))
        .transpose()
}

fn required_instrument(o: &Options) -> Result<Instrument, CliError> {
    instrument(o)?.ok_or_else(|| CliError::Usage(format!("{} --instrument", text::MISSING_OPTION)))
}

fn list(o: &Options, name: &str) -> Option<Vec<String>> {
    o.get(name)
        .map(|v| v.split(';').map(str::to_owned).collect())
}

/// `klimat survey create`: prints the new survey's id alone.
pub fn survey_create(db: Option<&str>, o: &Options) -> Result<Vec<u8>, CliError> {
    let threshold = o
        .get("--threshold")
        .map(|k| {
            k.parse()
                .map_err(|_| CliError::Usage(format!("{}: {k}", text::BAD_THRESHOLD)))
        })
        .transpose()?;
    let request = SurveyRequest {
        name: o.require("--name")?.to_owned(),
        organization: o.get("--org").map(str::to_owned),
        date: o.get("--date").map(str::to_owned),
        instruments: o
            .require("--instruments")?
            .split(',')
            .map(str::to_owned)
            .collect(),
        satisfaction_key: o.get("--key").map(str::to_owned),
        subdivisions: list(o, "--subdivisions").unwrap_or_default(),
        positions: list(o, "--positions"),
        anonymity_threshold: threshold,
    };
    let today = chrono::Local::now().date_naive();
    let mut db = open(db)?;
    let settings = report_request(o)?;
    let id = create_survey(&mut db, &request, today)?;
    // The report settings are checked against the new survey's
    // subdivisions; when refused, the survey is not kept.
    if let Err(e) = save_report_settings(&db, id, &settings) {
        db.delete_survey(id)?;
        return Err(e.into());
    }
    Ok(format!("{id}\n").into_bytes())
}

/// The report options of `survey create` and `survey report-settings`.
fn report_request(o: &Options) -> Result<ReportSettingsRequest, CliError> {
    let person = |p: &str, n: &str| {
        o.get(n)
            .map(|name| (o.get(p).unwrap_or_default().to_owned(), name.to_owned()))
    };
    let proposals = o
        .get("--proposals-file")
        .map(|f| {
            let bytes = klimat_app::files::read_input(Path::new(f))?;
            String::from_utf8(bytes)
                .map(|t| t.trim_start_matches('\u{feff}').to_owned())
                .map_err(|_| CliError::Usage(format!("{}: {f}", text::NOT_UTF8)))
        })
        .transpose()?;
    Ok(ReportSettingsRequest {
        staff_total: o.get("--staff-total").map(str::to_owned),
        staff: o.get("--staff").map(str::to_owned),
        prepared_by: person("--prepared-position", "--prepared-name"),
        approved_by: person("--approved-position", "--approved-name"),
        proposals,
    })
}

/// `klimat survey report-settings --survey ID …`: updates what is given;
/// with `--proposals-draft`, prints the starting text of the proposals.
pub fn report_settings(db: Option<&str>, o: &Options) -> Result<Vec<u8>, CliError> {
    let survey = o.survey_id()?;
    let db = open(db)?;
    if o.flag("--proposals-draft") {
        return Ok((klimat_app::reports::proposals_draft(&db, survey)? + "\n").into_bytes());
    }
    save_report_settings(&db, survey, &report_request(o)?)?;
    Ok(format!("{}\n", text::REPORT_SETTINGS_SAVED).into_bytes())
}

/// `klimat survey list`.
pub fn survey_list(db: Option<&str>) -> Result<Vec<u8>, CliError> {
    let surveys = open(db)?.surveys()?;
    let mut out = String::new();
    if surveys.is_empty() {
        out.push_str(text::NO_SURVEYS);
        out.push('\n');
    }
    for s in surveys {
        let counts: Vec<String> = Instrument::ALL
            .iter()
            .filter(|i| s.settings.instruments.contains(i))
            .map(|i| format!("{}: {}", i.label(), s.form_counts[*i as usize]))
            .collect();
        out.push_str(&format!(
            "{}\t{}\t{}{}{}\t{}\n",
            s.id,
            s.settings.date.format("%d.%m.%Y"),
            s.settings.name,
            s.settings
                .organization
                .as_deref()
                .map(|o| format!(" ({o})"))
                .unwrap_or_default(),
            if s.archived { text::ARCHIVED } else { "" },
            counts.join("; ")
        ));
    }
    Ok(out.into_bytes())
}

/// `klimat import --survey ID FILE`: all forms of the file in one
/// transaction, or none.
pub fn import(db: Option<&str>, o: &Options) -> Result<Vec<u8>, CliError> {
    let survey = o.survey_id()?;
    let path = o.single_positional(text::FILE_ARGUMENT)?;
    let instrument = instrument(o)?;
    let mut db = open(db)?;
    let mut last_shown = 0;
    let done = ops::import_file(
        &mut db,
        survey,
        Path::new(path),
        instrument,
        &mut |done, total| {
            // Progress for large files, on stderr, every tenth.
            if total >= 10_000 && done * 10 / total > last_shown {
                last_shown = done * 10 / total;
                eprintln!("{} {done} / {total}", text::IMPORT_PROGRESS);
            }
        },
    )
    .map_err(|e| refused(path, e))?;
    Ok(format!(
        "{} {} ({})\n",
        text::IMPORTED,
        done.count,
        done.instrument.label()
    )
    .into_bytes())
}

/// `klimat verify`: a re-keyed file against the stored forms; status 1
/// with the differences listed when there are any.
pub fn verify(db: Option<&str>, o: &Options) -> Result<Vec<u8>, CliError> {
    let survey = o.survey_id()?;
    let path = o.single_positional(text::FILE_ARGUMENT)?;
    let instrument = required_instrument(o)?;
    let db = open(db)?;
    let check = klimat_app::verify::check_file(&db, survey, instrument, Path::new(path))
        .map_err(|e| refused(path, e))?;
    let mut out = String::new();
    for form in &check.forms {
        match form {
            klimat_app::verify::FileForm::Compared { code, differences } => {
                for d in differences {
                    out.push_str(&text::verify_difference(
                        code, &d.label, &d.first, &d.second,
                    ));
                }
            }
            klimat_app::verify::FileForm::NotFound { reason, .. } => {
                out.push_str(&text::verify_not_found(reason));
            }
        }
    }
    let problems = check.problems();
    out.push_str(&text::verify_summary(
        check.forms.len(),
        check.fields,
        problems,
    ));
    if problems == 0 {
        Ok(out.into_bytes())
    } else {
        Err(CliError::Differences(out.into_bytes()))
    }
}

/// A refused file: its name, then every reason.
fn refused(path: &str, e: klimat_app::AppError) -> CliError {
    CliError::Input(format!("{} «{path}».\n{e}", text::FILE_REFUSED))
}

/// `klimat entry --survey ID FILE`: the forms of a file saved one at a time,
/// as operator entry does, each reported on stdout once it is on disk.
pub fn entry(db: Option<&str>, o: &Options) -> Result<Vec<u8>, CliError> {
    let survey = o.survey_id()?;
    let path = o.single_positional(text::FILE_ARGUMENT)?;
    let mut db = open(db)?;
    db.survey(survey)?;
    let bytes = klimat_app::files::read_input(Path::new(path))?;
    let file = klimat_store::import::read_template(&bytes, instrument(o)?)
        .map_err(|e| refused(path, e.into()))?;
    let mut stdout = std::io::stdout().lock();
    for (n, form) in file.forms.iter().enumerate() {
        // Forms are saved one at a time: a refused one stops the entry, and
        // the message says that the ones before it are saved.
        let saved = klimat_app::surveys::save_form(&mut db, survey, form).map_err(|e| {
            CliError::Input(format!(
                "{} «{}» ({} {n}).\n{e}",
                text::ENTRY_STOPPED,
                form.code,
                text::ENTRY_SAVED_BEFORE
            ))
        })?;
        // The line is written only after the save returned.
        let _ = writeln!(stdout, "{}\t{}", saved.uuid, saved.data.code);
        let _ = stdout.flush();
    }
    Ok(Vec::new())
}

fn out_path(o: &Options) -> Result<&str, CliError> {
    o.no_positional()?;
    o.require("--out")
}

/// `klimat export --survey ID --instrument I --out FILE` (CSV or XLSX by extension).
pub fn export(db: Option<&str>, o: &Options) -> Result<Vec<u8>, CliError> {
    let survey = o.survey_id()?;
    let instrument = required_instrument(o)?;
    let out = out_path(o)?;
    let n = ops::export_forms(&open(db)?, survey, instrument, Path::new(out))?;
    Ok(format!("{} {n} → {out}\n", text::EXPORTED).into_bytes())
}

/// `klimat template --survey ID --instrument I --out FILE.xlsx`.
pub fn template(db: Option<&str>, o: &Options) -> Result<Vec<u8>, CliError> {
    let survey = o.survey_id()?;
    let instrument = required_instrument(o)?;
    let out = out_path(o)?;
    ops::write_template(&open(db)?, survey, instrument, Path::new(out))?;
    Ok(format!("{} {out}\n", text::TEMPLATE_WRITTEN).into_bytes())
}

/// `klimat exchange export --survey ID --out FILE.klimat`.
pub fn exchange_export(db: Option<&str>, o: &Options) -> Result<Vec<u8>, CliError> {
    let survey = o.survey_id()?;
    let out = out_path(o)?;
    ops::export_exchange(&open(db)?, survey, Path::new(out))?;
    Ok(format!("{} {out}\n", text::EXCHANGE_WRITTEN).into_bytes())
}

/// `klimat merge FILE.klimat`.
pub fn merge(db: Option<&str>, o: &Options) -> Result<Vec<u8>, CliError> {
    let path = o.single_positional(text::FILE_ARGUMENT)?;
    let r = ops::merge_file(&mut open(db)?, Path::new(path)).map_err(|e| refused(path, e))?;
    Ok(text::merge_report(&r).into_bytes())
}

/// `klimat backup --out FILE`.
pub fn backup(db: Option<&str>, o: &Options) -> Result<Vec<u8>, CliError> {
    let out = out_path(o)?;
    ops::backup(&open(db)?, Path::new(out))?;
    Ok(format!("{} {out}\n", text::BACKUP_WRITTEN).into_bytes())
}

/// `klimat copies [--keep N]`: the copies Klimat made of the database by
/// itself, and how many it keeps.
pub fn copies(db: Option<&str>, o: &Options) -> Result<Vec<u8>, CliError> {
    let db = open(db)?;
    let c = match o.get("--keep") {
        Some(n) => {
            let n: u32 = n
                .parse()
                .map_err(|_| CliError::Usage(format!("{} «{n}»", text::BAD_KEEP)))?;
            ops::set_keep_copies(&db, n)?
        }
        None => ops::copies(&db)?,
    };
    let mut out = format!("{} {}\n", text::KEEP_COPIES, c.keep);
    for p in &c.paths {
        out.push_str(&format!("{}\n", p.display()));
    }
    Ok(out.into_bytes())
}

/// `klimat restore FILE`.
pub fn restore(db: Option<&str>, o: &Options) -> Result<Vec<u8>, CliError> {
    let path = o.single_positional(text::FILE_ARGUMENT)?;
    let saved = ops::restore(&mut open(db)?, Path::new(path))?;
    let mut out = format!("{} {path}\n", text::RESTORED);
    if let Some(saved) = saved {
        out.push_str(&format!("{} {}\n", text::PREVIOUS_SAVED, saved.display()));
    }
    Ok(out.into_bytes())
}
