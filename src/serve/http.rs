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

pub const LIVE_JS: &str = include_str!("live.js");
const LIVE_TAG: &str = "<script src=\"/__docent/live.js\" defer></script>";

pub fn router(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/__docent/ws", get(websocket))
        .route("/__docent/live.js", get(live_js))
        .fallback(get(site_file))
        .with_state(state)
}

async fn live_js() -> Response {
    respond(
        StatusCode::OK,
        "text/javascript; charset=utf-8",
        Bytes::from_static(LIVE_JS.as_bytes()),
    )
}

async fn websocket(ws: WebSocketUpgrade, State(state): State<Arc<AppState>>) -> Response {
    ws.on_upgrade(move |socket| client(socket, state))
}

/// One open page: sends it the current error (if any), then every message after.
async fn client(mut socket: WebSocket, state: Arc<AppState>) {
    let mut rx = state.tx.subscribe();
    if let Some(error) = state.error()
        && let Ok(text) = serde_json::to_string(&error)
        && socket.send(WsMessage::Text(text.into())).await.is_err()
    {
        return;
    }
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
                Some(Ok(_)) => {}
            },
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
        let location = format!("{raw_path}/{query}");
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

fn not_found(site: &crate::site::Site) -> Response {
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
