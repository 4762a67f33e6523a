#!/usr/bin/env python3
"""Lay out a generated bench corpus (../shared/bench/gen_corpus.py) as a docent course.

    python3 benches/docent_corpus.py CORPUS_DIR   ->  CORPUS_DIR/docent/content/...

The corpus keeps canonical chapters in CORPUS_DIR/content/<lang>/<NN-slug>.md (YAML front
matter: title, weight) and images in CORPUS_DIR/content/<lang>/images/. docent wants one
folder per chapter with one file per language: CORPUS_DIR/docent/content/<NN-slug>/{en,pt}.md,
TOML front matter with the same title and `slug = "<NN-slug>"` (so URLs are /en/<NN-slug>/
like the other tools'), links `NN-slug.md` rewritten to `../NN-slug/`, and the images a
chapter shows copied into its folder. Same input, same bytes.
"""
import os
import re
import shutil
import sys

LINK = re.compile(r"\]\((\d+-[a-z0-9-]+)\.md(#[^)]*)?\)")
IMAGE = re.compile(r"\]\((images/[^)]+)\)")


def split_front_matter(text):
    if not text.startswith("---\n"):
        return {}, text
    end = text.index("\n---\n", 4)
    meta = {}
    for line in text[4:end].splitlines():
        key, _, value = line.partition(":")
        meta[key.strip()] = value.strip().strip('"')
    return meta, text[end + 5:]


def toml_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main(corpus):
    src = os.path.join(corpus, "content")
    out = os.path.join(corpus, "docent", "content")
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(out)
    langs = sorted(d for d in os.listdir(src) if os.path.isdir(os.path.join(src, d)))
    with open(os.path.join(out, "course.toml"), "w") as f:
        f.write('base_url = "https://bench.example/"\ndefault_language = "en"\n')
        for lang in ["en"] + [l for l in langs if l != "en"]:
            f.write(f'\n[[languages]]\ncode = "{lang}"\nname = "{lang}"\ntitle = "Bench {lang}"\n')
    for lang in langs:
        for name in sorted(os.listdir(os.path.join(src, lang))):
            if not name.endswith(".md"):
                continue
            stem = name[:-3]
            with open(os.path.join(src, lang, name)) as f:
                meta, body = split_front_matter(f.read())
            chapter = os.path.join(out, stem)
            os.makedirs(chapter, exist_ok=True)
            for image in IMAGE.findall(body):
                target = os.path.join(chapter, image)
                if not os.path.exists(target):
                    os.makedirs(os.path.dirname(target), exist_ok=True)
                    shutil.copyfile(os.path.join(src, lang, image), target)
            body = LINK.sub(lambda m: "](../" + m.group(1) + "/" + (m.group(2) or "") + ")", body)
            with open(os.path.join(chapter, f"{lang}.md"), "w") as f:
                f.write("+++\n")
                f.write(f"title = {toml_string(meta.get('title', stem))}\n")
                f.write(f"slug = {toml_string(stem)}\n")
                f.write("+++\n")
                f.write(body)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
