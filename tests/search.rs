//! Search measured, not guessed: the judged queries of `tests/search/queries.toml` (both
//! languages: questions, single words, code tokens, typos, partial words), each with the
//! section a teacher would point to, typed into the real search box of the bundled course.

mod common;
use common::*;
use serde::Deserialize;

#[derive(Deserialize)]
struct Judged {
    query: Vec<Query>,
}

#[derive(Deserialize)]
struct Query {
    lang: String,
    q: String,
    chapter: String,
    section: String,
    kind: String,
}

/// Each query of `file` (under tests/search/) as the browser script wants it: the URL path
/// (`en/slug/#anchor`) of its answer.
fn judged(file: &str) -> Vec<serde_json::Value> {
    let text = std::fs::read_to_string(repo_root().join("tests/search").join(file))
        .expect("judged queries");
    let judged: Judged = toml::from_str(&text).unwrap_or_else(|e| panic!("{file}: {e}"));
    let course = docent::load::load(&repo_root().join("content")).expect("the bundled course");
    judged
        .query
        .iter()
        .map(|q| {
            let index = course
                .index
                .get(&q.chapter)
                .copied()
                .unwrap_or_else(|| panic!("no chapter {}", q.chapter));
            let page = course.page(&q.lang, index).expect("page");
            let anchor = if q.section.is_empty() {
                String::new()
            } else {
                format!("#{}", q.section)
            };
            serde_json::json!({
                "lang": q.lang,
                "q": q.q,
                "kind": q.kind,
                "expect": format!("{}/{}/{anchor}", q.lang, page.slug()),
            })
        })
        .collect()
}

#[test]
fn the_judged_queries_find_their_sections() {
    let queries = judged("queries.toml");
    assert!(queries.len() >= 80, "at least 80 judged queries");
    for kind in ["question", "word", "code", "typo", "partial"] {
        for lang in ["en", "pt-BR"] {
            assert!(
                queries
                    .iter()
                    .any(|q| q["kind"] == kind && q["lang"] == lang),
                "{kind} queries in {lang}"
            );
        }
    }
    type_into_the_bundled_course(&queries, "0.85,0.95");
}

/// Builds the bundled course and types `queries` into its search box; fails below `bar`
/// ("MRR,top-3").
fn type_into_the_bundled_course(queries: &[serde_json::Value], bar: &str) {
    if !browser::available() {
        return;
    }
    let t = SiteTest::bundled();
    t.docent(&["build"]);
    assert!(t.path("site/search/en.js").is_file());
    // Every expected section is a heading of the built page: a mistyped anchor would count
    // as a miss for ever, silently.
    for q in queries {
        let expect = q["expect"].as_str().expect("expect");
        let (page, anchor) = expect.split_once('#').unwrap_or((expect, ""));
        let html = t.read(&format!("site/{page}index.html"));
        assert!(
            anchor.is_empty() || html.contains(&format!(" id=\"{anchor}\"")),
            "{}: no section #{anchor} on {page}",
            q["q"]
        );
    }
    let file = t.path("queries.json");
    std::fs::write(&file, serde_json::to_string(queries).expect("json")).expect("write");
    browser::run(
        "search.mjs",
        &[
            &t.path("site").display().to_string(),
            &file.display().to_string(),
            "--bar",
            bar,
        ],
    );
}

/// Queries written by someone who saw only the course, not the queries above nor the
/// search code: the ranking must not be fitted to its own test. Every held-out set
/// (`heldout*.toml`, each read once when new, then kept as a guard), typed in one browser
/// run, with the tuned set's bar: the fifty-seven together (3,410 queries) scored 0.907 and
/// 95.4 % top-3 (stop 51; sets 22-57 were first read at 85.0-98.3 % top-3).
#[test]
fn the_held_out_queries_find_their_sections() {
    let mut files: Vec<String> = std::fs::read_dir(repo_root().join("tests/search"))
        .expect("tests/search")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|name| name.starts_with("heldout") && name.ends_with(".toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 57, "{files:?}");
    let queries: Vec<_> = files.iter().flat_map(|f| judged(f)).collect();
    assert!(queries.len() >= 3410, "{} held-out queries", queries.len());
    type_into_the_bundled_course(&queries, "0.85,0.95");
}

#[test]
fn the_search_box_works_from_the_keyboard_and_across_languages() {
    if !browser::available() {
        return;
    }
    let t = SiteTest::bundled();
    t.docent(&["build"]);
    browser::run("search_ui.mjs", &[&t.path("site").display().to_string()]);
}

/// Two habits of readers the ranking must meet: they search for a flag that the teaching
/// section explains in a sentence (inline code) while other sections only use it in their
/// code, and they make a typo in a word the right section's heading starts with.
#[test]
fn prose_that_explains_a_flag_and_a_mistyped_heading_word_come_first() {
    if !browser::available() {
        return;
    }
    let usage = "```dockerfile\nFROM node:22 AS build\nRUN --mount=type=cache,target=/root/.npm npm ci\n```\n";
    let recipes = format!(
        "+++\ntitle = \"Recipes\"\n+++\n\n## Node\n\nA Node build, layers and all.\n\n{usage}\n## Python\n\nThe same layers for pip.\n\n{usage}\n## Copy links\n\nLayers that do not depend on the base: more layers, fewer rebuilds, layers again, layers everywhere.\n"
    );
    let t = course_of(&[
        ("01-recipes/en.md", &recipes),
        (
            "02-cache/en.md",
            "+++\ntitle = \"Caching\"\n+++\n\n## Cache mounts\n\nYou ask for one with a flag on the instruction, as in `RUN --mount=type=cache,target=/root/.npm npm ci`; the directory survives between builds.\n\n## Layers: why deleting files does not help\n\nEach instruction adds one more layer to the image.\n",
        ),
    ]);
    first_results(
        &t,
        serde_json::json!([
            ["en", "--mount=type=cache", "/en/cache/#cache-mounts"],
            [
                "en",
                "layres",
                "/en/cache/#layers-why-deleting-files-does-not-help"
            ],
        ]),
    );
}

/// In a large course the words of a plain question ("copy", "files", "stage") are each held
/// by so many sections that only their best postings are kept; a word of the question that
/// the course never uses ("another") must not leave the reader with no results at all.
#[test]
fn a_question_of_common_words_and_one_unknown_word_still_finds_sections() {
    if !browser::available() {
        return;
    }
    // More sections holding the words than the index keeps postings for (1,500).
    let sections: String = (1..=1600)
        .map(|k| format!("## Step {k}\n\nCopy the files of stage {k}.\n\n"))
        .collect();
    let steps = format!("+++\ntitle = \"Steps\"\n+++\n\n{sections}");
    let t = course_of(&[("01-steps/en.md", &steps)]);
    first_results(
        &t,
        serde_json::json!([
            [
                "en",
                "how do I copy files from another stage",
                "/en/steps/#step-"
            ],
            ["en", "kubernetes", ""],
        ]),
    );
}

/// A CJK word is searched as its overlapping pairs; when one of them is in no section, the
/// word is in none either, even where a section holds its other pairs apart (ステージ:
/// ステ and ージ are both in ステップとパッケージ, テー is nowhere).
#[test]
fn a_cjk_word_with_a_pair_no_section_holds_finds_nothing() {
    if !browser::available() {
        return;
    }
    let t = course_of(&[(
        "01-words/en.md",
        "+++\ntitle = \"Words\"\n+++\n\n## Katakana\n\nステップとパッケージ\n\n## Layers\n\nEach instruction adds a layer.\n",
    )]);
    first_results(
        &t,
        serde_json::json!([
            ["en", "ステージ", ""],
            ["en", "パッケージ", "/en/words/#katakana"],
        ]),
    );
}

/// A CJK word is marked in snippets as the word it is, not pair by pair: for ステージ the
/// end of イメージ (ージ, one of its pairs) is no match.
#[test]
fn a_cjk_word_is_marked_whole_in_snippets() {
    if !browser::available() {
        return;
    }
    let t = course_of(&[(
        "01-words/en.md",
        "+++\ntitle = \"Words\"\n+++\n\n## Stages\n\nマルチステージのビルドでイメージを小さくする。\n\n## Layers\n\nEach instruction adds a layer.\n",
    )]);
    first_results(
        &t,
        serde_json::json!([["en", "ステージ", "/en/words/#stages", ["ステージ"]]]),
    );
}

/// Where a section holds a CJK word only in pieces, each run of the word's pairs is marked
/// (多阶段 and 构建 in 多阶段的构建); a Latin word glued to CJK text ends where the CJK
/// begins; a letter outside the BMP is never marked in halves.
#[test]
fn cjk_words_in_pieces_and_beside_latin_are_marked_exactly() {
    if !browser::available() {
        return;
    }
    let t = course_of(&[
        (
            "01-pieces/en.md",
            "+++\ntitle = \"多阶段构建入门\"\n+++\n\n## Pieces\n\n在多阶段的构建中，第一个阶段负责编译。\n\n## Layers\n\nEach instruction adds a layer.\n",
        ),
        (
            "02-glued/en.md",
            "+++\ntitle = \"Glued\"\n+++\n\n## Mixed\n\n我们的Docker镜像也很重要。\n",
        ),
        (
            "03-rare/en.md",
            "+++\ntitle = \"𠀀𠀁𠀂\"\n+++\n\n𠀀𠀁𠀃很少见。\n",
        ),
    ]);
    first_results(
        &t,
        serde_json::json!([
            [
                "en",
                "多阶段构建",
                "/en/pieces/#pieces",
                ["多阶段", "构建", "阶段"]
            ],
            ["en", "Docker镜像", "/en/glued/#mixed", ["Docker", "镜像"]],
            ["en", "docker", "/en/glued/#mixed", ["Docker"]],
            ["en", "𠀀𠀁𠀂", "/en/rare/", ["𠀀𠀁"]],
        ]),
    );
}

/// The author's synonyms (`search_synonyms`) let a reader's word find the course's word
/// for the same thing: "extract" finds the section on exporting, in any form the stemmer
/// gives it ("extracting"), while a word in no group finds only itself.
#[test]
fn an_authors_synonyms_find_the_courses_word() {
    if !browser::available() {
        return;
    }
    let t = course_of(&[
        (
            "01-files/en.md",
            "+++\ntitle = \"Files\"\n+++\n\n## Exporting files with --output\n\nExport the binary to your disk.\n\n## Layers\n\nEach instruction adds a layer to the image.\n",
        ),
        (
            "01-files/pt-BR.md",
            "+++\ntitle = \"Arquivos\"\n+++\n\n## Sondas\n\nA probe reinicia o contêiner travado.\n\n## Imagens\n\nDois containers usam a mesma imagem.\n",
        ),
    ]);
    let config = t
        .read("content/course.toml")
        .replace(
            "description = \"A small course for tests.\"\n",
            "description = \"A small course for tests.\"\nsearch_synonyms = [[\"export\", \"extract\"], [\"layer\", \"tier\"]]\n",
        )
        .replace(
            "description = \"Um curso pequeno para os testes.\"\n",
            "description = \"Um curso pequeno para os testes.\"\nsearch_synonyms = [[\"contêiner\", \"container\"]]\n",
        );
    t.write("content/course.toml", &config);
    first_results(
        &t,
        serde_json::json!([
            [
                "en",
                "extract",
                "/en/files/#exporting-files-with---output",
                ["Export"]
            ],
            [
                "en",
                "extracting the binary",
                "/en/files/#exporting-files-with---output"
            ],
            ["en", "tiers", "/en/files/#layers"],
            // The course says "containers" too, and pt-BR's stemmer keeps the English
            // plural: still the group's word, marked where the course says "contêiner".
            [
                "pt-BR",
                "contêineres travados",
                "/pt-BR/files/#sondas",
                ["contêiner", "travado"]
            ],
            [
                "pt-BR",
                "containers travados",
                "/pt-BR/files/#sondas",
                ["contêiner", "travado"]
            ],
            ["en", "export", "/en/files/#exporting-files-with---output"],
            ["en", "unpack", ""],
        ]),
    );
}

/// A word cut to a shorter stem marks other forms of itself ("stage" for "staging",
/// "build" for "building"), never a much shorter word that begins the same way ("conta" for
/// "container") nor one that shares only its first letters ("continues" for "containers").
#[test]
fn a_stem_cut_marks_forms_of_the_word_not_shorter_words() {
    if !browser::available() {
        return;
    }
    let t = course_of(&[
        (
            "01-words/en.md",
            "+++\ntitle = \"Words\"\n+++\n\n## Container accounts\n\nEach conta holds a balance.\n\n## Staging\n\nEach stage runs once; build it first.\n",
        ),
        (
            "02-more/en.md",
            "+++\ntitle = \"More\"\n+++\n\n## Containers everywhere\n\nThe story continues.\n",
        ),
    ]);
    first_results(
        &t,
        serde_json::json!([
            ["en", "container", "/en/words/#container-accounts", []],
            [
                "en",
                "containers everywhere",
                "/en/more/#containers-everywhere",
                []
            ],
            [
                "en",
                "staging building",
                "/en/words/#staging",
                ["stage", "build"]
            ],
        ]),
    );
}

/// Two sections of a chapter that answer a word about as well as each other: the one
/// that introduces it comes first, not the later one that builds on it and happens to
/// say the word once more.
#[test]
fn of_two_sections_that_answer_alike_the_earlier_comes_first() {
    if !browser::available() {
        return;
    }
    let java = "+++\ntitle = \"Recipes\"\n+++\n\n## Python\n\nA virtualenv copied across.\n\n## Java with jlink\n\nSince Java 9 the JDK is split into modules, and jlink assembles a runtime that holds only the modules the program uses.\n\n### Full JRE or jlink\n\nA full JRE is the safe default; jlink trims it, and jlink needs the module list.\n";
    let t = course_of(&[("01-recipes/en.md", java)]);
    first_results(
        &t,
        serde_json::json!([["en", "jlink", "/en/recipes/#java-with-jlink"]]),
    );
}

/// A question whose words the answer says together, in one sentence, comes before a
/// section that holds as many of them scattered through a listing and its prose, with the
/// question's rarest word in its heading.
#[test]
fn a_question_answered_in_one_sentence_beats_its_words_scattered() {
    if !browser::available() {
        return;
    }
    let stages = "+++\ntitle = \"Stages\"\n+++\n\n## One file, many images\n\nThe idea is simple: each FROM instruction starts a new stage, with a base image of its own and layers of its own. Only the last one ships; the others are scaffolding that nobody downloads.\n";
    let recipes = "+++\ntitle = \"Recipes\"\n+++\n\n## The Dockerfile\n\nEach listing in this chapter is a whole Dockerfile, ready to build as it is.\n\n```dockerfile\nFROM python:3.13 AS build\nRUN pip install uv\n```\n\nThe virtualenv is made in the first place and read by every later step of the build. The runtime stage copies it. Nothing new to learn at this point. Read it twice, slowly, line by line, then build it yourself and compare what you get with the listing, one line after another, until they agree.\n";
    let more = "+++\ntitle = \"More\"\n+++\n\n## Part 1\n\nThis part of the Dockerfile sets up step 1 of the build.\n\n";
    let t = course_of(&[
        ("01-stages/en.md", stages),
        ("02-recipes/en.md", recipes),
        ("03-more/en.md", more),
    ]);
    first_results(
        &t,
        serde_json::json!([[
            "en",
            "does each FROM create a new stage in the dockerfile",
            "/en/stages/#one-file-many-images"
        ]]),
    );
}

/// A number typed into its unit ("1gb") finds the number and unit the course writes apart
/// ("1.2 GB"); one the course writes as typed ("80MB") is looked up as it is.
#[test]
fn a_number_typed_into_its_unit_finds_them_written_apart() {
    let sizes = "+++\ntitle = \"Sizes\"\n+++\n\n## Layers\n\nEach of its 3 instructions adds a layer to the image.\n\n## What it weighs\n\nThe single-stage image weighs 1.2 GB, and the app in it is 40 KB of code.\n\n## The slim one\n\nTrimmed down, the runtime image comes to 80MB.\n\n## Support\n\nサポートは3ヶ月間です。\n";
    first_results_of(
        &[("01-sizes/en.md", sizes)],
        serde_json::json!([
            ["en", "1gb image", "/en/sizes/#what-it-weighs"],
            ["en", "80mb", "/en/sizes/#the-slim-one"],
            // Still being typed: the start of the course's word, not a number and "m".
            ["en", "80m", "/en/sizes/#the-slim-one"],
            // A CJK word after a number is searched as its pairs.
            ["en", "3ヶ月間", "/en/sizes/#support"]
        ]),
    );
}

/// The word still being typed ends a phrase as the start of a word: "npm sta" is the heading
/// "npm start", ahead of a section that says "npm" and "stage" apart more often.
#[test]
fn a_phrase_being_typed_finds_the_heading_it_begins() {
    let node = "+++\ntitle = \"Node\"\n+++\n\n## Stages and npm\n\nThe first stage runs npm ci, the next stage copies what npm built, and the last stage has no npm at all: stage by stage, npm leaves less behind.\n\n## Why not npm start\n\nThe container runs node itself rather than npm start, so signals reach the server.\n";
    first_results_of(
        &[("01-node/en.md", node)],
        serde_json::json!([
            ["en", "npm sta", "/en/node/#why-not-npm-start"],
            // Typed to the end, the words are a phrase of whole words again.
            ["en", "npm stage", "/en/node/#stages-and-npm"]
        ]),
    );
}

/// A short word followed by a space is whole: "node api " is not "node apiserver", though
/// "api" still being typed may begin it.
#[test]
fn a_short_word_with_a_space_after_it_is_whole() {
    let api = "+++\ntitle = \"Services\"\n+++\n\n## Node apiserver\n\nThe node apiserver starts first; the node apiserver logs go to the node apiserver log file.\n\n## Node and the API\n\nThe node process serves an api to its clients, and the api answers in JSON.\n";
    first_results_of(
        &[("01-api/en.md", api)],
        serde_json::json!([["en", "node api ", "/en/api/#node-and-the-api"]]),
    );
}

/// A whole word that the course uses finds its own forms, not every longer word it begins
/// ("log" is not "login"), except a name it begins with a number ("arm" of "arm64").
#[test]
fn a_whole_word_does_not_find_the_longer_words_it_begins() {
    let tools = "+++\ntitle = \"Tools\"\n+++\n\n## Login cache\n\nThe login cache keeps the login token; the login cache expires after an hour, and a new login fills the cache again.\n\n## Notes\n\nThe server writes one log line for every miss of its cache, and nothing else.\n\n## Arm\n\nLift with the arm, not the back.\n\n## Platforms\n\nOne tag holds an image for arm64 and one for amd64.\n";
    first_results_of(
        &[("01-tools/en.md", tools)],
        serde_json::json!([
            ["en", "log cache", "/en/tools/#notes"],
            ["en", "arm platforms", "/en/tools/#platforms"]
        ]),
    );
}

/// Two words of the course typed as one ("timezone" where the course writes "time zone")
/// find the section that says them together, also while typed and with a letter of one of
/// them left out ("timezons", "bildcache"); a word one letter off a
/// word the course uses is read as that word, not split ("timezone" in a course that says
/// "timezome" is a typo of it, not "time" + "zone"), and so is a form of one ("commonly").
#[test]
fn two_words_run_together_find_them_written_apart() {
    let zones = "+++\ntitle = \"Runtime\"\n+++\n\n## Time zones\n\nScratch holds no zone files, so a binary that needs a time zone embeds its own.\n\n## Zones in the cloud\n\nA cloud zone holds servers; pick a zone near your users.\n\n## Build time\n\nThe time a build takes depends on its cache.\n";
    let made_up = "+++\ntitle = \"Words\"\n+++\n\n## Time zones\n\nA time zone is a zone of one time.\n\n## Timezome\n\nA made-up word, one letter off.\n";
    first_results_of(
        &[("01-runtime/en.md", zones)],
        serde_json::json!([
            ["en", "timezone ", "/en/runtime/#time-zones"],
            ["en", "timezones", "/en/runtime/#time-zones"],
            // With a letter left out of one of them.
            ["en", "bildcache", "/en/runtime/#build-time"],
            ["en", "timezons ", "/en/runtime/#time-zones"]
        ]),
    );
    first_results_of(
        &[("01-words/en.md", made_up)],
        serde_json::json!([["en", "timezone ", "/en/words/#timezome"]]),
    );
    // A word with an ending of its language ("cacheando") is no two words, even one mended:
    // not "cache" + "dando".
    let pt = "+++\ntitle = \"Cache\"\n+++\n\n## Dando nome\n\nDando nome às camadas, dando nome aos estágios.\n\n## Camadas\n\nO cache guarda as camadas.\n";
    first_results_of(
        &[
            ("01-cache/pt-BR.md", pt),
            ("01-cache/en.md", "+++\ntitle = \"Cache\"\n+++\n\nCache.\n"),
        ],
        serde_json::json!([["pt-BR", "cacheando camadas ", "/pt-BR/cache/#camadas"]]),
    );
    // A form of a course word ("commonly" of "common") is that word, not "comm" + "only".
    let forms = "+++\ntitle = \"Bases\"\n+++\n\n## Common bases\n\nMost images start from a common base.\n\n## Only what ships\n\nOnly the last stage ships; the comm tool compares two sorted files.\n";
    first_results_of(
        &[("01-bases/en.md", forms)],
        serde_json::json!([["en", "commonly ", "/en/bases/#common-bases"]]),
    );
}

/// A number typed as digits finds it written as a word, and the other way round: "10
/// seconds" where the course says "ten seconds", "five seconds" where it says "5 seconds".
#[test]
fn a_number_finds_it_written_as_a_word_and_as_digits() {
    let stop = "+++\ntitle = \"Stop\"\n+++\n\n## Stopping\n\nDocker waits ten seconds, then kills it.\n\n## Timeouts\n\nA probe waits some seconds; its timeout is counted in seconds, and so is its period, in seconds.\n\n## Limits\n\nA retry comes after 5 seconds.\n";
    first_results_of(
        &[("01-stop/en.md", stop)],
        serde_json::json!([
            ["en", "10 seconds ", "/en/stop/#stopping"],
            ["en", "five seconds ", "/en/stop/#limits"]
        ]),
    );
}

/// A word typed in capitals is the Dockerfile instruction: "FROM --platform=…" is not
/// answered by a heading that begins with the preposition ("From host to target"), while
/// "from host" typed in lower case still is.
#[test]
fn an_instruction_typed_in_capitals_is_not_the_preposition() {
    let platforms = "+++\ntitle = \"Platforms\"\n+++\n\n## From emulated to cross-compiled\n\nBoth files produce a working index with two images. The first runs the whole compile twice, once of them under QEMU; the second downloads once and compiles twice, both times natively. Apart from the comments, four lines differ between them. Here it is again, line by line:\n\n```dockerfile\nFROM --platform=$BUILDPLATFORM golang:1.27 AS build\nWORKDIR /src\nCOPY go.mod ./\nRUN go mod download\nCOPY . .\nARG TARGETOS TARGETARCH\nRUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app .\n\nFROM gcr.io/distroless/static-debian13\nCOPY --from=build /out/app /app\nENTRYPOINT [\"/app\"]\n```\n\n## Cross-compiling for the target platform\n\n`FROM --platform=$BUILDPLATFORM` pins a stage to the build platform: the compiler runs natively and writes code for the target platform. `$BUILDPLATFORM` is the builder's own platform.\n";
    first_results_of(
        &[("01-platforms/en.md", platforms)],
        serde_json::json!([
            [
                "en",
                "FROM --platform=$BUILDPLATFORM",
                "/en/platforms/#cross-compiling-for-the-target-platform"
            ],
            [
                "en",
                "from emulated",
                "/en/platforms/#from-emulated-to-cross-compiled"
            ]
        ]),
    );
}

/// A form of a word the course never writes is found by its stem, as the forms it does
/// write are: "copying" reaches "copy", "falhando" reaches "falha" (the page carries no
/// stemmer; it takes the language's endings off until a stem of the course is left).
#[test]
fn a_form_the_course_never_writes_finds_its_stem() {
    let en = "+++\ntitle = \"Copy\"\n+++\n\n## Copy from a stage\n\nCopy the files out of the build stage.\n\n## Files\n\nFiles, more files and files again: the image holds files.\n";
    let pt = "+++\ntitle = \"Testes\"\n+++\n\n## Quando um teste falha\n\nO build para se um teste falha.\n\n## Testes\n\nTestes, testes e mais testes rodam no estágio de teste.\n";
    first_results_of(
        &[("01-copy/en.md", en), ("01-copy/pt-BR.md", pt)],
        serde_json::json!([
            ["en", "copying ", "/en/copy/#copy-from-a-stage"],
            ["en", "copying files ", "/en/copy/#copy-from-a-stage"],
            ["pt-BR", "falhando ", "/pt-BR/copy/#quando-um-teste-falha"],
            [
                "pt-BR",
                "testes falhando ",
                "/pt-BR/copy/#quando-um-teste-falha"
            ]
        ]),
    );
}

/// Snowball's Portuguese stemmer cuts "copia" to "cop" and "copiar" to "copi": a verb in
/// -iar the course uses is one word in all its forms, so "copiar arquivos" finds the section
/// that "copia arquivos" before one that only holds files.
#[test]
fn a_portuguese_verb_in_iar_finds_its_present_forms() {
    // More sections about files than the browser re-ranks by their text: the answer must
    // come from the index's stems.
    let files: String = (1..=12)
        .map(|n| {
            format!(
                "## Arquivos {n}\n\nArquivos e mais arquivos: o contexto {n} leva arquivos.\n\n"
            )
        })
        .collect();
    let pt = format!(
        "+++\ntitle = \"Imagens\"\n+++\n\n{files}## De outra imagem\n\nO `COPY --from` copia arquivos de qualquer imagem.\n\n## Publicando\n\nO resultado é copiado para o registry.\n"
    );
    let en = "+++\ntitle = \"Images\"\n+++\n\nImages.\n";
    first_results_of(
        &[("01-images/pt-BR.md", &pt), ("01-images/en.md", en)],
        serde_json::json!([
            [
                "pt-BR",
                "copiar arquivos ",
                "/pt-BR/images/#de-outra-imagem"
            ],
            [
                "pt-BR",
                "copiou arquivos ",
                "/pt-BR/images/#de-outra-imagem"
            ]
        ]),
    );
    // Both ways: "copia" finds "copiado"; and a verb whose present forms share their stem
    // with other words ("confia", "conf", "confira": Snowball's "conf") is not bridged.
    let trust = "+++\ntitle = \"Confiança\"\n+++\n\n## Confira a conf\n\nConfira o arquivo conf: confira a conf, o conf e o conf de novo.\n\n## Digest\n\nDá para confiar no digest, e o builder confia nele.\n\n## Outro lugar\n\nTudo foi copiado para o registry, e a imagem também.\n";
    first_results_of(
        &[("01-trust/pt-BR.md", trust), ("01-trust/en.md", en)],
        serde_json::json!([
            ["pt-BR", "confiar ", "/pt-BR/trust/#digest"],
            ["pt-BR", "copia registry ", "/pt-BR/trust/#outro-lugar"],
            // A typo's word is marked in the snippet as the word typed would be.
            [
                "pt-BR",
                "regsitry ",
                "/pt-BR/trust/#outro-lugar",
                ["registry"]
            ]
        ]),
    );
}

/// A heading that starts with the query's word, after an article, is the one that
/// introduces it ("The cache layer" for "cache"); a word joined to another word of the
/// course is a word of its own ("Dockerfile" is not "docker").
#[test]
fn a_heading_leads_with_its_word_after_an_article_and_docker_is_not_dockerfile() {
    let cache = "+++\ntitle = \"Caching\"\n+++\n\n## What helps the cache\n\nA mount helps the cache, and a cache mount most of all: every cache mount keeps its cache, so the cache is warm.\n\n## The cache layer\n\nA layer that keeps the package cache between builds.\n";
    let stop = "+++\ntitle = \"Stopping\"\n+++\n\n## When docker stop waits\n\nThe docker stop command sends a signal and waits ten seconds.\n\n## Dockerfile stop signal\n\nThe Dockerfile, a plain text file, sets STOPSIGNAL; docker stop sends it, and docker stop waits for it; docker stop and docker kill differ in what docker sends, and docker stop is what docker compose uses.\n";
    first_results_of(
        &[("01-cache/en.md", cache), ("02-stop/en.md", stop)],
        serde_json::json!([
            ["en", "cache ", "/en/cache/#the-cache-layer"],
            ["en", "docker stop ", "/en/stop/#when-docker-stop-waits"]
        ]),
    );
}

/// A word being typed that begins a word of the course is that word on its way, not a typo
/// of a shorter one: "dependab" is Dependabot, not "dependa" of a heading about what
/// depends on what.
#[test]
fn a_word_being_typed_is_not_read_as_a_typo() {
    let pt = "+++\ntitle = \"Versões\"\n+++\n\n## Camadas que não dependem da base\n\nUma camada que não dependa da base é reaproveitada; nada nela depende da imagem de baixo.\n\n## Tags fixadas\n\nO Dependabot abre um pull request quando sai uma versão nova da imagem.\n";
    let en = "+++\ntitle = \"Versions\"\n+++\n\nVersions.\n";
    first_results_of(
        &[("01-versions/pt-BR.md", pt), ("01-versions/en.md", en)],
        serde_json::json!([[
            "pt-BR",
            "dependab",
            "/pt-BR/versions/#tags-fixadas",
            ["Dependabot"]
        ]]),
    );
}

/// A reader typing an option with its dashes ("--build-cont", "--build") means the option,
/// not the words it is made of: the section that passes `--build-context` comes before the
/// ones whose headings say "build context", even when more of those than the browser
/// re-ranks in its first round outscore it on words. A word with a hyphen ("multi-sta") is
/// still words, though an option begins so.
#[test]
fn an_option_being_typed_finds_the_option() {
    let contexts: String = (1..=8)
        .map(|n| format!("## The build context {n}\n\nThe build context is the folder the client sends to the builder. Keep the context small: every build sends all of it.\n\n"))
        .collect();
    let context = format!(
        "+++\ntitle = \"Context\"\n+++\n\n{contexts}## Multi-stage builds\n\nA multi-stage build copies from one stage into the next.\n"
    );
    let named = "+++\ntitle = \"Named\"\n+++\n\n## Named contexts\n\nA stage can read another folder of files, given to the build with `docker buildx build --build-context docs=../docs .`, and copy from it.\n\n## Platforms\n\nOne build for two platforms: `--platform linux/amd64,linux/arm64` and `--multi-stage-cache`.\n";
    first_results_of(
        &[("01-context/en.md", &context), ("02-named/en.md", named)],
        serde_json::json!([
            ["en", "--build-cont", "/en/named/#named-contexts"],
            ["en", "--build", "/en/named/#named-contexts"],
            ["en", "multi-sta", "/en/context/#multi-stage-builds"],
        ]),
    );
}

/// A heading that names a query's code token is the section about it, though others
/// hold the whole line verbatim in their listings (a Portuguese heading "COPY --link:
/// camadas…" shares no prose word with the query).
#[test]
fn a_heading_that_names_the_option_comes_first() {
    let listing = |n: u32| {
        format!(
            "## Passo {n}\n\nO build copia os arquivos compilados para a imagem final:\n\n```dockerfile\nFROM node:24 AS build\nRUN npm ci && npm run build\nFROM node:24-slim\nCOPY --link --from=build /app/dist ./dist\nCOPY --from=build /app/node_modules ./node_modules\n```\n\n"
        )
    };
    let steps: String = (1..=2).map(listing).collect();
    let chapter = format!(
        "+++\ntitle = \"Cache\"\n+++\n\n{steps}## COPY --link: camadas que não dependem da base\n\nUm `COPY` normal grava em cima da camada anterior. O `COPY --link` grava numa camada própria, que o build seguinte reaproveita mesmo quando o `FROM` muda.\n"
    );
    first_results_of(
        &[("01-cache/en.md", &chapter)],
        serde_json::json!([[
            "en",
            "COPY --link --from=build",
            "/en/cache/#copy---link-camadas"
        ]]),
    );
}

/// "vs" compares the words around it and says nothing itself: a heading that holds it
/// ("Single-stage vs multi-stage") is not the answer to "node vs npm start".
#[test]
fn vs_is_a_stop_word() {
    let node = "+++\ntitle = \"Node\"\n+++\n\n## Single-stage vs multi-stage\n\nThe single-stage image runs npm install and node in one stage; the multi-stage one copies only what node needs.\n\n## Why node and not npm start\n\nThe container runs node itself, since npm start does not pass signals on.\n";
    first_results_of(
        &[("01-node/en.md", node)],
        serde_json::json!([[
            "en",
            "node vs npm sta",
            "/en/node/#why-node-and-not-npm-start"
        ]]),
    );
}

/// The basic fixture's course settings with only the chapters given (`folder/en.md`, text).
fn course_of(chapters: &[(&str, &str)]) -> SiteTest {
    let t = SiteTest::fixture("basic");
    for dir in ["01-intro", "02-second", "03-third"] {
        let _ = std::fs::remove_dir_all(t.path(&format!("content/{dir}")));
    }
    for (path, text) in chapters {
        t.write(&format!("content/{path}"), text);
    }
    t
}

/// [`first_results`] on a course of only `chapters` (see [`course_of`]), where a browser is.
fn first_results_of(chapters: &[(&str, &str)], cases: serde_json::Value) {
    if browser::available() {
        first_results(&course_of(chapters), cases);
    }
}

/// Builds `t` and types each `[lang, query, expected path prefix or ""]` into its search box.
fn first_results(t: &SiteTest, cases: serde_json::Value) {
    t.build();
    browser::run(
        "search_cases.mjs",
        &[&t.path("site").display().to_string(), &cases.to_string()],
    );
}
