// The one way this project's tests start a browser: Debian's chromium through
// playwright-core, headless, with the flags from DEVELOPERS.md and a fresh profile.
// Also a tiny static server for built sites (loopback only, never outside the folder).
import { chromium } from "playwright-core";
import { mkdtempSync, rmSync, readFileSync, statSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, normalize, extname, sep } from "node:path";
import http from "node:http";

export const CHROMIUM = process.env.DOCENT_CHROMIUM || "/usr/bin/chromium";

export async function launch(options = {}) {
  const profile = mkdtempSync(join(tmpdir(), "docent-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--disable-quic",
      ...(options.args || []),
    ],
    viewport: options.viewport || { width: 1280, height: 900 },
    colorScheme: options.colorScheme || "light",
    locale: options.locale || "en-US",
  });
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, close };
}

const TYPES = {
  ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
  ".svg": "image/svg+xml", ".xml": "application/xml", ".txt": "text/plain", ".png": "image/png",
  ".json": "application/json", ".woff2": "font/woff2",
};

/** Answers requests from the files under `root`, with directory index.html, like a static
 *  host (never outside `root`): the handler of `serve`, and of the HTTP/2 server a benchmark
 *  starts. */
export function staticFiles(root) {
  return (req, res) => {
    const url = decodeURIComponent(new URL(req.url, "http://x").pathname);
    let path = normalize(join(root, url));
    if (!path.startsWith(normalize(root + sep)) && path !== normalize(root)) {
      res.writeHead(404).end();
      return;
    }
    if (existsSync(path) && statSync(path).isDirectory()) {
      if (!url.endsWith("/")) {
        res.writeHead(301, { Location: url + "/" }).end();
        return;
      }
      path = join(path, "index.html");
    }
    if (!existsSync(path)) {
      res.writeHead(404, { "Content-Type": TYPES[".html"] }).end(readFileSync(join(root, "404.html")));
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[extname(path)] || "application/octet-stream" });
    res.end(readFileSync(path));
  };
}

/** Serves `root` on 127.0.0.1 with directory index.html, like a static host. */
export function serve(root) {
  const server = http.createServer(staticFiles(root));
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

/** Runs named checks, prints one line each and a closing count; exits 1 on any failure.
 * `cleanup` (closing the browser, stopping a server) runs before the exit. */
export async function run(checks, { cleanup } = {}) {
  let passed = 0;
  let failed = 0;
  for (const [name, fn] of checks) {
    const start = Date.now();
    try {
      await fn();
      console.log(`ok - ${name} (${((Date.now() - start) / 1000).toFixed(1)} s)`);
      passed++;
    } catch (e) {
      console.log(`FAILED - ${name}\n${e && e.stack ? e.stack : e}`);
      failed++;
    }
  }
  console.log(`browser: ${passed} passed, ${failed} failed`);
  if (cleanup) await cleanup();
  process.exit(failed ? 1 : 0);
}

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}

export function equal(actual, expected, message) {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(`${message}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

// Until the search list of `page` answers `query`, whole: the list of an earlier query stays
// shown while the next one is searched, so waiting for any link would read (or click) the old
// one; and the best hits show before the rest, the list busy until they are in.
export function answered(page, query, timeout = 5000) {
  return page.waitForFunction((q) => {
    const list = document.querySelector("#search-results");
    return list && list.dataset.query === q && !list.hasAttribute("aria-busy");
  }, query, { timeout });
}
