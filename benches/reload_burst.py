"""A save GAP seconds after the previous save's reload message, when the dev server is
bringing the print pages and search indexes up to date (it starts 100 ms after a save):
the second save's latency, file write -> the reload message after which the page shows it.

    python3 benches/reload_burst.py N GAP TRIALS [BINARY]     (corpus in SCRATCH/corpus-N)
"""
import os, secrets, statistics, sys, time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reload_message as rm
n, gap, trials = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
binary = sys.argv[4] if len(sys.argv) > 4 else "target/release/docent"
scratch = os.environ.get("SCRATCH", "/tmp/bench")
t = rm.TOOLS["docent"]
s = rm.start_server(t, binary, f"{scratch}/corpus-{n}", f"{scratch}/burst-{n}", 4400 + n % 100,
                    verbose=bool(os.environ.get("VERBOSE")))  # VERBOSE=1: -vv log in SCRATCH/burst-N
def save(slug, k):
    path = t["source"].format(slug=slug, **s["fmt"])
    orig = open(path, encoding="utf-8").read()
    marker = f"m-{k}-{secrets.token_hex(3)}"
    ws = rm.listen(s["port"], t["ws"], 30)
    t0 = time.monotonic()
    open(path, "w", encoding="utf-8").write(orig + f"\nBurst {marker}.\n")
    lat = None
    while time.monotonic() < t0 + 30:
        m = ws.text(t0 + 30)
        if m is None:
            if ws.open: break
            ws = rm.Socket(s["port"], t["ws"], 30); continue
        if t["reloads"](m, slug) and marker in (rm.fetch(s["port"], t["page"].format(slug=slug)) or ""):
            lat = time.monotonic() - t0; break
    ws.close()
    return path, orig, lat
out = []
try:
    time.sleep(3)
    slugs = s["slugs"][:400]
    for k in range(trials):
        a, b = slugs[(2 * k + 1) * 7 % 400], slugs[(2 * k + 2) * 7 % 400]
        pa, oa, la = save(a, k)
        time.sleep(gap)
        pb, ob, lb = save(b, k)
        out.append(lb * 1000 if lb else None)
        print(f"{n} gap {gap}: first {la*1000:.1f} ms, second {lb*1000:.1f} ms", flush=True)
        time.sleep(1.5)
        open(pa, "w", encoding="utf-8").write(oa); open(pb, "w", encoding="utf-8").write(ob)
        time.sleep(3)
finally:
    rm.stop_server(s)
good = [x for x in out if x]
print(f"N={n} gap={gap}s second save median {statistics.median(good):.1f} ms max {max(good):.1f} ms")
