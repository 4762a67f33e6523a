// The judged queries typed into the real search box: the rank of the section a teacher
// would point to. Fails when MRR < 0.85 or top-3 < 0.95.
// Usage: node search.mjs <site-dir> <queries.json> [--report out.json] [--bar MRR,TOP3]
// (TOP=10: list more hits; --bar: other bars than 0.85 and 0.95, for the held-out set)
import { open, ranks } from "./judged.mjs";
import { answered } from "./harness.mjs";

const { server, page, queries, finish } = await open();
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
  await answered(page, q.q, 10000).catch(() => {});
  const ms = Date.now() - started;
  const hrefs = await page.$$eval("#search-results > ol:first-of-type > li > a", (as) => as.map((a) => a.href));
  const got = hrefs.map((h) => decodeURIComponent(new URL(h).pathname.replace(/^\//, "") + new URL(h).hash));
  rows.push({ ...q, ...ranks(q.expect, got), ms, top: got.slice(0, process.env.TOP ? Number(process.env.TOP) : 3) });
}
const { mrr, top3, line } = await finish(rows);
const slowest = Math.max(...rows.map((r) => r.ms));
for (const r of rows.filter((r) => r.rank !== 1)) {
  console.log(`rank ${r.rank || "-"}  [${r.lang}] ${r.q}  →  want ${r.expect}\n        got ${r.top.join("  ")}`);
}
console.log(`${line}  slowest ${slowest} ms`);
if (errors.length) { console.log("page errors:", errors); process.exit(1); }
const bar = process.argv.indexOf("--bar");
const [minMrr, minTop3] = bar > 0 ? process.argv[bar + 1].split(",").map(Number) : [0.85, 0.95];
if (mrr < minMrr || top3 < minTop3) { console.log(`below the bar: MRR >= ${minMrr} and top-3 >= ${minTop3}`); process.exit(1); }
