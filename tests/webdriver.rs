//! A minimal W3C WebDriver client over HTTP/1.1 (std only), enough to drive
//! the Klimat window through tauri-driver and WebKitWebDriver.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// The key codes of the WebDriver spec.
pub mod keys {
    /// Enter.
    pub const ENTER: char = '\u{E007}';
    /// Backspace.
    pub const BACKSPACE: char = '\u{E003}';
    /// Home.
    pub const HOME: char = '\u{E011}';
}

/// A WebDriver session.
pub struct Session {
    port: u16,
    id: String,
    token: std::cell::Cell<u64>,
}

/// Sends a request; retries when the driver closes the connection without
/// an answer (tauri-driver does that now and then when its pooled connection
/// to WebKitWebDriver went stale; nothing was executed then).
fn request(port: u16, method: &str, path: &str, body: Option<&Value>) -> Result<Value, String> {
    let mut last = String::new();
    for attempt in 0..6 {
        match request_once(port, method, path, body) {
            Err(e) if e.starts_with("no HTTP response") => {
                last = e;
                std::thread::sleep(Duration::from_millis(150 * (attempt + 1)));
            }
            other => return other,
        }
    }
    Err(last)
}

fn request_once(
    port: u16,
    method: &str,
    path: &str,
    body: Option<&Value>,
) -> Result<Value, String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).map_err(|e| e.to_string())?;
    stream.set_read_timeout(Some(Duration::from_secs(60))).ok();
    let body = body.map(Value::to_string).unwrap_or_default();
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream
        .write_all(head.as_bytes())
        .map_err(|e| e.to_string())?;
    stream
        .write_all(body.as_bytes())
        .map_err(|e| e.to_string())?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).map_err(|e| e.to_string())?;
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(|| format!("no HTTP response to {method} {path} ({} bytes)", raw.len()))?;
    let headers = String::from_utf8_lossy(&raw[..split]).to_lowercase();
    let mut payload = raw[split + 4..].to_vec();
    if headers.contains("transfer-encoding: chunked") {
        let mut out = Vec::new();
        let mut rest = &payload[..];
        loop {
            let eol = rest
                .windows(2)
                .position(|w| w == b"\r\n")
                .ok_or("bad chunk")?;
            let size = usize::from_str_radix(String::from_utf8_lossy(&rest[..eol]).trim(), 16)
                .map_err(|e| e.to_string())?;
            if size == 0 {
                break;
            }
            out.extend_from_slice(&rest[eol + 2..eol + 2 + size]);
            rest = &rest[eol + 2 + size + 2..];
        }
        payload = out;
    }
    let v: Value = serde_json::from_slice(&payload)
        .map_err(|e| format!("{e}: {}", String::from_utf8_lossy(&payload)))?;
    match v.get("value") {
        Some(val) if val.get("error").is_some() => Err(val.to_string()),
        Some(val) => Ok(val.clone()),
        None => Ok(v),
    }
}

impl Session {
    /// Starts the application at `binary` through the driver on `port`.
    pub fn start(port: u16, binary: &str) -> Result<Session, String> {
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "wry",
            "tauri:options": {"application": binary}
        }}});
        let v = request(port, "POST", "/session", Some(&caps))?;
        let id = v["sessionId"].as_str().ok_or("no session id")?.to_owned();
        Ok(Session {
            port,
            id,
            token: std::cell::Cell::new(0),
        })
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value, String> {
        request(
            self.port,
            method,
            &format!("/session/{}{path}", self.id),
            body.as_ref(),
        )
    }

    /// Runs a script in the page and returns its value.
    pub fn execute(&self, script: &str, args: Value) -> Result<Value, String> {
        self.call(
            "POST",
            "/execute/sync",
            Some(json!({"script": script, "args": args})),
        )
    }

    /// Runs an async script (the last argument is the callback).
    pub fn execute_async(&self, script: &str, args: Value) -> Result<Value, String> {
        self.call(
            "POST",
            "/execute/async",
            Some(json!({"script": script, "args": args})),
        )
    }

    /// The element matching `css`, waiting up to `timeout`.
    pub fn find(&self, css: &str, timeout: Duration) -> Result<String, String> {
        let start = Instant::now();
        loop {
            match self.call(
                "POST",
                "/element",
                Some(json!({"using": "css selector", "value": css})),
            ) {
                Ok(v) => {
                    if let Some(id) = v
                        .as_object()
                        .and_then(|o| o.values().next())
                        .and_then(Value::as_str)
                    {
                        return Ok(id.to_owned());
                    }
                }
                Err(e) if start.elapsed() > timeout => return Err(format!("{css}: {e}")),
                Err(_) => {}
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Runs `body` once in the page, even if the request is retried: the
    /// driver sometimes drops an answer after doing the work, so every
    /// action carries a token the page remembers.
    fn act(&self, body: &str, args: Value) -> Result<(), String> {
        let token = self.token.get() + 1;
        self.token.set(token);
        let script = format!(
            "window.__e2e = window.__e2e || {{}};
             if (window.__e2e[{token}]) return true;
             window.__e2e[{token}] = true;
             {body}
             return true;"
        );
        self.execute(&script, args).map(|_| ())
    }

    /// Clicks the element matching `css`.
    pub fn click(&self, css: &str) -> Result<(), String> {
        self.find(css, Duration::from_secs(20))?;
        self.act(
            "document.querySelector(arguments[0]).click();",
            json!([css]),
        )
    }

    /// Types `text` at the end of an input or textarea.
    pub fn type_into(&self, css: &str, text: &str) -> Result<(), String> {
        self.find(css, Duration::from_secs(20))?;
        self.act(
            "const el = document.querySelector(arguments[0]);
             el.focus(); el.value += arguments[1];
             el.dispatchEvent(new Event('input', {bubbles: true}));
             el.dispatchEvent(new Event('change', {bubbles: true}));",
            json!([css, text]),
        )
    }

    /// Chooses `value` in the select matching `css`.
    pub fn choose(&self, css: &str, value: &str) -> Result<(), String> {
        self.find(css, Duration::from_secs(20))?;
        self.act(
            "const el = document.querySelector(arguments[0]); el.value = arguments[1];
             el.dispatchEvent(new Event('change', {bubbles: true}));",
            json!([css, value]),
        )
    }

    /// Clears an input.
    pub fn clear(&self, css: &str) -> Result<(), String> {
        self.find(css, Duration::from_secs(20))?;
        self.act(
            "const el = document.querySelector(arguments[0]); el.value = '';
             el.dispatchEvent(new Event('input', {bubbles: true}));",
            json!([css]),
        )
    }

    /// Dispatches keydown events of `keys` (DOM key names: "1", "Enter",
    /// "Home") to the element matching `css`, as the keyboard would. (The
    /// driver's key actions dropped the connection here.)
    pub fn dispatch_keys(&self, css: &str, keys: &[&str]) -> Result<(), String> {
        self.act(
            "const el = document.querySelector(arguments[0]);
             for (const key of arguments[1]) {
               el.dispatchEvent(new KeyboardEvent('keydown', {key, bubbles: true, cancelable: true}));
             }",
            json!([css, keys]),
        )
    }

    /// The page's visible text.
    pub fn text(&self) -> Result<String, String> {
        self.execute("return document.body.innerText;", json!([]))
            .map(|v| v.as_str().unwrap_or_default().to_owned())
    }

    /// Waits until the page text contains `needle`.
    pub fn wait_text(&self, needle: &str, timeout: Duration) -> Result<(), String> {
        let start = Instant::now();
        loop {
            if self.text()?.contains(needle) {
                return Ok(());
            }
            if start.elapsed() > timeout {
                return Err(format!("text «{needle}» did not appear"));
            }
            std::thread::sleep(Duration::from_millis(150));
        }
    }

    /// Resizes the window (its outer size), as a user with a smaller
    /// screen has it.
    pub fn set_window_size(&self, width: u32, height: u32) -> Result<(), String> {
        self.call(
            "POST",
            "/window/rect",
            Some(json!({"width": width, "height": height})),
        )
        .map(|_| ())
    }

    /// A PNG screenshot of the window.
    pub fn screenshot(&self) -> Result<Vec<u8>, String> {
        let v = self.call("GET", "/screenshot", None)?;
        decode_base64(v.as_str().ok_or("no screenshot")?)
    }

    /// Ends the session (closes the app).
    pub fn quit(self) {
        let _ = self.call("DELETE", "", None);
    }
}

fn decode_base64(s: &str) -> Result<Vec<u8>, String> {
    const T: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut buf, mut bits) = (0u32, 0);
    for c in s.bytes().filter(|c| !c.is_ascii_whitespace() && *c != b'=') {
        let v = T.iter().position(|&t| t == c).ok_or("bad base64")? as u32;
        buf = buf << 6 | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buf >> bits) as u8);
        }
    }
    Ok(out)
}
