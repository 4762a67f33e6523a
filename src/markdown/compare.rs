//! Two consecutive `compare` blocks side by side, with the lines only one side has marked
//! (`<del>` / `<ins>` plus a sign, so the mark does not rely on colour).

use super::codeblock::Block;
use std::collections::BTreeSet;
use std::fmt::Write;

/// Lines (1-based) of `left` and of `right` that are not in their longest common subsequence.
pub fn diff(left: &[&str], right: &[&str]) -> (BTreeSet<usize>, BTreeSet<usize>) {
    let (n, m) = (left.len(), right.len());
    let mut table = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let v = if left.get(i).map(|s| s.trim_end()) == right.get(j).map(|s| s.trim_end()) {
                table[i + 1][j + 1] + 1
            } else {
                table[i + 1][j].max(table[i][j + 1])
            };
            table[i][j] = v;
        }
    }
    let (mut only_left, mut only_right) = (BTreeSet::new(), BTreeSet::new());
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if left.get(i).map(|s| s.trim_end()) == right.get(j).map(|s| s.trim_end()) {
            i += 1;
            j += 1;
        } else if table[i + 1][j] >= table[i][j + 1] {
            only_left.insert(i + 1);
            i += 1;
        } else {
            only_right.insert(j + 1);
            j += 1;
        }
    }
    only_left.extend(i + 1..=n);
    only_right.extend(j + 1..=m);
    (only_left, only_right)
}

/// One row of a side-by-side comparison: a line of the left (1-based) and of the right;
/// `None` where that side has nothing (a filler row). `same` when both hold the same line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    /// The left listing's line shown in this row.
    pub left: Option<usize>,
    /// The right listing's line shown in this row.
    pub right: Option<usize>,
    /// Both sides hold the same line, so neither is marked.
    pub same: bool,
}

/// The rows of a comparison: common lines side by side, and between them each run of
/// left-only lines paired with the run of right-only lines it was replaced by, so that a
/// line and its counterpart share a row (GitHub's split diff).
pub fn rows(left: &[&str], right: &[&str]) -> Vec<Row> {
    let (only_left, only_right) = diff(left, right);
    let mut out = Vec::new();
    let (mut i, mut j) = (1, 1);
    let (n, m) = (left.len(), right.len());
    while i <= n || j <= m {
        let (mut dels, mut inss) = (Vec::new(), Vec::new());
        while i <= n && only_left.contains(&i) {
            dels.push(i);
            i += 1;
        }
        while j <= m && only_right.contains(&j) {
            inss.push(j);
            j += 1;
        }
        for k in 0..dels.len().max(inss.len()) {
            out.push(Row {
                left: dels.get(k).copied(),
                right: inss.get(k).copied(),
                same: false,
            });
        }
        if i <= n && j <= m {
            out.push(Row {
                left: Some(i),
                right: Some(j),
                same: true,
            });
            i += 1;
            j += 1;
        } else if dels.is_empty() && inss.is_empty() {
            // Only reachable with an inconsistent diff: never loop forever on one.
            let row = if i <= n {
                i += 1;
                (Some(i - 1), None)
            } else {
                j += 1;
                (None, Some(j - 1))
            };
            out.push(Row {
                left: row.0,
                right: row.1,
                same: false,
            });
        }
    }
    out
}

/// Lays `block` out for its side of `rows`: filler rows where only the other side has a
/// line, and the lines only this side has marked removed (`del`, left) or added (`ins`,
/// right) — except blank ones, which carry no sign.
pub fn mark(block: &mut Block<'_>, lines: &[String], raw: &[&str], rows: &[Row], added: bool) {
    let (tag, class) = if added {
        ("ins", "diff-added")
    } else {
        ("del", "diff-removed")
    };
    let mut next = 1;
    for row in rows {
        let Some(n) = (if added { row.right } else { row.left }) else {
            *block.fillers.entry(next).or_default() += 1;
            continue;
        };
        next = n + 1;
        if row.same || raw.get(n - 1).is_none_or(|l| l.trim().is_empty()) {
            continue;
        }
        let html = block
            .line_html
            .get(&n)
            .cloned()
            .or_else(|| lines.get(n - 1).cloned())
            .unwrap_or_default();
        block.line_html.insert(n, format!("<{tag}>{html}</{tag}>"));
        block
            .line_attrs
            .entry(n)
            .or_default()
            .push_str(&format!(" data-diff=\"{class}\""));
    }
    block.classes.push("compare-side");
}

/// The same comparison as one listing: removed lines, then the lines that replace them,
/// then what both share — for narrow screens, where two columns do not fit.
pub fn unified(
    rows: &[Row],
    left: &[String],
    right: &[String],
    raw_left: &[&str],
    raw_right: &[&str],
) -> String {
    // (html, the mark it carries)
    let mut listing: Vec<(&str, Option<&'static str>)> = Vec::new();
    fn pick<'s>(
        lines: &'s [String],
        raw: &[&str],
        n: usize,
        class: &'static str,
    ) -> (&'s str, Option<&'static str>) {
        let html = lines.get(n - 1).map_or("", String::as_str);
        let blank = raw.get(n - 1).is_none_or(|l| l.trim().is_empty());
        (html, (!blank).then_some(class))
    }
    let mut i = 0;
    while let Some(row) = rows.get(i) {
        if row.same {
            if let Some(n) = row.right {
                listing.push((right.get(n - 1).map_or("", String::as_str), None));
            }
            i += 1;
            continue;
        }
        let run: Vec<&Row> = rows.iter().skip(i).take_while(|r| !r.same).collect();
        i += run.len();
        for n in run.iter().filter_map(|r| r.left) {
            listing.push(pick(left, raw_left, n, "diff-removed"));
        }
        for n in run.iter().filter_map(|r| r.right) {
            listing.push(pick(right, raw_right, n, "diff-added"));
        }
    }
    let mut out = String::from("<pre class=\"code\" tabindex=\"0\"><code>");
    for (k, (html, diff)) in listing.iter().enumerate() {
        if k > 0 {
            out.push('\n');
        }
        match diff {
            Some(class) => {
                let tag = if *class == "diff-added" { "ins" } else { "del" };
                let _ = write!(
                    out,
                    "<span class=\"line\" data-diff=\"{class}\"><{tag}>{html}</{tag}></span>"
                );
            }
            None => {
                let _ = write!(out, "<span class=\"line\">{html}</span>");
            }
        }
    }
    out.push_str("</code></pre>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_only_what_differs() {
        let left = ["FROM node:24", "COPY . .", "RUN npm ci", "CMD [\"node\"]"];
        let right = [
            "FROM node:24 AS build",
            "COPY . .",
            "RUN npm ci",
            "FROM node:24-slim",
            "CMD [\"node\"]",
        ];
        let (l, r) = diff(&left, &right);
        assert_eq!(l.into_iter().collect::<Vec<_>>(), [1]);
        assert_eq!(r.into_iter().collect::<Vec<_>>(), [1, 4]);
    }

    #[test]
    fn a_line_and_its_replacement_share_a_row() {
        let left = ["FROM node:24", "COPY . .", "CMD [\"node\"]"];
        let right = [
            "FROM node:24 AS build",
            "COPY . .",
            "FROM node:24-slim",
            "COPY --from=build /app /app",
            "CMD [\"node\"]",
        ];
        let got: Vec<(Option<usize>, Option<usize>, bool)> = rows(&left, &right)
            .iter()
            .map(|r| (r.left, r.right, r.same))
            .collect();
        assert_eq!(
            got,
            [
                (Some(1), Some(1), false),
                (Some(2), Some(2), true),
                (None, Some(3), false),
                (None, Some(4), false),
                (Some(3), Some(5), true),
            ]
        );
    }
}
