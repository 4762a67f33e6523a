//! `docent check`: every finding of a build, sorted, and (with `--external`) links to other
//! sites checked over the network.

use crate::error::Diagnostic;
use std::path::Path;

/// `docent check`: every finding of a build (errors stop it, so then only those), plus
/// external links when asked. Sorted by file and position.
pub fn run(root: &Path, external: bool) -> crate::error::Result<Vec<Diagnostic>> {
    let mut builder = crate::build::Builder::new(root, crate::render::BuildOptions::default());
    let (mut findings, links) = builder.diagnose()?;
    if external {
        findings.extend(external_links(&links));
    }
    Ok(crate::build::in_reading_order(findings))
}

/// Checks each distinct external URL once, eight at a time, with timeouts; a link that fails
/// is reported where it is written.
pub fn external_links(
    links: &[(std::path::PathBuf, crate::markdown::links::LinkRef)],
) -> Vec<Diagnostic> {
    use rayon::prelude::*;
    let mut urls: Vec<&str> = links.iter().map(|(_, l)| l.url.as_str()).collect();
    urls.sort_unstable();
    urls.dedup();
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_connect(Some(std::time::Duration::from_secs(5)))
        .timeout_global(Some(std::time::Duration::from_secs(15)))
        .http_status_as_error(false)
        .max_redirects(5)
        .user_agent("docent-link-check")
        .build()
        .into();
    let pool = rayon::ThreadPoolBuilder::new().num_threads(8).build();
    let probe = |url: &&str| -> (String, Option<String>) {
        let head = agent.head(*url).call();
        let outcome = match head {
            Ok(r) if r.status().as_u16() == 405 || r.status().as_u16() == 403 => {
                agent.get(*url).call()
            }
            other => other,
        };
        let problem = match outcome {
            Ok(r) if r.status().as_u16() < 400 => None,
            Ok(r) => Some(format!("answers {}", r.status())),
            Err(e) => Some(format!("cannot be reached: {e}")),
        };
        (url.to_string(), problem)
    };
    let results: Vec<(String, Option<String>)> = match pool {
        Ok(pool) => pool.install(|| urls.par_iter().map(probe).collect()),
        Err(_) => urls.iter().map(probe).collect(),
    };
    let failed: std::collections::HashMap<String, String> = results
        .into_iter()
        .filter_map(|(u, p)| p.map(|p| (u, p)))
        .collect();
    links
        .iter()
        .filter_map(|(path, link)| {
            let problem = failed.get(&link.url)?;
            Some(
                Diagnostic::error(
                    path,
                    link.line,
                    link.col,
                    format!("external link `{}` {problem}", link.url),
                )
                .with_help("update the link or remove it"),
            )
        })
        .collect()
}
