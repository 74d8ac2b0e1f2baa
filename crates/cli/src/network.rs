//! `klimat codes` and `klimat serve`: the network form from the command
//! line (docs/network.md).

use std::io::Write;
use std::path::Path;
use std::sync::{Arc, Mutex};

use klimat_app::network;

use crate::args::Options;
use crate::data::open;
use crate::{CliError, text};

/// `klimat codes`: N access codes as slips (PDF) and, with `--txt`, one a
/// line; prints how many.
pub fn codes(db: Option<&str>, o: &Options) -> Result<Vec<u8>, CliError> {
    o.no_positional()?;
    let survey = o.survey_id()?;
    let count = o.require("--count")?;
    let count: usize = count
        .parse()
        .map_err(|_| CliError::Usage(format!("{}: {count}", text::BAD_CODE_COUNT)))?;
    let pdf = o.require("--pdf")?;
    let address = match o.get("--address") {
        Some(a) => a.to_owned(),
        None => network::addresses(
            network::parse_listen(network::DEFAULT_LISTEN).map_err(CliError::from)?,
        )
        .into_iter()
        .next()
        .unwrap_or_default(),
    };
    let mut db = open(db)?;
    let made = network::make_codes(
        &mut db,
        survey,
        count,
        &address,
        Path::new(pdf),
        o.get("--txt").map(Path::new),
    )?;
    Ok(text::codes_made(made.len(), pdf, &address).into_bytes())
}

/// `klimat serve`: serves the survey until the process is stopped
/// (Ctrl+C); says the addresses to give out, then each form as it comes
/// (a count, nothing about the client).
pub fn serve(db: Option<&str>, o: &Options) -> Result<Vec<u8>, CliError> {
    o.no_positional()?;
    let survey = o.survey_id()?;
    let listen = network::parse_listen(o.get("--listen").unwrap_or(network::DEFAULT_LISTEN))?;
    let db = Arc::new(Mutex::new(open(db)?));
    let shared = Arc::clone(&db);
    let with: klimat_serve::WithDb = Arc::new(move |f| {
        if let Ok(mut g) = shared.lock() {
            f(&mut g);
        }
    });
    let server = network::start(with, survey, listen)?;
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{}", text::SERVING);
    for a in network::addresses(server.addr()) {
        let _ = writeln!(out, "  {a}");
    }
    let _ = writeln!(out, "{}", text::SERVING_STOP);
    let _ = out.flush();
    drop(out);
    // Ctrl+C (or the system's request to end) stops the form and closes
    // the database cleanly: sealed, so that no byte order pairs a form
    // with its code, and the write-ahead log removed.
    let (stop_tx, stop_rx) = std::sync::mpsc::channel();
    ctrlc::set_handler(move || {
        let _ = stop_tx.send(());
    })
    .map_err(|e| CliError::Usage(format!("{}: {e}", text::NO_SIGNALS)))?;
    let mut shown = 0;
    loop {
        if stop_rx
            .recv_timeout(std::time::Duration::from_millis(500))
            .is_ok()
        {
            break;
        }
        let n = server.submitted();
        if n != shown {
            shown = n;
            eprintln!("{} {n}", text::SERVED_FORMS);
        }
    }
    server.stop();
    let db = match Arc::try_unwrap(db) {
        Ok(m) => m
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner),
        // Nothing else holds it once the server has stopped; if something
        // did, dropping the last handle seals it all the same.
        Err(_) => return Ok(text::SERVE_STOPPED.as_bytes().to_vec()),
    };
    db.close().map_err(klimat_app::AppError::from)?;
    Ok(text::SERVE_STOPPED.as_bytes().to_vec())
}
