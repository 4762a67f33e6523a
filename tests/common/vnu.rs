//! The Nu HTML Checker (vnu-jar from `npm ci`, run with java) over built sites.

use std::path::Path;
use std::process::Command;

/// The checker's errors over every page under `sites` ("url:line: message"), or `None`
/// when vnu or java is missing — a failure in CI, a skip (said on stderr) elsewhere.
pub fn errors(sites: &[&Path]) -> Option<Vec<String>> {
    let vnu = super::repo_root().join("node_modules/vnu-jar/build/dist/vnu.jar");
    if !vnu.is_file() || Command::new("java").arg("-version").output().is_err() {
        assert!(!super::ci(), "vnu-jar (npm ci) and java are required in CI");
        eprintln!("skipping: the Nu HTML Checker needs `npm ci` and java");
        return None;
    }
    let out = Command::new("java")
        .arg("-jar")
        .arg(&vnu)
        .args(["--errors-only", "--format", "json", "--skip-non-html"])
        .args(sites)
        .output()
        .expect("run vnu");
    let report: serde_json::Value = serde_json::from_slice(&out.stderr)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    Some(
        report["messages"]
            .as_array()
            .cloned()
            .unwrap_or_default()
            .iter()
            .filter(|m| m["type"] == "error")
            .map(|m| format!("{}:{}: {}", m["url"], m["lastLine"], m["message"]))
            .collect(),
    )
}
