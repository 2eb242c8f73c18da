/**
 * The size sweep over real text (`npm run bench -- --sweep [--sweep-x30] [--runs N]`, issue #22):
 * the shared corpus, and copies of it three and thirty times its size made by
 * `../shared/tools/replicate-archive.py` (the corpus's vocabulary, postings that grow with the
 * copies: unique URLs, dates moved back a week per copy). Per size: the manifest every visitor
 * downloads, what a cold first visit downloads before its first results and how soon they are
 * painted, typed → count on a warm page, and the prefetch's hit rate (the warm queries that
 * requested no vocabulary file: no part table page, no part).
 *
 * Archives and indexes are cached under `.cache/sweep/` (an index keyed by its archive's file names
 * and sizes, the index version and the index code's contents), so a second run of the same code
 * builds nothing. ×30 (96,300 files) only with `--sweep-x30`: its first build takes many minutes.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { INDEX_VERSION, type Manifest } from '../../src/lib/search/index.ts';
import { buildArchiveIndex } from '../compiler/build-archive-index.ts';
import { ensureBuilt, startAppHost } from './bench-page.ts';
import { coldRun, launchChromium, warmRun, warmUpBrowser } from './page-harness.ts';
import { BENCH_QUERIES } from './queries.ts';
import { hitRate, queryNeeds } from './query-needs.ts';
import { kb, median, ms, percentile, table } from './stats.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const REPLICATE = path.resolve(ROOT, '../shared/tools/replicate-archive.py');

export interface SweepOptions {
  /** The real archive (../shared/corpus). */
  input: string;
  distDir: string;
  /** Also the ×30 copy. */
  x30: boolean;
  /** Cold loads per query. */
  coldRuns: number;
  /** Where archives and indexes are kept (default `.cache/sweep`). */
  cacheDir?: string;
}

/** One size's figures. */
export interface SweepRow {
  label: string;
  articles: number;
  buildSeconds: number | null;
  manifestRaw: number;
  manifestGzip: number;
  coldBytes: number;
  coldFirst10: number;
  coldCount: number;
  typedCountMedian: number;
  typedCountP95: number;
  hitRate: number;
  /** The same from 5 s after the page opened, one query searched (`OPEN_FOR_MS`), the prefetch still under way. */
  earlyCountMedian: number;
  earlyCountP95: number;
  earlyHitRate: number;
  /** Warm queries (settled, open 5 s) whose first results were not painted within 20 s: left out of the medians. */
  unpainted: string[];
  longestTaskCold: number;
}

export async function sizeSweep(options: SweepOptions): Promise<string> {
  const cacheDir = options.cacheDir ?? path.join(ROOT, '.cache/sweep');
  const files = readdirSync(options.input).filter((name) => /\.(md|txt)$/.test(name)).length;
  const sizes: Array<{ label: string; copies: number }> = [
    { label: 'shared corpus', copies: 1 },
    { label: '×3', copies: 3 },
    ...(options.x30 ? [{ label: '×30', copies: 30 }] : []),
  ];
  ensureBuilt(options.distDir);
  const rows: SweepRow[] = [];
  for (const { label, copies } of sizes) {
    const archive = copies === 1 ? options.input : replica(options.input, path.join(cacheDir, `archive-x${copies}`), files * copies);
    const { dir, buildSeconds } = await cachedIndex(archive, cacheDir);
    rows.push(await measure(label, dir, buildSeconds, options));
  }
  return [
    `Size sweep over real text (${options.input} and copies made by replicate-archive.py), hosted page in headless Chromium, 10 Mbit/s, 40 ms, HTTP/1.1; ${options.coldRuns} cold load(s) of ${COLD_QUERIES} queries per size, ${BENCH_QUERIES.length} warm typed queries`,
    table([
      ['size', 'articles', 'build', 'manifest raw (gzip)', 'bytes before first results', 'cold first 10', 'cold count', 'typed → count median / p95, settled', 'prefetch hit rate, settled', 'open 5 s: typed → count median / p95', 'open 5 s: hit rate', 'longest task, cold'],
      ...rows.map((r) => [
        r.label,
        String(r.articles),
        r.buildSeconds === null ? 'cached' : `${r.buildSeconds.toFixed(0)} s`,
        `${kb(r.manifestRaw)} (${kb(r.manifestGzip)})`,
        kb(r.coldBytes),
        ms(r.coldFirst10),
        ms(r.coldCount),
        `${ms(r.typedCountMedian)} / ${ms(r.typedCountP95)}`,
        `${(r.hitRate * 100).toFixed(0)} %`,
        `${ms(r.earlyCountMedian)} / ${ms(r.earlyCountP95)}`,
        `${(r.earlyHitRate * 100).toFixed(0)} %`,
        ms(r.longestTaskCold),
      ]),
    ]),
    ...rows.filter((r) => r.unpainted.length).map((r) => `${r.label}: no results painted within 20 s, left out of the medians: ${r.unpainted.join(', ')}`),
    'targets: manifest ≤ 16 KB gzip, bytes before first results ≤ 125 KB, cold first 10 ≤ 500 ms, typed → count p95 ≤ 40 ms once the page has been open for 5 s, at every size. Hit rate: the warm queries whose vocabulary files (part table pages, parts) the host had all served before they were typed (scripts/bench/query-needs.ts); settled: after five queries and no index request for 1.5 s (at most 30 s); open 5 s: one query, then the measured ones from 5 s after the page opened.',
  ].join('\n');
}

const COLD_QUERIES = 5;
/** The "once the page has been open for 5 s" (#22). */
const OPEN_FOR_MS = 5000;

async function measure(label: string, indexDir: string, buildSeconds: number | null, options: SweepOptions): Promise<SweepRow> {
  const manifestText = readFileSync(path.join(indexDir, 'manifest.json'));
  const manifest = JSON.parse(manifestText.toString('utf8')) as Manifest;
  const { host, target } = await startAppHost(options.distDir, indexDir);
  const browser = await launchChromium();
  try {
    const queries = BENCH_QUERIES.slice(0, COLD_QUERIES);
    await warmUpBrowser(browser, target, queries[0]!);
    const colds = [];
    for (let run = 0; run < options.coldRuns; run++) for (const query of queries) colds.push(await coldRun(browser, target, query));
    const warm = await warmRun(browser, target, BENCH_QUERIES, 'typed');
    const counts = warm.probes.map((p) => p.countAt - p.since);
    const early = await warmRun(browser, target, BENCH_QUERIES, 'typed', OPEN_FOR_MS);
    const needs = await queryNeeds(indexDir);
    const earlyCounts = early.probes.map((p) => p.countAt - p.since);
    return {
      label,
      articles: manifest.articles,
      buildSeconds,
      manifestRaw: manifestText.length,
      manifestGzip: gzipSync(manifestText, { level: 9 }).length,
      coldBytes: median(colds.map((c) => c.pageBytes + c.dataBytes)),
      coldFirst10: median(colds.map((c) => c.probe.fullAt)),
      coldCount: median(colds.map((c) => c.probe.countAt)),
      typedCountMedian: median(counts),
      typedCountP95: percentile(counts, 95),
      hitRate: hitRate(BENCH_QUERIES, warm.vocabularyBefore, needs),
      earlyCountMedian: median(earlyCounts),
      earlyCountP95: percentile(earlyCounts, 95),
      earlyHitRate: hitRate(BENCH_QUERIES, early.vocabularyBefore, needs),
      unpainted: [...warm.unpainted.map((q) => `${q} (settled)`), ...early.unpainted.map((q) => `${q} (open 5 s)`)],
      longestTaskCold: Math.max(...colds.map((c) => c.longestTask)),
    };
  } finally {
    await browser.close().catch(() => undefined);
    await host.close();
  }
}

/** The copy of `source` with `count` files in `dir`, made once (replicate-archive.py is deterministic). */
function replica(source: string, dir: string, count: number): string {
  if (existsSync(dir) && readdirSync(dir).length === count) return dir;
  rmSync(dir, { recursive: true, force: true });
  const result = spawnSync('python3', [REPLICATE, source, dir, String(count)], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`size-sweep: replicate-archive.py failed (${result.error?.message ?? result.stderr.trim()})`);
  return dir;
}

/** The index of `archive`, built once per archive content and index code (`.cache/sweep/index-<key>`). */
async function cachedIndex(archive: string, cacheDir: string): Promise<{ dir: string; buildSeconds: number | null }> {
  const dir = path.join(cacheDir, `index-${contentKey(archive)}`);
  if (existsSync(path.join(dir, 'manifest.json'))) return { dir, buildSeconds: null };
  rmSync(dir, { recursive: true, force: true });
  const t0 = performance.now();
  await buildArchiveIndex({ input: archive, out: dir, cache: false });
  return { dir, buildSeconds: (performance.now() - t0) / 1000 };
}

/** The code an index's files depend on (the compiler and the index writer): a change to it builds the sweep's indexes again. */
const INDEX_CODE = ['src/lib', 'scripts/compiler'];

/** A key for an archive's files (names and sizes), the index version and the index code's contents. */
function contentKey(archive: string): string {
  const hash = createHash('sha1').update(`index version ${INDEX_VERSION}\n`);
  for (const name of readdirSync(archive).sort()) hash.update(`${name}\0${statSync(path.join(archive, name)).size}\n`);
  const root = path.resolve(import.meta.dirname, '../..');
  for (const folder of INDEX_CODE) {
    const files = readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    for (const file of files.map((entry) => path.join(entry.parentPath, entry.name)).sort()) hash.update(`${path.relative(root, file)}\0`).update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 12);
}
