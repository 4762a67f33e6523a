//! Two consecutive `compare` blocks side by side, with the lines only one side has marked
//! (`<del>` / `<ins>` plus a sign, so the mark does not rely on colour).

use super::codeblock::Block;
use std::collections::BTreeSet;

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

/// Marks `lines` of `block` as removed (`del`) or added (`ins`).
pub fn mark(block: &mut Block<'_>, lines: &[String], marked: &BTreeSet<usize>, added: bool) {
    let (tag, class) = if added {
        ("ins", "diff-added")
    } else {
        ("del", "diff-removed")
    };
    for &n in marked {
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
}
