//! Runs a browser script from `tests/browser/` (Node + playwright-core + Debian's chromium).
//! Outside CI a missing browser or missing `npm ci` skips with a message; in CI it fails.

use super::repo_root;
use std::path::Path;
use std::process::Command;

/// Whether browser tests can run here; `false` means "skip" (and is impossible in CI).
pub fn available() -> bool {
    let chromium = std::env::var("DOCENT_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let missing: Vec<String> = [
        (!Path::new(&chromium).exists()).then(|| format!("{chromium} (apt-get install chromium)")),
        (!repo_root().join("node_modules/playwright-core").is_dir())
            .then(|| "node_modules/playwright-core (npm ci)".to_string()),
        Command::new("node")
            .arg("--version")
            .output()
            .is_err()
            .then(|| "node".to_string()),
    ]
    .into_iter()
    .flatten()
    .collect();
    if missing.is_empty() {
        return true;
    }
    assert!(
        !super::ci(),
        "browser tests cannot run in CI: missing {}",
        missing.join(", ")
    );
    eprintln!("skipping browser test: missing {}", missing.join(", "));
    false
}

/// Runs `tests/browser/<script>` with `args`; panics with its output when a check failed.
pub fn run(script: &str, args: &[&str]) {
    let output = Command::new("node")
        .arg(repo_root().join("tests/browser").join(script))
        .args(args)
        .current_dir(repo_root())
        .output()
        .expect("run node");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    eprintln!("{stdout}");
    assert!(
        output.status.success(),
        "{script} failed:\n{stdout}\n{stderr}"
    );
}
