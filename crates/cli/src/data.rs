//! The verbs over the database: surveys, import, entry, export, template,
//! exchange, merge, backup and restore.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;
use klimat_core::Instrument;
use klimat_core::satisfaction::SatisfactionKey;
use klimat_store::import::{TemplateFile, read_template};
use klimat_store::{Db, Entry, StoreError, SurveySettings, export, paths};

use crate::args::Options;
use crate::{CliError, text};

/// Opens the database at `--db`, or the app's own.
pub fn open(db: Option<&str>) -> Result<Db, CliError> {
    let path = db.map_or_else(paths::default_db_path, Into::into);
    Ok(Db::open(&path)?)
}

fn read_file(path: &str) -> Result<Vec<u8>, CliError> {
    klimat_store::import::read_file(Path::new(path)).map_err(|e| match e {
        StoreError::Io(e) => CliError::Input(format!("{} «{path}»: {e}", text::CANNOT_READ)),
        e => CliError::Input(format!("«{path}»: {e}")),
    })
}

fn write_file(path: &str, bytes: &[u8]) -> Result<(), CliError> {
    std::fs::write(path, bytes)
        .map_err(|e| CliError::Input(format!("{} «{path}»: {e}", text::CANNOT_WRITE)))
}

fn instrument(o: &Options) -> Result<Option<Instrument>, CliError> {
    o.get("--instrument")
        .map(|i| Instrument::from_id(i).ok_or_else(|| CliError::Usage(text::BAD_INSTRUMENT.into())))
        .transpose()
}

fn list(o: &Options, name: &str) -> Vec<String> {
    o.get(name)
        .map(|v| {
            v.split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

/// `klimat survey create`: prints the new survey's id alone.
pub fn survey_create(db: Option<&str>, o: &Options) -> Result<Vec<u8>, CliError> {
    let name = o.require("--name")?;
    let instruments = o
        .require("--instruments")?
        .split(',')
        .map(|i| {
            Instrument::from_id(i.trim())
                .ok_or_else(|| CliError::Usage(text::BAD_INSTRUMENT.into()))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let date = match o.get("--date") {
        Some(d) => NaiveDate::parse_from_str(d, "%Y-%m-%d")
            .map_err(|_| CliError::Usage(format!("{}: {d}", text::BAD_DATE)))?,
        None => chrono::Local::now().date_naive(),
    };
    let mut s = SurveySettings::new(name, date, instruments);
    s.organization = o.get("--org").map(str::to_owned);
    if let Some(k) = o.get("--key") {
        s.satisfaction_key =
            SatisfactionKey::from_id(k).ok_or_else(|| CliError::Usage(text::BAD_KEY.into()))?;
    }
    s.subdivisions = list(o, "--subdivisions");
    if o.get("--positions").is_some() {
        s.positions = list(o, "--positions");
    }
    if let Some(k) = o.get("--threshold") {
        s.anonymity_threshold = k
            .parse()
            .map_err(|_| CliError::Usage(format!("{}: {k}", text::BAD_THRESHOLD)))?;
    }
    let id = open(db)?.create_survey(&s)?;
    Ok(format!("{id}\n").into_bytes())
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

/// The database, the `--survey` it names (checked to exist) and the template
/// file given as the one positional argument, read and validated.
fn survey_and_file(db: Option<&str>, o: &Options) -> Result<(Db, i64, TemplateFile), CliError> {
    let survey = o.survey_id()?;
    let path = o.single_positional(text::FILE_ARGUMENT)?;
    let db = open(db)?;
    db.survey(survey)?;
    let file = read_template(&read_file(path)?, instrument(o)?)
        .map_err(|e| CliError::Input(format!("{} «{path}».\n{e}", text::FILE_REFUSED)))?;
    Ok((db, survey, file))
}

/// `klimat import --survey ID FILE`: all forms of the file in one
/// transaction, or none.
pub fn import(db: Option<&str>, o: &Options) -> Result<Vec<u8>, CliError> {
    let (mut db, survey, file) = survey_and_file(db, o)?;
    let total = file.forms.len();
    let mut last_shown = 0;
    let n = db.import(survey, &file, &mut |done, total| {
        // Progress for large files, on stderr, every tenth.
        if total >= 10_000 && done * 10 / total > last_shown {
            last_shown = done * 10 / total;
            eprintln!("{} {done} / {total}", text::IMPORT_PROGRESS);
        }
    })?;
    debug_assert_eq!(n, total);
    Ok(format!("{} {n} ({})\n", text::IMPORTED, file.instrument.label()).into_bytes())
}

/// `klimat entry --survey ID FILE`: the forms of a file saved one at a time,
/// as operator entry does, each reported on stdout once it is on disk.
pub fn entry(db: Option<&str>, o: &Options) -> Result<Vec<u8>, CliError> {
    let (mut db, survey, file) = survey_and_file(db, o)?;
    let mut stdout = std::io::stdout().lock();
    for form in &file.forms {
        let saved = db.add_form(survey, form, Entry::Operator)?;
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
    let instrument = instrument(o)?
        .ok_or_else(|| CliError::Usage(format!("{} --instrument", text::MISSING_OPTION)))?;
    let out = out_path(o)?;
    let db = open(db)?;
    let forms: Vec<_> = db
        .forms(survey, instrument)?
        .into_iter()
        .map(|f| f.data)
        .collect();
    let bytes = if is_xlsx_path(out) {
        export::to_xlsx(instrument, &forms)?
    } else {
        export::to_csv(instrument, &forms)?
    };
    write_file(out, &bytes)?;
    Ok(format!("{} {} → {out}\n", text::EXPORTED, forms.len()).into_bytes())
}

fn is_xlsx_path(path: &str) -> bool {
    Path::new(path)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
}

/// `klimat template --survey ID --instrument I --out FILE.xlsx`.
pub fn template(db: Option<&str>, o: &Options) -> Result<Vec<u8>, CliError> {
    let survey = o.survey_id()?;
    let instrument = instrument(o)?
        .ok_or_else(|| CliError::Usage(format!("{} --instrument", text::MISSING_OPTION)))?;
    let out = out_path(o)?;
    let settings = open(db)?.survey(survey)?.settings;
    write_file(out, &export::blank_template(instrument, &settings)?)?;
    Ok(format!("{} {out}\n", text::TEMPLATE_WRITTEN).into_bytes())
}

/// `klimat exchange export --survey ID --out FILE.klimat`.
pub fn exchange_export(db: Option<&str>, o: &Options) -> Result<Vec<u8>, CliError> {
    let survey = o.survey_id()?;
    let out = out_path(o)?;
    let bytes = open(db)?.exchange_export(survey)?;
    write_file(out, &bytes)?;
    Ok(format!("{} {out}\n", text::EXCHANGE_WRITTEN).into_bytes())
}

/// `klimat merge FILE.klimat`.
pub fn merge(db: Option<&str>, o: &Options) -> Result<Vec<u8>, CliError> {
    let path = o.single_positional(text::FILE_ARGUMENT)?;
    let bytes = read_file(path)?;
    let r = open(db)?.merge(&bytes)?;
    Ok(text::merge_report(&r).into_bytes())
}

/// `klimat backup --out FILE`.
pub fn backup(db: Option<&str>, o: &Options) -> Result<Vec<u8>, CliError> {
    let out = out_path(o)?;
    open(db)?.backup(Path::new(out))?;
    Ok(format!("{} {out}\n", text::BACKUP_WRITTEN).into_bytes())
}

/// `klimat restore FILE`.
pub fn restore(db: Option<&str>, o: &Options) -> Result<Vec<u8>, CliError> {
    let path = o.single_positional(text::FILE_ARGUMENT)?;
    let saved = open(db)?.restore(Path::new(path))?;
    let mut out = format!("{} {path}\n", text::RESTORED);
    if let Some(saved) = saved {
        out.push_str(&format!("{} {}\n", text::PREVIOUS_SAVED, saved.display()));
    }
    Ok(out.into_bytes())
}
