// Live reload in a real browser, against a `docent serve` this script starts itself (so it can
// stop it with Ctrl-C and start it again): an edit appears at the same scroll position with
// no action, a broken edit shows the overlay until the fix, a CSS edit is swapped in without
// a reload, a page the edit did not touch stays as it is, and pages reconnect (and reload)
// when the server comes back after a restart.
// Usage: node serve.mjs <docent-binary> <project-dir>   (the project has content/ and a
// themes/default/static/style.css override)
import { launch, run, assert, equal } from "./harness.mjs";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { spawn } from "node:child_process";

const [docent, project] = process.argv.slice(2);
const chapter = join(project, "content/01-intro/en.md");
const stylesheet = join(project, "themes/default/static/style.css");

/** Starts `docent serve` on `port` (0: any) and resolves with the process and its URL. */
function startServer(port) {
  const child = spawn(docent, ["serve", "--root", "content", "--port", String(port)], {
    cwd: project,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d) => { stderr += d; });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      const m = out.match(/http:\/\/[^/\s]+\//);
      if (m) resolve({ child, url: m[0], stderr: () => stderr });
    });
    child.on("exit", (code) => reject(new Error(`docent serve exited (${code}): ${stderr}`)));
  });
}

/** Ctrl-C: resolves with the exit code once the process has gone. */
function interrupt(child) {
  return new Promise((resolve) => {
    child.removeAllListeners("exit");
    child.on("exit", (code, signal) => resolve({ code, signal }));
    child.kill("SIGINT");
  });
}

/** Marks a page so a reload (which starts a fresh window) can be told from no reload. */
const mark = (page) => page.evaluate(() => { window.__docentMark = "still here"; });
const marked = (page) => page.evaluate(() => window.__docentMark === "still here");
const connected = (page) =>
  page.waitForFunction(() => document.querySelector('script[src="/__docent/live.js"]'))
    .then(() => page.waitForTimeout(300));

let server = await startServer(0);
const { context, close } = await launch({ viewport: { width: 1000, height: 600 } });
const page = await context.newPage();
const other = await context.newPage();

await run([
    ["an edit appears at the same scroll position", async () => {
      await page.goto(server.url + "en/intro/");
      await connected(page);
      await page.evaluate(() => window.scrollTo(0, 900));
      const before = await page.evaluate(() => window.scrollY);
      assert(before > 800, "page scrolled: " + before);
      const text = readFileSync(chapter, "utf8");
      writeFileSync(chapter, text.replace("Filler paragraph 30 so", "Freshly edited paragraph 30 so"));
      await page.waitForFunction(() => document.body.innerText.includes("Freshly edited paragraph 30"), null, { timeout: 10000 });
      await page.waitForTimeout(300);
      const after = await page.evaluate(() => window.scrollY);
      assert(Math.abs(after - before) < 5, `scroll kept: ${before} → ${after}`);
    }],
    ["a page the edit did not touch stays as it is", async () => {
      await other.goto(server.url + "en/second/");
      await connected(other);
      await mark(other);
      await mark(page);
      const text = readFileSync(chapter, "utf8");
      writeFileSync(chapter, text.replace("Freshly edited paragraph 30", "Edited twice paragraph 30"));
      await page.waitForFunction(() => document.body.innerText.includes("Edited twice paragraph 30"), null, { timeout: 10000 });
      assert(!(await marked(page)), "the edited page reloaded");
      await other.waitForTimeout(500);
      assert(await marked(other), "the untouched page did not reload");
    }],
    ["a CSS edit is swapped in without a reload", async () => {
      await mark(page);
      const colour = () => page.evaluate(() => getComputedStyle(document.body).outlineColor);
      assert((await colour()) !== "rgb(1, 2, 3)", "outline not set yet");
      writeFileSync(stylesheet, readFileSync(stylesheet, "utf8") + "\nbody { outline: 3px solid rgb(1, 2, 3); }\n");
      await page.waitForFunction(() => getComputedStyle(document.body).outlineColor === "rgb(1, 2, 3)", null, { timeout: 10000 });
      assert(await marked(page), "the page was not reloaded for a stylesheet");
      equal(await page.evaluate(() => document.querySelectorAll('link[rel="stylesheet"]').length), 1,
        "the old stylesheet link is gone once the new one loaded");
    }],
    ["a broken edit shows the overlay, the fix removes it", async () => {
      const text = readFileSync(chapter, "utf8");
      writeFileSync(chapter, text.replace('title = "Introduction"', 'title = "Introduction"\nbogus = true'));
      await page.waitForSelector("#docent-error-overlay", { timeout: 10000 });
      const shown = await page.textContent("#docent-error-overlay");
      assert(shown.includes("01-intro/en.md:3:1") && shown.includes("bogus"), shown);
      // Opaque (no page text bleeding through), with the lines around the error.
      const alpha = await page.$eval("#docent-error-overlay", (o) => {
        const m = getComputedStyle(o).backgroundColor.match(/rgba?\(([^)]+)\)/);
        const parts = m ? m[1].split(",") : [];
        return parts.length === 4 ? parseFloat(parts[3]) : 1;
      });
      equal(alpha, 1, "overlay opacity");
      const excerpt = await page.textContent("#docent-error-overlay .docent-error-excerpt");
      assert(excerpt.includes("3 │ bogus = true") && excerpt.includes("^"), excerpt);
      assert(await other.isVisible("#docent-error-overlay"), "every open page shows the error");
      writeFileSync(chapter, text);
      await page.waitForSelector("#docent-error-overlay", { state: "detached", timeout: 10000 });
      await other.waitForSelector("#docent-error-overlay", { state: "detached", timeout: 10000 });
    }],
    ["Ctrl-C stops the server; pages reconnect when it is back", async () => {
      await mark(page);
      const port = new URL(server.url).port;
      const stopped = await interrupt(server.child);
      equal(stopped, { code: 0, signal: null }, "Ctrl-C exits cleanly");
      // Edited while the server was down: the page cannot know until it reconnects.
      const text = readFileSync(chapter, "utf8");
      writeFileSync(chapter, text.replace("Edited twice paragraph 30", "Written while stopped paragraph 30"));
      server = await startServer(port);
      equal(new URL(server.url).port, port, "the same port again");
      await page.waitForFunction(() => document.body.innerText.includes("Written while stopped paragraph 30"), null, { timeout: 15000 });
      assert(!(await marked(page)), "the page reloaded after reconnecting");
    }],
], { cleanup: async () => { server.child.kill("SIGKILL"); await close(); } });
