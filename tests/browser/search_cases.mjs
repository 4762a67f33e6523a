// Queries typed into a built site's search box, each with the page (and section) its first
// result must open, or "" when nothing may be found, and optionally the words its snippet
// must mark, in order.
// Usage: node search_cases.mjs <site-dir> '<JSON [[lang, query, expected path prefix, [marks]], …]>'
import { launch, serve, run, assert, equal, answered } from "./harness.mjs";

const [siteDir, json] = process.argv.slice(2);
const cases = JSON.parse(json);
const server = await serve(siteDir);
const { context, close } = await launch();
const page = await context.newPage();
const errors = [];
page.on("pageerror", (e) => errors.push(String(e)));

await run([
  ...cases.map(([lang, query, want, marks]) => [`${lang} "${query}" → ${want || "nothing"}`, async () => {
    await page.goto(server.url + lang + "/");
    await page.fill("#search-input", query);
    await answered(page, query);
    const hits = await page.$$eval(".search-results ol:first-of-type a", (as) => as.map((a) => new URL(a.href).pathname + new URL(a.href).hash));
    if (want) assert(hits.length > 0 && hits[0].startsWith(want), JSON.stringify(hits.slice(0, 3)));
    else assert(hits.length === 0, JSON.stringify(hits.slice(0, 3)));
    if (marks) {
      const got = await page.$$eval(".search-results ol:first-of-type > li:first-child .search-snippet mark", (ms) => ms.map((m) => m.textContent));
      equal(got, marks, "marks in the first snippet");
    }
  }]),
  ["no script errors", async () => assert(errors.length === 0, errors.join("; "))],
], { cleanup: async () => { await close(); await server.close(); } });
