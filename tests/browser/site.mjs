// The interactive parts of a built site: theme toggle (remembered), language switcher,
// ← / → keys, the phone menu, copy buttons. Usage: node site.mjs <site-dir>
import { launch, serve, run, assert, equal } from "./harness.mjs";

const siteDir = process.argv[2];
const server = await serve(siteDir);
const { context, close } = await launch();
const page = await context.newPage();
const errors = [];
page.on("pageerror", (e) => errors.push(String(e)));
const external = [];
page.on("request", (r) => {
  if (!r.url().startsWith(server.url) && !r.url().startsWith("data:")) external.push(r.url());
});

await run([
  ["theme toggle switches and is remembered", async () => {
    await page.goto(server.url + "en/intro/");
    const before = await page.getAttribute("html", "data-theme");
    equal(before, "light", "starts from the system preference");
    const toggle = page.locator(".theme-toggle");
    assert(await toggle.isVisible(), "toggle is visible with JavaScript");
    await toggle.click();
    equal(await page.getAttribute("html", "data-theme"), "dark", "after one click");
    equal(await toggle.getAttribute("aria-pressed"), "true", "pressed state");
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert(bg !== "rgb(255, 255, 255)", "dark background applied, got " + bg);
    await page.reload();
    equal(await page.getAttribute("html", "data-theme"), "dark", "remembered after reload");
    await page.locator(".theme-toggle").click();
    equal(await page.getAttribute("html", "data-theme"), "light", "back to light");
  }],
  ["language switcher lands on the same chapter and section", async () => {
    await page.goto(server.url + "en/third/");
    await page.click('.lang-switcher a[hreflang="pt-BR"]');
    await page.waitForURL(/pt-BR\/terceiro\//);
    equal(await page.getAttribute("html", "lang"), "pt-BR", "html lang");
    equal(await page.textContent("h1"), "Terceiro capítulo", "title");
  }],
  ["the 404 page is styled and finds the site away from its base path", async () => {
    // The fixture says base_url …/fixture/; this server has the site at its root.
    const response = await page.goto(server.url + "en/no/such/page/");
    equal(response.status(), 404, "status");
    equal(await page.evaluate(() => document.baseURI), server.url, "base corrected to the root");
    const color = await page.evaluate(() => getComputedStyle(document.querySelector(".not-found h1")).fontFamily);
    assert(!/^"?Times/.test(color), "styled, got font " + color);
    assert(await page.locator(".theme-toggle").isVisible(), "docent.js loaded (theme toggle shown)");
    const home = page.locator('.not-found-homes a[hreflang="pt-BR"]');
    equal(await home.evaluate((a) => a.href), server.url + "pt-BR/", "home link");
    await home.click();
    await page.waitForURL(server.url + "pt-BR/");
    equal(await page.getAttribute("html", "lang"), "pt-BR", "landed on the Portuguese home");
  }],
  ["chapters read are ticked, the home page continues there and clears it all", async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(server.url + "en/");
    await page.evaluate(() => localStorage.clear()); // earlier checks read chapters
    await page.reload();
    equal(await page.locator(".home-progress").isVisible(), false, "nothing read yet");
    await page.goto(server.url + "en/second/"); // short: its end shows at once
    await page.waitForFunction(() => document.querySelector('.sidebar a[aria-current] .progress-read'), null, { timeout: 3000 })
      .catch(() => {});
    assert(await page.locator('.sidebar a[aria-current] .progress-read').count() === 1, "ticked once read");
    equal(await page.locator(".sidebar .progress-read").count(), 1, "only the chapter read");
    await page.goto(server.url + "en/");
    const go = page.locator(".home-continue a");
    assert(await go.isVisible(), "continue link shown");
    equal(await go.textContent(), "Second chapter", "continue names the last chapter");
    equal(await page.locator('.home-chapters a[href$="/second/"] .progress-read').count(), 1, "ticked on the home page");
    await page.goto(server.url + "pt-BR/");
    equal(await page.locator(".home-progress").isVisible(), false, "another language keeps its own progress");
    await page.goto(server.url + "en/");
    await go.click();
    await page.waitForURL(server.url + "en/second/");
    await page.goto(server.url + "en/");
    await page.locator(".progress-reset").click();
    equal(await page.locator(".progress-read").count(), 0, "cleared");
    equal(await page.locator(".progress-status").textContent(), "Reading progress cleared.", "said");
    await page.reload();
    equal(await page.locator(".home-progress").isVisible(), false, "cleared for good");
  }],
  ["arrow keys move between chapters", async () => {
    await page.goto(server.url + "en/second/");
    await page.keyboard.press("ArrowRight");
    await page.waitForURL(/en\/third\//);
    await page.keyboard.press("ArrowLeft");
    await page.waitForURL(/en\/second\//);
  }],
  ["copy button copies the block", async () => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto(server.url + "en/third/");
    const button = page.locator(".copy-button").first();
    assert(await button.isVisible(), "copy button shown");
    await button.click();
    // The feedback follows the asynchronous clipboard write.
    await page.waitForFunction((b) => b.textContent === "Copied", await button.elementHandle(), { timeout: 3000 })
      .catch(() => {});
    equal(await button.textContent(), "Copied", "feedback");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert(copied.startsWith("# syntax=docker/dockerfile:1\nFROM golang"), "clipboard: " + copied.slice(0, 60));
  }],
  ["phone menu opens the chapter list", async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(server.url + "pt-BR/intro/");
    assert(!(await page.locator("#sidebar").isVisible()), "sidebar hidden on a phone");
    await page.click(".menu-button");
    assert(await page.locator("#sidebar").isVisible(), "sidebar open after the menu button");
    equal(await page.getAttribute(".menu-button", "aria-expanded"), "true", "aria-expanded");
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
    assert(scroll <= 360, "no horizontal scroll at 360 px, scrollWidth " + scroll);
    await page.setViewportSize({ width: 1280, height: 900 });
  }],
  ["root page picks the reader's language", async () => {
    const pt = await context.newPage();
    await pt.addInitScript(() => Object.defineProperty(navigator, "languages", { get: () => ["pt-BR", "pt"] }));
    await pt.goto(server.url);
    await pt.waitForURL(/pt-BR\/$/);
    await pt.close();
  }],
  ["no script errors and nothing loaded from outside", async () => {
    equal(errors, [], "page errors");
    equal(external, [], "requests outside the site");
  }],
], { cleanup: async () => { await close(); await server.close(); } });
