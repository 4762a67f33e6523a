#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use super::*;

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

fn keywords(d: &Dockerfile) -> Vec<&str> {
    d.instructions.iter().map(|i| i.keyword.as_str()).collect()
}

fn has_problem(d: &Dockerfile, line: usize, needle: &str) -> bool {
    d.problems
        .iter()
        .any(|p| p.line == line && p.message.contains(needle))
}

fn image(s: &str) -> StageRef {
    StageRef::Image(s.to_string())
}

#[test]
fn directives_at_the_top() {
    let d = parse("# syntax=docker/dockerfile:1\n#  Escape = `\n# CHECK=skip=all\nFROM x\n");
    assert_eq!(d.escape, '`');
    let names: Vec<_> = d
        .directives
        .iter()
        .map(|d| (d.name.as_str(), d.line))
        .collect();
    assert_eq!(names, [("syntax", 1), ("escape", 2), ("check", 3)]);
    assert_eq!(d.directive("syntax"), Some("docker/dockerfile:1"));
    assert_eq!(d.directive("check"), Some("skip=all"));
    assert!(d.problems.is_empty(), "{:?}", d.problems);
}

#[test]
fn directives_only_before_anything_else() {
    for src in [
        "# a comment\n# escape=`\nFROM x\n",
        "\n# escape=`\nFROM x\n",
        "FROM x\n# escape=`\n",
        "# unknown=1\n# escape=`\nFROM x\n",
    ] {
        let d = parse(src);
        assert_eq!(d.escape, '\\', "{src:?}");
        assert!(d.directive("escape").is_none(), "{src:?}");
    }
}

#[test]
fn bad_directives_are_problems() {
    let d = parse("# escape=x\n# syntax=a\n# syntax=b\nFROM x\n");
    assert_eq!(d.escape, '\\');
    assert!(has_problem(&d, 1, "invalid escape"));
    assert!(has_problem(&d, 3, "only one syntax"));
    assert_eq!(d.directive("syntax"), Some("a"));
}

#[test]
fn backtick_escape() {
    let d = parse("# escape=`\nFROM windows\nRUN dir `\n  c:\\ `\n  /s\nRUN echo c:\\\nRUN x\n");
    assert_eq!(d.escape, '`');
    assert_eq!(keywords(&d), ["FROM", "RUN", "RUN", "RUN"]);
    assert_eq!(d.instructions[1].args, ["dir   c:\\   /s"]);
    assert_eq!(
        (d.instructions[1].first_line, d.instructions[1].last_line),
        (3, 5)
    );
    assert_eq!(d.instructions[2].args, ["echo c:\\"]);
}

#[test]
fn continuations_skip_comments_and_blank_lines() {
    let src =
        "FROM alpine\nRUN apk add \\\n    # the compiler\n    gcc \\\n\n    musl-dev\nRUN next\n";
    let d = parse(src);
    let run = &d.instructions[1];
    assert_eq!(run.args, ["apk add     gcc     musl-dev"]);
    assert_eq!((run.first_line, run.last_line), (2, 6));
    assert_eq!(d.instructions[2].first_line, 7);
    // A comment ending in the escape character does not continue.
    let d = parse("# note \\\nFROM x\n");
    assert_eq!(keywords(&d), ["FROM"]);
}

#[test]
fn continuation_at_end_of_file_and_escaped_escape() {
    let d = parse("FROM x\nENV C trailing\\\\\nENV D y\nRUN something \\");
    assert_eq!(keywords(&d), ["FROM", "ENV", "ENV", "RUN"]);
    assert_eq!(d.instructions[1].args, ["C", "trailing\\\\"]);
    assert_eq!(d.instructions[3].args, ["something"]);
}

#[test]
fn one_heredoc() {
    let d = parse("FROM alpine\nRUN <<EOF\necho hi\n  echo there\nEOF\nCMD x\n");
    let run = &d.instructions[1];
    assert_eq!(run.args, ["<<EOF"]);
    assert_eq!((run.first_line, run.last_line), (2, 5));
    assert_eq!(run.heredocs.len(), 1);
    let h = &run.heredocs[0];
    assert_eq!(h.name, "EOF");
    assert_eq!(h.content, "echo hi\n  echo there\n");
    assert_eq!((h.first_line, h.last_line), (3, 5));
    assert!(!h.quoted && !h.strip_tabs);
    assert_eq!(d.instructions[2].first_line, 6);
    assert!(d.problems.is_empty(), "{:?}", d.problems);
}

#[test]
fn several_quoted_and_tab_stripped_heredocs() {
    let src = "FROM alpine\nRUN <<A cat /dev/stdin <<-\"B\"\none\nA\n\ttwo\n\t\tnested\n\tB\nCOPY <<'C' /x\n$HOME\nC\n";
    let d = parse(src);
    let run = &d.instructions[1];
    let got: Vec<_> = run
        .heredocs
        .iter()
        .map(|h| {
            (
                h.name.as_str(),
                h.content.as_str(),
                h.strip_tabs,
                h.quoted,
                h.first_line,
                h.last_line,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("A", "one\n", false, false, 3, 4),
            ("B", "two\nnested\n", true, true, 5, 7)
        ]
    );
    assert_eq!(run.last_line, 7);
    let copy = &d.instructions[2];
    assert_eq!(copy.args, ["<<'C'", "/x"]);
    assert_eq!(copy.heredocs[0].content, "$HOME\n");
    assert!(copy.heredocs[0].quoted);
    assert_eq!((copy.first_line, copy.last_line), (8, 10));
}

#[test]
fn heredocs_only_where_buildkit_reads_them() {
    // Exec-form RUN and other instructions take `<<` literally.
    let d = parse("FROM a\nRUN [\"cat\", \"<<EOF\"]\nCMD cat <<EOF\nEOF\n");
    assert_eq!(keywords(&d), ["FROM", "RUN", "CMD", "EOF"]);
    assert!(d.instructions[1].heredocs.is_empty());
    // ONBUILD RUN carries its heredoc.
    let d = parse("FROM a\nONBUILD RUN <<EOF\nx\nEOF\n");
    assert_eq!(d.instructions[1].heredocs[0].content, "x\n");
    assert_eq!(d.instructions.len(), 2);
}

#[test]
fn unterminated_heredoc() {
    let d = parse("FROM a\n\nRUN <<EOF\necho 1\necho 2\n");
    let run = &d.instructions[1];
    assert_eq!((run.first_line, run.last_line), (3, 5));
    assert_eq!(run.heredocs[0].content, "echo 1\necho 2\n");
    assert_eq!(run.heredocs[0].last_line, 5);
    assert!(has_problem(&d, 3, "unterminated heredoc"));
    // Nothing at all after the marker.
    let d = parse("FROM a\nRUN <<EOF");
    let h = &d.instructions[1].heredocs[0];
    assert_eq!((h.first_line, h.last_line), (2, 2));
    assert!(has_problem(&d, 2, "unterminated heredoc"));
}

#[test]
fn exec_and_shell_forms() {
    let d = parse(concat!(
        "FROM a\n",
        "CMD [\"node\", \"server.js\"]\n",
        "ENTRYPOINT node server.js\n",
        "CMD ['single', 'quotes']\n",
        "CMD [\"unterminated\"\n",
        "COPY [\"a b\", \"/c\"]\n",
        "COPY a  b\t/c/\n",
        "CMD [\"nested\", [\"no\"]]\n",
        "SHELL [\"/bin/bash\", \"-c\"]\n",
        "SHELL /bin/sh\n",
    ));
    let forms: Vec<_> = d
        .instructions
        .iter()
        .map(|i| (i.args.clone(), i.json_form))
        .collect();
    assert_eq!(forms[1], (strings(&["node", "server.js"]), true));
    assert_eq!(forms[2], (strings(&["node server.js"]), false));
    assert_eq!(forms[3], (strings(&["['single', 'quotes']"]), false));
    assert_eq!(forms[4], (strings(&["[\"unterminated\""]), false));
    assert_eq!(forms[5], (strings(&["a b", "/c"]), true));
    assert_eq!(forms[6], (strings(&["a", "b", "/c/"]), false));
    assert!(!forms[7].1);
    assert!(has_problem(&d, 8, "only strings"));
    assert_eq!(forms[8], (strings(&["/bin/bash", "-c"]), true));
    assert!(has_problem(&d, 10, "JSON form"));
}

#[test]
fn flags() {
    let d = parse(concat!(
        "FROM a AS build\nFROM b\n",
        "COPY --from=build --chown=\"app:app\" --link src/ /dst/\n",
        "RUN --mount=type=cache,target=/root/.cache --mount=type=secret,id=npm npm ci\n",
        "COPY -- --weird /x\n",
    ));
    let copy = &d.instructions[2];
    assert_eq!(
        copy.flags,
        [
            Flag {
                name: "from".into(),
                value: Some("build".into())
            },
            Flag {
                name: "chown".into(),
                value: Some("app:app".into())
            },
            Flag {
                name: "link".into(),
                value: None
            },
        ]
    );
    assert_eq!(copy.flag("from"), Some("build"));
    assert_eq!(copy.flag("link"), Some(""));
    assert_eq!(copy.flag("chmod"), None);
    assert_eq!(copy.args, ["src/", "/dst/"]);
    let run = &d.instructions[3];
    let mounts: Vec<_> = run.flag_values("mount").collect();
    assert_eq!(
        mounts,
        ["type=cache,target=/root/.cache", "type=secret,id=npm"]
    );
    assert_eq!(run.args, ["npm ci"]);
    assert!(d.instructions[4].flags.is_empty());
    assert_eq!(d.instructions[4].args, ["--weird", "/x"]);
}

#[test]
fn from_with_platform_and_as() {
    let d = parse("FROM --platform=$BUILDPLATFORM golang:1.22 As Build\nfrom scratch as final\n");
    assert_eq!(keywords(&d), ["FROM", "FROM"]);
    let s = &d.stages[0];
    assert_eq!(s.name.as_deref(), Some("build"));
    assert_eq!(s.platform.as_deref(), Some("$BUILDPLATFORM"));
    assert_eq!(s.base, image("golang:1.22"));
    assert_eq!(d.stages[1].name.as_deref(), Some("final"));
    assert_eq!(d.stages[1].platform, None);
    assert!(d.problems.is_empty(), "{:?}", d.problems);
}

#[test]
fn bad_from_lines() {
    let d = parse("FROM\nFROM a b\nFROM a AS 1bad\nFROM b AS ok\nFROM c AS OK\n");
    assert!(has_problem(&d, 1, "FROM requires"));
    assert!(has_problem(&d, 2, "one or three"));
    assert!(has_problem(&d, 3, "invalid stage name"));
    assert!(has_problem(&d, 5, "duplicate stage name"));
    assert_eq!(d.stages.len(), 5);
}

#[test]
fn copy_from_stage_by_name_and_index() {
    let d = parse(
        "FROM golang AS build\nRUN go build\nFROM alpine\nCOPY --from=0 /a /a\nCOPY --from=BUILD /b /b\n",
    );
    let edges: Vec<_> = d
        .dependencies
        .iter()
        .map(|e| (e.from.clone(), e.to, e.kind, e.line))
        .collect();
    assert_eq!(
        edges,
        [
            (StageRef::Stage(0), 1, DependencyKind::CopyFrom, 4),
            (StageRef::Stage(0), 1, DependencyKind::CopyFrom, 5)
        ]
    );
    assert!(d.problems.is_empty(), "{:?}", d.problems);
}

#[test]
fn copy_from_images_and_unknown_names() {
    let d = parse(concat!(
        "FROM alpine AS builder\nFROM alpine\n",
        "COPY --from=nginx:latest /etc/nginx /etc/nginx\n",
        "COPY --from=busybox /bin/busybox /bin/\n",
        "COPY --from=biulder /out /out\n",
        "COPY --from=7 /x /x\n",
        "ADD --from=builder /y /y\n",
    ));
    let edges: Vec<_> = d
        .dependencies
        .iter()
        .map(|e| (e.from.clone(), e.line))
        .collect();
    assert_eq!(
        edges,
        [
            (image("nginx:latest"), 3),
            (image("busybox"), 4),
            (image("biulder"), 5),
            (StageRef::Stage(0), 7)
        ]
    );
    assert!(!d.problems.iter().any(|p| p.line == 3 || p.line == 4));
    assert!(has_problem(&d, 5, "did you mean `builder`"));
    assert!(has_problem(&d, 6, "no stage with that index"));
}

#[test]
fn run_mount_dependencies() {
    let d = parse(concat!(
        "FROM node AS deps\nRUN npm ci\n",
        "FROM node AS builder\n",
        "RUN --mount=type=bind,from=deps,source=/app/node_modules,target=/app/node_modules npm run build\n",
        "FROM alpine\n",
        "RUN --mount=type=cache,from=builder,target=/x --mount=type=bind,from=docker/buildx-bin,target=/b ls\n",
    ));
    let mounts: Vec<_> = d
        .dependencies
        .iter()
        .filter(|e| e.kind == DependencyKind::MountFrom)
        .map(|e| (e.from.clone(), e.to, e.line))
        .collect();
    assert_eq!(
        mounts,
        [
            (StageRef::Stage(0), 1, 4),
            (StageRef::Stage(1), 2, 6),
            (image("docker/buildx-bin"), 2, 6)
        ]
    );
}

#[test]
fn from_stage_dependency() {
    let d = parse("FROM node:22 AS builder\nRUN make\nFROM builder AS test\nRUN make test\n");
    assert_eq!(d.stages[1].base, StageRef::Stage(0));
    assert_eq!(
        d.dependencies,
        [Dependency {
            from: StageRef::Stage(0),
            to: 1,
            kind: DependencyKind::From,
            line: 3
        }]
    );
    // A stage defined later is not a base: BuildKit would pull an image of that name.
    let d = parse("FROM later\nFROM alpine AS later\n");
    assert_eq!(d.stages[0].base, image("later"));
}

#[test]
fn args_before_from() {
    let d = parse(
        "ARG BASE=node:22-alpine\nARG TAG\nFROM ${BASE} AS app\nARG TAG\nRUN echo $TAG\nFROM $OTHER\n",
    );
    assert_eq!(d.instructions[0].stage, None);
    assert_eq!(d.instructions[1].stage, None);
    assert_eq!(d.instructions[2].stage, Some(0));
    assert_eq!(d.instructions[3].stage, Some(0));
    assert_eq!(d.stages[0].base, image("node:22-alpine"));
    // An ARG without a known value leaves the reference as written.
    assert_eq!(d.stages[1].base, image("$OTHER"));
    assert!(d.problems.is_empty(), "{:?}", d.problems);
    let d = parse("RUN x\nFROM a\n");
    assert!(has_problem(&d, 1, "before the first FROM"));
}

#[test]
fn from_reference_through_stage_arg() {
    let d =
        parse("ARG SRC=builder\nFROM a AS builder\nFROM b\nARG SRC\nCOPY --from=${SRC} /x /x\n");
    assert_eq!(d.dependencies[0].from, StageRef::Stage(0));
}

#[test]
fn line_numbers_and_keyword_columns() {
    let src = "  FROM x\n\n\t RUN a \\\n   b\n\u{a0}CMD y\n\\\n  USER z\n";
    let d = parse(src);
    let spots: Vec<_> = d
        .instructions
        .iter()
        .map(|i| (i.first_line, i.last_line, i.keyword_line, i.keyword_col))
        .collect();
    assert_eq!(
        spots,
        [(1, 1, 1, 2), (3, 4, 3, 2), (5, 5, 5, 2), (6, 7, 7, 2)]
    );
    let lines: Vec<&str> = src.lines().collect();
    for ins in &d.instructions {
        let line = lines[ins.keyword_line - 1];
        assert_eq!(
            &line[ins.keyword_col..ins.keyword_col + ins.keyword.len()],
            ins.keyword
        );
    }
}

#[test]
fn byte_order_mark_counts_in_columns() {
    let src = "\u{feff}FROM x\n";
    let d = parse(src);
    assert_eq!(d.instructions[0].keyword_col, 3);
    assert_eq!(&src[3..7], "FROM");
}

#[test]
fn onbuild_trigger_position() {
    let d = parse("FROM a\nONBUILD   COPY --from=b . /\n");
    let t = d.instructions[1].trigger.as_deref().unwrap();
    assert_eq!(t.keyword, "COPY");
    assert_eq!(t.flag("from"), Some("b"));
    assert_eq!((t.keyword_line, t.keyword_col), (2, 10));
    assert_eq!(t.stage, Some(0));
    // Triggers run in a later build: they make no edges here.
    assert!(d.dependencies.is_empty());
    let d = parse("FROM a\nONBUILD ONBUILD RUN x\n");
    assert!(has_problem(&d, 2, "ONBUILD ONBUILD"));
}

#[test]
fn final_stage_and_labels() {
    let d = parse("FROM a AS one\nFROM b\nFROM c AS three\n");
    assert_eq!(d.final_stage(), Some(2));
    assert_eq!(d.stage_label(0), "one");
    assert_eq!(d.stage_label(1), "1");
    assert_eq!(d.stage_label(2), "three");
    assert_eq!(d.stage_named("THREE"), Some(2));
    assert_eq!(parse("").final_stage(), None);
}

#[test]
fn crlf_line_endings() {
    let src = "# syntax=docker/dockerfile:1\r\nFROM a AS b\r\nRUN echo 1 \\\r\n  && echo 2\r\nCOPY <<EOF /x\r\nhi\r\nEOF\r\nENV A=1\r\n";
    let d = parse(src);
    assert_eq!(d.directive("syntax"), Some("docker/dockerfile:1"));
    assert_eq!(keywords(&d), ["FROM", "RUN", "COPY", "ENV"]);
    assert_eq!(d.stages[0].name.as_deref(), Some("b"));
    assert_eq!(d.instructions[1].args, ["echo 1   && echo 2"]);
    assert_eq!(d.instructions[2].heredocs[0].content, "hi\n");
    assert_eq!(d.instructions[2].last_line, 7);
    assert_eq!(d.instructions[3].pairs[0].value, "1");
    assert!(d.problems.is_empty(), "{:?}", d.problems);
}

#[test]
fn env_and_label_pairs() {
    let d = parse(
        "FROM a\nENV PATH /usr/local/bin:$PATH\nENV A=1 B=\"two words\" C=x\\ y\nLABEL org.opencontainers.image.title=\"docent\" version=1\nENV\nENV A=1 B\n",
    );
    let env = &d.instructions[1];
    assert_eq!(
        env.pairs,
        [KeyValue {
            key: "PATH".into(),
            value: "/usr/local/bin:$PATH".into(),
            equals: false
        }]
    );
    assert_eq!(env.args, ["PATH", "/usr/local/bin:$PATH"]);
    let env = &d.instructions[2];
    let pairs: Vec<_> = env
        .pairs
        .iter()
        .map(|p| (p.key.as_str(), p.value.as_str(), p.equals))
        .collect();
    assert_eq!(
        pairs,
        [
            ("A", "1", true),
            ("B", "\"two words\"", true),
            ("C", "x\\ y", true)
        ]
    );
    assert_eq!(d.instructions[3].pairs.len(), 2);
    assert!(has_problem(&d, 5, "at least one argument"));
    assert!(has_problem(&d, 6, "can't find ="));
}

#[test]
fn healthcheck_forms() {
    let d = parse(
        "FROM a\nHEALTHCHECK --interval=30s --retries=3 CMD [\"curl\", \"-f\", \"http://localhost/\"]\nHEALTHCHECK NONE\nHEALTHCHECK CMD wget -q -O- localhost\n",
    );
    let h = &d.instructions[1];
    assert_eq!(h.flag("interval"), Some("30s"));
    assert_eq!(h.args, ["CMD", "curl", "-f", "http://localhost/"]);
    assert!(h.json_form);
    assert_eq!(d.instructions[2].args, ["NONE"]);
    assert_eq!(d.instructions[3].args, ["CMD", "wget -q -O- localhost"]);
    assert!(d.problems.is_empty(), "{:?}", d.problems);
}

#[test]
fn keywords_are_case_insensitive_and_unknown_ones_kept() {
    let d = parse("from alpine\nRun echo hi\nFROBNICATE --x a b\n");
    assert_eq!(keywords(&d), ["FROM", "RUN", "FROBNICATE"]);
    assert_eq!(d.instructions[2].args, ["a b"]);
    assert_eq!(d.instructions[2].flag("x"), Some(""));
    assert!(has_problem(&d, 3, "unknown instruction: FROBNICATE"));
}

#[test]
fn empty_and_comment_only_files() {
    for src in ["", "\n\n", "# only\n# comments\n", "\u{feff}", "   \t\n"] {
        let d = parse(src);
        assert!(d.instructions.is_empty(), "{src:?}");
        assert!(has_problem(&d, 0, "no instructions"), "{src:?}");
    }
}

#[test]
fn unicode_arguments() {
    let d = parse(
        "FROM alpine\nLABEL descrição=\"café ☕\"\nRUN --mount=target=/ü echo ♥ \\\n  ☃\nCOPY --chown=ñ:ñ a/é /b/\n",
    );
    assert_eq!(d.instructions[1].pairs[0].key, "descrição");
    assert_eq!(d.instructions[2].flag("mount"), Some("target=/ü"));
    assert_eq!(d.instructions[2].args, ["echo ♥   ☃"]);
    assert_eq!(d.instructions[3].flag("chown"), Some("ñ:ñ"));
    assert!(d.problems.is_empty(), "{:?}", d.problems);
}

#[test]
fn three_stage_build_end_to_end() {
    let src = r#"# syntax=docker/dockerfile:1
ARG NODE=node:22-alpine

FROM ${NODE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci

FROM deps AS build
COPY . .
RUN npm run build \
    # keep the output small
    && npm prune --omit=dev

FROM gcr.io/distroless/nodejs22-debian12
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER nonroot
CMD ["dist/server.js"]
"#;
    let d = parse(src);
    assert!(d.problems.is_empty(), "{:?}", d.problems);
    assert_eq!(d.directive("syntax"), Some("docker/dockerfile:1"));
    assert_eq!(d.instructions.len(), 14);
    assert_eq!(d.instructions[0].stage, None);
    let stages: Vec<_> = d
        .stages
        .iter()
        .map(|s| (s.name.as_deref(), s.base.clone(), s.first_line, s.last_line))
        .collect();
    assert_eq!(
        stages,
        [
            (Some("deps"), image("node:22-alpine"), 4, 7),
            (Some("build"), StageRef::Stage(0), 9, 13),
            (None, image("gcr.io/distroless/nodejs22-debian12"), 15, 20)
        ]
    );
    let edges: Vec<_> = d
        .dependencies
        .iter()
        .map(|e| (e.from.clone(), e.to, e.kind, e.line))
        .collect();
    assert_eq!(
        edges,
        [
            (StageRef::Stage(0), 1, DependencyKind::From, 9),
            (StageRef::Stage(0), 2, DependencyKind::CopyFrom, 17),
            (StageRef::Stage(1), 2, DependencyKind::CopyFrom, 18)
        ]
    );
    let run = &d.instructions[7];
    assert_eq!(run.args, ["npm run build     && npm prune --omit=dev"]);
    assert_eq!((run.first_line, run.last_line), (11, 13));
    assert_eq!(d.final_stage(), Some(2));
    assert_eq!(d.stage_label(2), "2");
    let cmd = d.instructions.last().unwrap();
    assert!(cmd.json_form);
    assert_eq!((cmd.stage, cmd.first_line), (Some(2), 20));
}

/// Parses every prefix and suffix (at character boundaries) of inputs chosen to end in awkward
/// places: inside JSON, heredocs, quotes, flags, variables and multibyte characters.
#[test]
fn never_panics_on_fragments() {
    let tricky = [
        "# syntax=x\n# escape=`\nFROM a `\n AS b\nRUN [\"a\", \"\\u00e9\\ud83d\\ude00\"] `\n",
        "\u{feff}FROM --platform=$P ${IMG:-x} AS é\r\nRUN <<-\"EOF\" cat <<B\r\n\tx\r\n\tEOF\r\nB\r\n",
        "ARG A=\"1 2\"\nFROM a\nCOPY --from=${A --chown='x y' \"a b\" c\nRUN --mount=type=bind,\"from=x,y\" \\\n\\\n",
        "ENV a='b\\'c' d=\"e\\\"f\" g\\\nONBUILD ONBUILD RUN x\nHEALTHCHECK\u{a0}CMD [1, {\"a\": [null]}]\n",
        "CMD [ \"echo\", [ \"nested json\" ] ]\n\\\n`\n[\n<<\n--\n-- x\nCOPY --from=99999999999999999999999 a b\n",
    ];
    for src in tricky {
        for (i, _) in src.char_indices().chain([(src.len(), ' ')]) {
            let _ = parse(&src[..i]);
            let _ = parse(&src[i..]);
        }
    }
    let deep = format!("FROM a\nCMD {}", "[".repeat(50_000));
    let _ = parse(&deep);
    let chained = format!("FROM a\n{}RUN x\n", "ONBUILD ".repeat(10_000));
    let _ = parse(&chained);
}
