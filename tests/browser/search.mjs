// The judged queries typed into the real search box: the rank of the section a teacher
// would point to. Fails when MRR < 0.85 or top-3 < 0.95.
// Usage: node search.mjs <site-dir> <queries.json> [--report out.json]
import { readFileSync, writeFileSync } from "node:fs";
import { launch, serve } from "./harness.mjs";
import { ranks, summary } from "./judged.mjs";

const [siteDir, queriesFile, ...rest] = process.argv.slice(2);
const report = rest[0] === "--report" ? rest[1] : null;
const queries = JSON.parse(readFileSync(queriesFile, "utf8"));
const server = await serve(siteDir);
const { context, close } = await launch();
const page = await context.newPage();
const errors = [];
page.on("pageerror", (e) => errors.push(String(e)));
const rows = [];
let current = null;
for (const q of queries) {
  if (current !== q.lang) {
    await page.goto(server.url + q.lang + "/");
    current = q.lang;
  }
  await page.fill("#search-input", "");
  const started = Date.now();
  await page.fill("#search-input", q.q);
  await page.waitForFunction((text) => document.querySelector("#search-results").dataset.query === text, q.q, { timeout: 10000 }).catch(() => {});
  const ms = Date.now() - started;
  const hrefs = await page.$$eval("#search-results > ol:first-of-type > li > a", (as) => as.map((a) => a.href));
  const got = hrefs.map((h) => decodeURIComponent(new URL(h).pathname.replace(/^\//, "") + new URL(h).hash));
  rows.push({ ...q, ...ranks(q.expect, got), ms, top: got.slice(0, 3) });
}
await close();
await server.close();
const { n, mrr, top1, top3, chapterMrr, line } = summary(rows);
const slowest = Math.max(...rows.map((r) => r.ms));
for (const r of rows.filter((r) => r.rank !== 1)) {
  console.log(`rank ${r.rank || "-"}  [${r.lang}] ${r.q}  →  want ${r.expect}\n        got ${r.top.join("  ")}`);
}
console.log(`${line}  slowest ${slowest} ms`);
if (report) writeFileSync(report, JSON.stringify({ n, mrr, top1, top3, chapterMrr, rows }, null, 1));
if (errors.length) { console.log("page errors:", errors); process.exit(1); }
if (mrr < 0.85 || top3 < 0.95) { console.log("below the bar: MRR >= 0.85 and top-3 >= 0.95"); process.exit(1); }
