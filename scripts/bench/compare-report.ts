/**
 * The Pagefind comparison's printed report: side-by-side tables of what compare-pagefind.ts
 * measured. Pure formatting.
 */
import os from 'node:os';
import type { PagefindBuild } from './build-pagefind.ts';
import { type ColdRun, FIRST_RESULTS, NETWORK, type Probe, VIEWPORT, type WarmRun } from './page-harness.ts';
import { COMPARE_QUERIES } from './queries.ts';
import { meanOfDefined, RESULT_CAP, scoreResults, type SubstringTruth } from './recall.ts';
import { SITE_LANG } from './render-pages.ts';
import { kb, median, ms, percentile, table } from './stats.ts';

/** One engine in the browser: its cold loads and its warm page. */
export interface Side {
  colds: ColdRun[];
  warm: WarmRun;
}

/** Ranked result lists (article numbers, at most RESULT_CAP) and total counts, per query. */
export interface ResultLists {
  lists: Map<string, number[]>;
  totals: Map<string, number>;
  /** The first page a reader sees, where it differs from the list's first ten (near-duplicates collapsed). */
  shown?: Map<string, number[]>;
}

/** Everything the comparison measured. Pagefind's parts are null when its build failed. */
export interface Comparison {
  input: string;
  files: number;
  articles: number;
  rendered: number;
  pf: PagefindBuild | null;
  pfFailure: string;
  /** Milliseconds. */
  compileTime: number;
  appBuild: number;
  renderTime: number;
  pagefindTime: number;
  /** Peak RSS of this project's build, bytes. */
  peak: number;
  appSize: FolderSize;
  pfSize: FolderSize | null;
  siteSize: FolderSize;
  appSide: Side;
  pfSide: Side | null;
  truth: { folded: SubstringTruth; literal: SubstringTruth };
  appLists: ResultLists;
  pfLists: ResultLists | null;
}

/** Files and bytes under a folder. */
export interface FolderSize {
  bytes: number;
  files: number;
}

/** The typing pauses of the two search boxes (this project: none, COALESCE_KEYSTROKES_IN_TASK_MS in src/ui/state/search-state.svelte.ts; Pagefind: `<pagefind-input>`'s default). */
const DEBOUNCE = { app: 0, pagefind: 300 };

const seconds = (milliseconds: number): string => `${(milliseconds / 1000).toFixed(1)} s`;
const percent = (fraction: number): string => (Number.isNaN(fraction) ? '–' : `${(fraction * 100).toFixed(1)} %`);
const medianP95 = (values: number[]): string => `${ms(median(values))} / ${ms(percentile(values, 95))}`;
const latencies = (probes: Probe[], key: 'countAt' | 'fullAt'): number[] => probes.map((p) => p[key] - p.since);

function coldFigures(colds: ColdRun[]): { full: number; count: number; bytes: number; pageBytes: number; dataBytes: number; requests: number; pageRequests: number; dataRequests: number } {
  return {
    full: median(colds.map((c) => c.probe.fullAt)),
    count: median(colds.map((c) => c.probe.countAt)),
    bytes: median(colds.map((c) => c.pageBytes + c.dataBytes)),
    pageBytes: median(colds.map((c) => c.pageBytes)),
    dataBytes: median(colds.map((c) => c.dataBytes)),
    requests: median(colds.map((c) => c.pageRequests + c.dataRequests)),
    pageRequests: median(colds.map((c) => c.pageRequests)),
    dataRequests: median(colds.map((c) => c.dataRequests)),
  };
}

/** The printable report. */
export function formatComparison(c: Comparison): string {
  const out: string[] = [];
  const failedNote = `failed: ${c.pfFailure}`;
  /** A Pagefind cell: its figure, or "–" when it has no index. */
  const pfCell = (figure: () => string): string => (c.pf ? figure() : '–');
  out.push(
    `This project vs Pagefind — ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`,
    `Archive: ${c.input}: ${c.files} files, ${c.articles} articles rendered as ${c.rendered} pages + the search page; Pagefind's index: ${c.pf ? Object.entries(c.pf.pages).map(([lang, n]) => `${n} pages (${lang})`).join(', ') : failedNote}`,
    '',
    'Build (one run each)',
    table([
      ['figure', 'this project', 'Pagefind 1.6.0'],
      ['compile the archive files (walk, parse, clean, sanitize)', seconds(c.compileTime), `${seconds(c.compileTime)} (the same compiled articles)`],
      ['index: this project build + write; Pagefind render + index', seconds(c.appBuild - c.compileTime), pfCell(() => seconds(c.renderTime + c.pagefindTime))],
      [`  render ${c.rendered} articles as static HTML pages`, '–', seconds(c.renderTime)],
      ['  Pagefind indexing (Node API, extended binary)', '–', c.pf ? seconds(c.pagefindTime) : `${failedNote} (${seconds(c.pagefindTime)})`],
      ['build, total from the archive files', seconds(c.appBuild), pfCell(() => seconds(c.compileTime + c.renderTime + c.pagefindTime))],
      ['build: peak memory (RSS)', `${(c.peak / 1e6).toFixed(0)} MB (compile + index)`, c.pf?.peakBytes ? `${(c.pf.peakBytes / 1e6).toFixed(0)} MB (Pagefind binary)` : '–'],
      ['index files on disk (count, bytes as stored)', `${c.appSize.files} files, ${(c.appSize.bytes / 1e6).toFixed(1)} MB`, pfCell(() => `${c.pfSize!.files} files, ${(c.pfSize!.bytes / 1e6).toFixed(1)} MB`)],
      ['  plus the HTML pages the results link to', '– (the reader uses h/<n>.html)', `${c.siteSize.files} files, ${(c.siteSize.bytes / 1e6).toFixed(1)} MB`],
    ]),
  );

  const a = coldFigures(c.appSide.colds);
  const p = coldFigures(c.pfSide?.colds ?? []);
  const coldRows: string[][] = [['query', 'results (this / Pagefind)', 'first 10 painted: this project', 'Pagefind', 'bytes (requests): this project', 'Pagefind']];
  c.appSide.colds.forEach((cold, i) => {
    const o = c.pfSide?.colds[i];
    coldRows.push([
      cold.probe.query,
      `${cold.probe.total} / ${o ? o.probe.total : '–'}`,
      ms(cold.probe.fullAt),
      o ? ms(o.probe.fullAt) : '–',
      `${kb(cold.pageBytes + cold.dataBytes)} (${cold.pageRequests + cold.dataRequests})`,
      o ? `${kb(o.pageBytes + o.dataBytes)} (${o.pageRequests + o.dataRequests})` : '–',
    ]);
  });
  out.push(
    '',
    `Cold load: headless Chromium, ${NETWORK.downloadThroughput * 8 / 1e6} Mbit/s, ${NETWORK.latency} ms latency (DevTools Network.emulateNetworkConditions), new context (empty HTTP cache), gzip static host, ${VIEWPORT.width}×${VIEWPORT.height} viewport; each query typed in the first frame that shows the box; times from navigation start; medians of ${c.appSide.colds.length} loads`,
    table(coldRows),
    '',
    table([
      ['figure', 'this project', 'Pagefind 1.6.0'],
      [`cold: first ${FIRST_RESULTS} results painted (titles + snippets), median`, ms(a.full), pfCell(() => ms(p.full))],
      ['cold: result count painted, median', ms(a.count), pfCell(() => ms(p.count))],
      ['cold: bytes before the first results, median', `${kb(a.bytes)} (${a.requests} requests)`, pfCell(() => `${kb(p.bytes)} (${p.requests} requests)`)],
      ['  of which HTML + JS + CSS (+ WASM)', `${kb(a.pageBytes)} (${a.pageRequests})`, pfCell(() => `${kb(p.pageBytes)} (${p.pageRequests})`)],
      ['  of which index data', `${kb(a.dataBytes)} (${a.dataRequests})`, pfCell(() => `${kb(p.dataBytes)} (${p.dataRequests})`)],
    ]),
  );

  const aw = c.appSide.warm.probes;
  const pw = c.pfSide?.warm.probes ?? [];
  out.push(
    '',
    `Warm page (cache on, same throttling): ${COMPARE_QUERIES.length} queries, each into a cleared box as one input event; times from the input event, so each box's own typing pause is included`,
    table([
      ['figure', 'this project', 'Pagefind 1.6.0'],
      [`keystroke → first ${FIRST_RESULTS} painted, median / p95`, medianP95(latencies(aw, 'fullAt')), pfCell(() => medianP95(latencies(pw, 'fullAt')))],
      ['keystroke → result count painted, median / p95', medianP95(latencies(aw, 'countAt')), pfCell(() => medianP95(latencies(pw, 'countAt')))],
      ['  of which the search box waits for more typing', `${DEBOUNCE.app} ms`, `${DEBOUNCE.pagefind} ms (<pagefind-input> default)`],
      [`keystroke → first ${FIRST_RESULTS} painted minus that pause, median / p95`, medianP95(latencies(aw, 'fullAt').map((v) => v - DEBOUNCE.app)), pfCell(() => medianP95(latencies(pw, 'fullAt').map((v) => v - DEBOUNCE.pagefind)))],
    ]),
  );

  // Recall and precision.
  const queryRows: string[][] = [['query', 'truth: folded / literal', 'this project: results', 'recall', 'P@10', 'Pagefind: results', 'recall (folded / literal)', 'P@10 (folded / literal)']];
  const scores = { app: [] as ReturnType<typeof scoreResults>[], appLiteral: [] as ReturnType<typeof scoreResults>[], pf: [] as ReturnType<typeof scoreResults>[], pfLiteral: [] as ReturnType<typeof scoreResults>[] };
  let appEmpty = 0;
  let pfEmpty = 0;
  for (const query of COMPARE_QUERIES) {
    const folded = c.truth.folded.of(query);
    const literal = c.truth.literal.of(query);
    const mine = c.appLists.lists.get(query)!;
    const theirs = c.pfLists?.lists.get(query) ?? [];
    const s = { app: scoreResults(mine, folded), appLiteral: scoreResults(mine, literal), pf: scoreResults(theirs, folded), pfLiteral: scoreResults(theirs, literal) };
    scores.app.push(s.app);
    scores.appLiteral.push(s.appLiteral);
    scores.pf.push(s.pf);
    scores.pfLiteral.push(s.pfLiteral);
    if (mine.length === 0 && folded.size > 0) appEmpty++;
    if (c.pf && theirs.length === 0 && folded.size > 0) pfEmpty++;
    queryRows.push([
      query,
      `${folded.size} / ${literal.size}`,
      String(c.appLists.totals.get(query)),
      percent(s.app.recall),
      percent(s.app.precision),
      pfCell(() => String(c.pfLists!.totals.get(query))),
      pfCell(() => `${percent(s.pf.recall)} / ${percent(s.pfLiteral.recall)}`),
      pfCell(() => `${percent(s.pf.precision)} / ${percent(s.pfLiteral.precision)}`),
    ]);
  }
  const mean = (list: ReturnType<typeof scoreResults>[], key: 'recall' | 'precision') => percent(meanOfDefined(list.map((s) => s[key])));
  out.push(
    '',
    `Recall and precision@10 over ${COMPARE_QUERIES.length} queries against a brute-force substring scan of every article's title + text: the truth is the articles containing every query term as a substring,`,
    "after this project's folding (src/lib/search/text/fold.ts: NFKC, case, traditional → simplified) of text and terms alike (\"folded\"), or after lowercasing only (\"literal\": what Pagefind, which folds no Chinese, could match).",
    `Recall = |returned ∩ truth| / min(|truth|, ${RESULT_CAP}) over each engine's full ranked list (first ${RESULT_CAP} results judged); precision@10 = share of the first min(10, returned) results in the truth; means over the queries with a non-empty truth (recall) or with results (precision).`,
    `Pagefind's lists come from its JS API in the browser (pagefind.search, then data() for the URLs); pages are <html lang="${SITE_LANG}">, so Pagefind segments Chinese into words at index time and with Intl.Segmenter at query time.`,
    table(queryRows),
    '',
    table([
      ['figure', 'this project', 'Pagefind 1.6.0'],
      ['recall, mean (folded truth)', mean(scores.app, 'recall'), pfCell(() => mean(scores.pf, 'recall'))],
      ['recall, mean (literal truth)', mean(scores.appLiteral, 'recall'), pfCell(() => mean(scores.pfLiteral, 'recall'))],
      ['precision@10, mean (folded truth)', mean(scores.app, 'precision'), pfCell(() => mean(scores.pf, 'precision'))],
      ['precision@10, mean (literal truth)', mean(scores.appLiteral, 'precision'), pfCell(() => mean(scores.pfLiteral, 'precision'))],
      ['queries with no results (truth non-empty)', String(appEmpty), pfCell(() => String(pfEmpty))],
    ]),
    "This project also matches synonyms (川普 ⇄ 特朗普, COVID ⇄ 新冠 …) and Latin words as prefixes: such results are outside the substring truth and count against its precision.",
  );
  const errors = [...c.appSide.warm.pageErrors.map((e) => `this project: ${e}`), ...(c.pfSide?.warm.pageErrors ?? []).map((e) => `Pagefind: ${e}`)];
  if (errors.length) out.push(`Note: the pages threw ${errors.length} error(s), first: ${errors[0]}`);
  const failed = [...c.appSide.colds.map((cold) => cold.probe), ...aw].reduce((n, probe) => n + probe.failed, 0);
  if (failed) out.push(`Note: ${failed} of this project's result rows painted "snippet unavailable" (counted as painted).`);
  return out.join('\n');
}
