//! The stage map: which stage each instruction belongs to, what each stage starts from, and
//! which stages or images it copies or mounts from.
//!
//! Resolution follows BuildKit:
//! - `FROM x` names an earlier stage when one is called `x`, otherwise an image. Names are
//!   matched case-insensitively (BuildKit lower-cases stage names; an upper-case image name
//!   would be invalid anyway).
//! - `COPY --from=x` (and `ADD --from=x`) names any stage, then a stage index, otherwise an
//!   image; `RUN --mount=…,from=x` names a stage or an image (BuildKit takes no index there).
//! - `$VAR`/`${VAR}` in those references are replaced with `ARG` defaults when every one is
//!   known: global `ARG`s (before the first `FROM`) for `FROM`, and the stage's own `ARG`s (a
//!   bare `ARG NAME` inherits the global default) for `--from`. Otherwise the text is kept as
//!   written, since the value only comes with `--build-arg`.
//!
//! A `--from` value that is no stage is an image to BuildKit, even a bare word (`--from=nginx`
//! pulls `docker.io/library/nginx`), so it is recorded as [`StageRef::Image`] and is not a
//! problem in itself. The exception is a bare word one or two edits away from a stage name
//! (`--from=biulder` next to `AS builder`): that is almost always a typo that would only fail
//! later, at pull time, so it is also reported as a [`Problem`].

use std::collections::HashMap;

use super::{Dependency, DependencyKind, Instruction, Problem, Stage, StageRef};

/// Variables whose values are known.
type Env = HashMap<String, String>;

#[derive(Debug, Default)]
pub(crate) struct StageMap {
    pub(crate) stages: Vec<Stage>,
    pub(crate) dependencies: Vec<Dependency>,
}

/// Opens the stages, assigns instructions to them and resolves the edges between them.
pub(crate) fn map(instructions: &mut [Instruction], problems: &mut Vec<Problem>) -> StageMap {
    let globals = global_args(instructions);
    let mut map = StageMap::default();
    open_stages(instructions, &globals, &mut map, problems);
    link_stages(instructions, &globals, &mut map, problems);
    if map.stages.is_empty() && !instructions.is_empty() {
        problems.push(Problem::new(
            0,
            "no FROM instruction: the file defines no build stage",
        ));
    }
    map
}

/// `ARG` declarations before the first `FROM`, with their defaults where given.
fn global_args(instructions: &[Instruction]) -> HashMap<String, Option<String>> {
    let mut globals = HashMap::new();
    for ins in instructions.iter().take_while(|i| i.keyword != "FROM") {
        if ins.keyword == "ARG" {
            globals.extend(declarations(ins));
        }
    }
    globals
}

/// The names and defaults an `ARG` instruction declares, outer quotes removed.
fn declarations(ins: &Instruction) -> impl Iterator<Item = (String, Option<String>)> + '_ {
    ins.args.iter().map(|word| match word.split_once('=') {
        Some((name, value)) => (name.to_string(), Some(unquote(value).to_string())),
        None => (word.clone(), None),
    })
}

fn unquote(value: &str) -> &str {
    for q in ['"', '\''] {
        if let Some(inner) = value.strip_prefix(q).and_then(|v| v.strip_suffix(q)) {
            return inner;
        }
    }
    value
}

fn known(globals: &HashMap<String, Option<String>>) -> Env {
    globals
        .iter()
        .filter_map(|(k, v)| Some((k.clone(), v.clone()?)))
        .collect()
}

/// First pass: one stage per `FROM`, and each instruction's stage.
fn open_stages(
    instructions: &mut [Instruction],
    globals: &HashMap<String, Option<String>>,
    map: &mut StageMap,
    problems: &mut Vec<Problem>,
) {
    let env = known(globals);
    for (position, ins) in instructions.iter_mut().enumerate() {
        if ins.keyword == "FROM" {
            let stage = open_stage(position, ins, &env, &map.stages, problems);
            if let StageRef::Stage(base) = stage.base {
                map.dependencies.push(Dependency {
                    from: StageRef::Stage(base),
                    to: stage.index,
                    kind: DependencyKind::From,
                    line: ins.first_line,
                });
            }
            map.stages.push(stage);
        }
        ins.stage = map.stages.len().checked_sub(1);
        if let Some(trigger) = ins.trigger.as_mut() {
            trigger.stage = ins.stage;
        }
        if let Some(stage) = map.stages.last_mut() {
            stage.last_line = stage.last_line.max(ins.last_line);
        }
    }
}

fn open_stage(
    position: usize,
    ins: &Instruction,
    env: &Env,
    earlier: &[Stage],
    problems: &mut Vec<Problem>,
) -> Stage {
    let line = ins.first_line;
    let (image, name) = match ins.args.as_slice() {
        [image] => (image.as_str(), None),
        [image, as_word, name] if as_word.eq_ignore_ascii_case("as") => {
            (image.as_str(), Some(name.to_lowercase()))
        }
        [] => {
            problems.push(Problem::new(line, "FROM requires an image or stage name"));
            ("", None)
        }
        [image, ..] => {
            problems.push(Problem::new(
                line,
                "FROM requires either one or three arguments: FROM image [AS name]",
            ));
            (image.as_str(), None)
        }
    };
    if let Some(name) = &name {
        check_stage_name(name, line, earlier, problems);
    }
    let resolved = expand(image, env).unwrap_or_else(|| image.to_string());
    let base = match find_stage(earlier, &resolved) {
        Some(i) => StageRef::Stage(i),
        None => StageRef::Image(resolved),
    };
    Stage {
        index: earlier.len(),
        name,
        base,
        platform: ins.flag("platform").map(str::to_string),
        instruction: position,
        first_line: line,
        last_line: ins.last_line,
    }
}

/// BuildKit accepts stage names matching `^[a-z][a-z0-9-_.]*$` (after lower-casing), once each.
fn check_stage_name(name: &str, line: usize, earlier: &[Stage], problems: &mut Vec<Problem>) {
    let mut chars = name.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_.".contains(c));
    if !valid {
        problems.push(Problem::new(
            line,
            format!(
                "invalid stage name {name:?}: it must start with a letter and hold only letters, digits, '-', '_' and '.'"
            ),
        ));
    }
    if let Some(first) = earlier.iter().find(|s| s.name.as_deref() == Some(name)) {
        problems.push(Problem::new(
            line,
            format!(
                "duplicate stage name {name:?} (first used on line {})",
                first.first_line
            ),
        ));
    }
}

/// The last stage named `name`, case-insensitively.
fn find_stage(stages: &[Stage], name: &str) -> Option<usize> {
    let wanted = name.to_lowercase();
    stages
        .iter()
        .rposition(|s| s.name.as_deref() == Some(wanted.as_str()))
}

/// Second pass: `COPY --from`, `ADD --from` and `RUN --mount=…,from=…`.
fn link_stages(
    instructions: &[Instruction],
    globals: &HashMap<String, Option<String>>,
    map: &mut StageMap,
    problems: &mut Vec<Problem>,
) {
    let mut env = Env::new();
    for ins in instructions {
        let Some(current) = ins.stage else {
            // Without any FROM, the one file-wide problem says it all.
            if ins.keyword != "ARG" && !map.stages.is_empty() {
                problems.push(Problem::new(
                    ins.first_line,
                    format!(
                        "{} comes before the first FROM, where only ARG may appear",
                        ins.keyword
                    ),
                ));
            }
            continue;
        };
        match ins.keyword.as_str() {
            "FROM" => env.clear(),
            "ARG" => declare(ins, globals, &mut env),
            _ => {
                let mut linker = Linker {
                    stages: &map.stages,
                    env: &env,
                    current,
                    line: ins.first_line,
                    problems: &mut *problems,
                };
                let edges = linker.edges(ins);
                map.dependencies.extend(edges);
            }
        }
    }
}

/// Records a stage `ARG`: its default, else the global default it inherits.
fn declare(ins: &Instruction, globals: &HashMap<String, Option<String>>, env: &mut Env) {
    for (name, value) in declarations(ins) {
        let value = match value {
            Some(v) => Some(expand(&v, env).unwrap_or(v)),
            None => globals.get(&name).cloned().flatten(),
        };
        match value {
            Some(v) => env.insert(name, v),
            None => env.remove(&name),
        };
    }
}

/// The `from=` field of a `--mount` spec (comma-separated `key=value`, CSV quoting allowed).
fn mount_source(spec: &str) -> Option<String> {
    csv_fields(spec).into_iter().find_map(|field| {
        let (key, value) = field.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("from")
            .then(|| value.to_string())
    })
}

fn csv_fields(s: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            '"' => quoted = !quoted,
            ',' if !quoted => fields.push(std::mem::take(&mut field)),
            _ => field.push(c),
        }
    }
    fields.push(field);
    fields
}

/// Resolves `--from` values for one instruction.
struct Linker<'a> {
    stages: &'a [Stage],
    env: &'a Env,
    current: usize,
    line: usize,
    problems: &'a mut Vec<Problem>,
}

impl Linker<'_> {
    /// The edges an instruction makes: `COPY`/`ADD --from`, `RUN --mount=…,from=…`.
    fn edges(&mut self, ins: &Instruction) -> Vec<Dependency> {
        let mut edges = Vec::new();
        match ins.keyword.as_str() {
            "COPY" | "ADD" => {
                if let Some(from) = ins.flag("from") {
                    edges.extend(self.resolve(from, DependencyKind::CopyFrom));
                }
            }
            "RUN" => {
                for mount in ins.flag_values("mount") {
                    if let Some(from) = mount_source(mount) {
                        edges.extend(self.resolve(&from, DependencyKind::MountFrom));
                    }
                }
            }
            _ => {}
        }
        edges
    }

    fn resolve(&mut self, value: &str, kind: DependencyKind) -> Option<Dependency> {
        let what = match kind {
            DependencyKind::MountFrom => "RUN --mount from=",
            _ => "--from=",
        };
        let resolved = expand(value, self.env).unwrap_or_else(|| value.to_string());
        let from = if resolved.is_empty() {
            self.problem(format!("{what} is empty"));
            return None;
        } else if let Some(i) = find_stage(self.stages, &resolved) {
            StageRef::Stage(i)
        } else if kind == DependencyKind::CopyFrom && resolved.bytes().all(|b| b.is_ascii_digit()) {
            match resolved.parse::<usize>() {
                Ok(i) if i < self.stages.len() => StageRef::Stage(i),
                _ => {
                    let count = self.stages.len();
                    self.problem(format!(
                        "{what}{resolved}: there is no stage with that index (the file has {count})"
                    ));
                    return None;
                }
            }
        } else {
            if let Some(near) = self.near_stage_name(&resolved) {
                let names: Vec<String> = self
                    .stages
                    .iter()
                    .filter_map(|s| s.name.as_deref())
                    .map(|n| format!("`{n}`"))
                    .collect();
                self.problem(format!(
                    "{what}{resolved} names no stage (stages are {}; did you mean `{near}`?): BuildKit would pull an image called `{resolved}`",
                    names.join(", ")
                ));
            }
            StageRef::Image(resolved)
        };
        if from == StageRef::Stage(self.current) {
            self.problem(format!("{what}{value}: a stage cannot use itself"));
            return None;
        }
        Some(Dependency {
            from,
            to: self.current,
            kind,
            line: self.line,
        })
    }

    fn problem(&mut self, message: String) {
        self.problems.push(Problem::new(self.line, message));
    }

    /// A stage name one edit (short names) or two edits away from a bare word.
    fn near_stage_name(&self, word: &str) -> Option<&str> {
        if word.contains([':', '/', '@', '.', '$']) || word.chars().count() > 64 {
            return None;
        }
        let word = word.to_lowercase();
        self.stages
            .iter()
            .filter_map(|s| s.name.as_deref())
            .filter(|name| name.chars().count() <= 64)
            .map(|name| (crate::error::distance(&word, name), name))
            .filter(|&(d, name)| d > 0 && d <= if name.chars().count() < 5 { 1 } else { 2 })
            .min_by_key(|&(d, _)| d)
            .map(|(_, name)| name)
    }
}

/// Replaces `$NAME`, `${NAME}`, `${NAME:-word}`, `${NAME-word}`, `${NAME:+word}` and
/// `${NAME+word}` from `env`; `None` when a needed value is unknown or the syntax is not one
/// of these, so that the caller keeps the text as written.
pub(crate) fn expand(word: &str, env: &Env) -> Option<String> {
    let mut out = String::with_capacity(word.len());
    let mut chars = word.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '$' {
            out.push(c);
            continue;
        }
        if chars.peek() == Some(&'{') {
            chars.next();
            let mut inner = String::new();
            loop {
                match chars.next()? {
                    '}' => break,
                    c => inner.push(c),
                }
            }
            out.push_str(&braced(&inner, env)?);
        } else {
            let mut name = String::new();
            while let Some(&c) = chars.peek() {
                if !(c.is_ascii_alphanumeric() || c == '_') {
                    break;
                }
                name.push(c);
                chars.next();
            }
            if name.is_empty() {
                out.push('$');
            } else {
                out.push_str(env.get(&name)?);
            }
        }
    }
    Some(out)
}

fn braced(inner: &str, env: &Env) -> Option<String> {
    let end = inner
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(inner.len());
    let (name, op) = inner.split_at_checked(end)?;
    let value = env.get(name).map(String::as_str);
    let set_non_empty = value.is_some_and(|v| !v.is_empty());
    let result = if op.is_empty() {
        value?
    } else if let Some(default) = op.strip_prefix(":-") {
        if set_non_empty { value? } else { default }
    } else if let Some(default) = op.strip_prefix('-') {
        value.unwrap_or(default)
    } else if let Some(alternative) = op.strip_prefix(":+") {
        if set_non_empty { alternative } else { "" }
    } else if let Some(alternative) = op.strip_prefix('+') {
        if value.is_some() { alternative } else { "" }
    } else {
        return None;
    };
    Some(result.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expansion() {
        let env: Env = [
            ("A".to_string(), "x".to_string()),
            ("E".to_string(), String::new()),
        ]
        .into_iter()
        .collect();
        assert_eq!(expand("$A-${A}:$", &env).as_deref(), Some("x-x:$"));
        assert_eq!(
            expand("${B:-d}${E:-e}${A:+p}${E-f}", &env).as_deref(),
            Some("dep")
        );
        assert_eq!(expand("$B", &env), None);
        assert_eq!(expand("${A", &env), None);
        assert_eq!(expand("${A/x/y}", &env), None);
    }

    #[test]
    fn mount_specs() {
        assert_eq!(
            mount_source("type=cache,from=builder,target=/x").as_deref(),
            Some("builder")
        );
        assert_eq!(
            mount_source("\"source=a,b\",FROM=deps").as_deref(),
            Some("deps")
        );
        assert_eq!(mount_source("type=tmpfs,target=/t"), None);
    }
}
