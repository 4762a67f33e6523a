//! HTTP: the site from memory (never from disk), the live-reload script and its WebSocket.

use super::state::AppState;
use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::extract::ws::{Message as WsMessage, WebSocket, WebSocketUpgrade};
use axum::http::{HeaderValue, Request, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use bytes::Bytes;
use std::sync::Arc;

/// The live-reload script served at `/__docent/live.js` and injected into every HTML page
/// served; never part of a built site.
pub const LIVE_JS: &str = include_str!("live.js");
const LIVE_TAG: &str = "<script src=\"/__docent/live.js\" defer></script>";

/// The most pages that may listen for reloads at once: a preview has a handful; a script
/// opening thousands of sockets gets 503 rather than the server's memory.
pub const MAX_CLIENTS: usize = 256;
/// How often an open page is pinged, and how long it may stay silent before it is dropped
/// (a laptop lid closed, a network gone, a client that never reads).
const PING_EVERY: std::time::Duration = std::time::Duration::from_secs(15);
const SILENT_FOR: std::time::Duration = std::time::Duration::from_secs(45);

/// The preview's routes: the reload WebSocket, the live-reload script, and every other
/// path from the site in `state`; requests `guard` does not accept are refused first.
pub fn router(state: Arc<AppState>, guard: Guard) -> Router {
    Router::new()
        .route("/__docent/ws", get(websocket))
        .route("/__docent/live.js", get(live_js))
        .fallback(get(site_file))
        .layer(axum::middleware::from_fn_with_state(guard, check_host))
        .with_state(state)
}

/// Which names the server answers to. A page on another site can make a browser send
/// requests here (DNS rebinding points its name at 127.0.0.1); those carry that site's name
/// in `Host` and `Origin`, and are refused.
#[derive(Debug, Clone)]
pub struct Guard {
    names: Vec<String>,
    port: u16,
    /// Bound to every address (`--bind 0.0.0.0`): any IP literal names this machine.
    any_ip: bool,
}

impl Guard {
    /// The guard of a server listening on `bind` and `port` (the port WebSocket origins
    /// must use): it answers to `localhost`, loopback and `bind`; bound to every address,
    /// also to this machine's host name and any IP literal.
    pub fn new(bind: std::net::IpAddr, port: u16) -> Self {
        let mut names = vec![
            "localhost".to_string(),
            "127.0.0.1".to_string(),
            "::1".to_string(),
            bind.to_string(),
        ];
        if bind.is_unspecified()
            && let Ok(host) = std::fs::read_to_string("/proc/sys/kernel/hostname")
        {
            let host = host.trim().to_ascii_lowercase();
            if !host.is_empty() {
                names.push(format!("{host}.local"));
                names.push(host);
            }
        }
        Self {
            names,
            port,
            any_ip: bind.is_unspecified(),
        }
    }

    /// Whether a `Host` header value (`name`, `name:port`, `[v6]:port`) names this server.
    pub fn host_ok(&self, host: &str) -> bool {
        let (name, _) = split_host(host);
        self.name_ok(&name)
    }

    /// Whether a WebSocket `Origin` is a page of this site: same name rules, this port.
    pub fn origin_ok(&self, origin: &str) -> bool {
        let Some(rest) = origin.strip_prefix("http://") else {
            return false;
        };
        let (name, port) = split_host(rest);
        port == Some(self.port) && self.name_ok(&name)
    }

    fn name_ok(&self, name: &str) -> bool {
        let name = name.trim_end_matches('.').to_ascii_lowercase();
        self.names.contains(&name)
            || name.ends_with(".localhost")
            || (self.any_ip && name.parse::<std::net::IpAddr>().is_ok())
    }
}

/// `host[:port]` or `[v6][:port]` → (host without brackets, port); anything else after the
/// name (`[::1]junk`, `host:port:x`) gives an empty name, which no rule accepts.
fn split_host(value: &str) -> (String, Option<u16>) {
    let value = value.trim();
    let (name, port) = match value.strip_prefix('[') {
        Some(rest) => {
            let (name, after) = rest.split_once(']').unwrap_or((rest, "!"));
            (name, after)
        }
        None => match value.rsplit_once(':') {
            Some((name, _)) if !name.contains(':') => (name, value.get(name.len()..).unwrap_or("")),
            _ => (value, ""),
        },
    };
    match port {
        "" => (name.to_string(), None),
        p => match p.strip_prefix(':').map(str::parse::<u16>) {
            Some(Ok(port)) => (name.to_string(), Some(port)),
            _ => (String::new(), None),
        },
    }
}

/// Refuses requests whose `Host` is not this server, and WebSocket upgrades from pages of
/// other sites.
async fn check_host(
    State(guard): State<Guard>,
    request: Request<Body>,
    next: axum::middleware::Next,
) -> Response {
    let (host, origin, authority_ok) = {
        let header = |name| {
            request
                .headers()
                .get(name)
                .and_then(|v: &HeaderValue| v.to_str().ok())
                .map(str::to_string)
        };
        // One readable Host; an absolute-form target's authority (`GET http://x/`) must
        // name this server too.
        let hosts = request.headers().get_all(header::HOST).iter().count();
        let host = match hosts {
            0 => request.uri().authority().map(|a| a.to_string()),
            1 => header(header::HOST),
            _ => None,
        };
        let authority_ok = request
            .uri()
            .authority()
            .is_none_or(|a| guard.host_ok(a.as_str()));
        (host, header(header::ORIGIN), authority_ok)
    };
    if !authority_ok || !host.as_deref().is_some_and(|h| guard.host_ok(h)) {
        return respond(
            StatusCode::MISDIRECTED_REQUEST,
            "text/plain; charset=utf-8",
            Bytes::from(format!(
                "docent serve answers requests for localhost and 127.0.0.1 only, not for `{}`\n",
                host.unwrap_or_default()
            )),
        );
    }
    if let Some(origin) = origin
        && request.uri().path() == "/__docent/ws"
        && !guard.origin_ok(&origin)
    {
        return respond(
            StatusCode::FORBIDDEN,
            "text/plain; charset=utf-8",
            Bytes::from_static(b"live reload is only for pages of this preview\n"),
        );
    }
    next.run(request).await
}

/// Serves `app` on `listener` until `shutdown`: HTTP/1.1 with WebSocket upgrades, and a
/// limit on how long a client may take to send its request headers.
pub async fn serve_until(
    listener: tokio::net::TcpListener,
    app: Router,
    shutdown: impl std::future::Future<Output = ()>,
) {
    use hyper_util::rt::{TokioIo, TokioTimer};
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            () = &mut shutdown => return,
        };
        let stream = match accepted {
            Ok((stream, _)) => stream,
            Err(e) => {
                // Out of file descriptors and the like: wait a moment rather than spin.
                tracing::debug!("accept: {e}");
                tokio::time::sleep(std::time::Duration::from_millis(20)).await;
                continue;
            }
        };
        // The reload channel sends small frames back to back ("ok", then "reload"): with
        // Nagle's algorithm the second waits for the browser's delayed ACK, ~40 ms.
        if let Err(e) = stream.set_nodelay(true) {
            tracing::debug!("nodelay: {e}");
        }
        let service = hyper_util::service::TowerToHyperService::new(app.clone());
        tokio::spawn(async move {
            let connection = hyper::server::conn::http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(std::time::Duration::from_secs(10))
                .serve_connection(TokioIo::new(stream), service)
                .with_upgrades();
            if let Err(e) = connection.await {
                tracing::debug!("connection: {e}");
            }
        });
    }
}

async fn live_js() -> Response {
    respond(
        StatusCode::OK,
        "text/javascript; charset=utf-8",
        Bytes::from_static(LIVE_JS.as_bytes()),
    )
}

async fn websocket(ws: WebSocketUpgrade, State(state): State<Arc<AppState>>) -> Response {
    let Some(seat) = state.clients.seat(MAX_CLIENTS) else {
        return respond(
            StatusCode::SERVICE_UNAVAILABLE,
            "text/plain; charset=utf-8",
            Bytes::from_static(b"too many open pages\n"),
        );
    };
    ws.max_message_size(64 * 1024)
        .on_upgrade(move |socket| client(socket, state, seat))
}

/// One open page: sends it the current error (if any), then every message after, until it
/// leaves or stays silent too long. `_seat` frees its place when this ends.
async fn client(mut socket: WebSocket, state: Arc<AppState>, _seat: super::state::Seat) {
    let mut rx = state.tx.subscribe();
    if let Some(error) = state.error()
        && let Ok(text) = serde_json::to_string(&error)
        && socket.send(WsMessage::Text(text.into())).await.is_err()
    {
        return;
    }
    let mut ping = tokio::time::interval(PING_EVERY);
    ping.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut heard = tokio::time::Instant::now();
    loop {
        tokio::select! {
            message = rx.recv() => match message {
                Ok(m) => {
                    let Ok(text) = serde_json::to_string(&m) else { continue };
                    if socket.send(WsMessage::Text(text.into())).await.is_err() {
                        return;
                    }
                }
                Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => continue,
                Err(_) => return,
            },
            incoming = socket.recv() => match incoming {
                Some(Ok(WsMessage::Close(_))) | None | Some(Err(_)) => return,
                Some(Ok(_)) => heard = tokio::time::Instant::now(),
            },
            _ = ping.tick() => {
                if heard.elapsed() > SILENT_FOR
                    || socket.send(WsMessage::Ping(Bytes::new())).await.is_err()
                {
                    return;
                }
            }
        }
    }
}

/// Serves a file of the in-memory site. Paths are decoded and checked segment by segment:
/// anything that could name a file outside the site (`..`, encoded or not, backslashes,
/// NUL) is a 404, and nothing is ever read from disk here.
async fn site_file(State(state): State<Arc<AppState>>, request: Request<Body>) -> Response {
    let raw_path = request.uri().path();
    let query = request
        .uri()
        .query()
        .map(|q| format!("?{q}"))
        .unwrap_or_default();
    let site = state.site();
    let Some(segments) = safe_segments(raw_path) else {
        return not_found(&site);
    };
    let key = segments.join("/");
    let dir_request = raw_path.ends_with('/') || key.is_empty();
    let lookup = if dir_request {
        if key.is_empty() {
            "index.html".to_string()
        } else {
            format!("{key}/index.html")
        }
    } else {
        key.clone()
    };
    if let Some(bytes) = site.get(&lookup) {
        return file_response(&lookup, bytes.clone(), StatusCode::OK);
    }
    if !dir_request && site.get(&format!("{key}/index.html")).is_some() {
        // Built from the checked segments: never `//host/…`, which a browser would read as
        // another site.
        let location = format!("/{key}/{query}");
        let mut response = Response::new(Body::empty());
        *response.status_mut() = StatusCode::MOVED_PERMANENTLY;
        if let Ok(value) = HeaderValue::from_str(&location) {
            response.headers_mut().insert(header::LOCATION, value);
        }
        no_store(&mut response);
        return response;
    }
    not_found(&site)
}

/// The path's segments after percent-decoding, or `None` when any could escape the site.
pub fn safe_segments(raw: &str) -> Option<Vec<String>> {
    let mut out = Vec::new();
    for part in raw.split('/') {
        let decoded = percent_encoding::percent_decode_str(part)
            .decode_utf8()
            .ok()?;
        if decoded.is_empty() {
            continue;
        }
        if decoded == "."
            || decoded == ".."
            || decoded.contains(['/', '\\', '\0'])
            || decoded.contains(':')
        {
            return None;
        }
        out.push(decoded.into_owned());
    }
    Some(out)
}

/// Every page's answer while no build has succeeded yet: a page that connects to the
/// server, so it shows the error overlay now and reloads once the course builds.
const NO_SITE_YET: &str = "<!DOCTYPE html>\n<html lang=\"en\" data-docent-no-site>\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<title>The course does not build yet</title>\n</head>\n<body>\n\
<h1>The course does not build yet</h1>\n\
<p>docent shows what stops it above. Save the fix and this page reloads.</p>\n</body>\n</html>\n";

fn not_found(site: &crate::site::Site) -> Response {
    if site.files.is_empty() {
        return file_response(
            "index.html",
            Bytes::from_static(NO_SITE_YET.as_bytes()),
            StatusCode::SERVICE_UNAVAILABLE,
        );
    }
    match site.get("404.html") {
        Some(bytes) => file_response("404.html", bytes.clone(), StatusCode::NOT_FOUND),
        None => respond(
            StatusCode::NOT_FOUND,
            "text/plain; charset=utf-8",
            Bytes::from_static(b"404 not found"),
        ),
    }
}

fn file_response(path: &str, bytes: Bytes, status: StatusCode) -> Response {
    let kind = content_type(path);
    if kind.starts_with("text/html") {
        return respond(status, kind, inject_live_script(&bytes));
    }
    respond(status, kind, bytes)
}

/// Adds the live-reload script to a page (served pages only; `build` output never has it).
fn inject_live_script(html: &[u8]) -> Bytes {
    let text = String::from_utf8_lossy(html);
    let with = match text.rfind("</body>") {
        Some(i) => format!(
            "{}{LIVE_TAG}{}",
            text.get(..i).unwrap_or(""),
            text.get(i..).unwrap_or("")
        ),
        None => format!("{text}{LIVE_TAG}"),
    };
    Bytes::from(with)
}

fn respond(status: StatusCode, kind: &'static str, body: Bytes) -> Response {
    let mut response = (status, body).into_response();
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    no_store(&mut response);
    response
}

fn no_store(response: &mut Response) {
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
}

/// The `Content-Type` to serve `path` with, from its extension; source files a course
/// shows (Dockerfiles, YAML, TOML…) are plain text so the browser displays them.
pub fn content_type(path: &str) -> &'static str {
    let ext = path
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "txt" | "md" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "zip" => "application/zip",
        "yml" | "yaml" | "toml" | "go" | "mod" | "sum" | "ts" | "conf" => {
            "text/plain; charset=utf-8"
        }
        _ if path
            .rsplit('/')
            .next()
            .is_some_and(|n| n.starts_with("Dockerfile") || n.starts_with('.')) =>
        {
            "text/plain; charset=utf-8"
        }
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_name_this_server_or_nothing() {
        let g = Guard::new(std::net::IpAddr::from([127, 0, 0, 1]), 3000);
        for ok in [
            "localhost",
            "LOCALHOST.",
            "127.0.0.1:3000",
            "[::1]:3000",
            "[::1]",
            "docs.localhost",
        ] {
            assert!(g.host_ok(ok), "{ok}");
        }
        for bad in [
            "evil.example",
            "[::1]junk",
            "localhost:3000:1",
            "localhost:x",
            "127.0.0.1.evil.example",
            "",
        ] {
            assert!(!g.host_ok(bad), "{bad}");
        }
        assert!(g.origin_ok("http://localhost:3000"));
        assert!(!g.origin_ok("http://localhost:3001"));
        assert!(!g.origin_ok("https://localhost:3000"));
    }

    #[test]
    fn escapes_are_refused() {
        assert_eq!(
            safe_segments("/en/intro/"),
            Some(vec!["en".into(), "intro".into()])
        );
        assert_eq!(safe_segments("/"), Some(vec![]));
        for bad in [
            "/../Cargo.toml",
            "/%2e%2e/Cargo.toml",
            "/en/%2E%2E/%2E%2E/x",
            "/en/..%2fx",
            "/a%5c..%5cb",
            "/a%00",
            "/C:/x",
        ] {
            assert_eq!(safe_segments(bad), None, "{bad}");
        }
    }
}
