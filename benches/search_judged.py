"""The judged queries whose rank moved between two runs of benches/search_judged.sh.

    python3 benches/search_judged.py before.json after.json
"""
import json
import sys


def rr(row):
    return 1 / row["rank"] if row["rank"] else 0


before, after = (json.load(open(path)) for path in sys.argv[1:3])
up = down = 0
for a, b in zip(before, after):
    if a["rank"] != b["rank"]:
        better = rr(b) > rr(a)
        up += better
        down += not better
        print("UP  " if better else "DOWN", a["set"], f'{a["rank"]}->{b["rank"]}', f'[{a["lang"]}/{a["kind"]}]', a["q"])
n = len(before)
print(f"up {up} down {down}  MRR {sum(map(rr, before)) / n:.4f} -> {sum(map(rr, after)) / n:.4f}")
