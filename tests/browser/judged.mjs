// Shared by the judged-query runs (docent's box, Pagefind): the command line, the browser
// page, where the expected section and chapter rank among a result list, the summary.
import { readFileSync, writeFileSync } from "node:fs";
import { launch, serve } from "./harness.mjs";

/// `<site-dir> <queries.json> [--report out.json]`: the site served, a page in Chromium,
/// the queries, and `finish(rows)` which closes both, prints nothing and writes the report.
export async function open() {
  const [siteDir, queriesFile, ...rest] = process.argv.slice(2);
  const report = rest[0] === "--report" ? rest[1] : null;
  const queries = JSON.parse(readFileSync(queriesFile, "utf8"));
  const server = await serve(siteDir);
  const { context, close } = await launch();
  const page = await context.newPage();
  const finish = async (rows) => {
    await close();
    await server.close();
    const s = summary(rows);
    if (report) {
      const { n, mrr, top1, top3, chapterMrr } = s;
      writeFileSync(report, JSON.stringify({ n, mrr, top1, top3, chapterMrr, rows }, null, 1));
    }
    return s;
  };
  return { server, page, queries, finish };
}

/// Ranks (1-based, 0 when absent) of the expected section and of its chapter in `got`,
/// a list of site paths such as `en/slug/#anchor`.
export function ranks(expect, got) {
  const rank = got.findIndex((h) => h === expect || (expect.endsWith("/") && h === expect + "#")) + 1;
  const chapter = expect.split("#")[0];
  const chapterRank = [...new Set(got.map((h) => h.split("#")[0]))].indexOf(chapter) + 1;
  return { rank, chapterRank };
}

/// MRR, top-1, top-3 and chapter MRR of scored rows.
export function summary(rows) {
  const n = rows.length;
  const mrr = rows.reduce((a, r) => a + (r.rank ? 1 / r.rank : 0), 0) / n;
  const top1 = rows.filter((r) => r.rank === 1).length / n;
  const top3 = rows.filter((r) => r.rank && r.rank <= 3).length / n;
  const chapterMrr = rows.reduce((a, r) => a + (r.chapterRank ? 1 / r.chapterRank : 0), 0) / n;
  const line = `queries ${n}  MRR ${mrr.toFixed(3)}  top-1 ${(100 * top1).toFixed(1)}%  top-3 ${(100 * top3).toFixed(1)}%  chapter MRR ${chapterMrr.toFixed(3)}`;
  return { n, mrr, top1, top3, chapterMrr, line };
}
