#!/usr/bin/env python3
"""File write -> live-reload message latency of a dev server, measured from outside.

    python3 benches/reload_message.py TOOL N [--bin BIN] [--trials 20] [--port 4311] [--among 500]

TOOL is docent, hugo or mdbook. This is the measurement issue #5 asks for: where
../shared/bench/reload_latency.py polls the page until the edit shows, this script listens
where a browser tab listens, on the server's live-reload WebSocket (docent `/__docent/ws`,
Hugo `/livereload`, mdBook `/__livereload`), and times each edit from just before the write
to the message that makes the tab reload. Same corpus, same chapters, same edit (a marker
paragraph appended in one write) and same pauses as reload_latency.py, so the two tables
line up. After each reload message the page is fetched: a reload that would still show the
old page (a rebuild started by the truncation before the write, say) is counted as stale and
the clock runs on to the message that brings the edit.

Before every trial the script connects afresh, as a reloaded tab does (mdBook closes its
socket after one message). Results: RESULTS/message-<label>-N.json, with the median and
95th percentile.
Stdlib only: the WebSocket client is the handful of lines a text-frame listener needs.
"""
import argparse
import base64
import http.client
import json
import os
import secrets
import shutil
import signal
import socket
import statistics
import struct
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))

# Per tool: the corpus folder to copy, the server command, the chapter file, the page and
# its socket, and which messages mean "reload this page".
TOOLS = {
    "docent": {
        "copy": "docent",
        "serve": "{bin} -q serve --root {dir}/content --bind 127.0.0.1 --port {port}",
        "source": "{dir}/content/{slug}/en.md",
        "page": "/en/{slug}/",
        "ws": "/__docent/ws",
        "reloads": lambda m, slug: (j := json.loads(m)).get("type") == "reload"
        and (j.get("all") or f"/en/{slug}/" in j.get("pages", [])),
    },
    "hugo": {
        "copy": "hugo",
        "serve": "{bin} server --bind 127.0.0.1 -p {port} -s {dir}",
        "source": "{dir}/content/en/{slug}.md",
        "page": "/en/{slug}/",
        "ws": "/livereload",
        "reloads": lambda m, slug: json.loads(m).get("command") == "reload",
    },
    "mdbook": {
        "copy": "mdbook/en",
        "serve": "{bin} serve -n 127.0.0.1 -p {port} -d {dir}/../out --watcher native {dir}",
        "source": "{dir}/src/{slug}.md",
        "page": "/{slug}.html",
        "ws": "/__livereload",
        "reloads": lambda m, slug: m == "reload",
    },
}


class Socket:
    """A WebSocket client that reads text frames (RFC 6455, no extensions)."""

    def __init__(self, port, path, timeout):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
        key = base64.b64encode(secrets.token_bytes(16)).decode()
        self.sock.sendall(
            (f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
             f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
             f"Origin: http://127.0.0.1:{port}\r\n\r\n").encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self.sock.recv(1)
            if not chunk:
                raise OSError("connection closed during the handshake")
            head += chunk
        if not head.startswith(b"HTTP/1.1 101"):
            raise OSError(f"no WebSocket at {path}: {head.splitlines()[0]!r}")
        self.open = True

    def _exact(self, n):
        data = b""
        while len(data) < n:
            chunk = self.sock.recv(n - len(data))
            if not chunk:
                raise OSError("connection closed")
            data += chunk
        return data

    def text(self, deadline):
        """The next text message, or None at the deadline or when the server closes."""
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            self.sock.settimeout(left)
            try:
                b0, b1 = self._exact(2)
                size = b1 & 0x7F
                if size == 126:
                    size = struct.unpack(">H", self._exact(2))[0]
                elif size == 127:
                    size = struct.unpack(">Q", self._exact(8))[0]
                payload = self._exact(size)
            except socket.timeout:
                return None
            except OSError:
                self.open = False
                return None
            opcode = b0 & 0x0F
            if opcode == 8:
                self.open = False
                return None
            if opcode == 9:  # ping: answer with a masked pong
                mask = secrets.token_bytes(4)
                self.sock.sendall(bytes([0x8A, 0x80 | len(payload)]) + mask
                                  + bytes(c ^ mask[i % 4] for i, c in enumerate(payload)))
            elif opcode == 1:
                return payload.decode("utf-8", "replace")

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


def listen(port, path, timeout):
    """A socket the server has registered that has heard nothing yet: a message left over
    from an earlier rebuild (mdBook then closes the socket) means connecting again."""
    for _ in range(20):
        ws = Socket(port, path, timeout)
        if ws.text(time.monotonic() + 0.2) is None and ws.open:
            return ws
        ws.close()
        time.sleep(0.5)
    raise OSError(f"{path} keeps sending messages with no edit")


def fetch(port, path):
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        c.request("GET", path, headers={"Cache-Control": "no-cache"})
        r = c.getresponse()
        body = r.read().decode("utf-8", "replace")
        c.close()
        return body if r.status == 200 else None
    except (OSError, http.client.HTTPException):
        return None


def start_server(t, binary, corpus, work, port, ready_timeout=600.0, verbose=False):
    """A server of tool `t` on a fresh copy of `corpus` in `work`, once it serves the last
    chapter; with `verbose`, docent logs each phase of each rebuild (`-vv`, not `-q`)."""
    slugs = sorted(f[:-3] for f in os.listdir(os.path.join(corpus, "content", "en")) if f.endswith(".md"))
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(os.path.join(corpus, t["copy"]), os.path.join(work, "project"))
    fmt = {"dir": os.path.join(work, "project"), "port": port, "bin": binary}
    cmd = t["serve"].format(**fmt).split()
    if verbose and "-q" in cmd:
        cmd[cmd.index("-q")] = "-vv"
    log_path = os.path.join(work, "server.log")
    log = open(log_path, "w")
    srv = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                           start_new_session=True)
    s = {"t": t, "srv": srv, "log": log, "fmt": fmt, "port": port, "cmd": cmd, "slugs": slugs}
    start = time.monotonic()
    while not (fetch(port, t["page"].format(slug=slugs[-1])) or "").count("</html>"):
        if srv.poll() is not None:
            stop_server(s)
            sys.exit(f"server exited with {srv.returncode}; see {log_path}")
        if time.monotonic() - start > ready_timeout:
            stop_server(s)
            sys.exit(f"server not ready after {ready_timeout}s; see {log_path}")
        time.sleep(0.05)
    s["ready_s"] = time.monotonic() - start
    return s


def stop_server(s):
    try:
        os.killpg(s["srv"].pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    try:
        s["srv"].wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(s["srv"].pid, signal.SIGKILL)
        s["srv"].wait()
    s["log"].close()


def trial(s, slug, k, timeout, settle):
    """One edit of chapter `slug` on server `s`: seconds from the write to the reload message
    after which the page shows it (None on timeout) and the reloads before it that would have
    shown the old page; then the pauses and the chapter put back."""
    t, port = s["t"], s["port"]
    path = t["source"].format(slug=slug, **s["fmt"])
    orig = open(path, encoding="utf-8").read()
    marker = f"reload-marker-{k}-{secrets.token_hex(4)}"
    ws = listen(port, t["ws"], timeout)
    t0 = time.monotonic()
    with open(path, "w", encoding="utf-8") as f:
        f.write(orig + f"\nReload check {marker}.\n")
    lat = None
    stale = 0
    deadline = t0 + timeout
    while time.monotonic() < deadline:
        m = ws.text(deadline)
        if m is None:
            if ws.open:
                break
            ws = Socket(port, t["ws"], timeout)  # as a reloaded tab does
            continue
        if t["reloads"](m, slug):
            at = time.monotonic() - t0
            if marker in (fetch(port, t["page"].format(slug=slug)) or ""):
                lat = at
                break
            stale += 1  # a reload that would show the page without the edit
    ws.close()
    time.sleep(max(settle, 3 * (lat or settle)) / 2)
    with open(path, "w", encoding="utf-8") as f:
        f.write(orig)
    time.sleep(max(settle, 3 * (lat or settle)))
    return lat, stale


def percentile(values, q):
    """The q-th percentile by the nearest-rank method (what the tables quote as p95)."""
    values = sorted(values)
    return values[max(0, -(-len(values) * q // 100) - 1)]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("tool", choices=list(TOOLS))
    ap.add_argument("n", type=int)
    ap.add_argument("--bin", help="the tool's binary (default: its name)")
    ap.add_argument("--label", help="name for the result (default: TOOL)")
    ap.add_argument("--trials", type=int, default=20)
    ap.add_argument("--port", type=int, default=4311)
    ap.add_argument("--settle", type=float, default=3.0)
    ap.add_argument("--among", type=int, default=0,
                    help="edit chapters among the first AMONG only (the same chapters at every N, so two "
                         "course sizes compare what the size costs a save, not chapters of other lengths)")
    ap.add_argument("--trial-timeout", type=float, default=60.0)
    ap.add_argument("--ready-timeout", type=float, default=600.0)
    ap.add_argument("--scratch", default=os.environ.get("SCRATCH", "/tmp/bench"))
    ap.add_argument("--results", default=os.path.join(HERE, "results"))
    a = ap.parse_args()

    t = TOOLS[a.tool]
    label = a.label or a.tool
    corpus = os.path.join(a.scratch, f"corpus-{a.n}")
    binary = a.bin or a.tool
    version_flag = "version" if a.tool == "hugo" else "--version"
    version = subprocess.run([binary, version_flag], capture_output=True, text=True).stdout.strip()
    s = start_server(t, binary, corpus, os.path.join(a.scratch, f"message-{label}-{a.n}"), a.port,
                     a.ready_timeout)
    cmd, ready_s, slugs = s["cmd"], s["ready_s"], s["slugs"]
    results = []
    try:
        time.sleep(a.settle)
        pool = slugs[:a.among] if a.among else slugs
        step = max(1, len(pool) // (a.trials + 1))
        for k in range(a.trials):
            slug = pool[(k + 1) * step % len(pool)]
            lat, stale = trial(s, slug, k, a.trial_timeout, a.settle)
            results.append({"trial": k, "slug": slug, "latency_s": lat, "stale_reloads": stale})
            shown = "timeout" if lat is None else f"{lat * 1000:.1f} ms"
            print(f"trial {k}: {slug}: {shown}" + (f" ({stale} reloads before it showed the old page)" if stale else ""), flush=True)
    finally:
        stop_server(s)

    good = [r["latency_s"] * 1000 for r in results if r["latency_s"] is not None]
    summary = {
        "tool": label, "version": version.splitlines()[0] if version else "", "n": a.n,
        "measure": "file write -> the live-reload message after which the page shows the edit",
        "server_cmd": " ".join(cmd), "ready_s": round(ready_s, 3), "trials": a.trials,
        "failed": a.trials - len(good),
        "stale_reloads": sum(r["stale_reloads"] for r in results),
        "median_ms": round(statistics.median(good), 1) if good else None,
        "p95_ms": round(percentile(good, 95), 1) if good else None,
        "min_ms": round(min(good), 1) if good else None,
        "max_ms": round(max(good), 1) if good else None,
        "runs": results,
    }
    os.makedirs(a.results, exist_ok=True)
    with open(os.path.join(a.results, f"message-{label}-{a.n}.json"), "w") as f:
        json.dump(summary, f, indent=2)
    print(json.dumps({k: v for k, v in summary.items() if k != "runs"}))
    if good and len(good) < a.trials:
        sys.exit(f"{a.trials - len(good)} trials failed")


if __name__ == "__main__":
    main()
