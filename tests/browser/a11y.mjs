// Accessibility, keyboard, layout and print, in headless Chromium.
// Usage: node a11y.mjs <course-site-dir> <blocks-site-dir> <screenshot-dir>
import { launch, serve, run, assert, equal } from "./harness.mjs";
import { readFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";

const [courseDir, blocksDir, shots] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const course = await serve(courseDir);
const blocks = await serve(blocksDir);
const { context, close } = await launch();
const page = await context.newPage();

/** axe's WCAG A/AA rules on `url`; `off` names rules to leave out. */
async function axe(url, label, off = []) {
  await page.goto(url);
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async (off) =>
    await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      rules: Object.fromEntries(off.map((id) => [id, { enabled: false }])),
    }), off);
  const problems = result.violations.map((v) =>
    `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(" ") + " — " + n.failureSummary.split("\n").slice(1, 2).join("")).join("\n    ")}`);
  assert(problems.length === 0, `${label}: ${problems.length} axe violations\n  ${problems.join("\n  ")}`);
}

const firstChapter = async (base, lang) => {
  await page.goto(base + lang + "/");
  return page.$$eval(".home-chapter-list a", (as) => as.map((a) => a.href));
};

await run([
  ["axe: home pages, two chapters per language, print, 404", async () => {
    for (const lang of ["en", "pt-BR"]) {
      await axe(course.url + lang + "/", `${lang} home`);
      const chapters = await firstChapter(course.url, lang);
      await axe(chapters[1], `${lang} chapter 2`);
      await axe(chapters[2], `${lang} chapter 3`);
      // The print page holds every chapter (25,000 elements). Contrast depends on the
      // stylesheet, not the language, and takes three quarters of axe's time there: it is
      // checked on the English print page only.
      await axe(course.url + lang + "/print/", `${lang} print`, lang === "en" ? [] : ["color-contrast"]);
    }
    await axe(course.url, "language chooser");
    await axe(course.url + "no/such/page/", "404");
    await axe(blocks.url + "pt-BR/blocks/", "every block type");
  }],
  ["axe: dark mode", async () => {
    await page.emulateMedia({ colorScheme: "dark" });
    await page.evaluate(() => localStorage.removeItem("docent-theme"));
    const chapters = await firstChapter(course.url, "pt-BR");
    await page.goto(chapters[3]);
    equal(await page.getAttribute("html", "data-theme"), "dark", "follows the system");
    await axe(chapters[3], "dark chapter");
    await axe(blocks.url + "en/blocks/", "dark blocks");
    await page.emulateMedia({ colorScheme: "light" });
  }],
  ["axe: the sidebar open on a 360 px phone", async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    const chapters = await firstChapter(course.url, "en");
    await page.goto(chapters[4]);
    await page.click(".menu-button");
    assert(await page.locator("#sidebar").isVisible(), "sidebar open");
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () =>
      await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }));
    equal(result.violations.map((v) => v.id), [], "violations with the menu open");
    await page.setViewportSize({ width: 1280, height: 900 });
  }],
  ["keyboard: every control is reachable with Tab and shows a focus ring", async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(blocks.url + "en/blocks/");
    const seen = new Set();
    for (let i = 0; i < 120; i++) {
      await page.keyboard.press("Tab");
      const info = await page.evaluate(() => {
        const e = document.activeElement;
        if (!e || e === document.body) return null;
        const s = getComputedStyle(e);
        const ring = (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== "none";
        const kind = e.matches(".menu-button") ? "menu" : e.matches(".theme-toggle") ? "theme"
          : e.matches(".lang-switcher a") ? "language" : e.matches("#search-input") ? "search"
          : e.matches(".annotation-marker") ? "annotation" : e.matches(".copy-button") ? "copy"
          : e.matches(".quiz input") ? "quiz-choice" : e.matches(".quiz-check") ? "quiz-check"
          : e.matches(".skip-link") ? "skip" : e.matches(".stage-map .stage-head") ? "stage"
          : e.matches("pre.code") ? "code"
          : e.matches(".kw") ? "glossary" : e.tagName.toLowerCase();
        return { kind, ring, visible: e.getClientRects().length > 0 };
      });
      if (!info) continue;
      assert(info.ring, `${info.kind} has no visible focus ring`);
      seen.add(info.kind);
    }
    for (const kind of ["skip", "menu", "theme", "language", "search", "stage", "code", "copy", "quiz-choice", "quiz-check"]) {
      assert(seen.has(kind), `Tab never reached ${kind}; reached ${[...seen].join(", ")}`);
    }
    // Inside a code block, the arrow keys reach its notes and explained keywords, each
    // with a focus ring; Tab does not stop on each of them.
    assert(!seen.has("glossary") && !seen.has("annotation"), "keywords and markers are not tab stops");
    await page.focus("#code-1 pre.code");
    const inside = new Set();
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press("ArrowDown");
      const info = await page.evaluate(() => {
        const e = document.activeElement;
        const s = getComputedStyle(e);
        return { kind: e.matches(".kw") ? "glossary" : e.matches(".annotation-marker") ? "annotation" : e.tagName,
          ring: (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== "none" };
      });
      assert(info.ring, `${info.kind} has no visible focus ring`);
      inside.add(info.kind);
    }
    assert(inside.has("glossary") && inside.has("annotation"), "arrows reach: " + [...inside].join(", "));
    // And they work from the keyboard.
    await page.focus(".menu-button");
    await page.keyboard.press("Enter");
    equal(await page.getAttribute(".menu-button", "aria-expanded"), "true", "menu opens with Enter");
    await page.keyboard.press("Escape");
    equal(await page.getAttribute(".menu-button", "aria-expanded"), "false", "Escape closes it");
    await page.focus(".theme-toggle");
    await page.keyboard.press("Space");
    equal(await page.getAttribute("html", "data-theme"), "dark", "theme toggles with Space");
    await page.keyboard.press("Space");
    await page.focus(".quiz-question input[value='1']");
    await page.keyboard.press("Space");
    await page.focus(".quiz-check");
    await page.keyboard.press("Enter");
    equal(await page.textContent(".quiz-result"), "Right!", "quiz by keyboard");
    await page.setViewportSize({ width: 1280, height: 900 });
  }],
  ["layout: no horizontal scroll at 360, 768 and 1280 px in both themes", async () => {
    const chapters = await firstChapter(course.url, "pt-BR");
    const pages = [["home", course.url + "pt-BR/"], ["chapter", chapters[4]], ["blocks", blocks.url + "en/blocks/"]];
    for (const theme of ["light", "dark"]) {
      await page.emulateMedia({ colorScheme: theme });
      for (const width of [360, 768, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        for (const [name, url] of pages) {
          await page.goto(url);
          await page.evaluate(() => localStorage.removeItem("docent-theme"));
          await page.reload();
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          assert(overflow <= 0, `${name} at ${width}px (${theme}) scrolls sideways by ${overflow}px`);
          await page.screenshot({ path: `${shots}/${name}-${width}-${theme}.png` });
        }
      }
    }
    await page.emulateMedia({ colorScheme: "light" });
    await page.setViewportSize({ width: 1280, height: 900 });
  }],
  ["print: no sidebar or controls, every chapter on a new page", async () => {
    await page.goto(course.url + "en/print/");
    await page.emulateMedia({ media: "print" });
    for (const sel of [".sidebar", ".topbar", ".theme-toggle", ".search", ".copy-button", ".site-footer"]) {
      const shown = await page.$$eval(sel, (es) => es.filter((e) => getComputedStyle(e).display !== "none").length);
      equal(shown, 0, `${sel} hidden in print`);
    }
    const breaks = await page.$$eval("section.print-chapter", (es) => es.map((e) => getComputedStyle(e).breakBefore));
    assert(breaks.length >= 10, "chapters on the print page: " + breaks.length);
    assert(breaks.every((b) => b === "page"), "break-before: " + breaks.join(","));
    await page.pdf({ path: `${shots}/print-en.pdf` });
    await page.emulateMedia({ media: "screen" });
  }],
], { cleanup: async () => { await close(); await course.close(); await blocks.close(); } });
