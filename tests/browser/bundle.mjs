// The offline bundle from file://: search without accents, search a Dockerfile instruction,
// follow a result, switch language, and no request leaves the disk.
// Usage: node bundle.mjs <unpacked-zip-folder> <single-file-folder>
import { launch, run, assert, equal, answered } from "./harness.mjs";
import { pathToFileURL } from "node:url";

const [zipDir, singleDir] = process.argv.slice(2);
const { context, close } = await launch();
const outside = [];
context.on("request", (r) => {
  const url = r.url();
  if (!url.startsWith("file://") && !url.startsWith("data:") && !url.startsWith("about:")) outside.push(url);
});
const page = await context.newPage();
const errors = [];
page.on("pageerror", (e) => errors.push(String(e)));

async function search(query) {
  await page.focus("#search-input");
  await page.fill("#search-input", query);
  await answered(page, query);
  return page.$$eval(".search-results a", (as) => as.map((a) => ({ href: a.href, text: a.textContent, mark: (a.querySelector("mark") || {}).textContent })));
}

await run([
  ["the unpacked zip opens from disk and picks the reader's language", async () => {
    await page.goto(pathToFileURL(zipDir + "/index.html").href);
    await page.waitForURL(/\/en\/index\.html$/);
    const start = page.locator(".home-chapter-list a").first();
    await start.click();
    await page.waitForURL(/\/en\/[^/]+\/index\.html$/);
  }],
  ["reading progress is kept from disk: the home page continues with the chapter opened", async () => {
    const chapter = page.url();
    const title = await page.textContent("h1");
    await page.goto(pathToFileURL(zipDir + "/en/index.html").href);
    const go = page.locator(".home-continue a");
    assert(await go.isVisible(), "continue link shown from file://");
    equal((await go.textContent()).trim(), title.trim(), "names the chapter");
    await go.click();
    await page.waitForURL(chapter);
  }],
  ["search from disk: a Dockerfile instruction", async () => {
    const hits = await search("COPY --from");
    assert(hits.length > 0, "no hits for COPY --from");
    assert(hits.every((h) => h.href.startsWith("file://")), "results stay on disk");
    assert(hits.some((h) => (h.mark || "").toLowerCase() === "copy" || (h.mark || "").toLowerCase() === "from"), JSON.stringify(hits.slice(0, 2)));
  }],
  ["search without accents in Portuguese, follow the result", async () => {
    await page.goto(pathToFileURL(zipDir + "/pt-BR/index.html").href);
    const hits = await search("estagio");
    assert(hits.length > 0, "estagio found nothing");
    assert(hits.some((h) => /est[aá]gio/i.test(h.mark || "")), "match marked: " + JSON.stringify(hits.slice(0, 3)));
    const plural = await search("imagens");
    assert(plural.length > 0, "imagens found nothing");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/pt-BR\/[^/]+\/index\.html(#.*)?$/);
    equal(await page.getAttribute("html", "lang"), "pt-BR", "landed on a Portuguese page");
  }],
  ["the language switcher works from disk", async () => {
    await page.click('.lang-switcher a[hreflang="en"]');
    await page.waitForURL(/\/en\/[^/]+\/index\.html/);
    equal(await page.getAttribute("html", "lang"), "en", "html lang");
  }],
  ["annotations, quiz and theme toggle work from disk", async () => {
    const marker = page.locator(".annotation-marker").first();
    if (await marker.count()) {
      await marker.click();
      equal(await page.locator(".annotation-popover").count(), 1, "popover");
      await page.keyboard.press("Escape");
    }
    await page.click(".theme-toggle");
    equal(await page.getAttribute("html", "data-theme"), "dark", "dark theme");
    await page.click(".theme-toggle");
  }],
  ["the single file: search jumps within it, the switcher opens the sibling", async () => {
    await page.goto(pathToFileURL(singleDir + "/course.pt-BR.html").href);
    equal(await page.locator("section.print-chapter").count() > 5, true, "chapters in the file");
    const hits = await search("estagio");
    assert(hits.length > 0, "estagio found nothing in the single file");
    assert(hits[0].href.includes("course.pt-BR.html#"), "in-file link: " + hits[0].href);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await page.waitForURL(/course\.pt-BR\.html#.+/);
    const target = decodeURIComponent(page.url().split("#")[1]);
    assert(await page.locator(`[id="${target}"]`).count() === 1, "the anchor exists: " + target);
    const cmd = await search("COPY --from");
    assert(cmd.length > 0, "COPY --from in the single file");
    // The switcher keeps the reader's place: the same chapter and section in the sibling.
    const place = () => {
      const chapters = [...document.querySelectorAll("section.print-chapter")];
      let k = -1, j = -1;
      chapters.forEach((c, i) => { if (c.getBoundingClientRect().top <= 80) k = i; });
      if (k < 0) return [k, j];
      const heads = [...chapters[k].querySelectorAll("h2[id]:not(.print-chapter-title), h3[id], h4[id]")];
      heads.forEach((h, i) => { if (h.getBoundingClientRect().top <= 80) j = i; });
      return [k, j];
    };
    const before = await page.evaluate(place);
    assert(before[0] > 0 && before[1] >= 0, "read from a section: " + before);
    await page.click('.lang-switcher a[hreflang="en"]');
    await page.waitForURL(/course\.en\.html#.+/);
    equal(await page.getAttribute("html", "lang"), "en", "sibling file");
    assert(!page.url().includes("#@"), "the place became an anchor: " + page.url());
    equal(JSON.stringify(await page.evaluate(place)), JSON.stringify(before), "same chapter and section");
  }],
  ["no request left the disk and no script failed", async () => {
    equal(outside, [], "requests outside file://");
    equal(errors, [], "page errors");
  }],
], { cleanup: close });
