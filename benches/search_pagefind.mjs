// The judged queries against Pagefind over the same built site, scored like docent's
// search box: a result list of sections (each page's sub-results, strongest first),
// the rank of the expected section. Usage:
//   node benches/search_pagefind.mjs <site-dir with pagefind/> <queries.json> [--report out.json]
import { open, ranks } from "../tests/browser/judged.mjs";

const { server, page, queries, finish } = await open();
const rows = [];
let current = null;
for (const q of queries) {
  if (current !== q.lang) {
    await page.goto(server.url + q.lang + "/");
    await page.evaluate(async () => {
      window.pf = await import("/pagefind/pagefind.js");
      await window.pf.init();
    });
    current = q.lang;
  }
  const started = Date.now();
  const got = await page.evaluate(async (text) => {
    const search = await window.pf.search(text);
    const out = [];
    for (const r of search.results.slice(0, 10)) {
      const d = await r.data();
      // Within a page, sections by how strongly they match (Pagefind lists them in page
      // order; its UI shows the best ones): the sum of their weighted match scores.
      const score = (s) => (s.weighted_locations || []).reduce((a, l) => a + (l.balanced_score || 0), 0);
      const subs = (d.sub_results || [{ url: d.url }]).slice().sort((a, b) => score(b) - score(a));
      for (const s of subs) out.push(s.url);
    }
    return out.slice(0, 10);
  }, q.q);
  const ms = Date.now() - started;
  const norm = got.map((u) => decodeURIComponent(u.replace(/^\//, "").replace(/index\.html/, "")));
  rows.push({ ...q, ...ranks(q.expect, norm), ms, top: norm.slice(0, 3) });
}
const { line } = await finish(rows);
console.log(`pagefind: ${line}`);
