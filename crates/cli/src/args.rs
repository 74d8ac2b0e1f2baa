//! A small `--name value` option parser: the verbs take few options, and
//! hand-written parsing keeps every message, including `--help`, in Russian.

use std::collections::HashMap;

use crate::{CliError, text};

/// The options of one verb.
#[derive(Debug, Default)]
pub struct Options {
    values: HashMap<String, String>,
}

impl Options {
    /// Parses `--name value` and `--name=value` pairs, accepting only `known`.
    pub fn parse(args: &[String], known: &[&str]) -> Result<Self, CliError> {
        let mut values = HashMap::new();
        let mut it = args.iter();
        while let Some(arg) = it.next() {
            let (name, value) = match arg.split_once('=') {
                Some((n, v)) if n.starts_with("--") => (n.to_owned(), v.to_owned()),
                _ => {
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
            if values.insert(name.clone(), value).is_some() {
                return Err(CliError::Usage(format!("{} {name}", text::REPEATED_OPTION)));
            }
        }
        Ok(Self { values })
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
}
