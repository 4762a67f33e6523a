// The first query on a built site, as a reader meets it: what the search box downloads
// (bytes as served, and gzip-compressed as a web server would send them) and how long
// from typing (box focused, manifest loaded) to results (the list shown with its best hits,
// and its last hit below them), in headless Chromium: the query set at once (pasted), and
// typed a key at a time. Usage:
//   node benches/search_first_query.mjs <site-dir> <lang> <page> "query" ["query" …]
// Each query runs in a fresh page (cold: nothing loaded), three times; the median is shown.
// With HTTP2=1 the site is served over HTTP/2 (TLS, a throwaway self-signed certificate), as
// static hosts serve it: one connection carries every request at once, where HTTP/1.1 lets
// Chromium open six per host and queues the rest.
import { readFileSync, mkdtempSync, rmSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { execFileSync } from "node:child_process";
import http2 from "node:http2";
import { launch, serve, staticFiles } from "../tests/browser/harness.mjs";

const [siteDir, lang, start, ...queries] = process.argv.slice(2);
const serveHttp2 = (root) => {
  const dir = mkdtempSync(join(tmpdir(), "docent-h2-"));
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
    "-keyout", join(dir, "key.pem"), "-out", join(dir, "cert.pem")], { stdio: "ignore" });
  const server = http2.createSecureServer({ key: readFileSync(join(dir, "key.pem")), cert: readFileSync(join(dir, "cert.pem")) }, staticFiles(root));
  rmSync(dir, { recursive: true, force: true });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () =>
    resolve({ url: `https://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) })));
};
const server = process.env.HTTP2 ? await serveHttp2(siteDir) : await serve(siteDir);
const { context, close } = await launch(process.env.HTTP2 ? { args: ["--ignore-certificate-errors"] } : {});
// Milliseconds from setting the box to `q` to the results for it: to the list shown (its best
// hits) and to the whole list (the rest below them, the list no longer busy).
const timeQuery = (page, q) =>
  page.evaluate(async (q) => {
    const input = document.querySelector("#search-input");
    const results = document.querySelector("#search-results");
    // The clocks stop when the list says it answers `q` (an observer, not polling: a timer
    // polled in a loop is clamped to 4 ms steps).
    let shown = 0;
    const done = new Promise((resolve) => {
      if (!q) return resolve(0);
      const watch = new MutationObserver(() => {
        if (results.dataset.query !== q) return;
        if (!shown) shown = performance.now();
        if (!results.hasAttribute("aria-busy")) { watch.disconnect(); resolve(performance.now()); }
      });
      watch.observe(results, { attributes: true, attributeFilter: ["data-query", "aria-busy"] });
    });
    const t0 = performance.now();
    input.value = q;
    input.dispatchEvent(new Event("input"));
    if (!q) return { ms: 0, whole: 0 };
    const end = await done;
    return { ms: shown - t0, whole: end - t0 };
  }, q);
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// The same query typed as a reader types it (a key every 120 ms) into a fresh page: every
// prefix is a query of its own and loads its parts. Returns the milliseconds from the last
// key to the whole query's results, and the slowest answer to any prefix that was shown.
const TYPING_DELAY = 120;
const typed = async (page, q) => {
  await page.evaluate(() => {
    const input = document.querySelector("#search-input");
    const results = document.querySelector("#search-results");
    window.benchKeys = new Map(); // query → when its last key was pressed
    window.benchShown = new Map(); // query → when its results were first shown
    input.addEventListener("input", () => window.benchKeys.set(input.value, performance.now()), true);
    new MutationObserver(() => {
      const shown = results.dataset.query;
      if (!window.benchShown.has(shown)) window.benchShown.set(shown, performance.now());
    }).observe(results, { attributes: true, attributeFilter: ["data-query"] });
  });
  await page.keyboard.type(q, { delay: TYPING_DELAY });
  await page.waitForFunction((q) => window.benchShown.has(q), q);
  return page.evaluate((q) => {
    let slowest = 0;
    for (const [query, at] of window.benchShown) {
      if (window.benchKeys.has(query)) slowest = Math.max(slowest, at - window.benchKeys.get(query));
    }
    return { last: window.benchShown.get(q) - window.benchKeys.get(q), slowest };
  }, q);
};
// A fresh page at `start`, its box focused as a reader's is (click or "/") before the first
// letter, which fetches the manifest; `files` collects the search parts it asks for.
const coldPage = async (files) => {
  const page = await context.newPage();
  page.on("request", (r) => {
    const path = new URL(r.url()).pathname;
    if (path.includes("/search/")) files.add(path);
  });
  await page.goto(server.url + start);
  await page.focus("#search-input");
  await page.waitForLoadState("networkidle");
  return page;
};
for (const q of queries) {
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const files = new Set();
    const page = await coldPage(files);
    // The clock runs from the query to its results.
    const { ms, whole } = await timeQuery(page, q);
    // The same query again, every part already loaded: the ranking alone.
    await timeQuery(page, "");
    const warm = (await timeQuery(page, q)).whole;
    let raw = 0, gz = 0;
    for (const f of files) {
      const bytes = readFileSync(join(siteDir, decodeURIComponent(f)));
      raw += bytes.length;
      gz += gzipSync(bytes).length;
    }
    const count = (re) => [...files].filter((f) => re.test(f)).length;
    runs.push({ ms, whole, warm, raw, gz, n: files.size, buckets: count(/\/b\d+\.js$/), chunks: count(/\/c\d+\.js$/) });
    await page.close();
  }
  const typings = [];
  for (let i = 0; i < 3; i++) {
    const page = await coldPage(new Set());
    typings.push(await typed(page, q));
    await page.close();
  }
  const r = runs[0];
  console.log(`${JSON.stringify(q)}: ${median(runs.map((x) => x.ms)).toFixed(1)} ms to the list, ${median(runs.map((x) => x.whole)).toFixed(1)} ms to its last hit (medians of 3; ${median(runs.map((x) => x.warm)).toFixed(1)} ms with its parts loaded), ${r.n} files (${r.buckets} of postings, ${r.chunks} of text), ${(r.raw / 1024).toFixed(0)} KB, ${(r.gz / 1024).toFixed(0)} KB gzip`);
  console.log(`  typed (a key every ${TYPING_DELAY} ms): ${median(typings.map((x) => x.last)).toFixed(1)} ms from the last key to its results, slowest prefix answered in ${median(typings.map((x) => x.slowest)).toFixed(1)} ms (medians of 3)`);
}
await close();
await server.close();
