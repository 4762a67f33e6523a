// The first query on a built site, as a reader meets it: what the search box downloads
// (bytes as served, and gzip-compressed as a web server would send them) and how long
// from typing (box focused, manifest loaded) to results, in headless Chromium. Usage:
//   node benches/search_first_query.mjs <site-dir> <lang> <page> "query" ["query" …]
// Each query runs in a fresh page (cold: nothing loaded), three times; the median is shown.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { launch, serve } from "../tests/browser/harness.mjs";

const [siteDir, lang, start, ...queries] = process.argv.slice(2);
const server = await serve(siteDir);
const { context, close } = await launch();
// Milliseconds from setting the box to `q` to the results for it.
const timeQuery = (page, q) =>
  page.evaluate(async (q) => {
    const input = document.querySelector("#search-input");
    const results = document.querySelector("#search-results");
    // The clock stops when the list says it answers `q` (an observer, not polling: a timer
    // polled in a loop is clamped to 4 ms steps).
    const done = new Promise((resolve) => {
      if (!q) return resolve(0);
      const watch = new MutationObserver(() => {
        if (results.dataset.query === q) { watch.disconnect(); resolve(performance.now()); }
      });
      watch.observe(results, { attributes: true, attributeFilter: ["data-query"] });
    });
    const t0 = performance.now();
    input.value = q;
    input.dispatchEvent(new Event("input"));
    return q ? (await done) - t0 : 0;
  }, q);
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const q of queries) {
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const page = await context.newPage();
    const files = new Set();
    page.on("request", (r) => {
      const path = new URL(r.url()).pathname;
      if (path.includes("/search/")) files.add(path);
    });
    await page.goto(server.url + start);
    // As a reader does: the box is focused (click or "/") before the first letter, which
    // fetches the manifest; the clock runs from the query to its results.
    await page.focus("#search-input");
    await page.waitForLoadState("networkidle");
    const ms = await timeQuery(page, q);
    // The same query again, every part already loaded: the ranking alone.
    await timeQuery(page, "");
    const warm = await timeQuery(page, q);
    let raw = 0, gz = 0;
    for (const f of files) {
      const bytes = readFileSync(join(siteDir, decodeURIComponent(f)));
      raw += bytes.length;
      gz += gzipSync(bytes).length;
    }
    const count = (re) => [...files].filter((f) => re.test(f)).length;
    runs.push({ ms, warm, raw, gz, n: files.size, buckets: count(/\/b\d+\.js$/), chunks: count(/\/c\d+\.js$/) });
    await page.close();
  }
  const r = runs[0];
  console.log(`${JSON.stringify(q)}: ${median(runs.map((x) => x.ms)).toFixed(1)} ms (median of 3; ${median(runs.map((x) => x.warm)).toFixed(1)} ms with its parts loaded), ${r.n} files (${r.buckets} of postings, ${r.chunks} of text), ${(r.raw / 1024).toFixed(0)} KB, ${(r.gz / 1024).toFixed(0)} KB gzip`);
}
await close();
await server.close();
