// The teaching blocks as a reader meets them: on a 390 px phone and a 1280 px laptop, light
// and dark. Every text at least 12 px, nothing clipped, compared lines on one row, signs in
// their own gutter, one tab stop per code block, arrow keys that stay in the page, axe with
// every rule, and screenshots of each block for a person to look at.
// Usage: node design.mjs <blocks-site-dir> <course-site-dir> <screenshot-dir>
import { launch, serve, run, assert, equal } from "./harness.mjs";
import { readFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";

const [blocksDir, courseDir, shots, manyDir] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const blocks = await serve(blocksDir);
const course = await serve(courseDir);
const many = await serve(manyDir);
const { context, close } = await launch();
const page = await context.newPage();
const errors = [];
page.on("pageerror", (e) => errors.push(String(e)));

const SIZES = [[390, 844], [1280, 800]];
const THEMES = ["light", "dark"];
const BLOCKS = {
  "stage map": ".stage-map",
  compare: ".compare",
  chart: ".chart",
  quiz: ".quiz",
  annotated: ".code-block:has(.annotation-marker)",
};

async function pages() {
  await page.goto(course.url + "en/");
  const chapters = await page.$$eval(".home-chapter-list a", (as) => as.map((a) => a.href));
  return [blocks.url + "en/blocks/", blocks.url + "en/stress/", blocks.url + "pt-BR/stress/", ...chapters];
}

async function setTheme(theme) {
  await page.emulateMedia({ colorScheme: theme, reducedMotion: "reduce" });
  await page.evaluate(() => localStorage.removeItem("docent-theme"));
}

/** Problems with the text of one block: too small, or cut off. */
function inspect(selector) {
  return page.$$eval(selector, (blocks) => {
    const problems = [];
    const name = (e) => e.tagName.toLowerCase() + (e.className && typeof e.className === "string" ? "." + e.className.split(" ")[0] : "");
    blocks.forEach((block) => {
      const box = block.getBoundingClientRect();
      if (!box.width) return;
      for (const e of block.querySelectorAll("*")) {
        if (!e.getClientRects().length) continue;
        const style = getComputedStyle(e);
        if (style.visibility === "hidden" || e.closest("[aria-hidden=true] svg, .chart-table, .glossary-defs")) continue;
        const ownText = [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
        if (!ownText) continue;
        const size = parseFloat(style.fontSize);
        if (size < 12) problems.push(`${name(e)} "${e.textContent.trim().slice(0, 30)}" is ${size}px`);
        // Labels are never cut: inside the block, and not wider than their own box when
        // that box hides what overflows.
        if (e.closest("pre")) continue;
        const r = e.getBoundingClientRect();
        if (r.right > box.right + 1 || r.left < box.left - 1) {
          problems.push(`${name(e)} "${e.textContent.trim().slice(0, 30)}" sticks out of its block (${Math.round(r.left)}–${Math.round(r.right)} vs ${Math.round(box.left)}–${Math.round(box.right)})`);
        }
        if (style.overflowX !== "visible" && e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0) {
          problems.push(`${name(e)} "${e.textContent.trim().slice(0, 30)}" is clipped`);
        }
      }
    });
    return problems;
  });
}

/** Words that a line break cuts in two although they would fit on a line of their own:
 *  inline code (up to 30 characters), flags written as plain text (a heading's "COPY
 *  --exclude", the contents list, a quiz answer) and the parts of an image name in a stage
 *  map or of a path in a code block's title. `--build-arg` shown as "--build-" / "arg" is mistyped by a student copying it by
 *  eye. A word wider than its whole line may wrap. */
function brokenCodeWords() {
  const out = [];
  // The width of the text column the word sits in: its nearest block ancestor's content box.
  const column = (e) => {
    while (e && ["inline", "inline-block", "contents"].includes(getComputedStyle(e).display)) e = e.parentElement;
    const style = getComputedStyle(e);
    return e.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  };
  const check = (text, word, at) => {
    if (word.length > 30) return;
    const range = document.createRange();
    range.setStart(text, at);
    range.setEnd(text, at + word.length);
    const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
    if (tops.size < 2) return;
    const probe = document.createElement("span");
    probe.style.cssText = "position:absolute;visibility:hidden;white-space:nowrap";
    probe.textContent = word;
    text.parentElement.appendChild(probe);
    const width = probe.getBoundingClientRect().width;
    probe.remove();
    if (width <= column(text.parentElement)) out.push(word);
  };
  const texts = function* (root) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let text;
    while ((text = walker.nextNode())) if (text.parentElement.getClientRects().length) yield text;
  };
  for (const code of document.querySelectorAll("code")) {
    if (code.closest("pre")) continue;
    for (const text of texts(code)) for (const m of text.textContent.matchAll(/\S+/g)) check(text, m[0], m.index);
  }
  for (const text of texts(document.body)) {
    if (text.parentElement.closest("code, pre, script, style, .stage-map")) continue;
    for (const m of text.textContent.matchAll(/(?<=^|\s)--?[A-Za-z][\w.-]*/g)) check(text, m[0], m.index);
  }
  // A kept-whole word in the text stays on one line even where its pieces are separate
  // text nodes (`../../Dockerfile`, `--mount=type=cache,id=x`).
  for (const mark of document.querySelectorAll(".nowrap")) {
    if (mark.closest("h1, h2, h3, h4, .page-toc, .sidebar, pre")) continue;
    const tops = new Set([...mark.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
    if (tops.size > 1) out.push(mark.textContent);
  }
  for (const name of document.querySelectorAll(".stage-name, .dep-source, .code-title > span")) {
    for (const text of texts(name)) for (const m of text.textContent.matchAll(/[^\/:@\s]+/g)) check(text, m[0], m.index);
  }
  return out;
}

/** Kept-whole words that stick out of their column (past the edge of the contents list on
 *  a laptop, of a table cell on a phone): a mark must not cost the reader the word's end. */
function markOverflow() {
  const out = [];
  for (const mark of document.querySelectorAll(".nowrap")) {
    if (!mark.getClientRects().length || mark.closest("pre, .scroll-x, .table-wrap")) continue;
    let block = mark.parentElement;
    while (block && ["inline", "inline-block", "contents"].includes(getComputedStyle(block).display)) block = block.parentElement;
    const box = block.getBoundingClientRect();
    const style = getComputedStyle(block);
    const right = box.right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth);
    const left = box.left + parseFloat(style.paddingLeft) + parseFloat(style.borderLeftWidth);
    for (const r of mark.getClientRects()) if (r.right > right + 1 || r.left < left - 1) out.push(mark.textContent.slice(0, 40));
  }
  return out;
}

/** Headings whose `#` link sits alone on a line of its own: it is hidden until hovered, so
 *  the heading shows an empty line under it. */
function lonelyAnchors() {
  return [...document.querySelectorAll(".anchor")].filter((a) => {
    if (!a.getClientRects().length) return false;
    const before = document.createRange();
    before.setStart(a.parentElement, 0);
    before.setEndBefore(a);
    const tops = [...before.getClientRects()].filter((r) => r.width > 0).map((r) => r.top);
    return tops.length && a.getBoundingClientRect().top > Math.max(...tops) + 4;
  }).map((a) => a.parentElement.textContent.trim().slice(0, 40));
}

/** Paragraphs whose lines the marked (kept-whole) code makes taller than plain inline code
 *  would: a few pixels here and there make the spacing of a paragraph uneven. A whole line
 *  more or less is a word moved to the next line, which is the point. */
function taller() {
  const marked = [...document.querySelectorAll("main p")].filter((p) => p.querySelector(".nowrap") && p.getClientRects().length);
  const kept = marked.map((p) => p.getBoundingClientRect().height);
  const plain = document.createElement("style");
  plain.textContent = ".nowrap { display: inline !important }";
  document.head.appendChild(plain);
  const out = [];
  marked.forEach((p, i) => {
    const d = Math.abs(kept[i] - p.getBoundingClientRect().height);
    if (d > 0.5 && d < parseFloat(getComputedStyle(p).lineHeight) - 0.5) out.push(p.textContent.trim().slice(0, 40));
  });
  plain.remove();
  return out;
}

async function axe(label) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => await window.axe.run(document, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice", "experimental"] },
  }));
  const problems = result.violations.map((v) =>
    `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(" ") + " — " + (n.failureSummary || "").split("\n").slice(1, 2).join("")).join("\n    ")}`);
  assert(problems.length === 0, `${label}: ${problems.length} axe violations\n  ${problems.join("\n  ")}`);
}

await run([
  ["every block, both widths, both themes: text ≥ 12 px, nothing clipped; screenshots", async () => {
    const urls = await pages();
    const found = new Set();
    for (const theme of THEMES) {
      for (const [width, height] of SIZES) {
        await page.setViewportSize({ width, height });
        await page.goto(urls[0]);
        await setTheme(theme);
        for (const url of urls) {
          await page.goto(url);
          for (const [kind, selector] of Object.entries(BLOCKS)) {
            const count = await page.locator(selector).count();
            if (!count) continue;
            found.add(kind);
            const problems = await inspect(selector);
            assert(problems.length === 0, `${kind} on ${url} at ${width}px (${theme}):\n  ${problems.slice(0, 8).join("\n  ")}`);
            if (url.includes("/stress/") || url.includes("/blocks/")) {
              const slug = url.split("/").filter(Boolean).slice(-2).join("-");
              await page.locator(selector).first().screenshot({ path: `${shots}/${slug}-${kind.replace(" ", "-")}-${width}-${theme}.png` });
            }
          }
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          assert(overflow <= 0, `${url} at ${width}px scrolls sideways by ${overflow}px`);
          const broken = await page.evaluate(brokenCodeWords);
          assert(broken.length === 0, `${url} at ${width}px breaks inline code inside a word: ${broken.slice(0, 5).join(", ")}`);
          const sticking = await page.evaluate(markOverflow);
          assert(sticking.length === 0, `${url} at ${width}px: kept-whole words stick out of their column: ${sticking.slice(0, 5).join(", ")}`);
          const lonely = await page.evaluate(lonelyAnchors);
          assert(lonely.length === 0, `${url} at ${width}px: a heading's # link wraps to a line of its own: ${lonely.slice(0, 3).join(" | ")}`);
          const uneven = await page.evaluate(taller);
          assert(uneven.length === 0, `${url} at ${width}px: marked code makes these lines taller: ${uneven.slice(0, 3).join(" | ")}`);
        }
      }
    }
    equal([...found].sort(), Object.keys(BLOCKS).sort(), "every kind of block was looked at");
  }],
  ["compare: each line and its counterpart share a row; signs sit in their own gutter, never on blank lines", async () => {
    for (const [width, height] of SIZES) {
      await page.setViewportSize({ width, height });
      for (const url of [blocks.url + "en/blocks/", blocks.url + "en/stress/", course.url + "en/first-multi-stage-build/"]) {
        await page.goto(url);
        const report = await page.evaluate((width) => {
          const out = [];
          document.querySelectorAll(".compare").forEach((compare) => {
            const unifiedFirst = getComputedStyle(compare.querySelector(".compare-unified")).display !== "none";
            if (width < 800 && !unifiedFirst) out.push("a phone starts with the unified view");
            if (width >= 800 && unifiedFirst) out.push("a laptop starts side by side");
            const gutters = () => compare.querySelectorAll(".line[data-diff]").forEach((line) => {
              if (!line.getClientRects().length) return;
              if (!line.textContent.trim()) out.push("a sign on a blank line");
              const sign = getComputedStyle(line, "::before");
              const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
              let text;
              while ((text = walker.nextNode()) && !text.textContent.trim());
              if (!text) return;
              const range = document.createRange();
              range.selectNodeContents(text);
              const left = range.getBoundingClientRect().left;
              const signRight = line.getBoundingClientRect().left + parseFloat(sign.width);
              if (left < signRight - 0.5) out.push(`sign over code: "${line.textContent.trim().slice(0, 20)}" starts at ${left}, sign ends at ${signRight}`);
            });
            gutters();
            compare.dataset.view = "split";
            gutters();
            const [left, right] = compare.querySelectorAll(".compare-side");
            const l = left.querySelectorAll(".line"), r = right.querySelectorAll(".line");
            if (l.length !== r.length) out.push(`rows: ${l.length} vs ${r.length}`);
            if (width >= 800) {
              for (let i = 0; i < Math.min(l.length, r.length); i++) {
                const dy = Math.abs(l[i].getBoundingClientRect().top - r[i].getBoundingClientRect().top);
                if (dy > 1) out.push(`row ${i + 1}: ${dy}px apart`);
              }
            }
            delete compare.dataset.view;
          });
          return out;
        }, width);
        assert(report.length === 0, `${url} at ${width}px:\n  ${report.slice(0, 8).join("\n  ")}`);
      }
    }
    // The toggle switches views, and says which one is on.
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(blocks.url + "en/stress/");
    const unified = page.locator(".compare-view button[data-view=unified]");
    await unified.click();
    equal(await unified.getAttribute("aria-pressed"), "true", "pressed");
    assert(await page.locator(".compare-unified").isVisible(), "unified shown");
    assert(!(await page.locator(".compare-sides").isVisible()), "sides hidden");
  }],
  ["keyboard: one tab stop per code block, arrows inside it, arrows never leave the page from code or a field", async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    for (const url of [blocks.url + "en/blocks/", course.url + "en/first-multi-stage-build/"]) {
      await page.goto(url);
      const budget = await page.evaluate(() => {
        const outsideCode = (e) => !e.closest("pre");
        const visible = (e) => e.getClientRects().length > 0;
        const blocks = document.querySelectorAll(".code-block, .stage-map, .chart, .compare-unified, .table-wrap").length;
        const links = [...document.querySelectorAll("a[href]")].filter(outsideCode).filter(visible).length;
        const radios = new Set([...document.querySelectorAll("input[type=radio]")].map((r) => r.name)).size;
        const controls = [...document.querySelectorAll("button, input:not([type=radio]), select, textarea, summary")].filter(outsideCode).filter(visible).length;
        return blocks + links + radios + controls;
      });
      const stops = new Set();
      await page.evaluate(() => document.activeElement && document.activeElement.blur());
      for (let i = 0; i < 400; i++) {
        await page.keyboard.press("Tab");
        const id = await page.evaluate(() => {
          const e = document.activeElement;
          if (!e || e === document.body) return null;
          if (!e.dataset.stop) e.dataset.stop = String(Math.random());
          return e.dataset.stop;
        });
        if (id === null) continue;
        if (stops.has(id)) break;
        stops.add(id);
      }
      assert(stops.size <= budget, `${url}: ${stops.size} tab stops, more than the ${budget} blocks, links and controls`);
      const inCode = await page.evaluate(() => document.querySelectorAll("pre .kw, pre .annotation-marker").length);
      assert(inCode > 0, "the page has keywords and markers to step through");
    }
    // Arrow keys with focus in code, on a stage, in a quiz or in the search field stay on the page.
    await page.goto(course.url + "en/first-multi-stage-build/");
    const here = page.url();
    for (const target of ["pre.code", ".stage-head", "#search-input", ".quiz-choice input"]) {
      await page.focus(target);
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("ArrowLeft");
      await page.waitForTimeout(150);
      equal(page.url(), here, `← → from ${target}`);
    }
    // From the page itself they do change chapter.
    await page.evaluate(() => document.activeElement.blur());
    await page.keyboard.press("ArrowRight");
    await page.waitForURL((u) => u.toString() !== here);
    // Escape closes a glossary tip and a note.
    await page.goto(blocks.url + "en/blocks/");
    await page.focus("#code-1 pre.code");
    await page.keyboard.press("ArrowDown");
    const first = await page.evaluate(() => document.activeElement.className);
    assert(/kw|annotation-marker/.test(first), "↓ enters the block: " + first);
    const kw = page.locator("#code-1 .kw").first();
    await kw.focus();
    assert((await kw.evaluate((e) => getComputedStyle(e, "::after").content)) !== "none", "tip shown on focus");
    await page.keyboard.press("Escape");
    equal(await kw.evaluate((e) => getComputedStyle(e, "::after").display), "none", "Escape hides the tip");
  }],
  ["stage map: selecting a stage lights its lines and brings them into view", async () => {
    for (const [width, height] of SIZES) {
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ reducedMotion: "reduce" });
      await page.goto(blocks.url + "en/stress/");
      const stage = page.locator(".stage-map").first().locator(".stage").last();
      const head = stage.locator(".stage-head");
      await head.scrollIntoViewIfNeeded();
      await head.focus();
      await page.waitForTimeout(200);
      equal(await head.getAttribute("aria-pressed"), "true", "pressed");
      const lines = await page.$$eval(".line.stage-hl", (ls) => ls.map((l) => {
        const r = l.getBoundingClientRect();
        return [r.top, r.bottom];
      }));
      assert(lines.length > 0, "lines lit");
      const [top, bottom] = [lines[0][0], lines[lines.length - 1][1]];
      assert(top >= 0 && bottom <= height + 1, `${width}px: lines at ${top}–${bottom}, viewport ${height}`);
      await page.keyboard.press("ArrowUp");
      equal(await page.evaluate(() => document.activeElement.closest(".stage").dataset.stage), "certificates", "↑ moves to the stage above");
    }
  }],
  ["quiz: one heading, 44 px targets, states not by colour alone, a score", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(course.url + "en/first-multi-stage-build/");
    const quiz = page.locator(".quiz").first();
    equal(await quiz.locator(".quiz-title").count(), 0, "the heading above names the quiz");
    const named = await quiz.evaluate((q) => document.getElementById(q.getAttribute("aria-labelledby")).tagName);
    assert(/^H[2-4]$/.test(named), "labelled by " + named);
    const heights = await quiz.locator(".quiz-choice, .quiz-check").evaluateAll((es) => es.map((e) => e.getBoundingClientRect().height));
    assert(heights.every((h) => h >= 44), "targets: " + heights.join(", "));
    const questions = await quiz.locator(".quiz-question").count();
    for (let i = 0; i < questions; i++) {
      const q = quiz.locator(".quiz-question").nth(i);
      const answer = await q.getAttribute("data-answer");
      const pick = i === 0 ? (answer === "0" ? "1" : "0") : answer;
      await q.locator(`input[value="${pick}"]`).check();
      await q.locator(".quiz-check").click();
    }
    const wrong = quiz.locator(".quiz-choice.chosen-wrong").first();
    equal(await wrong.locator(".quiz-mark").evaluate((m) => getComputedStyle(m, "::before").content), '"✗"', "a wrong choice is crossed");
    const right = quiz.locator(".quiz-choice.chosen-right").first();
    equal(await right.locator(".quiz-mark").evaluate((m) => getComputedStyle(m, "::before").content), '"✓"', "a right choice is ticked");
    const score = await quiz.locator(".quiz-score").textContent();
    assert(score.includes(`${questions - 1} of ${questions}`), "score: " + score);
    // The score is kept: the sidebar and the home page show it, in this language only.
    const total = await page.locator(".quiz-question").count();
    if (total === questions) {
      await page.goto(course.url + "en/");
      const badge = page.locator('.home-chapters a[href$="first-multi-stage-build/"] .progress-quiz');
      equal(await badge.locator("[aria-hidden]").textContent(), `${questions - 1}/${questions}`, "badge on the home page");
      await page.goto(course.url + "en/security/");
      const side = page.locator('.sidebar a[href$="first-multi-stage-build/"] .progress-quiz');
      assert((await side.textContent()).includes(`${questions - 1} of ${questions} right`), "badge in the sidebar");
      await page.goto(course.url + "pt-BR/security/");
      equal(await page.locator(".sidebar .progress-quiz").count(), 0, "kept per language");
    }
    // Inline Markdown in prompts, choices and explanations.
    await page.goto(blocks.url + "en/stress/");
    assert(await page.locator(".quiz-prompt code").count() > 0, "code in a prompt");
    assert(await page.locator(".quiz-choice-text code").count() > 0, "code in a choice");
    assert(await page.locator(".quiz-choice-text em").count() > 0, "emphasis in a choice");
    assert(await page.locator(".quiz-answer a").count() > 0, "a link in an explanation");
  }],
  ["table of contents follows the reader's section", async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(course.url + "en/faster-builds/");
    const links = page.locator(".page-toc a");
    const n = await links.count();
    assert(n >= 4, "a long chapter: " + n);
    for (const k of [1, Math.floor(n / 2), n - 2]) {
      const id = decodeURIComponent((await links.nth(k).getAttribute("href")).slice(1));
      await page.evaluate((id) => {
        const h = document.getElementById(id);
        window.scrollTo(0, h.getBoundingClientRect().top + window.scrollY - 70);
      }, id);
      await page.waitForFunction((k) => document.querySelectorAll(".page-toc a")[k].getAttribute("aria-current") === "location", k, { timeout: 2000 })
        .catch(() => {});
      equal(await links.nth(k).getAttribute("aria-current"), "location", "section " + id);
      equal(await page.locator('.page-toc a[aria-current]').count(), 1, "one current section");
    }
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForTimeout(100);
    equal(await links.nth(n - 1).getAttribute("aria-current"), "location", "the last section at the end");
    await page.setViewportSize({ width: 390, height: 844 });
  }],
  ["phone: the top bar slides away reading down and is back on a scroll up, with the language switch", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(course.url + "en/faster-builds/");
    const bar = page.locator(".topbar");
    for (let i = 0; i < 8; i++) { await page.mouse.wheel(0, 300); await page.waitForTimeout(50); }
    await page.waitForTimeout(400);
    const down = await bar.evaluate((b) => b.getBoundingClientRect().bottom);
    assert(down <= 1, "out of the way while reading down: bottom " + down);
    await page.mouse.wheel(0, -120);
    await page.waitForTimeout(500);
    equal(await bar.evaluate((b) => Math.round(b.getBoundingClientRect().top)), 0, "back at the top of the screen");
    const other = page.locator('.lang-switcher a[hreflang="pt-BR"]');
    const reachable = await other.evaluate((a) => {
      const r = a.getBoundingClientRect();
      return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === a;
    });
    assert(reachable, "the language switch can be tapped");
    const section = await page.evaluate(() => {
      const heads = [...document.querySelectorAll(".chapter-body h2[id], .chapter-body h3[id], .chapter-body h4[id]")];
      return heads.filter((h) => h.getBoundingClientRect().top <= 80).length - 1;
    });
    await other.click();
    await page.waitForURL(/pt-BR\/faster-builds\/#.+/);
    const landed = await page.evaluate(() => {
      const heads = [...document.querySelectorAll(".chapter-body h2[id], .chapter-body h3[id], .chapter-body h4[id]")];
      return heads.findIndex((h) => h.id === decodeURIComponent(location.hash.slice(1)));
    });
    equal(landed, section, "the same section in Portuguese");
  }],
  ["chrome: theme toggle, menu name, print page at 360 px, chapter numbers", async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(course.url + "en/first-multi-stage-build/");
    await setTheme("light");
    await page.reload();
    const toggle = page.locator(".theme-toggle");
    const label = (await toggle.textContent()).trim();
    equal(await toggle.getAttribute("aria-pressed"), "false", "light: not pressed");
    await toggle.click();
    equal(await toggle.getAttribute("aria-pressed"), "true", "dark: pressed");
    equal((await toggle.textContent()).trim(), label, "the label names the setting, not the state");
    await toggle.click();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(course.url + "en/first-multi-stage-build/");
    const menu = page.locator(".menu-button");
    const visible = await menu.evaluate((m) => [...m.childNodes]
      .filter((n) => n.nodeType === 3 || n.getAttribute("aria-hidden") !== "true")
      .map((n) => n.textContent).join("").trim());
    const name = await menu.getAttribute("aria-label");
    assert(!name || name.includes(visible), `accessible name "${name}" contains "${visible}"`);
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(course.url + "en/print/");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert(overflow <= 0, `print page scrolls sideways by ${overflow}px at 360 px`);
    // On paper: code wraps instead of running off the sheet, and annotations are numbered
    // notes under their code.
    await page.emulateMedia({ media: "print" });
    await page.setViewportSize({ width: 600, height: 900 });
    const cut = await page.$$eval("pre.code", (ps) => ps.filter((p) => p.scrollWidth > p.clientWidth + 1).length);
    equal(cut, 0, "code blocks cut at the right edge on paper");
    const notes = await page.$$eval(".code-block:has(.annotation-marker)", (bs) => bs.map((b) => {
      const list = document.querySelector(`.annotations[data-block="${b.id}"] li`);
      return !!list && list.offsetHeight > 0 && getComputedStyle(list).display !== "none";
    }));
    assert(notes.length > 0 && notes.every(Boolean), "numbered notes printed: " + JSON.stringify(notes));
    await page.emulateMedia({ media: "screen" });
    // A course of 120 chapters: numbers of three digits stay whole and aligned in the sidebar.
    for (const [width, height] of SIZES) {
      await page.setViewportSize({ width, height });
      await page.goto(many.url + "en/chapter-105/");
      if (width < 800) await page.click(".menu-button");
      const numbers = await page.$$eval(".chapter-list .nav-number", (ns) => ns.map((n) => {
        const r = n.getBoundingClientRect();
        const title = n.nextElementSibling.getBoundingClientRect();
        return { text: n.textContent, fits: n.scrollWidth <= n.clientWidth + 1 && r.left >= 0, right: Math.round(r.right), title: Math.round(title.left) };
      }));
      equal(numbers.length, 120, "all chapters listed");
      assert(numbers.every((n) => n.fits), `clipped: ${numbers.filter((n) => !n.fits).map((n) => n.text).join(" ")}`);
      const rights = new Set(numbers.map((n) => n.right));
      const titles = new Set(numbers.map((n) => n.title));
      assert(rights.size === 1 && titles.size === 1, `numbers and titles aligned at ${width}px: ${[...rights]} / ${[...titles]}`);
      await page.screenshot({ path: `${shots}/sidebar-120-${width}.png` });
    }
  }],
  ["axe, every rule tag, both themes: blocks and a chapter", async () => {
    for (const theme of THEMES) {
      for (const [width, height] of SIZES) {
        await page.setViewportSize({ width, height });
        for (const url of [blocks.url + "en/blocks/", blocks.url + "pt-BR/stress/", course.url + "en/first-multi-stage-build/"]) {
          await page.goto(url);
          await setTheme(theme);
          await page.reload();
          await axe(`${url} ${width}px ${theme}`);
        }
      }
    }
  }],
  ["no script errors", async () => equal(errors, [], "page errors")],
], { cleanup: async () => { await close(); await blocks.close(); await course.close(); await many.close(); } });
