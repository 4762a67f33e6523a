// The judged queries typed into the real search box: the rank of the section a teacher
// would point to. Fails when MRR < 0.85 or top-3 < 0.95.
// Usage: node search.mjs <site-dir> <queries.json> [--report out.json]
import { readFileSync, writeFileSync } from "node:fs";
import { launch, serve } from "./harness.mjs";

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
  const rank = got.findIndex((h) => h === q.expect || (q.expect.endsWith("/") && h === q.expect + "#")) + 1;
  const chapter = q.expect.split("#")[0];
  const chapterRank = [...new Set(got.map((h) => h.split("#")[0]))].indexOf(chapter) + 1;
  rows.push({ ...q, rank, chapterRank, ms, top: got.slice(0, 3) });
}
await close();
await server.close();
const n = rows.length;
const mrr = rows.reduce((a, r) => a + (r.rank ? 1 / r.rank : 0), 0) / n;
const top1 = rows.filter((r) => r.rank === 1).length / n;
const top3 = rows.filter((r) => r.rank && r.rank <= 3).length / n;
// The same at the chapter level: the rank of the expected chapter among the chapters hit.
const chapterMrr = rows.reduce((a, r) => a + (r.chapterRank ? 1 / r.chapterRank : 0), 0) / n;
const slowest = Math.max(...rows.map((r) => r.ms));
for (const r of rows.filter((r) => r.rank !== 1)) {
  console.log(`rank ${r.rank || "-"}  [${r.lang}] ${r.q}  →  want ${r.expect}\n        got ${r.top.join("  ")}`);
}
console.log(`queries ${n}  MRR ${mrr.toFixed(3)}  top-1 ${(100 * top1).toFixed(1)}%  top-3 ${(100 * top3).toFixed(1)}%  chapter MRR ${chapterMrr.toFixed(3)}  slowest ${slowest} ms`);
if (report) writeFileSync(report, JSON.stringify({ n, mrr, top1, top3, chapterMrr, rows }, null, 1));
if (errors.length) { console.log("page errors:", errors); process.exit(1); }
if (mrr < 0.85 || top3 < 0.95) { console.log("below the bar: MRR >= 0.85 and top-3 >= 0.95"); process.exit(1); }
