//! Filling the questionnaires over the office network (docs/network.md):
//! access codes printed as slips, the addresses to give out, and the
//! server started and stopped for the command and the window alike.

use std::net::{IpAddr, Ipv4Addr, SocketAddr, UdpSocket};
use std::path::Path;

use klimat_store::Db;

use crate::error::{AppError, Result};
use crate::files::{require_extension, write_output};
use crate::text;

/// The address and port listened on unless another is chosen: every
/// address of this computer, port 8080.
pub const DEFAULT_LISTEN: &str = "0.0.0.0:8080";

/// Parses an «address:port» to listen on.
///
/// # Errors
/// [`AppError::Refused`] naming what is wrong.
pub fn parse_listen(text: &str) -> Result<SocketAddr> {
    let t = text.trim();
    t.parse().map_err(|_| {
        AppError::Refused(format!(
            "{} «{t}»: {}",
            text::BAD_LISTEN,
            text::BAD_LISTEN_HINT
        ))
    })
}

/// This computer's address on the office network, as far as it can tell
/// without sending anything: the local end of a UDP socket "connected" to
/// a private address (no packet leaves). `None` without a network.
pub fn lan_address() -> Option<IpAddr> {
    let s = UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0)).ok()?;
    s.connect((Ipv4Addr::new(10, 255, 255, 255), 9)).ok()?;
    let ip = s.local_addr().ok()?.ip();
    (!ip.is_unspecified() && !ip.is_loopback()).then_some(ip)
}

/// The addresses to give out for a server listening on `listen`: its own
/// address, or for «every address» this computer's address on the network
/// (and 127.0.0.1 for this computer itself).
pub fn addresses(listen: SocketAddr) -> Vec<String> {
    let url = |ip: IpAddr| match ip {
        IpAddr::V6(v6) => format!("http://[{v6}]:{}/", listen.port()),
        IpAddr::V4(v4) => format!("http://{v4}:{}/", listen.port()),
    };
    if listen.ip().is_unspecified() {
        let mut out: Vec<String> = lan_address().into_iter().map(url).collect();
        out.push(url(IpAddr::V4(Ipv4Addr::LOCALHOST)));
        out
    } else {
        vec![url(listen.ip())]
    }
}

/// Makes `count` access codes for a survey and writes them as slips (PDF)
/// with `address` on each, and, when asked, as text (one code a line, for
/// scripts). Returns the codes. The codes are stored (hashed) first: if a
/// file cannot be written, the codes made are unused and harmless.
///
/// # Errors
/// A count outside 1–10 000; a file name without .pdf (.txt); the files'.
pub fn make_codes(
    db: &mut Db,
    survey: i64,
    count: usize,
    address: &str,
    pdf: &Path,
    txt: Option<&Path>,
) -> Result<Vec<String>> {
    require_extension(pdf, "pdf", ".pdf")?;
    if let Some(t) = txt {
        require_extension(t, "txt", ".txt")?;
    }
    let s = db.survey(survey)?;
    let codes = db.create_codes(survey, count)?;
    let bytes = klimat_report::slips::render(
        &s.settings.name,
        s.settings.organization.as_deref(),
        address,
        &codes,
    );
    write_output(pdf, &bytes)?;
    if let Some(t) = txt {
        let mut text = codes.join("\n");
        text.push('\n');
        write_output(t, text.as_bytes())?;
    }
    Ok(codes)
}

/// Starts the network form of a survey.
///
/// # Errors
/// The address cannot be listened on; no such survey.
pub fn start(
    with_db: klimat_serve::WithDb,
    survey: i64,
    listen: SocketAddr,
) -> Result<klimat_serve::Server> {
    klimat_serve::start(with_db, survey, listen).map_err(|e| AppError::Refused(e.to_string()))
}
