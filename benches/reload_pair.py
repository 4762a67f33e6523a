#!/usr/bin/env python3
"""Does a save cost more in a larger course? Two course sizes side by side, edits interleaved.

    python3 benches/reload_pair.py N1 N2 [--bin BIN] [--trials 20] [--among 500]

reload_message.py measures one size per run; on a noisy machine two runs minutes apart can
differ by more than the sizes do. Here both servers run at once (the corpora
SCRATCH/corpus-N1 and corpus-N2, copied first) and each trial edits the same chapter
position in both, one after the other, in alternating order, with the same edit, pauses and
clock as reload_message.py (file write -> the reload message after which the page shows the
edit). Printed: each size's median and the median of the paired differences.
Results: RESULTS/message-pair-N1-N2.json.
"""
import argparse
import json
import os
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import time

from reload_message import HERE, TOOLS, Socket, fetch, listen

TOOL = TOOLS["docent"]


def start(binary, corpus, work, port, verbose=False):
    """A docent server on a fresh copy of `corpus`, once it serves its last chapter; with
    `verbose`, its log (work/server.log) times each phase of each rebuild (`-vv`)."""
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(os.path.join(corpus, TOOL["copy"]), os.path.join(work, "project"))
    fmt = {"dir": os.path.join(work, "project"), "port": port, "bin": binary}
    log = open(os.path.join(work, "server.log"), "w")
    cmd = TOOL["serve"].format(**fmt).split()
    if verbose:
        cmd[cmd.index("-q")] = "-vv"
    srv = subprocess.Popen(cmd, stdin=subprocess.DEVNULL,
                           stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    slugs = sorted(f[:-3] for f in os.listdir(os.path.join(corpus, "content", "en")) if f.endswith(".md"))
    deadline = time.monotonic() + 600
    while "</html>" not in (fetch(port, TOOL["page"].format(slug=slugs[-1])) or ""):
        if srv.poll() is not None or time.monotonic() > deadline:
            sys.exit(f"server on {corpus} did not start; see {work}/server.log")
        time.sleep(0.05)
    return {"srv": srv, "log": log, "fmt": fmt, "port": port, "slugs": slugs}


def trial(s, slug, k, timeout=60.0):
    """Milliseconds from the write to the reload message that brings the edit, or None."""
    path = TOOL["source"].format(slug=slug, **s["fmt"])
    orig = open(path, encoding="utf-8").read()
    marker = f"reload-marker-{k}-{secrets.token_hex(4)}"
    ws = listen(s["port"], TOOL["ws"], timeout)
    t0 = time.monotonic()
    with open(path, "w", encoding="utf-8") as f:
        f.write(orig + f"\nReload check {marker}.\n")
    lat = None
    deadline = t0 + timeout
    while time.monotonic() < deadline:
        m = ws.text(deadline)
        if m is None:
            if ws.open:
                break
            ws = Socket(s["port"], TOOL["ws"], timeout)
            continue
        if TOOL["reloads"](m, slug):
            at = time.monotonic() - t0
            if marker in (fetch(s["port"], TOOL["page"].format(slug=slug)) or ""):
                lat = at * 1000
                break
    ws.close()
    return lat, path, orig


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n1", type=int)
    ap.add_argument("n2", type=int)
    ap.add_argument("--bin", default="docent")
    ap.add_argument("--trials", type=int, default=20)
    ap.add_argument("--among", type=int, default=500)
    ap.add_argument("--settle", type=float, default=3.0)
    ap.add_argument("--port", type=int, default=4321)
    ap.add_argument("--verbose", action="store_true", help="servers log each rebuild's phases (-vv)")
    ap.add_argument("--scratch", default=os.environ.get("SCRATCH", "/tmp/bench"))
    ap.add_argument("--results", default=os.path.join(HERE, "results"))
    a = ap.parse_args()
    sizes = [a.n1, a.n2]
    servers = []
    try:
        for i, n in enumerate(sizes):
            servers.append(start(a.bin, os.path.join(a.scratch, f"corpus-{n}"),
                                 os.path.join(a.scratch, f"message-pair-{n}"), a.port + i, a.verbose))
        time.sleep(a.settle)
        pool = min(a.among, *(len(s["slugs"]) for s in servers))
        step = max(1, pool // (a.trials + 1))
        runs = []
        for k in range(a.trials):
            position = (k + 1) * step % pool
            order = [0, 1] if k % 2 == 0 else [1, 0]
            row = {"position": position}
            for i in order:
                s = servers[i]
                slug = s["slugs"][position]
                lat, path, orig = trial(s, slug, k)
                row[str(sizes[i])] = lat
                time.sleep(max(a.settle, 3 * ((lat or 1000) / 1000)) / 2)
                with open(path, "w", encoding="utf-8") as f:
                    f.write(orig)
                time.sleep(max(a.settle, 3 * ((lat or 1000) / 1000)))
            runs.append(row)
            print(json.dumps(row), flush=True)
    finally:
        for s in servers:
            try:
                os.killpg(s["srv"].pid, signal.SIGTERM)
                s["srv"].wait(timeout=10)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                pass
            s["log"].close()
    paired = [r for r in runs if all(r[str(n)] is not None for n in sizes)]
    med = lambda xs: round(statistics.median(xs), 1) if xs else None
    summary = {
        "measure": "file write -> the live-reload message after which the page shows the edit",
        "trials": a.trials, "paired": len(paired), "among": a.among,
        **{f"median_ms_{n}": med([r[str(n)] for r in paired]) for n in sizes},
        "median_difference_ms": med([r[str(a.n2)] - r[str(a.n1)] for r in paired]),
        f"trials_where_{a.n2}_was_faster": sum(r[str(a.n2)] < r[str(a.n1)] for r in paired),
        "runs": runs,
    }
    os.makedirs(a.results, exist_ok=True)
    with open(os.path.join(a.results, f"message-pair-{a.n1}-{a.n2}.json"), "w") as f:
        json.dump(summary, f, indent=2)
    print(json.dumps({k: v for k, v in summary.items() if k != "runs"}))


if __name__ == "__main__":
    main()
