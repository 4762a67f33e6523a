// A course in five languages (en, pt-BR, es, ar, ja): Arabic pages mirrored right to left
// with code left to right, at 390 and 1280 px; axe on every language; search in each
// script; the switcher lands on the same section in each language.
// Usage: node languages.mjs <site-dir> <screenshot-dir>
import { launch, serve, run, assert, equal, answered } from "./harness.mjs";
import { readFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";

const [siteDir, shots] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const server = await serve(siteDir);
const { context, close } = await launch();
const page = await context.newPage();
const errors = [];
page.on("pageerror", (e) => errors.push(String(e)));
const LANGS = ["en", "pt-BR", "es", "ar", "ja"];

async function axe(url, label) {
  await page.goto(url);
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () =>
    await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }));
  const problems = result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 2).map((n) => n.target.join(" ")).join(", ")}`);
  assert(problems.length === 0, `${label}: ${problems.join("; ")}`);
}

async function search(query) {
  await page.focus("#search-input");
  await page.fill("#search-input", query);
  await answered(page, query);
  return page.$$eval(".search-results a", (as) => as.map((a) => new URL(a.href).pathname + new URL(a.href).hash));
}

await run([
  ["every page says its language and direction; Arabic is right to left", async () => {
    for (const lang of LANGS) {
      await page.goto(server.url + lang + "/");
      equal(await page.getAttribute("html", "lang"), lang, "lang");
      equal(await page.getAttribute("html", "dir"), lang === "ar" ? "rtl" : "ltr", lang + " dir");
    }
    const names = await page.$$eval(".lang-switcher a", (as) => as.map((a) => a.textContent));
    equal(JSON.stringify(names), JSON.stringify(["English", "Português (Brasil)", "Español", "العربية", "日本語"]), "own names");
  }],
  ["right to left at 1280 px: sidebar on the right, contents on the left, code left to right", async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    for (const theme of ["light", "dark"]) {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(server.url + "ar/stages/");
      await page.screenshot({ path: `${shots}/ar-stages-1280-${theme}.png`, fullPage: true });
    }
    const box = (sel) => page.locator(sel).first().evaluate((e) => { const r = e.getBoundingClientRect(); return { l: r.left, r: r.right }; });
    const side = await box(".sidebar"), main = await box("main"), toc = await box(".page-toc");
    assert(side.l > main.r - 1, `sidebar right of the text: ${JSON.stringify({ side, main })}`);
    assert(toc.r < main.l + 1, `contents left of the text: ${JSON.stringify({ toc, main })}`);
    equal(await page.locator("pre").first().evaluate((p) => getComputedStyle(p).direction), "ltr", "code direction");
    const code = await box("pre");
    const line = await page.locator("pre .line").first().evaluate((l) => l.getBoundingClientRect().left);
    assert(line - code.l < 40, "code starts at the left edge");
    const next = page.locator(".pager-next");
    if (await next.count()) {
      const n = await box(".pager-next");
      assert(n.l < main.l + (main.r - main.l) / 2, `next chapter on the left: ${JSON.stringify(n)}`);
      const arrow = await page.locator(".pager-next .flip-rtl").evaluate((a) => getComputedStyle(a).transform);
      assert(arrow !== "none", "the arrow points the reading way");
    }
  }],
  ["right to left at 390 px: menu and language switch, sidebar mirrored, nothing sideways", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const theme of ["light", "dark"]) {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(server.url + "ar/stages/");
      await page.screenshot({ path: `${shots}/ar-stages-390-${theme}.png` });
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert(overflow <= 0, "scrolls sideways by " + overflow);
    const brand = await page.locator(".brand").evaluate((b) => b.getBoundingClientRect());
    const menu = await page.locator(".menu-button").evaluate((b) => b.getBoundingClientRect());
    assert(menu.left > brand.left, "menu button at the start (right) of the bar");
    await page.click(".menu-button");
    const number = await page.locator(".sidebar .nav-number").first().evaluate((n) => n.getBoundingClientRect());
    const title = await page.locator(".sidebar .nav-title").first().evaluate((n) => n.getBoundingClientRect());
    assert(number.left > title.left, "chapter numbers on the right of their titles");
    await page.screenshot({ path: `${shots}/ar-menu-390.png` });
  }],
  ["axe in every language, both widths", async () => {
    await page.emulateMedia({ colorScheme: "light" });
    for (const [w, h] of [[390, 844], [1280, 900]]) {
      await page.setViewportSize({ width: w, height: h });
      for (const lang of LANGS) await axe(server.url + lang + "/stages/", `${lang} ${w}`);
      await axe(server.url + "ar/", "ar home " + w);
    }
  }],
  ["search finds words in every script", async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const cases = [
      ["en", "cache mount", "/en/cache/#cache-mounts"],
      ["pt-BR", "estagio", "/pt-BR/stages/"],
      // Accents folded and words stemmed: "cache" finds "caché", "imagen" "imágenes".
      ["es", "montajes de cache", "/es/cache/"],
      ["es", "imagen pequeña", "/es/stages/"],
      ["ar", "ذاكرة التخزين", "/ar/cache/"],
      ["ar", "المترجم", "/ar/stages/"],
      ["ja", "キャッシュ", "/ja/cache/"],
      ["ja", "コンパイラ", "/ja/stages/"],
      ["ja", "イメージ", "/ja/stages/"],
      // One character finds the words that hold it.
      ["ja", "全", "/ja/stages/"],
    ];
    for (const [lang, q, want] of cases) {
      await page.goto(server.url + lang + "/stages/");
      const hits = await search(q);
      assert(hits.length > 0 && hits[0].startsWith(want), `${lang} "${q}": ${JSON.stringify(hits.slice(0, 3))}`);
      // The count is a whole sentence in the page's language, its plural form filled in.
      const status = await page.textContent("#search-status");
      assert(status.trim() && !status.includes("{") && !status.includes("[object"), `${lang} status: ${status}`);
      if (lang === "ja") {
        // Searched as character pairs, marked as the whole word.
        const marks = await page.$$eval(".search-results mark", (ms) => ms.map((m) => m.textContent));
        assert(marks.includes(q), `ja "${q}" marked as ${JSON.stringify(marks)}`);
      }
    }
  }],
  ["a CJK word is found whole: all its character pairs, not one of them", async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(server.url + "ja/stages/");
    // ステージ shares only ージ with パッケージ (the cache chapter): not a match there.
    const hits = await search("ステージ");
    assert(hits.length > 0 && hits.every((h) => h.startsWith("/ja/stages/")), JSON.stringify(hits));
    // バイナリ (binary) is not コンパイラ (compiler), though パイ and バイ differ by a mark only.
    const binary = await search("バイナリ");
    assert(binary.length > 0 && binary.every((h) => h.startsWith("/ja/stages/#")), JSON.stringify(binary));
    const marks = await page.$$eval(".search-results mark", (ms) => ms.map((m) => m.textContent));
    assert(marks.every((m) => m === "バイナリ"), JSON.stringify(marks));
  }],
  ["the switcher lands on the same section in each language", async () => {
    // Short enough that the second section can reach the top of the screen.
    await page.setViewportSize({ width: 1280, height: 280 });
    for (const from of LANGS) {
      for (const to of LANGS.filter((l) => l !== from)) {
        await page.goto(server.url + from + "/stages/");
        const second = page.locator(".chapter-body h2").nth(1);
        await second.evaluate((h) => window.scrollTo(0, h.getBoundingClientRect().top + window.scrollY - 60));
        await page.waitForTimeout(50);
        // A reader clicks where the link is; Playwright's click would scroll to it first.
        await page.locator(`.lang-switcher a[hreflang="${to}"]`).evaluate((a) => a.click());
        await page.waitForURL(new RegExp(`/${to}/stages/#.+`));
        const index = await page.evaluate(() => [...document.querySelectorAll(".chapter-body h2")]
          .findIndex((h) => h.id === decodeURIComponent(location.hash.slice(1))));
        equal(index, 1, `${from} → ${to}`);
      }
    }
  }],
  ["at the end of the page, the switcher lands on the last section read, as the contents mark it", async () => {
    // Tall enough that the last section can never scroll up to the top: reached by its
    // anchor, it is the one being read.
    await page.setViewportSize({ width: 1280, height: 900 });
    for (const [from, to] of [["en", "pt-BR"], ["pt-BR", "en"]]) {
      await page.goto(server.url + from + "/stages/");
      const last = await page.$$eval(".chapter-body h2[id], .chapter-body h3[id], .chapter-body h4[id]", (hs) => hs.length - 1);
      const id = await page.$$eval(".chapter-body h2[id], .chapter-body h3[id], .chapter-body h4[id]", (hs) => hs[hs.length - 1].id);
      await page.goto(server.url + from + "/stages/#" + encodeURIComponent(id));
      await page.waitForTimeout(100);
      await page.locator(`.lang-switcher a[hreflang="${to}"]`).evaluate((a) => a.click());
      await page.waitForURL(new RegExp(`/${to}/stages/#.+`));
      const index = await page.evaluate(() => [...document.querySelectorAll(".chapter-body h2[id], .chapter-body h3[id], .chapter-body h4[id]")]
        .findIndex((h) => h.id === decodeURIComponent(location.hash.slice(1))));
      equal(index, last, `${from} → ${to}`);
    }
  }],
  ["arrow keys follow the reading direction: ← is the next page right to left", async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    for (const [lang, forward, backward] of [["en", "ArrowRight", "ArrowLeft"], ["ar", "ArrowLeft", "ArrowRight"]]) {
      await page.goto(server.url + lang + "/stages/");
      await page.keyboard.press(forward);
      await page.waitForURL(new RegExp(`/${lang}/cache/$`));
      await page.keyboard.press(backward);
      await page.waitForURL(new RegExp(`/${lang}/stages/$`));
    }
  }],
  ["no script errors", async () => equal(errors, [], "page errors")],
], { cleanup: async () => { await close(); await server.close(); } });
