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
/// Requests whose database work runs at once; the others wait their turn
/// (a slot is taken only once the request's body has arrived, so a slow
/// client never holds one).
pub const MAX_IN_FLIGHT: usize = 32;
/// The most client addresses remembered for the attempt limit.
const MAX_REMEMBERED: usize = 100_000;
/// The most fields a submission may have (a culture form has 68).
pub const MAX_FIELDS: usize = 200;
/// Failed code attempts a client may make per [`ATTEMPT_WINDOW`].
pub const MAX_FAILED_ATTEMPTS: u32 = 10;

/// What one client and all clients together may hold of the server.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// The longest a connection may take to send a request's headers, and
    /// may stay idle between requests; then it is closed.
    pub header: Duration,
    /// The longest a request's body may take to arrive.
    pub body: Duration,
    /// The longest a request whose body has arrived waits for a slot.
    pub queue: Duration,
    /// Connections one address may hold at once; further ones are closed
    /// at once.
    pub per_client: usize,
    /// Connections all clients may hold at once: with the window's own
    /// files this stays far below the usual 1 024 open files of a process.
    pub connections: usize,
    /// The longest a connection stays open; then it closes once no
    /// request of it is being handled.
    pub lifetime: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            header: Duration::from_secs(10),
            body: Duration::from_secs(20),
            queue: Duration::from_secs(30),
            per_client: 64,
            connections: 256,
            lifetime: Duration::from_secs(120),
        }
    }
}
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
    connections: Arc<Connections>,
}

impl Server {
    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Forms stored since it started (counted when their transaction
    /// commits, whether or not the employee's browser is still waiting).
    pub fn submitted(&self) -> u64 {
        self.submitted.load(Ordering::SeqCst)
    }

    /// Connections open now.
    pub fn connections(&self) -> usize {
        self.connections.total()
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

/// Open connections, per client address and in all, each with what is
/// needed to close it: when all the places are taken, a newcomer takes the
/// place of an idle connection of the address that holds the most, so that
/// a few PCs holding connections open cannot keep the others out.
#[derive(Default)]
struct Connections {
    state: Mutex<Registry>,
}

#[derive(Default)]
struct Registry {
    next: u64,
    open: HashMap<u64, Open>,
    per_client: HashMap<IpAddr, usize>,
}

/// One open connection.
struct Open {
    ip: IpAddr,
    since: Instant,
    /// Requests being handled on it now.
    busy: Arc<std::sync::atomic::AtomicUsize>,
    /// Closes it (it is dropped, mid-write or idle).
    close: Arc<tokio::sync::Notify>,
}

impl Connections {
    fn lock(&self) -> std::sync::MutexGuard<'_, Registry> {
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn total(&self) -> usize {
        self.lock().open.len()
    }

    /// Admits a connection from `ip` within `limits`; the guard counts it
    /// until dropped. Over the cap of all connections, the oldest idle
    /// connection of the address holding the most (more than `ip` would)
    /// is closed to make room; with none idle, the newcomer is refused.
    fn admit(self: &Arc<Self>, ip: IpAddr, limits: &Limits) -> Option<ConnectionGuard> {
        let mut r = self.lock();
        let mine = r.per_client.get(&ip).copied().unwrap_or(0);
        if mine >= limits.per_client {
            return None;
        }
        let closing = r.open.values().filter(|o| o.close_requested()).count();
        if r.open.len() - closing >= limits.connections {
            let victim = r
                .open
                .iter()
                .filter(|(_, o)| {
                    !o.close_requested()
                        && o.busy.load(Ordering::SeqCst) == 0
                        && r.per_client.get(&o.ip).copied().unwrap_or(0) > mine + 1
                })
                .max_by_key(|(_, o)| {
                    (
                        r.per_client.get(&o.ip).copied().unwrap_or(0),
                        std::cmp::Reverse(o.since),
                    )
                })
                .map(|(id, _)| *id)?;
            if let Some(o) = r.open.get(&victim) {
                o.request_close();
            }
        }
        r.next += 1;
        let id = r.next;
        let busy = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let close = Arc::new(tokio::sync::Notify::new());
        r.open.insert(
            id,
            Open {
                ip,
                since: Instant::now(),
                busy: Arc::clone(&busy),
                close: Arc::clone(&close),
            },
        );
        *r.per_client.entry(ip).or_insert(0) += 1;
        Some(ConnectionGuard {
            connections: Arc::clone(self),
            id,
            busy,
            close,
        })
    }
}

impl Open {
    fn request_close(&self) {
        // The permit stays until the connection's task takes it, so a
        // close asked before the task waits is not lost; the busy count
        // goes to a value no request reaches, to mark it.
        self.close.notify_one();
        self.busy.store(usize::MAX / 2, Ordering::SeqCst);
    }

    fn close_requested(&self) -> bool {
        self.busy.load(Ordering::SeqCst) >= usize::MAX / 2
    }
}

struct ConnectionGuard {
    connections: Arc<Connections>,
    id: u64,
    busy: Arc<std::sync::atomic::AtomicUsize>,
    close: Arc<tokio::sync::Notify>,
}

impl Drop for ConnectionGuard {
    fn drop(&mut self) {
        let mut r = self.connections.lock();
        if let Some(o) = r.open.remove(&self.id)
            && let Some(n) = r.per_client.get_mut(&o.ip)
        {
            *n -= 1;
            if *n == 0 {
                r.per_client.remove(&o.ip);
            }
        }
    }
}

/// Counts a request on its connection while it is handled.
struct BusyGuard(Arc<std::sync::atomic::AtomicUsize>);

impl BusyGuard {
    fn new(busy: &Arc<std::sync::atomic::AtomicUsize>) -> Self {
        busy.fetch_add(1, Ordering::SeqCst);
        BusyGuard(Arc::clone(busy))
    }
}

impl Drop for BusyGuard {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// The outcome of database work asked by a request.
enum Work<T> {
    Done(T),
    /// No slot came free within [`Limits::queue`].
    Busy,
    /// The database is not open.
    Closed,
}

struct Shared {
    with_db: WithDb,
    survey_id: i64,
    limits: Limits,
    /// The survey as last read (its lists are read again for every page
    /// that shows or checks a form).
    view: Mutex<SurveyView>,
    in_flight: Arc<tokio::sync::Semaphore>,
    submitted: Arc<AtomicU64>,
    /// Failed code attempts per client address, in memory only.
    attempts: Mutex<HashMap<IpAddr, (u32, Instant)>>,
}

impl Shared {
    /// Runs `f` with the database on a blocking thread, once a slot is
    /// free. Once started, the work runs to its end even if the request is
    /// dropped: nothing here cuts a transaction short.
    async fn db<T: Send + 'static>(
        self: &Arc<Self>,
        f: impl FnOnce(&mut Db, i64) -> T + Send + 'static,
    ) -> Work<T> {
        let Ok(Ok(permit)) = tokio::time::timeout(
            self.limits.queue,
            Arc::clone(&self.in_flight).acquire_owned(),
        )
        .await
        else {
            return Work::Busy;
        };
        let shared = Arc::clone(self);
        let out = tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let mut f = Some(f);
            let mut out = None;
            (shared.with_db)(&mut |db| {
                if let Some(f) = f.take() {
                    out = Some(f(db, shared.survey_id));
                }
            });
            out
        })
        .await;
        match out {
            Ok(Some(v)) => Work::Done(v),
            _ => Work::Closed,
        }
    }

    /// The survey as it is now: read again, or as last read when the
    /// database is busy.
    async fn view(self: &Arc<Self>) -> SurveyView {
        if let Work::Done(Ok(v)) = self.db(|db, id| db.survey(id).map(view_of)).await {
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
    /// time, so a client gets at most that many more in a window. Counted
    /// per address (IPv4-mapped as IPv4, IPv6 in full): a bound per IPv6
    /// network would let one host lock out its whole office network, while
    /// a host taking many addresses gains only guesses in a space of 31⁸
    /// codes (docs/network.md).
    fn attempt(&self, ip: IpAddr) -> bool {
        let map = self
            .attempts
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        !map.get(&ip.to_canonical())
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
        let e = map.entry(ip.to_canonical()).or_insert((0, Instant::now()));
        if e.1.elapsed() >= ATTEMPT_WINDOW {
            *e = (0, Instant::now());
        }
        e.0 += 1;
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

/// Starts serving `survey_id` on `listen` within the default [`Limits`]:
/// returns once the address is bound (a taken port is an error here, not
/// later).
///
/// # Errors
/// [`ServeError::Bind`], [`ServeError::Survey`].
pub fn start(with_db: WithDb, survey_id: i64, listen: SocketAddr) -> Result<Server, ServeError> {
    start_with(with_db, survey_id, listen, Limits::default())
}

/// [`start`] within the given limits (tests shorten the timeouts).
///
/// # Errors
/// [`ServeError::Bind`], [`ServeError::Survey`].
pub fn start_with(
    with_db: WithDb,
    survey_id: i64,
    listen: SocketAddr,
    limits: Limits,
) -> Result<Server, ServeError> {
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
    let connections = Arc::new(Connections::default());
    let shared = Arc::new(Shared {
        with_db,
        survey_id,
        limits,
        view: Mutex::new(view),
        in_flight: Arc::new(tokio::sync::Semaphore::new(MAX_IN_FLIGHT)),
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
    let open = Arc::clone(&connections);
    let thread = std::thread::Builder::new()
        .name("klimat-serve".into())
        .spawn(move || {
            runtime.block_on(async move {
                let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
                    return;
                };
                accept(listener, router(shared), open, limits, rx).await;
            });
            runtime.shutdown_timeout(Duration::from_secs(1));
        })
        .map_err(|e| ServeError::Bind(listen.to_string(), e))?;
    Ok(Server {
        addr,
        stop: Some(tx),
        thread: Some(thread),
        submitted,
        connections,
    })
}

/// Accepts connections until `stop`, each within `limits`: a connection
/// over the caps is closed at once, without a byte read; one that sends no
/// complete request head within [`Limits::header`] (or stays idle that
/// long between requests) is closed. Then waits a few seconds for the
/// requests under way.
async fn accept(
    listener: tokio::net::TcpListener,
    app: Router,
    connections: Arc<Connections>,
    limits: Limits,
    mut stop: tokio::sync::oneshot::Receiver<()>,
) {
    use tower::ServiceExt;
    loop {
        let (stream, peer) = tokio::select! {
            _ = &mut stop => break,
            r = listener.accept() => match r {
                Ok(c) => c,
                Err(_) => {
                    // Out of file descriptors, or the peer gone before it
                    // was accepted: wait a moment rather than spin.
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        let Some(guard) = connections.admit(peer.ip().to_canonical(), &limits) else {
            drop(stream);
            continue;
        };
        let app = app.clone();
        tokio::spawn(async move {
            let busy = Arc::clone(&guard.busy);
            let close = Arc::clone(&guard.close);
            let _guard = guard;
            let counted = Arc::clone(&busy);
            let service = hyper::service::service_fn(
                move |mut req: hyper::Request<hyper::body::Incoming>| {
                    req.extensions_mut().insert(ConnectInfo(peer));
                    let app = app.clone();
                    let handling = BusyGuard::new(&counted);
                    async move {
                        let r = app.oneshot(req).await;
                        drop(handling);
                        r
                    }
                },
            );
            let conn = hyper::server::conn::http1::Builder::new()
                .timer(hyper_util::rt::TokioTimer::new())
                .header_read_timeout(limits.header)
                .max_headers(64)
                .serve_connection(hyper_util::rt::TokioIo::new(stream), service);
            // A connection lives at most `limits.lifetime`, then closes as
            // soon as no request of it is being handled (a client that
            // never reads its replies cannot hold its place); it also
            // closes when a newcomer needs its place.
            let expired = async {
                tokio::time::sleep(limits.lifetime).await;
                while busy.load(Ordering::SeqCst) > 0
                    && busy.load(Ordering::SeqCst) < usize::MAX / 2
                {
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
            };
            tokio::select! {
                _ = conn => {}
                _ = close.notified() => {}
                _ = expired => {}
            }
        });
    }
    drop(listener);
    let deadline = Instant::now() + Duration::from_secs(5);
    while connections.total() > 0 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
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
            same_site,
        ))
        .layer(axum::middleware::map_response(secure))
        .with_state(shared)
}

/// Refuses a request addressed by a name that is not this computer's on
/// the office network (a site's own name pointed at this computer: DNS
/// rebinding), and a POST sent by a page of another site (a web page an
/// employee opens posting wrong codes from their browser, to lock them
/// out). Requests that say neither (not from a browser) pass: they could
/// set any header anyway.
async fn same_site(State(s): State<Arc<Shared>>, req: Request, next: Next) -> Response {
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if !host.is_empty() && !local_host(host) {
        return html(
            StatusCode::MISDIRECTED_REQUEST,
            pages::message_page(None, text::FOREIGN_HOST),
        );
    }
    if req.method() == axum::http::Method::POST && !same_origin(req.headers(), host) {
        return html(
            StatusCode::FORBIDDEN,
            pages::message_page(Some(&s.cached()), text::CROSS_SITE),
        );
    }
    next.run(req).await
}

/// Whether a Host header names this computer as the office network knows
/// it: an address, `localhost`, a one-word computer name, or a `.local`
/// name. A name with dots could be anyone's on the Internet.
fn local_host(host: &str) -> bool {
    let name = if let Some(rest) = host.strip_prefix('[') {
        // [IPv6]:port
        return rest.split_once(']').is_some_and(|(ip, port)| {
            ip.parse::<std::net::Ipv6Addr>().is_ok()
                && (port.is_empty() || port.strip_prefix(':').is_some_and(valid_port))
        });
    } else {
        match host.rsplit_once(':') {
            Some((name, port)) if valid_port(port) => name,
            Some(_) => return false,
            None => host,
        }
    };
    if name.parse::<std::net::Ipv4Addr>().is_ok() {
        return true;
    }
    let name = name.trim_end_matches('.').to_ascii_lowercase();
    let label_ok = |l: &str| {
        !l.is_empty()
            && l.len() <= 63
            && l.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    };
    match name.split_once('.') {
        None => label_ok(&name),
        Some((first, "local")) => label_ok(first),
        Some(_) => false,
    }
}

fn valid_port(p: &str) -> bool {
    !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit())
}

/// Whether a POST comes from this server's own pages: the browser's
/// `Sec-Fetch-Site` says so (or says the employee typed it), and `Origin`,
/// when sent, is this very host (`null` only where `Sec-Fetch-Site` vouches
/// for it: a browser too old to send that header gets no benefit of the
/// doubt for an opaque origin).
fn same_origin(headers: &HeaderMap, host: &str) -> bool {
    let get = |k: &str| headers.get(k).and_then(|v| v.to_str().ok());
    let site = get("sec-fetch-site");
    if site.is_some_and(|site| !matches!(site, "same-origin" | "none")) {
        return false;
    }
    match get("origin") {
        None => true,
        Some("null") => site.is_some(),
        Some(origin) => origin
            .strip_prefix("http://")
            .is_some_and(|o| !host.is_empty() && o.eq_ignore_ascii_case(host)),
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
    // Not "no-referrer": with it, browsers send `Origin: null` on the
    // form's own POSTs, and the cross-site check could not tell them apart.
    // "same-origin" sends nothing to another site.
    set(h, header::REFERRER_POLICY, "same-origin");
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
/// [`MAX_BODY_BYTES`] within [`Limits::body`].
async fn fields(
    limits: &Limits,
    headers: &HeaderMap,
    body: Body,
) -> Result<Vec<(String, String)>, Box<Response>> {
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
    let body: Bytes =
        match tokio::time::timeout(limits.body, axum::body::to_bytes(body, MAX_BODY_BYTES)).await {
            Ok(Ok(b)) => b,
            Ok(Err(_)) => return refuse(StatusCode::PAYLOAD_TOO_LARGE, text::TOO_LARGE),
            Err(_) => return refuse(StatusCode::REQUEST_TIMEOUT, text::TIMEOUT),
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
        Work::Busy => Err(Box::new(html(
            StatusCode::SERVICE_UNAVAILABLE,
            pages::message_page(Some(view), text::BUSY),
        ))),
        Work::Closed => Err(Box::new(html(
            StatusCode::SERVICE_UNAVAILABLE,
            pages::message_page(Some(view), text::UNAVAILABLE),
        ))),
        Work::Done(Err(_)) => Err(Box::new(html(
            StatusCode::INTERNAL_SERVER_ERROR,
            pages::message_page(Some(view), text::DATABASE_ERROR),
        ))),
        Work::Done(Ok(CodeState::Unknown)) => {
            s.failed(ip);
            Err(Box::new(html(
                StatusCode::FORBIDDEN,
                pages::code_page(view, Some(klimat_store::codes::CODE_UNKNOWN)),
            )))
        }
        Work::Done(Ok(CodeState::Valid { spent })) => Ok(open_of(view, &spent)),
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
    let pairs = match fields(&s.limits, &headers, body).await {
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
    let pairs = fields(&s.limits, headers, body).await?;
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
    // A client over the limit of failed codes waits; the answers stay on
    // the page, to be sent again after the wait.
    if !s.attempt(peer.ip()) {
        return html(
            StatusCode::TOO_MANY_REQUESTS,
            pages::form_page(
                &view,
                &code,
                instrument,
                &values,
                &[text::TOO_MANY_KEEP.to_owned()],
            ),
        );
    }
    // Counted where the transaction commits, so that a form whose
    // employee stopped waiting is counted all the same.
    let owned = code.clone();
    let counter = Arc::clone(&s.submitted);
    let result = s
        .db(move |db, id| {
            let r = db.add_network_form(id, &owned, &data);
            if r.is_ok() {
                counter.fetch_add(1, Ordering::SeqCst);
            }
            r
        })
        .await;
    // The answers come back on every page that does not store them.
    let kept = |status, m: &str| {
        html(
            status,
            pages::form_page(&view, &code, instrument, &values, &[m.to_owned()]),
        )
    };
    let result = match result {
        Work::Busy => return kept(StatusCode::SERVICE_UNAVAILABLE, text::BUSY),
        Work::Closed => return kept(StatusCode::SERVICE_UNAVAILABLE, text::UNAVAILABLE),
        Work::Done(r) => r,
    };
    match result {
        Ok(spent) => html(
            StatusCode::OK,
            pages::thanks_page(&view, &code, &open_of(&view, &spent)),
        ),
        Err(StoreError::CodeRefused(m)) if m == klimat_store::codes::CODE_UNKNOWN => {
            s.failed(peer.ip());
            html(StatusCode::FORBIDDEN, pages::code_page(&view, Some(m)))
        }
        Err(StoreError::CodeRefused(m)) => {
            html(StatusCode::CONFLICT, pages::message_page(Some(&view), m))
        }
        Err(StoreError::FormsRefused(problems)) => again(&values, &problems),
        Err(_) => kept(StatusCode::INTERNAL_SERVER_ERROR, text::DATABASE_ERROR),
    }
}
