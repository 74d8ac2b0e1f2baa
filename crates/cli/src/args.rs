//! A small `--name value` option parser: the verbs take few options, and
//! hand-written parsing keeps every message, including `--help`, in Russian.

use std::collections::HashMap;

use crate::{CliError, text};

/// The options and positional arguments of one verb.
#[derive(Debug, Default)]
pub struct Options {
    values: HashMap<String, String>,
    flags: Vec<String>,
    /// Arguments that are not options, in order.
    pub positional: Vec<String>,
}

impl Options {
    /// Parses `--name value` and `--name=value` pairs, accepting only
    /// `known`; anything not starting with `--` is positional.
    pub fn parse(args: &[String], known: &[&str]) -> Result<Self, CliError> {
        Self::parse_with_flags(args, known, &[])
    }

    /// As [`Options::parse`], also accepting the value-less `flags`.
    pub fn parse_with_flags(
        args: &[String],
        known: &[&str],
        flags: &[&str],
    ) -> Result<Self, CliError> {
        let mut out = Options::default();
        let mut it = args.iter();
        while let Some(arg) = it.next() {
            if !arg.starts_with("--") {
                out.positional.push(arg.clone());
                continue;
            }
            if flags.contains(&arg.as_str()) {
                if out.flags.contains(arg) {
                    return Err(CliError::Usage(format!("{} {arg}", text::REPEATED_OPTION)));
                }
                out.flags.push(arg.clone());
                continue;
            }
            let (name, value) = match arg.split_once('=') {
                Some((n, v)) => (n.to_owned(), v.to_owned()),
                None => {
                    if !known.contains(&arg.as_str()) {
                        return Err(CliError::Usage(format!("{}: {arg}", text::UNKNOWN_OPTION)));
                    }
                    let value = it
                        .next()
                        .ok_or_else(|| CliError::Usage(format!("{} {arg}", text::MISSING_VALUE)))?;
                    (arg.clone(), value.clone())
                }
            };
            if !known.contains(&name.as_str()) {
                return Err(CliError::Usage(format!("{}: {name}", text::UNKNOWN_OPTION)));
            }
            if out.values.insert(name.clone(), value).is_some() {
                return Err(CliError::Usage(format!("{} {name}", text::REPEATED_OPTION)));
            }
        }
        Ok(out)
    }

    /// Whether a value-less flag was given.
    pub fn flag(&self, name: &str) -> bool {
        self.flags.iter().any(|f| f == name)
    }

    /// An optional value.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.values.get(name).map(String::as_str)
    }

    /// A required value.
    pub fn require(&self, name: &str) -> Result<&str, CliError> {
        self.get(name)
            .ok_or_else(|| CliError::Usage(format!("{} {name}", text::MISSING_OPTION)))
    }

    /// The one positional argument a verb takes.
    pub fn single_positional(&self, what: &str) -> Result<&str, CliError> {
        match self.positional.as_slice() {
            [one] => Ok(one),
            [] => Err(CliError::Usage(format!(
                "{} {what}",
                text::MISSING_ARGUMENT
            ))),
            _ => Err(CliError::Usage(text::TOO_MANY_ARGUMENTS.into())),
        }
    }

    /// Refuses positional arguments.
    pub fn no_positional(&self) -> Result<(), CliError> {
        match self.positional.first() {
            None => Ok(()),
            Some(p) => Err(CliError::Usage(format!(
                "{}: {p}",
                text::UNEXPECTED_ARGUMENT
            ))),
        }
    }

    /// `name` as a survey id.
    pub fn survey_id(&self) -> Result<i64, CliError> {
        let raw = self.require("--survey")?;
        raw.parse()
            .map_err(|_| CliError::Usage(format!("{}: {raw}", text::BAD_SURVEY_ID)))
    }
}

/// Takes the global `--db PATH` (or `--db=PATH`) out of `args`.
pub fn take_db(args: &mut Vec<String>) -> Result<Option<String>, CliError> {
    let mut db = None;
    let mut i = 0;
    while i < args.len() {
        if args[i] == "--db" {
            if i + 1 >= args.len() {
                return Err(CliError::Usage(format!("{} --db", text::MISSING_VALUE)));
            }
            db = Some(args.remove(i + 1));
            args.remove(i);
        } else if let Some(v) = args[i].strip_prefix("--db=") {
            db = Some(v.to_owned());
            args.remove(i);
        } else {
            i += 1;
        }
    }
    Ok(db)
}
