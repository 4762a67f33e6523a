// Called by benches/search_judged.sh: <site copy with the engine exposed> <queries.json>
// [out.json]. Each language's queries run in one page, one after another, through
// `SearchEngine.search` as the box calls it; prints each set's MRR, top-1 and top-3.
import { readFileSync, writeFileSync } from "node:fs";
import { launch, serve } from "../tests/browser/harness.mjs";
import { ranks, summary } from "../tests/browser/judged.mjs";

const [siteDir, queriesFile, out] = process.argv.slice(2);
const queries = JSON.parse(readFileSync(queriesFile, "utf8"));
const server = await serve(siteDir);
const { context, close } = await launch();
const page = await context.newPage();
const rows = [];
for (const lang of [...new Set(queries.map((q) => q.lang))]) {
  await page.goto(server.url + lang + "/");
  const mine = queries.filter((q) => q.lang === lang);
  const got = await page.evaluate(async ({ lang, list }) => {
    const box = document.querySelector(".search");
    const base = box.dataset.index.slice(0, box.dataset.index.length - lang.length - 3);
    const engine = new window.__docentSearchEngine(base, lang);
    // The last answer of a query (a large course answers twice: the first hits, then all).
    const one = (q) => new Promise((done) => engine.search(q, (hits, _, __, more) => { if (!more) done(hits || []); }));
    const all = [];
    for (const q of list) {
      const hits = await one(q);
      all.push(hits.map((h) => decodeURIComponent(new URL(box.dataset.root + h.page[1], location.href).pathname.replace(/^\//, "")) + (h.anchor ? "#" + h.anchor : "")));
    }
    return all;
  }, { lang, list: mine.map((q) => q.q) });
  mine.forEach((q, i) => rows.push({ ...q, ...ranks(q.expect, got[i]), top: got[i].slice(0, 3) }));
}
await close();
await server.close();
for (const set of [...new Set(rows.map((r) => r.set))]) console.log(set.padEnd(10), summary(rows.filter((r) => r.set === set)).line);
console.log("all".padEnd(10), summary(rows).line);
if (out) writeFileSync(out, JSON.stringify(rows));
