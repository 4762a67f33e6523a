// The judged queries typed into the real search box: the rank of the section a teacher
// would point to. Fails when MRR < 0.85 or top-3 < 0.95.
// Usage: node search.mjs <site-dir> <queries.json> [--report out.json] [--bar MRR,TOP3]
// (TOP=10: list more hits; --bar: other bars than 0.85 and 0.95, for the held-out set)
import { open, ranks } from "./judged.mjs";

const { server, page, queries, finish } = await open();
const errors = [];
page.on("pageerror", (e) => errors.push(String(e)));

/// Types each query of `batch` in the page itself: the box's text selected and replaced
/// through the browser's editing commands (the trusted `input` events a keyboard gives),
/// then the list read once it answers that query. One round trip to the browser per batch,
/// not five per query: thousands of queries take a minute rather than six.
function typeAll(batch) {
  return page.evaluate(async ({ batch }) => {
    const input = document.querySelector("#search-input");
    const results = document.querySelector("#search-results");
    const answered = (q) => results.dataset.query === q && !results.hasAttribute("aria-busy");
    const until = (q) => new Promise((resolve) => {
      if (answered(q)) return resolve(true);
      const done = (ok) => { watch.disconnect(); clearTimeout(timer); resolve(ok); };
      const watch = new MutationObserver(() => { if (answered(q)) done(true); });
      watch.observe(results, { attributes: true, childList: true });
      const timer = setTimeout(() => done(false), 10000);
    });
    const rows = [];
    input.focus();
    // After a query that got no answer, the rest are not waited for: a broken search
    // fails the run in seconds, not in hours.
    let broken = false;
    for (const q of batch) {
      input.select();
      document.execCommand("delete");
      const started = performance.now();
      // Typed, or the row says it was not (focus lost): never the last query's list.
      const typed = !broken && document.execCommand("insertText", false, q.q) && input.value === q.q;
      const ok = typed && (await until(q.q));
      if (!ok) broken = true;
      const ms = Math.round(performance.now() - started);
      const hrefs = [...results.querySelectorAll(":scope > ol:first-of-type > li > a")].map((a) => a.href);
      rows.push({ q, ok, ms, hrefs });
    }
    return rows;
  }, { batch });
}

const rows = [];
const unanswered = [];
for (let i = 0; i < queries.length; ) {
  // Runs of one language, on that language's home page, at most 200 queries at a time.
  const lang = queries[i].lang;
  let j = i;
  while (j < queries.length && j - i < 200 && queries[j].lang === lang) j++;
  await page.goto(server.url + lang + "/");
  for (const { q, ok, ms, hrefs } of await typeAll(queries.slice(i, j))) {
    const got = hrefs.map((h) => decodeURIComponent(new URL(h).pathname.replace(/^\//, "") + new URL(h).hash));
    if (!ok) unanswered.push(q.q);
    rows.push({ ...q, ...ranks(q.expect, got), ms, top: got.slice(0, process.env.TOP ? Number(process.env.TOP) : 3) });
  }
  i = j;
}
const { mrr, top3, line } = await finish(rows);
const slowest = Math.max(...rows.map((r) => r.ms));
for (const r of rows.filter((r) => r.rank !== 1)) {
  console.log(`rank ${r.rank || "-"}  [${r.lang}] ${r.q}  →  want ${r.expect}\n        got ${r.top.join("  ")}`);
}
console.log(`${line}  slowest ${slowest} ms`);
if (errors.length) { console.log("page errors:", errors); process.exit(1); }
if (unanswered.length) { console.log(`not typed or not answered within 10 s (the first, then every later one of its run): ${JSON.stringify(unanswered.slice(0, 5))}…`); process.exit(1); }
const bar = process.argv.indexOf("--bar");
const [minMrr, minTop3] = bar > 0 ? process.argv[bar + 1].split(",").map(Number) : [0.85, 0.95];
if (mrr < minMrr || top3 < minTop3) { console.log(`below the bar: MRR >= ${minMrr} and top-3 >= ${minTop3}`); process.exit(1); }
