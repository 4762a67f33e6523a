#!/usr/bin/env python3
"""Median and 95th percentile of every reload_latency.py result in a folder.

    python3 benches/reload_stats.py [benches/results]
"""
import glob
import json
import os
import sys

folder = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "results")
print("| server | N | trials | median ms | p95 ms | min ms | max ms |")
print("|---|---:|---:|---:|---:|---:|---:|")
for path in sorted(glob.glob(os.path.join(folder, "reload-*.json"))):
    d = json.load(open(path))
    lat = sorted(t["latency_s"] * 1000 for t in d["runs"] if t.get("latency_s") is not None)
    if not lat:
        continue
    p95 = lat[max(0, -(-len(lat) * 95 // 100) - 1)]
    print(f"| {d['tool']} | {d['n']} | {len(lat)} | {d['median_ms']:.0f} | {p95:.0f} | {d['min_ms']:.0f} | {d['max_ms']:.0f} |")
