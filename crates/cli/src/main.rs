//! The `klimat` command: a thin layer over `klimat-core` for scripts and
//! tests. `main` only maps the result of [`run`] to an exit code; every
//! message is in [`text`].

#![forbid(unsafe_code)]

mod args;
mod json;
mod score;
mod text;

use std::io::Write;
use std::process::ExitCode;

/// Why a command was refused. Every refusal exits with status 2.
#[derive(Debug)]
pub enum CliError {
    /// Bad command line.
    Usage(String),
    /// A file that cannot be read or is refused.
    Input(String),
}

impl std::fmt::Display for CliError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CliError::Usage(m) => write!(f, "klimat: {m}\n{}", text::SEE_HELP),
            CliError::Input(m) => write!(f, "klimat: {m}"),
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(output) => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`klimat … | head`) is not an error of ours.
            match stdout.write_all(&output).and_then(|()| stdout.flush()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(_) => ExitCode::FAILURE,
            }
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}

/// Runs a command line and returns what goes to stdout; nothing is printed
/// unless the whole command succeeded.
fn run(args: &[String]) -> Result<Vec<u8>, CliError> {
    match args.first().map(String::as_str) {
        None => Err(CliError::Usage(text::NO_COMMAND.into())),
        Some("--help" | "-h" | "help") => Ok(text::HELP.as_bytes().to_vec()),
        Some("--version" | "-V") => {
            Ok(format!("klimat {}\n", env!("CARGO_PKG_VERSION")).into_bytes())
        }
        Some(verb @ ("score" | "summary")) => {
            let opts = args::Options::parse(&args[1..], &["--instrument", "--input", "--key"])?;
            let input = score::read(&opts)?;
            Ok(if verb == "score" {
                score::json(input)
            } else {
                score::summary(input)
            })
        }
        Some(other) => Err(CliError::Usage(format!(
            "{}: {other}",
            text::UNKNOWN_COMMAND
        ))),
    }
}
