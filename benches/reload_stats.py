#!/usr/bin/env python3
"""Median and 95th percentile of every reload_latency.py (save -> page served) and
reload_message.py (save -> reload message) result in a folder.

    python3 benches/reload_stats.py [benches/results]
"""
import glob
import json
import os
import statistics
import sys

from reload_message import percentile

folder = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "results")
print("| measure | server | N | trials | median ms | p95 ms | min ms | max ms |")
print("|---|---|---:|---:|---:|---:|---:|---:|")
for kind, what in (("reload", "save → page served"), ("message", "save → reload message")):
    for path in sorted(glob.glob(os.path.join(folder, f"{kind}-*.json"))):
        d = json.load(open(path))
        lat = sorted(t["latency_s"] * 1000 for t in d["runs"] if t.get("latency_s") is not None)
        if not lat:
            continue
        print(f"| {what} | {d['tool']} | {d['n']} | {len(lat)} | {statistics.median(lat):.0f} "
              f"| {percentile(lat, 95):.0f} | {lat[0]:.0f} | {lat[-1]:.0f} |")
