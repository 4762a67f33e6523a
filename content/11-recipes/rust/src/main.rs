//! A tiny HTTP service: answers on / with the C library it was built
//! against, and on /healthz with ok.

use tiny_http::{Header, Response, Server};

const LIBC: &str = if cfg!(target_env = "musl") {
    "musl, statically linked"
} else {
    "glibc, dynamically linked"
};

fn main() {
    let port = std::env::var("PORT").unwrap_or_else(|_| "8080".to_string());
    let server = Server::http(format!("0.0.0.0:{port}")).expect("cannot listen");
    let text = Header::from_bytes("Content-Type", "text/plain; charset=utf-8").unwrap();
    println!("listening on :{port}");

    for request in server.incoming_requests() {
        let body = match request.url() {
            "/healthz" => "ok\n".to_string(),
            _ => format!("hello from Rust ({LIBC})\n"),
        };
        let response = Response::from_string(body).with_header(text.clone());
        if let Err(err) = request.respond(response) {
            eprintln!("could not answer: {err}");
        }
    }
}
