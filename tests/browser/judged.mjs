// Scoring shared by the judged-query runs (docent's box, Pagefind): where the expected
// section and chapter rank among a result list, and the summary line.

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
