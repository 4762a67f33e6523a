// Live reload in a real browser: scroll down, edit the chapter, see the new text at the same
// scroll position without touching the page. Usage: node serve.mjs <server-url> <chapter-file>
import { launch, run, assert, equal } from "./harness.mjs";
import { readFileSync, writeFileSync } from "node:fs";

const [url, file] = process.argv.slice(2);
const { context, close } = await launch({ viewport: { width: 1000, height: 600 } });
const page = await context.newPage();

await run([
  ["an edit appears at the same scroll position", async () => {
    await page.goto(url + "en/intro/");
    await page.waitForFunction(() => document.querySelector('script[src="/__docent/live.js"]'));
    await page.waitForTimeout(300);
    await page.evaluate(() => window.scrollTo(0, 900));
    const before = await page.evaluate(() => window.scrollY);
    assert(before > 800, "page scrolled: " + before);
    const text = readFileSync(file, "utf8");
    writeFileSync(file, text.replace("Filler paragraph 30 so", "Freshly edited paragraph 30 so"));
    await page.waitForFunction(() => document.body.innerText.includes("Freshly edited paragraph 30"), null, { timeout: 10000 });
    await page.waitForTimeout(300);
    const after = await page.evaluate(() => window.scrollY);
    assert(Math.abs(after - before) < 5, `scroll kept: ${before} → ${after}`);
  }],
  ["a broken edit shows the overlay, the fix removes it", async () => {
    const text = readFileSync(file, "utf8");
    writeFileSync(file, text.replace('title = "Introduction"', 'title = "Introduction"\nbogus = true'));
    await page.waitForSelector("#docent-error-overlay", { timeout: 10000 });
    const shown = await page.textContent("#docent-error-overlay");
    assert(shown.includes("01-intro/en.md:3:1") && shown.includes("bogus"), shown);
    writeFileSync(file, text);
    await page.waitForSelector("#docent-error-overlay", { state: "detached", timeout: 10000 });
  }],
]);
await close();
