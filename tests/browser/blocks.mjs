// Annotations, stage maps and quizzes in a real browser. Usage: node blocks.mjs <site-dir>
import { launch, serve, run, assert, equal } from "./harness.mjs";

const server = await serve(process.argv[2]);
const { context, close } = await launch();
const page = await context.newPage();
const errors = [];
page.on("pageerror", (e) => errors.push(String(e)));

await run([
  ["an annotation marker opens its note next to the line", async () => {
    await page.goto(server.url + "en/blocks/");
    const marker = page.locator("[data-dockerfile] .annotation-marker").nth(1);
    await marker.click();
    equal(await marker.getAttribute("aria-expanded"), "true", "expanded");
    const pop = page.locator(".annotation-popover");
    equal(await pop.count(), 1, "one popover");
    assert((await pop.textContent()).includes("the build stage starts from deps"), await pop.textContent());
    const lineBox = await page.locator("[data-dockerfile] .line").nth(7).boundingBox();
    const markerBox = await marker.boundingBox();
    const popBox = await pop.boundingBox();
    // Wide: beside the marker, level with its line; the line is lit while its note is open.
    assert(popBox.x > markerBox.x + markerBox.width && Math.abs(popBox.y - lineBox.y) < 16,
      `popover beside its marker: ${JSON.stringify(popBox)} vs ${JSON.stringify(markerBox)}`);
    assert(await page.locator("[data-dockerfile] .line").nth(7).evaluate((l) => l.classList.contains("note-open")), "line lit");
    await page.keyboard.press("Escape");
    equal(await page.locator(".annotation-popover").count(), 0, "Escape closes it");
    equal(await marker.getAttribute("aria-expanded"), "false", "collapsed");
    // Keyboard: focus the marker and press Enter.
    await marker.focus();
    await page.keyboard.press("Enter");
    equal(await page.locator(".annotation-popover").count(), 1, "Enter opens it");
    await page.locator(".popover-close").click();
    equal(await page.locator(".annotation-popover").count(), 0, "close button");
    // Narrow: right under the line, with its pointer at the marker.
    await page.setViewportSize({ width: 390, height: 844 });
    await marker.click();
    const narrowLine = await page.locator("[data-dockerfile] .line").nth(7).boundingBox();
    const narrowPop = await page.locator(".annotation-popover").boundingBox();
    assert(Math.abs(narrowPop.y - (narrowLine.y + narrowLine.height)) < 16, `popover under its line: ${narrowPop.y} vs ${narrowLine.y + narrowLine.height}`);
    await page.keyboard.press("Escape");
    await page.setViewportSize({ width: 1280, height: 900 });
  }],
  ["focusing a stage highlights its lines", async () => {
    await page.goto(server.url + "en/blocks/");
    const stage = page.locator("#code-1 .stage-map [data-stage=\"build\"] .stage-head");
    await stage.focus();
    const lit = await page.$$eval("[data-dockerfile] .line.stage-hl", (ls) => ls.map((l) => l.id));
    equal(lit, ["code-1-L8", "code-1-L9", "code-1-L10", "code-1-L11", "code-1-L12"], "build stage lines");
    await page.locator("#code-1 .stage-map [data-stage=\"deps\"]").hover();
    const deps = await page.$$eval("[data-dockerfile] .line.stage-hl", (ls) => ls.map((l) => l.id));
    assert(deps.includes("code-1-L3") && !deps.includes("code-1-L8"), "deps lines: " + deps);
  }],
  ["the quiz says wrong, then right", async () => {
    await page.goto(server.url + "pt-BR/blocks/");
    const q = page.locator(".quiz-question").first();
    await q.locator(".quiz-check").click();
    equal(await q.locator(".quiz-result").textContent(), "Escolha uma resposta primeiro.", "no choice");
    await q.locator('input[value="0"]').check();
    await q.locator(".quiz-check").click();
    assert((await q.locator(".quiz-result").textContent()).startsWith("Ainda não"), "wrong answer");
    equal(await q.locator("details").evaluate((d) => d.open), false, "answer still hidden");
    await q.locator('input[value="1"]').check();
    await q.locator(".quiz-check").click();
    equal(await q.locator(".quiz-result").textContent(), "Isso mesmo!", "right answer");
    equal(await q.locator("details").evaluate((d) => d.open), true, "explanation shown");
  }],
  ["glossary tooltip appears on keyboard focus", async () => {
    await page.goto(server.url + "pt-BR/blocks/");
    const kw = page.locator("[data-instruction=USER] .kw").first();
    await kw.focus();
    const tip = await kw.evaluate((e) => getComputedStyle(e, "::after").content);
    assert(tip.includes("USER define o usuário"), "tooltip: " + tip);
  }],
  ["no script errors", async () => equal(errors, [], "page errors")],
], { cleanup: async () => { await close(); await server.close(); } });
