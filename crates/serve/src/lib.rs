//! The network form (docs/network.md): while the specialist has it
//! started, Klimat serves the survey's questionnaires on the office network
//! and each employee fills one from the PC on their own desk, admitted by a
//! one-time access code from a slip handed out at random.
//!
//! The server is axum on tokio (the Tauri runtime brings tokio already;
//! axum is its maintained HTTP framework, on hyper). Pages are plain HTML
//! forms rendered here ([`pages`]); a submission is an ordinary form POST
//! to `/submit` whose fields are the import template's column names plus
//! `access_code` and `instrument`, read by the import's own parser and
//! checked by the survey's rules, and stored with its code spent in one
//! transaction. Nothing about the client is stored: no address, no
//! browser, no time finer than the day; the address is held in memory only
//! to count failed code attempts.

#![forbid(unsafe_code)]

pub mod pages;
mod text;

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use klimat_core::Instrument;
use klimat_store::codes::CodeState;
use klimat_store::{Db, StoreError};

use pages::{SurveyView, Values};

/// How the server reaches the database: a call that runs the closure with
/// the open database (the window holds it behind its lock; the command
/// owns it). When the database is not open the closure is not run.
pub type WithDb = Arc<dyn Fn(&mut dyn FnMut(&mut Db)) + Send + Sync>;

/// The largest request body: a culture form with every text at its limit
/// (18 texts of 10 000 characters, percent-encoded Cyrillic: about 1,1 MB)
/// stays below.
pub const MAX_BODY_BYTES: usize = 2 * 1024 * 1024;
/// Requests handled at once; the others wait their turn.
pub const MAX_IN_FLIGHT: usize = 32;
/// The longest a request may take, its body included (a slow client
/// cannot hold the server or its stopping).
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// The most client addresses remembered for the attempt limit.
const MAX_REMEMBERED: usize = 100_000;
/// The most fields a submission may have (a culture form has 68).
pub const MAX_FIELDS: usize = 200;
/// Failed code attempts a client may make per [`ATTEMPT_WINDOW`].
pub const MAX_FAILED_ATTEMPTS: u32 = 10;
/// The window of [`MAX_FAILED_ATTEMPTS`].
pub const ATTEMPT_WINDOW: Duration = Duration::from_secs(600);

/// Why the server could not start.
#[derive(Debug)]
pub enum ServeError {
    /// The address cannot be listened on (taken, not this computer's).
    Bind(String, std::io::Error),
    /// The survey does not exist, or the database is not open.
    Survey(String),
}

impl std::fmt::Display for ServeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ServeError::Bind(addr, e) => {
                let why = match e.kind() {
                    std::io::ErrorKind::AddrInUse => BIND_IN_USE,
                    std::io::ErrorKind::AddrNotAvailable => BIND_NOT_HERE,
                    std::io::ErrorKind::PermissionDenied => BIND_DENIED,
                    _ => BIND_OTHER,
                };
                write!(f, "{BIND_FAILED} {addr}: {why}")
            }
            ServeError::Survey(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for ServeError {}

const BIND_FAILED: &str = "Не удалось начать заполнение по сети на адресе";
const BIND_IN_USE: &str = "порт уже занят другой программой; выберите другой порт.";
const BIND_NOT_HERE: &str = "такого адреса нет у этого компьютера.";
const BIND_DENIED: &str = "нет прав на этот порт; выберите порт больше 1024.";
const BIND_OTHER: &str = "адрес недоступен.";

/// A running server; dropping it stops it.
pub struct Server {
    addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
    submitted: Arc<AtomicU64>,
}

impl Server {
    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Forms stored since it started.
    pub fn submitted(&self) -> u64 {
        self.submitted.load(Ordering::SeqCst)
    }

    /// Stops listening; requests under way are finished first.
    pub fn stop(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        if let Some(tx) = self.stop.take() {
            let _ = tx.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.shutdown();
    }
}

struct Shared {
    with_db: WithDb,
    survey_id: i64,
    /// The survey as last read (its lists are read again for every page
    /// that shows or checks a form).
    view: Mutex<SurveyView>,
    in_flight: tokio::sync::Semaphore,
    submitted: Arc<AtomicU64>,
    /// Failed code attempts per client address, in memory only.
    attempts: Mutex<HashMap<IpAddr, (u32, Instant)>>,
}

impl Shared {
    /// Runs `f` with the database on a blocking thread; `None` when the
    /// database is not open.
    async fn db<T: Send + 'static>(
        self: &Arc<Self>,
        f: impl FnOnce(&mut Db, i64) -> T + Send + 'static,
    ) -> Option<T> {
        let shared = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            let mut f = Some(f);
            let mut out = None;
            (shared.with_db)(&mut |db| {
                if let Some(f) = f.take() {
                    out = Some(f(db, shared.survey_id));
                }
            });
            out
        })
        .await
        .ok()
        .flatten()
    }

    /// The survey as it is now: read again, or as last read when the
    /// database is busy.
    async fn view(self: &Arc<Self>) -> SurveyView {
        if let Some(Ok(v)) = self.db(|db, id| db.survey(id).map(view_of)).await {
            *self
                .view
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner) = v.clone();
            return v;
        }
        self.cached()
    }

    fn cached(&self) -> SurveyView {
        self.view
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// Whether a client may try a code: fewer than [`MAX_FAILED_ATTEMPTS`]
    /// failed in the window. Only failures count, so that employees behind
    /// one address (a terminal server) are not held back by valid codes;
    /// attempts sent at once pass together at most [`MAX_IN_FLIGHT`] at a
    /// time, so a client gets at most that many more in a window.
    fn attempt(&self, ip: IpAddr) -> bool {
        let map = self
            .attempts
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        !map.get(&client_key(ip))
            .is_some_and(|(n, since)| *n >= MAX_FAILED_ATTEMPTS && since.elapsed() < ATTEMPT_WINDOW)
    }

    /// A code that was not found.
    fn failed(&self, ip: IpAddr) {
        let mut map = self
            .attempts
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if map.len() >= MAX_REMEMBERED {
            map.retain(|_, (_, since)| since.elapsed() < ATTEMPT_WINDOW);
            if map.len() >= MAX_REMEMBERED {
                // Under a flood of addresses: forget, rather than grow.
                map.clear();
            }
        }
        let e = map.entry(client_key(ip)).or_insert((0, Instant::now()));
        if e.1.elapsed() >= ATTEMPT_WINDOW {
            *e = (0, Instant::now());
        }
        e.0 += 1;
    }
}

/// The key a client's attempts are counted under: its IPv4 address, or
/// the /64 network of an IPv6 one (a host picks addresses in it at will).
fn client_key(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => {
            let s = v6.segments();
            IpAddr::V6(std::net::Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
        }
        v4 => v4,
    }
}

fn view_of(s: klimat_store::Survey) -> SurveyView {
    SurveyView {
        name: s.settings.name,
        organization: s.settings.organization,
        instruments: s.settings.instruments,
        subdivisions: s.settings.subdivisions,
        positions: s.settings.positions,
    }
}

/// Starts serving `survey_id` on `listen`: returns once the address is
/// bound (a taken port is an error here, not later).
///
/// # Errors
/// [`ServeError::Bind`], [`ServeError::Survey`].
pub fn start(with_db: WithDb, survey_id: i64, listen: SocketAddr) -> Result<Server, ServeError> {
    let mut view = None;
    with_db(&mut |db| {
        view = Some(db.survey(survey_id).map(view_of));
    });
    let view = match view {
        None => return Err(ServeError::Survey(text::UNAVAILABLE.into())),
        Some(Err(e)) => return Err(ServeError::Survey(e.to_string())),
        Some(Ok(v)) => v,
    };
    let listener =
        std::net::TcpListener::bind(listen).map_err(|e| ServeError::Bind(listen.to_string(), e))?;
    listener
        .set_nonblocking(true)
        .map_err(|e| ServeError::Bind(listen.to_string(), e))?;
    let addr = listener
        .local_addr()
        .map_err(|e| ServeError::Bind(listen.to_string(), e))?;
    let submitted = Arc::new(AtomicU64::new(0));
    let shared = Arc::new(Shared {
        with_db,
        survey_id,
        view: Mutex::new(view),
        in_flight: tokio::sync::Semaphore::new(MAX_IN_FLIGHT),
        submitted: Arc::clone(&submitted),
        attempts: Mutex::new(HashMap::new()),
    });
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_io()
        .enable_time()
        .thread_name("klimat-serve")
        .build()
        .map_err(|e| ServeError::Bind(listen.to_string(), e))?;
    let thread = std::thread::Builder::new()
        .name("klimat-serve".into())
        .spawn(move || {
            runtime.block_on(async move {
                let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
                    return;
                };
                let app = router(shared);
                let (graceful, stop_serving) = tokio::sync::oneshot::channel::<()>();
                let serving = tokio::spawn(async move {
                    let _ = axum::serve(
                        listener,
                        app.into_make_service_with_connect_info::<SocketAddr>(),
                    )
                    .with_graceful_shutdown(async {
                        let _ = stop_serving.await;
                    })
                    .await;
                });
                // Stop asked (or the handle dropped): stop accepting, give
                // the requests under way a few seconds, then end.
                let _ = rx.await;
                let _ = graceful.send(());
                let _ = tokio::time::timeout(Duration::from_secs(5), serving).await;
            });
            runtime.shutdown_timeout(Duration::from_secs(1));
        })
        .map_err(|e| ServeError::Bind(listen.to_string(), e))?;
    Ok(Server {
        addr,
        stop: Some(tx),
        thread: Some(thread),
        submitted,
    })
}

fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/", get(home))
        .route("/style.css", get(style))
        .route("/start", get(home).post(start_page))
        .route("/form", get(home).post(form_page))
        .route("/submit", get(home).post(submit))
        .fallback(not_found)
        .method_not_allowed_fallback(not_allowed)
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&shared),
            bounded,
        ))
        .layer(axum::middleware::map_response(secure))
        .with_state(shared)
}

/// At most [`MAX_IN_FLIGHT`] requests at once (the others wait their turn,
/// their bodies not read yet), each within [`REQUEST_TIMEOUT`].
async fn bounded(State(s): State<Arc<Shared>>, req: Request, next: Next) -> Response {
    let Ok(Ok(_permit)) = tokio::time::timeout(REQUEST_TIMEOUT, s.in_flight.acquire()).await else {
        return html(
            StatusCode::SERVICE_UNAVAILABLE,
            pages::message_page(None, text::BUSY),
        );
    };
    match tokio::time::timeout(REQUEST_TIMEOUT, next.run(req)).await {
        Ok(r) => r,
        Err(_) => html(
            StatusCode::REQUEST_TIMEOUT,
            pages::message_page(None, text::TIMEOUT),
        ),
    }
}

/// Headers on every response: a CSP without script, no framing, no
/// sniffing, no referrer, and no caching of pages that hold answers.
async fn secure(mut r: Response) -> Response {
    let h = r.headers_mut();
    let set = |h: &mut HeaderMap, k: header::HeaderName, v: &'static str| {
        h.insert(k, HeaderValue::from_static(v));
    };
    set(
        h,
        header::CONTENT_SECURITY_POLICY,
        "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
    set(h, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(h, header::X_FRAME_OPTIONS, "DENY");
    set(h, header::REFERRER_POLICY, "no-referrer");
    set(h, header::CACHE_CONTROL, "no-store");
    r
}

fn html(status: StatusCode, body: String) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        body,
    )
        .into_response()
}

async fn home(State(s): State<Arc<Shared>>) -> Response {
    html(StatusCode::OK, pages::code_page(&s.view().await, None))
}

async fn not_allowed(State(s): State<Arc<Shared>>) -> Response {
    html(
        StatusCode::METHOD_NOT_ALLOWED,
        pages::message_page(Some(&s.cached()), text::NOT_FOUND),
    )
}

async fn style() -> Response {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        pages::STYLE,
    )
        .into_response()
}

async fn not_found(State(s): State<Arc<Shared>>) -> Response {
    html(
        StatusCode::NOT_FOUND,
        pages::message_page(Some(&s.cached()), text::NOT_FOUND),
    )
}

/// A form body: its fields in order, or the response that refuses it.
/// The type is checked before the body is read; the body is read up to
/// [`MAX_BODY_BYTES`].
async fn fields(headers: &HeaderMap, body: Body) -> Result<Vec<(String, String)>, Box<Response>> {
    let refuse = |status, m: &str| Err(Box::new(html(status, pages::message_page(None, m))));
    let form = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|essence| {
            essence
                .trim()
                .eq_ignore_ascii_case("application/x-www-form-urlencoded")
        });
    if !form {
        return refuse(StatusCode::UNSUPPORTED_MEDIA_TYPE, text::BAD_REQUEST);
    }
    let body: Bytes = match axum::body::to_bytes(body, MAX_BODY_BYTES).await {
        Ok(b) => b,
        Err(_) => return refuse(StatusCode::PAYLOAD_TOO_LARGE, text::TOO_LARGE),
    };
    let pairs: Vec<(String, String)> = form_urlencoded::parse(&body)
        .take(MAX_FIELDS + 1)
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    if pairs.len() > MAX_FIELDS {
        return refuse(StatusCode::PAYLOAD_TOO_LARGE, text::TOO_LARGE);
    }
    Ok(pairs)
}

fn field<'a>(pairs: &'a [(String, String)], name: &str) -> &'a str {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map_or("", |(_, v)| v.as_str())
}

/// Checks a code: the questionnaires it still admits, or the response that
/// refuses it (a failure counted).
async fn admit(
    s: &Arc<Shared>,
    view: &SurveyView,
    ip: IpAddr,
    code: &str,
) -> Result<Vec<Instrument>, Box<Response>> {
    if !s.attempt(ip) {
        return Err(Box::new(html(
            StatusCode::TOO_MANY_REQUESTS,
            pages::code_page(view, Some(text::TOO_MANY)),
        )));
    }
    let owned = code.to_owned();
    match s.db(move |db, id| db.code_state(id, &owned)).await {
        None => Err(Box::new(html(
            StatusCode::SERVICE_UNAVAILABLE,
            pages::message_page(Some(view), text::UNAVAILABLE),
        ))),
        Some(Err(_)) => Err(Box::new(html(
            StatusCode::INTERNAL_SERVER_ERROR,
            pages::message_page(Some(view), text::DATABASE_ERROR),
        ))),
        Some(Ok(CodeState::Unknown)) => {
            s.failed(ip);
            Err(Box::new(html(
                StatusCode::FORBIDDEN,
                pages::code_page(view, Some(klimat_store::codes::CODE_UNKNOWN)),
            )))
        }
        Some(Ok(CodeState::Valid { spent })) => Ok(open_of(view, &spent)),
    }
}

/// The survey's questionnaires a code has not been spent on.
fn open_of(view: &SurveyView, spent: &[Instrument]) -> Vec<Instrument> {
    view.instruments
        .iter()
        .copied()
        .filter(|i| !spent.contains(i))
        .collect()
}

async fn start_page(
    State(s): State<Arc<Shared>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let pairs = match fields(&headers, body).await {
        Ok(p) => p,
        Err(r) => return *r,
    };
    let view = s.view().await;
    let code = klimat_store::codes::printed_code(field(&pairs, "access_code"));
    match admit(&s, &view, peer.ip(), &code).await {
        Ok(open) => html(StatusCode::OK, pages::choose_page(&view, &code, &open)),
        Err(r) => *r,
    }
}

fn instrument_of(view: &SurveyView, id: &str) -> Option<Instrument> {
    Instrument::from_id(id).filter(|i| view.instruments.contains(i))
}

/// A request about one questionnaire (`/form`, `/submit`): its fields, the
/// survey as it is now, the code as printed and the questionnaire, or the
/// response that refuses it.
async fn questionnaire_request(
    s: &Arc<Shared>,
    headers: &HeaderMap,
    body: Body,
) -> Result<(Vec<(String, String)>, SurveyView, String, Instrument), Box<Response>> {
    let pairs = fields(headers, body).await?;
    let view = s.view().await;
    let code = klimat_store::codes::printed_code(field(&pairs, "access_code"));
    let Some(instrument) = instrument_of(&view, field(&pairs, "instrument")) else {
        return Err(Box::new(html(
            StatusCode::BAD_REQUEST,
            pages::message_page(Some(&view), text::NO_INSTRUMENT),
        )));
    };
    Ok((pairs, view, code, instrument))
}

async fn form_page(
    State(s): State<Arc<Shared>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let (_, view, code, instrument) = match questionnaire_request(&s, &headers, body).await {
        Ok(r) => r,
        Err(r) => return *r,
    };
    match admit(&s, &view, peer.ip(), &code).await {
        Ok(open) if open.contains(&instrument) => html(
            StatusCode::OK,
            pages::form_page(&view, &code, instrument, &Values::new(), &[]),
        ),
        Ok(_) => html(
            StatusCode::CONFLICT,
            pages::message_page(Some(&view), klimat_store::codes::CODE_SPENT),
        ),
        Err(r) => *r,
    }
}

/// The fields of a submission as the template's cells, in its column
/// order, with the values by name (to show the page again) and the
/// problems found (an unknown field, a field given twice).
fn cells(instrument: Instrument, pairs: &[(String, String)]) -> (Vec<String>, Values, Vec<String>) {
    let columns = klimat_store::export::columns(instrument);
    let labels = klimat_core::template::column_labels(instrument);
    let mut cells = vec![String::new(); columns.len()];
    let mut values = Values::new();
    let mut problems = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for (k, v) in pairs {
        if k == "access_code" || k == "instrument" {
            if seen.contains(&k.as_str()) {
                problems.push(format!("{} «{k}»", text::REPEATED_FIELD));
            }
            seen.push(k);
            continue;
        }
        // The code is Klimat's to give (a random one, as at the kiosk).
        let Some(i) = columns.iter().position(|c| c == k).filter(|&i| i > 0) else {
            problems.push(format!(
                "{} «{}»",
                text::UNKNOWN_FIELD,
                klimat_core::template::quote_value(k)
            ));
            continue;
        };
        let repeated = values.contains_key(k);
        values.entry(k.clone()).or_default().push(v.clone());
        if k == "n7_actors" || k == "n7_tech" {
            if !v.is_empty() {
                if !cells[i].is_empty() {
                    cells[i].push('|');
                }
                cells[i].push_str(v);
            }
        } else if repeated {
            problems.push(format!("{} «{}»", text::REPEATED_FIELD, labels[i]));
        } else {
            cells[i].clone_from(v);
        }
    }
    (cells, values, problems)
}

/// The problems of a refused form, named by the fields' labels.
fn template_problems(
    instrument: Instrument,
    e: &klimat_core::template::TemplateError,
) -> Vec<String> {
    use klimat_core::template::TemplateError;
    match e {
        TemplateError::Cells { cells, .. } => {
            klimat_store::import::labelled_cell_errors(instrument, cells)
        }
        TemplateError::NoForms => vec![text::EMPTY_FORM.to_owned()],
        other => vec![other.to_string()],
    }
}

async fn submit(
    State(s): State<Arc<Shared>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let (pairs, view, code, instrument) = match questionnaire_request(&s, &headers, body).await {
        Ok(r) => r,
        Err(r) => return *r,
    };
    let again = |values: &Values, problems: &[String]| {
        html(
            StatusCode::BAD_REQUEST,
            pages::form_page(&view, &code, instrument, values, problems),
        )
    };
    let (cells, values, problems) = cells(instrument, &pairs);
    if !problems.is_empty() {
        return again(&values, &problems);
    }
    let data = match klimat_store::import::form_from_cells(instrument, &cells) {
        Ok(d) => d,
        Err(e) => return again(&values, &template_problems(instrument, &e)),
    };
    // A client over the limit of failed codes waits.
    if !s.attempt(peer.ip()) {
        return html(
            StatusCode::TOO_MANY_REQUESTS,
            pages::code_page(&view, Some(text::TOO_MANY)),
        );
    }
    let owned = code.clone();
    let result = s
        .db(move |db, id| db.add_network_form(id, &owned, &data))
        .await;
    match result {
        None => html(
            StatusCode::SERVICE_UNAVAILABLE,
            pages::message_page(Some(&view), text::UNAVAILABLE),
        ),
        Some(Ok(spent)) => {
            s.submitted.fetch_add(1, Ordering::SeqCst);
            html(
                StatusCode::OK,
                pages::thanks_page(&view, &code, &open_of(&view, &spent)),
            )
        }
        Some(Err(StoreError::CodeRefused(m))) if m == klimat_store::codes::CODE_UNKNOWN => {
            s.failed(peer.ip());
            html(StatusCode::FORBIDDEN, pages::code_page(&view, Some(m)))
        }
        Some(Err(StoreError::CodeRefused(m))) => {
            html(StatusCode::CONFLICT, pages::message_page(Some(&view), m))
        }
        Some(Err(StoreError::FormsRefused(problems))) => again(&values, &problems),
        Some(Err(_)) => html(
            StatusCode::INTERNAL_SERVER_ERROR,
            pages::message_page(Some(&view), text::DATABASE_ERROR),
        ),
    }
}
