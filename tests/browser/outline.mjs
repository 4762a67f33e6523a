// Parts and nested chapters in the sidebar: branches fold with their toggle, the current
// branch is open, a long course's list comes from its script with the current chapter
// marked and scrolled into view, search results say where a chapter sits.
// Usage: node outline.mjs <nested-site-dir> <large-nested-site-dir>
import { launch, serve, run, assert, equal } from "./harness.mjs";

const small = await serve(process.argv[2]);
const large = await serve(process.argv[3]);
const { context, close } = await launch();
const page = await context.newPage();
await page.setViewportSize({ width: 1280, height: 800 });
const errors = [];
page.on("pageerror", (e) => errors.push(String(e)));

const visible = (href) => page.locator(`.sidebar a[href$="${href}"]`).isVisible();

await run([
  ["the current branch is open, others fold and unfold with their toggle", async () => {
    await page.goto(small.url + "en/ints/");
    assert(await visible("/en/ints/"), "the current chapter is shown");
    assert(await visible("/en/values/"), "its branch is open");
    assert(!(await visible("/en/traits/")), "another branch is folded");
    const toggle = page.locator('.nav-branch:has(> a[href$="/en/advanced/"]) > .nav-toggle');
    assert(await toggle.isVisible(), "the toggle is shown with JavaScript");
    equal(await toggle.getAttribute("aria-expanded"), "false", "folded state");
    await toggle.click();
    assert(await visible("/en/traits/"), "unfolded by its toggle");
    equal(await toggle.getAttribute("aria-expanded"), "true", "unfolded state");
    await toggle.click();
    assert(!(await visible("/en/traits/")), "folded again");
    const name = await toggle.evaluate((b) => b.textContent);
    assert(name.includes("Advanced"), "the toggle names its chapter: " + name);
  }],
  ["a long course's sidebar comes from its script, current chapter marked and in view", async () => {
    await page.goto(large.url + "en/topic-70-2/");
    const current = page.locator('.sidebar a[aria-current="page"]');
    await current.waitFor({ timeout: 5000 });
    assert((await current.getAttribute("href")).endsWith("/en/topic-70-2/"), "marked");
    equal(await page.locator(".sidebar .chapter-list li").count(), 270, "every chapter listed");
    assert(await current.isVisible(), "its branch is open");
    const inView = await page.evaluate(() => {
      const s = document.querySelector(".sidebar").getBoundingClientRect();
      const a = document.querySelector('.sidebar a[aria-current="page"]').getBoundingClientRect();
      return a.top >= s.top && a.bottom <= s.bottom && a.top >= 0 && a.bottom <= innerHeight;
    });
    assert(inView, "the current chapter is scrolled into view in the sidebar");
    equal(await page.evaluate(() => window.scrollY), 0, "the page itself did not scroll");
    const number = await current.locator(".nav-number").textContent();
    equal(number, "70.2.", "its number");
  }],
  ["search results show the part and the chapters above", async () => {
    await page.goto(small.url + "en/start/");
    await page.fill("#search-input", "integers");
    const hit = page.locator("#search-results li").first();
    await hit.waitFor({ timeout: 5000 });
    equal(await hit.locator(".search-crumb").textContent(), "Getting started › Basics › Types", "crumb");
    equal(await hit.locator(".search-chapter").textContent(), "Integers", "chapter");
    await page.fill("#search-input", "floats");
    const floats = page.locator("#search-results li", { hasText: "Floats and" }).first();
    await floats.waitFor({ timeout: 5000 });
    equal(await floats.locator(".search-chapter code").textContent(), "f64", "a title's code span");
  }],
  ["no script errors", async () => {
    equal(errors, [], "page errors");
  }],
], { cleanup: async () => { await close(); await small.close(); await large.close(); } });
