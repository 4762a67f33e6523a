//! `docent init DIR`: a new course that builds and serves at once, with one chapter in each
//! language showing an annotated Dockerfile.

use crate::error::{Diagnostic, Result};
use crate::fsx;
use std::path::{Path, PathBuf};

const DOCKERFILE: &str = "# syntax=docker/dockerfile:1
FROM golang:1.27-alpine AS build
WORKDIR /src
COPY go.mod main.go ./
RUN CGO_ENABLED=0 go build -trimpath -o /out/hello .

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/hello /hello
ENTRYPOINT [\"/hello\"]
";

/// GitHub Actions: build on every push and pull request, publish the default branch to
/// GitHub Pages. docent is compiled once per docent commit and cached.
const GITHUB_WORKFLOW: &str = r#"# Builds the course with docent on every push and pull request, and publishes the main
# branch to GitHub Pages. Once: Settings -> Pages -> Build and deployment -> Source:
# "GitHub Actions".
name: Publish the course

on:
  push:
    branches: [main]
  pull_request:
  workflow_dispatch:

permissions:
  contents: read

concurrency:
  group: pages-${{ github.ref }}
  cancel-in-progress: true

env:
  # Where docent comes from; pin a tag (v1.2.0) for builds that never change under you.
  DOCENT_GIT: https://github.com/docent-dev/docent
  DOCENT_REF: main

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0 # "Last updated" dates come from the history of each chapter file.
      - id: pages
        uses: actions/configure-pages@v5
      - id: docent
        name: Which docent
        run: echo "rev=$(git ls-remote "$DOCENT_GIT" "$DOCENT_REF" | head -n 1 | cut -f 1)" >> "$GITHUB_OUTPUT"
      - id: cache
        uses: actions/cache@v4
        with:
          path: ~/.cargo/bin/docent
          key: docent-${{ runner.os }}-${{ steps.docent.outputs.rev }}
      - name: Install docent
        if: steps.cache.outputs.cache-hit != 'true'
        run: cargo install --locked --git "$DOCENT_GIT" --rev "${{ steps.docent.outputs.rev }}" docent
      - name: Build
        run: docent build --root content --out site --base-url "${{ steps.pages.outputs.base_url }}/"
      - uses: actions/upload-pages-artifact@v3
        with:
          path: site

  deploy:
    if: github.event_name != 'pull_request'
    needs: build
    runs-on: ubuntu-latest
    permissions:
      pages: write
      id-token: write
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
"#;

/// GitLab CI: the same build, published by GitLab Pages from the default branch.
const GITLAB_CI: &str = r#"# Builds the course with docent and publishes the default branch with GitLab Pages
# (Deploy -> Pages shows the address). Other branches and merge requests build only.
variables:
  # Where docent comes from; pin a tag (v1.2.0) for builds that never change under you.
  DOCENT_GIT: https://github.com/docent-dev/docent
  DOCENT_REF: main
  GIT_DEPTH: 0 # "Last updated" dates come from the history of each chapter file.
  CARGO_HOME: $CI_PROJECT_DIR/.cargo

.docent:
  image: rust:1
  cache:
    key: docent-$DOCENT_REF
    paths:
      - .cargo/bin/
  before_script:
    - test -x .cargo/bin/docent || cargo install --locked --git "$DOCENT_GIT" --branch "$DOCENT_REF" docent

pages:
  extends: .docent
  script:
    - .cargo/bin/docent build --root content --out public --base-url "$CI_PAGES_URL/"
  artifacts:
    paths:
      - public
  rules:
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH

build:
  extends: .docent
  script:
    - .cargo/bin/docent build --root content --out site
  rules:
    - if: $CI_COMMIT_BRANCH != $CI_DEFAULT_BRANCH
"#;

struct Text {
    name: &'static str,
    course_title: &'static str,
    description: &'static str,
    chapter_title: &'static str,
    body: &'static str,
}

const EN: Text = Text {
    name: "English",
    course_title: "My course",
    description: "A course written with docent.",
    chapter_title: "Your first chapter",
    body: "**Goal:** see how a docent chapter is written: prose, a real file shown with `src=`, and notes on its lines.

## An annotated Dockerfile

The block below shows the file `Dockerfile` of this chapter's folder. Every language shows the same file;
only the notes under it are translated.

```dockerfile src=\"Dockerfile\" title=\"Dockerfile\" annotate
```

1. `FROM golang:1.27-alpine AS build` — the build stage: the Go toolchain, used only to compile.
2. `RUN CGO_ENABLED=0` — a static binary, so the final image needs no C library.
3. `FROM gcr.io/distroless/static-debian12:nonroot` — the image you ship: no shell, no package manager, a non-root user.
4. `COPY --from=build` — the only thing taken from the build stage is the binary.

## Next steps

Copy this folder to `02-…` to start the next chapter, then run `docent serve` and edit while the browser reloads.
",
};

const PT_BR: Text = Text {
    name: "Português (Brasil)",
    course_title: "Meu curso",
    description: "Um curso escrito com o docent.",
    chapter_title: "Seu primeiro capítulo",
    body: "**Objetivo:** ver como se escreve um capítulo no docent: texto, um arquivo de verdade mostrado com `src=` e notas sobre as linhas dele.

## Um Dockerfile comentado

O bloco abaixo mostra o arquivo `Dockerfile` da pasta deste capítulo. Todos os idiomas mostram o mesmo arquivo;
só as notas embaixo dele são traduzidas.

```dockerfile src=\"Dockerfile\" title=\"Dockerfile\" annotate
```

1. `FROM golang:1.27-alpine AS build` — o estágio de build: o toolchain do Go, usado só para compilar.
2. `RUN CGO_ENABLED=0` — um binário estático, então a imagem final não precisa de biblioteca C.
3. `FROM gcr.io/distroless/static-debian12:nonroot` — a imagem que vai para produção: sem shell, sem gerenciador de pacotes, com usuário sem privilégios.
4. `COPY --from=build` — a única coisa que sai do estágio de build é o binário.

## Próximos passos

Copie esta pasta para `02-…` para começar o próximo capítulo, rode `docent serve` e edite enquanto o navegador recarrega sozinho.
",
};

fn text_for(lang: &str) -> &'static Text {
    if lang.to_ascii_lowercase().starts_with("pt") {
        &PT_BR
    } else {
        &EN
    }
}

/// One file `init` wrote, and what happened to what was there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// The file, under the folder given to [`init`] (`<dir>/content/…`).
    pub path: PathBuf,
    /// Whether it was created, left alone or replaced, for the summary `init` prints.
    pub outcome: Outcome,
}

/// What `init` did at one path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing was there; the file is new.
    Created,
    /// The file already held exactly this text; it was not touched.
    Unchanged,
    /// A different file was there; it was renamed to `kept` first.
    Replaced {
        /// Where the old file is now: `<name>.orig`, or `<name>.orig.2`… when that is taken.
        kept: PathBuf,
    },
    /// A different file was there that a forge runs (a CI configuration): it was left as
    /// it was, and docent's version written beside it, inert, for the author to compare.
    Left {
        /// Where docent's version is: `<name>.docent`.
        proposed: PathBuf,
    },
}

/// Creates the course; refuses a folder that has anything in it unless `force`, and even
/// then never loses a file: one that differs is kept beside it as `<name>.orig`.
pub fn init(dir: &Path, languages: &[String], force: bool) -> Result<Vec<Written>> {
    // Written as tags are (`pt-br` → `pt-BR`, `EN` → `en`): file names and URLs use them.
    let canonical: Vec<String> = languages
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .map(|l| {
            l.parse::<unic_langid::LanguageIdentifier>()
                .map_or_else(|_| l.to_string(), |id| id.to_string())
        })
        .collect();
    let languages: Vec<&str> = canonical.iter().map(String::as_str).collect();
    if languages.is_empty() {
        return Err(Diagnostic::error(dir, 0, 0, "no languages given")
            .with_help("for example --languages en,pt-BR")
            .into());
    }
    let mut seen = std::collections::BTreeSet::new();
    for lang in &languages {
        if !seen.insert(lang.to_ascii_lowercase()) {
            return Err(Diagnostic::error(
                dir,
                0,
                0,
                format!("`{lang}` is given twice in --languages"),
            )
            .with_help("list each language once, the source first: --languages en,pt-BR")
            .into());
        }
        if lang.parse::<unic_langid::LanguageIdentifier>().is_err()
            || lang.contains(['/', '\\', '.'])
        {
            return Err(
                Diagnostic::error(dir, 0, 0, format!("`{lang}` is not a language tag"))
                    .with_help("use tags such as en or pt-BR")
                    .into(),
            );
        }
    }
    let not_empty = std::fs::read_dir(dir)
        .map(|mut d| d.next().is_some())
        .unwrap_or(false);
    if not_empty && !force {
        return Err(Diagnostic::error(dir, 0, 0, "the folder is not empty")
            .with_help("choose a new folder, or pass --force to write into this one")
            .into());
    }
    let content = dir.join("content");
    // Write only inside DIR: a `content` that is a link leading elsewhere is refused, as
    // `build` and `bundle` refuse one.
    if let Err(escape) = fsx::inside(&fsx::resolve(dir), &content) {
        return Err(fsx::escape_diagnostic(&content, &escape, dir).into());
    }
    let chapter = content.join("01-first-chapter");
    let mut written = Vec::new();
    let mut put = |path: PathBuf, text: &str| -> Result<()> {
        // Through `fsx::read`: a FIFO in the way is set aside, never opened.
        let outcome = match fsx::read(&path) {
            Ok(old) if old == text.as_bytes() => Outcome::Unchanged,
            _ => {
                let kept = crate::output::keep_aside(&path)?;
                fsx::write(&path, text.as_bytes())?;
                match kept {
                    Some(aside) => Outcome::Replaced { kept: aside },
                    None => Outcome::Created,
                }
            }
        };
        written.push(Written { path, outcome });
        Ok(())
    };
    let mut toml = String::from(
        "# The course: its languages (the first is the source of the translations), titles and address.\nbase_url = \"https://example.org/my-course/\"\n",
    );
    toml.push_str(&format!(
        "default_language = \"{}\"\n",
        languages.first().copied().unwrap_or("en")
    ));
    for lang in &languages {
        let t = text_for(lang);
        let name = if t.name == EN.name && *lang != "en" {
            *lang
        } else {
            t.name
        };
        toml.push_str(&format!(
            "\n[[languages]]\ncode = \"{lang}\"\nname = \"{name}\"\ntitle = \"{}\"\ndescription = \"{}\"\n",
            t.course_title, t.description
        ));
    }
    put(content.join(crate::config::FILE_NAME), &toml)?;
    put(chapter.join("Dockerfile"), DOCKERFILE)?;
    put(
        chapter.join("go.mod"),
        "module example.org/hello\n\ngo 1.27\n",
    )?;
    put(
        chapter.join("main.go"),
        "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hello from a multi-stage build\")\n}\n",
    )?;
    let source_lang = languages.first().copied().unwrap_or("en");
    let source_text = chapter_file(text_for(source_lang), None);
    put(chapter.join(format!("{source_lang}.md")), &source_text)?;
    let version = crate::frontmatter::version_of(&source_text);
    for lang in languages.iter().skip(1) {
        // Only a real translation records the source version; a language docent has no
        // starter text for gets the source text to translate, with freshness unknown.
        let t = text_for(lang);
        let translated = !std::ptr::eq(t, text_for(source_lang));
        put(
            chapter.join(format!("{lang}.md")),
            &chapter_file(t, translated.then_some(version.as_str())),
        )?;
    }
    put(
        crate::translate::store_dir(&content).join(format!("{version}.md")),
        &source_text,
    )?;
    // A repository's pipelines and its ignore list are the author's: one already there is
    // never moved (a `publish.yml.orig` would silently stop running; a `.gitignore.orig`
    // would let `.env` be committed).
    let mut left = Vec::new();
    for (path, text) in [
        (dir.join(".gitignore"), "/site/\n/offline/\n*.zip\n"),
        (
            dir.join(".github").join("workflows").join("publish.yml"),
            GITHUB_WORKFLOW,
        ),
        (dir.join(".gitlab-ci.yml"), GITLAB_CI),
    ] {
        let differs = std::fs::symlink_metadata(&path).is_ok()
            && fsx::read(&path).map_or(true, |old| old != text.as_bytes());
        if !differs {
            put(path, text)?;
            continue;
        }
        let mut name = path.file_name().unwrap_or_default().to_os_string();
        name.push(".docent");
        let proposed = path.with_file_name(name);
        put(proposed.clone(), text)?;
        left.push((path, proposed));
    }
    for (path, proposed) in left {
        if let Some(w) = written.iter_mut().find(|w| w.path == proposed) {
            *w = Written {
                path,
                outcome: Outcome::Left { proposed },
            };
        }
    }
    Ok(written)
}

fn chapter_file(t: &Text, translated_from: Option<&str>) -> String {
    let mut s = format!("+++\ntitle = \"{}\"\n", t.chapter_title);
    if let Some(v) = translated_from {
        s.push_str(&format!("translated_from = \"{v}\"\n"));
    }
    s.push_str("+++\n\n");
    s.push_str(t.body);
    s
}
