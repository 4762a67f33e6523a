//! ` ```quiz ` blocks: TOML questions become a self-check that works offline; without
//! JavaScript each answer waits in a `<details>`.

use super::ui;
use serde::Deserialize;
use std::fmt::Write;

/// The body of a ` ```quiz ` block, as TOML.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quiz {
    /// The `[[question]]` tables, in the order they are asked; at least one.
    pub question: Vec<Question>,
}

/// One multiple-choice question of a quiz.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// The question, one line of Markdown.
    pub prompt: String,
    /// The possible answers, one line of Markdown each, shown in this order; two or more.
    pub choices: Vec<String>,
    /// 0-based index into `choices`.
    pub answer: Answer,
    /// Why the answer is right, one line of Markdown shown with it; may be empty.
    #[serde(default)]
    pub explain: String,
}

/// A question's `answer` as written: the right choice's position, counting from 0, or (a
/// mistake [`parse`] explains) something else.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum Answer {
    /// The position of the right choice in `choices`, counting from 0.
    Index(i64),
    /// Text: wrong, but most likely the right choice written out.
    Text(String),
    /// Anything else TOML can hold (a list, a table, a float, a boolean).
    Other(toml::Value),
}

impl Answer {
    /// The index into `choices`, once [`parse`] has checked it.
    pub fn index(&self) -> usize {
        match self {
            Answer::Index(i) => usize::try_from(*i).unwrap_or(usize::MAX),
            _ => usize::MAX,
        }
    }
}

/// Parses and checks the quiz; `Err((line within the body, column, message))`.
pub fn parse(body: &str) -> Result<Quiz, (usize, usize, String)> {
    let quiz: Quiz = toml::from_str(body).map_err(|e| {
        let (l, c) = e
            .span()
            .map_or((1, 1), |s| crate::error::line_col(body, s.start));
        (l, c, format!("invalid quiz: {}", e.message().trim()))
    })?;
    if quiz.question.is_empty() {
        return Err((1, 1, "a quiz needs at least one [[question]]".into()));
    }
    for (i, q) in quiz.question.iter().enumerate() {
        let start = nth_question_line(body, i);
        let n = i + 1;
        if q.choices.len() < 2 {
            let line = key_line(body, start, "choices").unwrap_or(start);
            return Err((
                line,
                1,
                format!("question {n}: needs two or more `choices`"),
            ));
        }
        let line = key_line(body, start, "answer").unwrap_or(start);
        let last = q.choices.len() - 1;
        let counts = format!(
            "`answer` is the position of the right choice, counting from 0 (0 to {last} here)"
        );
        match &q.answer {
            Answer::Index(a) if usize::try_from(*a).is_ok_and(|a| a <= last) => {}
            Answer::Index(a) => {
                return Err((
                    line,
                    1,
                    format!(
                        "question {n}: `answer = {a}`, but there are only {} ({counts})",
                        crate::plural::count(q.choices.len(), "choice", "choices")
                    ),
                ));
            }
            Answer::Text(text) => {
                let hint = match q.choices.iter().position(|c| c.trim() == text.trim()) {
                    Some(k) => format!("; \"{text}\" is choice {k}: write `answer = {k}`"),
                    None => String::new(),
                };
                return Err((line, 1, format!("question {n}: {counts}, not text{hint}")));
            }
            Answer::Other(_) => {
                return Err((line, 1, format!("question {n}: {counts}: one whole number")));
            }
        }
    }
    Ok(quiz)
}

/// The line of `key = …` in the question that starts at line `start` (1-based).
fn key_line(body: &str, start: usize, key: &str) -> Option<usize> {
    body.lines()
        .enumerate()
        .skip(start)
        .take_while(|(_, l)| l.trim() != "[[question]]")
        .find(|(_, l)| {
            l.trim_start()
                .strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map(|(n, _)| n + 1)
}

fn nth_question_line(body: &str, i: usize) -> usize {
    body.lines()
        .enumerate()
        .filter(|(_, l)| l.trim() == "[[question]]")
        .nth(i)
        .map_or(1, |(n, _)| n + 1)
}

/// Markdown of one line (code spans, emphasis, links), without the paragraph around it.
fn inline(md: &str) -> String {
    let mut options = comrak::Options::default();
    options.extension.strikethrough = true;
    options.extension.autolink = true;
    let arena = comrak::Arena::new();
    let root = comrak::parse_document(&arena, md, &options);
    crate::code_spans::line_html(&arena, root, &options, false)
}

/// The quiz as a form that works without JavaScript (each answer in a `<details>`). It is
/// named by the heading right above it when there is one (`labelled_by`), so the page does
/// not say "check yourself" twice; otherwise it carries its own title.
pub fn render(quiz: &Quiz, id: &str, labelled_by: Option<&str>) -> String {
    let mut out = String::new();
    match labelled_by {
        Some(heading) => {
            let _ = write!(
                out,
                "<section class=\"quiz\" id=\"{id}\" data-quiz aria-labelledby=\"{heading}\">"
            );
        }
        None => {
            let _ = write!(
                out,
                "<section class=\"quiz\" id=\"{id}\" data-quiz aria-labelledby=\"{id}-title\"><p class=\"quiz-title\" id=\"{id}-title\">{}</p>",
                ui("quiz-title")
            );
        }
    }
    out.push_str("<ol class=\"quiz-questions\">");
    for (i, q) in quiz.question.iter().enumerate() {
        let qid = format!("{id}-q{}", i + 1);
        let _ = write!(
            out,
            "<li class=\"quiz-question\" id=\"{qid}\" data-answer=\"{}\"><fieldset><legend><span class=\"quiz-number\">{}</span> <span class=\"quiz-prompt\">{}</span></legend><ul class=\"quiz-choices\">",
            q.answer.index(),
            i + 1,
            inline(&q.prompt)
        );
        for (j, choice) in q.choices.iter().enumerate() {
            let _ = write!(
                out,
                "<li><label class=\"quiz-choice\"><input type=\"radio\" name=\"{qid}\" value=\"{j}\"><span class=\"quiz-choice-text\">{}</span><span class=\"quiz-mark\" aria-hidden=\"true\"></span></label></li>",
                inline(choice)
            );
        }
        let right = q
            .choices
            .get(q.answer.index())
            .map_or(String::new(), |c| inline(c));
        let _ = write!(
            out,
            "</ul></fieldset><div class=\"quiz-actions\"><button type=\"button\" class=\"quiz-check\" hidden data-right=\"{}\" data-wrong=\"{}\" data-choose=\"{}\">{}</button><span class=\"quiz-result\" role=\"status\" aria-live=\"polite\"></span></div><details class=\"quiz-answer\"><summary>{}</summary><p class=\"quiz-answer-choice\"><strong>{}</strong> {}</p>{}</details></li>",
            ui("quiz-right"),
            ui("quiz-wrong"),
            ui("quiz-choose"),
            ui("quiz-check"),
            ui("quiz-show-answer"),
            ui("quiz-answer"),
            right,
            if q.explain.is_empty() {
                String::new()
            } else {
                format!("<p class=\"quiz-explain\">{}</p>", inline(&q.explain))
            },
        );
    }
    let _ = write!(
        out,
        "</ol><p class=\"quiz-score\" role=\"status\" aria-live=\"polite\" hidden data-template=\"{}\" data-done=\"{}\"></p></section>",
        ui("quiz-score"),
        ui("quiz-score-done"),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_answers() {
        let ok = "[[question]]\nprompt = \"p\"\nchoices = [\"a\", \"b\"]\nanswer = 1\n";
        assert!(parse(ok).is_ok());
        let bad = "[[question]]\nprompt = \"p\"\nchoices = [\"a\", \"b\"]\nanswer = 2\n";
        assert_eq!(parse(bad).err().map(|e| e.0), Some(4)); // the `answer` line
        let typo = "[[question]]\nprompt = \"p\"\nchoice = [\"a\"]\nanswer = 0\n";
        let err = parse(typo).expect_err("unknown field");
        assert_eq!(err.0, 3);
    }
}
