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
import statistics
import time

from reload_message import HERE, TOOLS, start_server, stop_server, trial

TOOL = TOOLS["docent"]


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
    runs = []
    try:
        for i, n in enumerate(sizes):
            servers.append(start_server(TOOL, a.bin, os.path.join(a.scratch, f"corpus-{n}"),
                                        os.path.join(a.scratch, f"message-pair-{n}"), a.port + i,
                                        verbose=a.verbose))
        time.sleep(a.settle)
        pool = min(a.among, *(len(s["slugs"]) for s in servers))
        step = max(1, pool // (a.trials + 1))
        for k in range(a.trials):
            position = (k + 1) * step % pool
            row = {"position": position}
            for i in ([0, 1] if k % 2 == 0 else [1, 0]):
                s = servers[i]
                lat, _ = trial(s, s["slugs"][position], k, 60.0, a.settle)
                row[str(sizes[i])] = None if lat is None else lat * 1000
            runs.append(row)
            print(json.dumps(row), flush=True)
    finally:
        for s in servers:
            stop_server(s)
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
