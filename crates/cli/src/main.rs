//! The `klimat` command: a thin layer over `klimat-core` and `klimat-store`
//! for scripts and tests. `main` only maps the result of [`run`] to an exit
//! code; every message is in [`text`].

#![forbid(unsafe_code)]

mod args;
mod data;
mod json;
mod network;
mod report;
mod score;
mod text;

use std::io::Write;
use std::process::ExitCode;

use args::Options;

/// Why a command was refused. Every refusal exits with status 2.
#[derive(Debug)]
pub enum CliError {
    /// Bad command line.
    Usage(String),
    /// A file or database that cannot be used, with the reason.
    Input(String),
    /// `klimat verify` found differences: what it prints, with status 1.
    Differences(Vec<u8>),
}

impl std::fmt::Display for CliError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CliError::Usage(m) => write!(f, "klimat: {m}\n{}", text::SEE_HELP),
            CliError::Input(m) => write!(f, "klimat: {m}"),
            CliError::Differences(out) => f.write_str(&String::from_utf8_lossy(out)),
        }
    }
}

impl From<klimat_store::StoreError> for CliError {
    fn from(e: klimat_store::StoreError) -> Self {
        CliError::Input(e.to_string())
    }
}

impl From<klimat_app::AppError> for CliError {
    fn from(e: klimat_app::AppError) -> Self {
        CliError::Input(e.to_string())
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(args) {
        Ok(output) => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`klimat … | head`) is not an error of ours.
            match stdout.write_all(&output).and_then(|()| stdout.flush()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(_) => ExitCode::FAILURE,
            }
        }
        Err(CliError::Differences(out)) => {
            let mut stdout = std::io::stdout().lock();
            let _ = stdout.write_all(&out).and_then(|()| stdout.flush());
            ExitCode::from(1)
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}

/// Runs a command line and returns what goes to stdout; nothing is printed
/// there unless the whole command succeeded (except the verb `entry`, which
/// reports each form as it is saved).
fn run(mut args: Vec<String>) -> Result<Vec<u8>, CliError> {
    let db = args::take_db(&mut args)?;
    let verb = args.first().cloned();
    let rest = args.get(1..).unwrap_or_default();
    let help = rest.iter().any(|a| a == "--help" || a == "-h");
    let opts = |known: &[&str]| Options::parse(rest, known);
    match verb.as_deref() {
        None => Err(CliError::Usage(text::NO_COMMAND.into())),
        Some("--help" | "-h" | "help") => Ok(text::HELP.as_bytes().to_vec()),
        Some("--version" | "-V") => {
            Ok(format!("klimat {}\n", env!("CARGO_PKG_VERSION")).into_bytes())
        }
        Some(v) if help => Ok(text::verb_help(v).unwrap_or(text::HELP).as_bytes().to_vec()),
        Some("score") => {
            let o = opts(&["--instrument", "--input", "--key", "--survey"])?;
            o.no_positional()?;
            Ok(score::json(score::read(&o, db.as_deref())?.0))
        }
        Some("summary") => {
            let o = opts(&["--instrument", "--input", "--key", "--survey"])?;
            o.no_positional()?;
            let (input, k) = score::read(&o, db.as_deref())?;
            Ok(score::summary(input, k))
        }
        Some("survey") => {
            let sub = rest.first().map(String::as_str);
            let o = Options::parse_with_flags(
                rest.get(1..).unwrap_or_default(),
                &[
                    "--name",
                    "--instruments",
                    "--date",
                    "--org",
                    "--key",
                    "--subdivisions",
                    "--positions",
                    "--threshold",
                    "--survey",
                    "--staff-total",
                    "--staff",
                    "--prepared-position",
                    "--prepared-name",
                    "--approved-position",
                    "--approved-name",
                    "--proposals-file",
                ],
                &["--proposals-draft"],
            )?;
            o.no_positional()?;
            match sub {
                Some("create") => data::survey_create(db.as_deref(), &o),
                Some("report-settings") => data::report_settings(db.as_deref(), &o),
                Some("list") => data::survey_list(db.as_deref()),
                _ => Err(CliError::Usage(text::SURVEY_SUBCOMMAND.into())),
            }
        }
        Some("import") => data::import(db.as_deref(), &opts(&["--survey", "--instrument"])?),
        Some("entry") => data::entry(db.as_deref(), &opts(&["--survey", "--instrument"])?),
        Some("export") => data::export(
            db.as_deref(),
            &opts(&["--survey", "--instrument", "--out"])?,
        ),
        Some("template") => data::template(
            db.as_deref(),
            &opts(&["--survey", "--instrument", "--out"])?,
        ),
        Some("exchange") => {
            let sub = rest.first().map(String::as_str);
            let o = Options::parse(rest.get(1..).unwrap_or_default(), &["--survey", "--out"])?;
            match sub {
                Some("export") => data::exchange_export(db.as_deref(), &o),
                _ => Err(CliError::Usage(text::EXCHANGE_SUBCOMMAND.into())),
            }
        }
        Some("report") => report::report(
            db.as_deref(),
            &opts(&[
                "--survey",
                "--surveys",
                "--compare-surveys",
                "--pdf",
                "--xlsx",
                "--docx",
                "--compare-with",
                "--subdivision",
            ])?,
        ),
        Some("forms") => report::forms(
            db.as_deref(),
            &opts(&["--instrument", "--pdf", "--survey"])?,
        ),
        Some("texts") => report::texts(db.as_deref(), &opts(&["--survey", "--hide", "--show"])?),
        Some("verify") => data::verify(db.as_deref(), &opts(&["--survey", "--instrument"])?),
        Some("codes") => network::codes(
            db.as_deref(),
            &opts(&["--survey", "--count", "--pdf", "--txt", "--address"])?,
        ),
        Some("serve") => network::serve(db.as_deref(), &opts(&["--survey", "--listen"])?),
        Some("merge") => data::merge(db.as_deref(), &opts(&[])?),
        Some("backup") => data::backup(db.as_deref(), &opts(&["--out"])?),
        Some("restore") => data::restore(db.as_deref(), &opts(&[])?),
        Some("copies") => data::copies(db.as_deref(), &opts(&["--keep"])?),
        Some(other) => Err(CliError::Usage(format!(
            "{}: {other}",
            text::UNKNOWN_COMMAND
        ))),
    }
}
