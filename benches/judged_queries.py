"""Judged query sets (TOML, tests/search/) as the JSON the browser runs read: each query with
its set, language, kind, text and expected site path (chapter folder -> slug per language).

    python3 benches/judged_queries.py OUT.json SET.toml [SET.toml ...]
"""
import json
import pathlib
import re
import sys
import tomllib

out = []
for path in map(pathlib.Path, sys.argv[2:]):
    for q in tomllib.load(open(path, "rb"))["query"]:
        text = pathlib.Path("content", q["chapter"], q["lang"] + ".md").read_text()
        m = re.search(r'^slug\s*=\s*"([^"]+)"', text, re.M)
        slug = m.group(1) if m else q["chapter"].split("-", 1)[1]
        anchor = "#" + q["section"] if q["section"] else ""
        out.append({"set": path.stem, "lang": q["lang"], "q": q["q"], "kind": q["kind"],
                    "expect": f'{q["lang"]}/{slug}/{anchor}'})
json.dump(out, open(sys.argv[1], "w"))
