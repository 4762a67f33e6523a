// The search box as a reader uses it: "/" focuses it, ↓/↑ walk the results, Enter opens
// one, Escape closes; a hit shows chapter › section and a snippet with every query word
// marked; a query the page's language cannot answer says how many results another
// language has.
// Usage: node search_ui.mjs <bundled-site-dir>
import { launch, serve, run, assert, equal, answered } from "./harness.mjs";

const server = await serve(process.argv[2]);
const { context, close } = await launch();
const page = await context.newPage();
const errors = [];
page.on("pageerror", (e) => errors.push(String(e)));
// Another page, whose script errors count with the main page's (`what` says which case).
const otherPage = async (what = "") => {
  const other = await context.newPage();
  other.on("pageerror", (e) => errors.push(what + String(e)));
  return other;
};

await run([
  ["/ focuses the box, results show chapter, section and the matched word", async () => {
    const parts = [];
    page.on("request", (r) => { if (r.url().includes("/search/")) parts.push(r.url().split("/search/")[1]); });
    await page.goto(server.url + "en/go-service/");
    await page.keyboard.press("/");
    equal(await page.evaluate(() => document.activeElement.id), "search-input", "focused by /");
    // Focus loads the manifest (and runs the search once on nothing), no part of the index.
    await page.waitForLoadState("networkidle");
    equal(parts, ["en.js"], "loaded on focus");
    assert(await page.locator("#search-results").isHidden(), "nothing shown on focus");
    await page.keyboard.type("distroless");
    await answered(page, "distroless");
    const first = page.locator("#search-results > ol > li > a").first();
    assert((await first.locator(".search-chapter").textContent()).length > 0, "chapter title");
    assert((await first.locator(".search-heading").textContent()).length > 0, "section heading");
    equal((await first.locator(".search-snippet mark").first().textContent()).toLowerCase(), "distroless", "highlighted");
    // Over http the index's parts are fetched and parsed as JSON, not run as scripts.
    equal(await page.evaluate(() => document.querySelectorAll('script[src*="search/"]').length), 0, "search scripts added");
  }],
  ["a snippet marks every query word it shows, and a short word only where it stands whole", async () => {
    await page.goto(server.url + "pt-BR/go-service/");
    await page.fill("#search-input", "imagem distroless");
    await answered(page, "imagem distroless");
    const snippets = await page.$$eval("#search-results .search-snippet", (els) => els.map((e) => ({
      text: e.textContent.toLowerCase(),
      marks: [...e.querySelectorAll("mark")].map((m) => m.textContent.toLowerCase()),
    })));
    const both = snippets.filter((s) => /\bimagem\b/.test(s.text) && /\bdistroless\b/.test(s.text));
    assert(both.length > 0, "a snippet holds both words: " + JSON.stringify(snippets));
    for (const s of both) {
      assert(s.marks.includes("imagem") && s.marks.includes("distroless"), "both marked: " + JSON.stringify(s));
    }
    await page.goto(server.url + "en/go-service/");
    await page.fill("#search-input", "go build cache");
    await answered(page, "go build cache");
    const marks = await page.$$eval("#search-results .search-snippet mark", (ms) => ms.map((m) => m.textContent.toLowerCase()));
    assert(marks.includes("go"), "go marked: " + marks);
    equal(marks.filter((m) => m.startsWith("go") && m !== "go"), [], "words that merely begin with go");
    // After a space the short last word is finished: it too must stand whole.
    await page.fill("#search-input", "build ca ");
    await answered(page, "build ca ");
    const done = await page.$$eval("#search-results .search-snippet mark", (ms) => ms.map((m) => m.textContent.toLowerCase()));
    assert(done.includes("ca"), "ca marked: " + done);
    equal(done.filter((m) => m.startsWith("ca") && m !== "ca"), [], "a finished ca marks no longer word");
    // A word found by its stem marks its other forms, not longer words sharing the stem.
    await page.goto(server.url + "pt-BR/cross-platform-builds/");
    await page.fill("#search-input", "argumentos de plataforma no buildx");
    await answered(page, "argumentos de plataforma no buildx");
    const stems = await page.$$eval("#search-results .search-snippet mark", (ms) => ms.map((m) => m.textContent.toLowerCase()));
    assert(stems.includes("plataformas"), "plataformas marked: " + stems);
    equal(stems.filter((m) => m === "buildkit"), [], "buildx marks no BuildKit");
    // A word that folds to nothing (a lone combining accent) is no word: the query answers.
    await page.fill("#search-input", "distroless \u0301");
    await answered(page, "distroless \u0301");
    assert((await page.$$("#search-results .search-snippet mark")).length > 0, "distroless still marked");
    await page.goto(server.url + "en/go-service/");
    await page.keyboard.press("/");
    await page.keyboard.type("distroless");
    await answered(page, "distroless");
  }],
  ["arrow keys walk the results, Enter opens one, Escape closes", async () => {
    await page.keyboard.press("ArrowDown");
    const firstHref = await page.evaluate(() => document.activeElement.getAttribute("href"));
    assert(firstHref && firstHref.includes("#"), "first result focused: " + firstHref);
    await page.keyboard.press("ArrowDown");
    const second = await page.evaluate(() => document.activeElement.getAttribute("href"));
    assert(second !== firstHref, "second result focused");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    equal(await page.evaluate(() => document.activeElement.id), "search-input", "back in the box");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Escape");
    assert(await page.locator("#search-results").isHidden(), "Escape closes the results");
    await page.fill("#search-input", "distroless");
    await answered(page, "distroless");
    await page.keyboard.press("Enter");
    await page.waitForURL((u) => u.hash.length > 1);
    assert(page.url().includes(firstHref.replace(/^(\.\.\/)+/, "")), "Enter opened the first result: " + page.url());
  }],
  ["a reader who went down into the list before it answered stays in the new list", async () => {
    await page.goto(server.url + "en/");
    await page.fill("#search-input", "multi-stage");
    await answered(page, "multi-stage");
    // Typed on, then ↓ at once: focus goes into the earlier list, which is then replaced.
    const shown = await page.evaluate(() => {
      const input = document.querySelector("#search-input");
      input.value = "healthcheck interval";
      input.dispatchEvent(new Event("input", { bubbles: true }));
      input.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown", bubbles: true }));
      return document.querySelector("#search-results").dataset.query;
    });
    equal(shown, "multi-stage", "the earlier list was still shown when ↓ was pressed");
    await answered(page, "healthcheck interval");
    const focused = await page.evaluate(() => {
      const a = document.activeElement;
      return a && a.matches("#search-results a") && a === document.querySelector("#search-results a") ? a.getAttribute("href") : String(a && a.tagName);
    });
    assert(focused.includes("#"), "the new list's first link has the focus: " + focused);
    await page.keyboard.press("Enter");
    await page.waitForURL((u) => u.hash.length > 1);
    assert(page.url().includes(focused.replace(/^(\.\.\/)+/, "")), "Enter opened it: " + page.url());
  }],
  ["the best hits show first, the rest below them when their text is in; busy till then", async () => {
    const other = await otherPage();
    // Every part of the sections' text comes a second late: the rest of the list needs parts
    // the first hits did not.
    await other.route(/\/search\/en\/c\d+\.js$/, async (route) => {
      await new Promise((r) => setTimeout(r, 1000));
      await route.continue();
    });
    await other.goto(server.url + "en/");
    await other.fill("#search-input", "image size");
    await other.waitForFunction(() => document.querySelector("#search-results").dataset.query === "image size", null, { timeout: 10000 });
    const first = await other.$$eval("#search-results ol:first-of-type > li > a", (as) => as.map((a) => a.getAttribute("href")));
    equal(await other.locator("#search-results").getAttribute("aria-busy"), "true", "busy while the rest comes");
    assert(first.length > 0 && first.length <= 6, "the first hits alone: " + first.length);
    // Waiting for the rest, they are not dimmed as an earlier query's list is.
    await other.waitForTimeout(600);
    equal(await other.$eval("#search-results ol", (ol) => getComputedStyle(ol).opacity), "1", "the first hits at full strength");
    await answered(other, "image size", 10000);
    const all = await other.$$eval("#search-results ol:first-of-type > li > a", (as) => as.map((a) => a.getAttribute("href")));
    assert(all.length > first.length, "the rest came: " + all.length);
    equal(all.slice(0, first.length), first, "the first hits kept their places");
    const said = await other.locator("#search-status").textContent();
    assert(said.includes(String(all.length)), "the status line counts the whole list: " + said);
    await other.close();
  }],
  ["a query this language cannot answer shows another language's results", async () => {
    await page.goto(server.url + "pt-BR/nodejs-app/");
    await page.fill("#search-input", "workshop behind");
    await page.waitForSelector(".search-elsewhere", { timeout: 5000 });
    const line = await page.textContent(".search-elsewhere");
    const [, n, word] = line.match(/^(\d+) (resultados?) em English$/) || [];
    assert(n, "a line saying so: " + line);
    equal(word, n === "1" ? "resultado" : "resultados", "plural agrees with " + n);
    // The sentence is Portuguese; only the language's name is marked English.
    equal(await page.$eval(".search-elsewhere", (p) => p.closest("[lang]").lang), "pt-BR", "line language");
    equal(await page.$eval(".search-elsewhere span", (s) => s.lang + " " + s.textContent), "en English", "name marked");
    const status = await page.textContent("#search-status");
    assert(/^(\d+ resultados?|Nenhum resultado\.)$/.test(status) && !/^1 resultados/.test(status), "status: " + status);
    const href = await page.getAttribute(".search-elsewhere + ol a", "href");
    assert(href.includes("en/"), "links to the English page: " + href);
  }],
  ["where fetching is refused, the parts load as scripts and search still answers", async () => {
    const other = await otherPage();
    const scripts = [];
    other.on("request", (r) => { if (r.url().includes("/search/") && r.resourceType() === "script") scripts.push(r.url()); });
    await other.route("**/search/**", (route) =>
      route.request().resourceType() === "fetch" ? route.abort() : route.continue());
    await other.goto(server.url + "en/go-service/");
    await other.fill("#search-input", "distroless");
    await answered(other, "distroless");
    assert(await other.locator("#search-results > ol > li > a").count() > 0, "results");
    assert(scripts.length > 0, "loaded by script tags");
    // Each script tag goes once it has run.
    equal(await other.evaluate(() => document.querySelectorAll('script[src*="search/"]').length), 0, "script tags left");
    await other.close();
  }],
  ["an index that cannot be loaded says so, and is not asked for again at every key", async () => {
    const other = await otherPage();
    const asked = [];
    await other.route("**/search/en.js", (route) => { asked.push(route.request().resourceType()); return route.fulfill({ status: 404, body: "" }); });
    await other.goto(server.url + "en/go-service/");
    await other.click("#search-input");
    await other.keyboard.type("distroless");
    await answered(other, "distroless");
    const said = await other.evaluate(() => document.querySelector(".search").dataset.unavailable);
    assert(said && said.length > 10, "the message: " + said);
    equal((await other.locator("#search-results").textContent()).trim(), said, "the list says it");
    equal(await other.locator("#search-results > ol").count(), 0, "no list");
    equal((await other.locator("#search-status").textContent()).trim(), said, "the status line reads it out");
    // Ten keys typed, one request for the manifest (a 404 is an answer: no script tried).
    equal(asked, ["fetch"], "manifest requests");
    equal(await other.evaluate(() => document.querySelectorAll('script[src*="search/"]').length), 0, "script tags");
    await other.close();
  }],
  ["a part of the index that is missing or not an index part is said, not taken for no results", async () => {
    for (const [what, answer] of [
      ["missing", { status: 404, body: "" }],
      ["not a part", { status: 200, contentType: "text/javascript", body: "<html>captive portal</html>" }],
    ]) {
      const other = await otherPage(what + ": ");
      const rejections = [];
      await other.exposeFunction("reportRejection", (r) => rejections.push(r));
      await other.addInitScript(() => window.addEventListener("unhandledrejection", (e) => window.reportRejection(String(e.reason))));
      await other.route(/\/search\/en\/b\d+\.js$/, (route) => route.fulfill(answer));
      await other.goto(server.url + "en/go-service/");
      await other.fill("#search-input", "distroless");
      await answered(other, "distroless");
      const said = await other.evaluate(() => document.querySelector(".search").dataset.unavailable);
      equal((await other.locator("#search-results").textContent()).trim(), said, what + ": the list says it");
      equal(rejections, [], what + ": unhandled rejections");
      await other.close();
    }
  }],
  ["a part that never answers ends in the message; meanwhile the earlier list is marked busy", async () => {
    const other = await otherPage();
    await other.goto(server.url + "en/go-service/");
    await other.fill("#search-input", "layers");
    await answered(other, "layers");
    // From now on every part of the index hangs.
    await other.route(/\/search\/en\/[bc]\d+\.js$/, () => {});
    await other.fill("#search-input", "distroless debug");
    await other.waitForTimeout(300);
    equal(await other.locator("#search-results").getAttribute("aria-busy"), "true", "the earlier list is busy");
    await other.waitForTimeout(600);
    equal(await other.$eval("#search-results ol", (ol) => getComputedStyle(ol).opacity), "0.5", "and dimmed once the wait is felt");
    await answered(other, "distroless debug", 15000);
    const said = await other.evaluate(() => document.querySelector(".search").dataset.unavailable);
    equal((await other.locator("#search-results").textContent()).trim(), said, "the list says it");
    equal(await other.locator("#search-results").getAttribute("aria-busy"), null, "no longer busy");
    await other.close();
  }],
  ["a manifest of another shape says so too", async () => {
    const other = await otherPage();
    await other.route("**/search/en.js", (route) => route.fulfill({ status: 200, contentType: "text/javascript", body: '(window.docentSearchParts=window.docentSearchParts||[]).push(["en","index",{}]);' }));
    await other.goto(server.url + "en/go-service/");
    await other.fill("#search-input", "distroless");
    await answered(other, "distroless");
    const said = await other.evaluate(() => document.querySelector(".search").dataset.unavailable);
    equal((await other.locator("#search-results").textContent()).trim(), said, "the list says it");
    await other.close();
  }],
  ["a query cut at 32 words is not being typed: its last word kept stands whole", async () => {
    await page.goto(server.url + "en/go-service/");
    const q = "the ".repeat(31) + "di zz";
    await page.fill("#search-input", q);
    await answered(page, q);
    const marks = await page.$$eval("#search-results .search-snippet mark", (ms) => ms.map((m) => m.textContent.toLowerCase()));
    equal(marks.filter((m) => m.startsWith("di") && m !== "di"), [], "words that merely begin with di");
  }],
  ["no script errors", async () => equal(errors, [], "page errors")],
], { cleanup: async () => { await close(); await server.close(); } });
