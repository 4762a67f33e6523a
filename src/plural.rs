//! English plurals for the command line's messages: "1 chapter", "2 chapters".

/// `n` with the noun that fits it: `count(1, "language", "languages")` is "1 language".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_and_many() {
        assert_eq!(count(1, "language", "languages"), "1 language");
        assert_eq!(count(0, "warning", "warnings"), "0 warnings");
        assert_eq!(count(2, "chapter", "chapters"), "2 chapters");
    }
}
