/**
 * Scale figures (`npm run bench -- --scale 10000,100000,300000 [--scale-dir DIR] [--day N]`):
 * for each size, generates a synthetic archive (kept in `--scale-dir` for the next run), builds
 * its index in a child process (wall time, peak RSS of the process and its compile threads),
 * measures the index (bytes, files, manifest, docs table, largest part and chunk) and the bytes a
 * cold visitor downloads before the first answer (complete, and the first progressive step), then
 * adds a day of `--day` articles to one archive and rebuilds it incrementally. Ends with a
 * power-law fit (least squares on log–log) of each figure, extrapolated to 1,000,000 articles.
 * The day is added to the size closest to 100,000 (after all sizes are measured).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateCorpus } from '../generate-corpus.ts';
import type { Manifest } from '../../src/lib/search/index.ts';
import { Searcher } from '../../src/lib/search/index.ts';
import { fileIndexSource } from '../lib/file-source.ts';
import { BENCH_QUERIES } from './queries.ts';
import { kb, median, table } from './stats.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TARGET = 1_000_000;

/** What one size measured. */
interface ScalePoint {
  articles: number;
  buildSeconds: number;
  peakBytes: number;
  indexBytes: number;
  indexFiles: number;
  manifestBytes: number;
  docsBytes: number;
  largestPart: number;
  largestChunk: number;
  firstQueryMedian: number;
  firstQueryMax: number;
  firstStepMedian: number;
  firstStepMax: number;
}

/** Runs the scale benchmark and returns the printable report. */
export async function benchScale(sizes: readonly number[], scaleDir: string, dayCount: number): Promise<string> {
  const out: string[] = [];
  const points: ScalePoint[] = [];
  const failures: string[] = [];
  for (const count of [...sizes].sort((a, b) => a - b)) {
    const corpus = path.join(scaleDir, `corpus-${count}`);
    if (!existsSync(path.join(corpus, '.complete'))) {
      rmSync(corpus, { recursive: true, force: true });
      await generateCorpus({ out: corpus, count, seed: 'scale' });
      writeFileSync(path.join(corpus, '.complete'), ''); // a later run reuses the archive
    }
    const index = path.join(scaleDir, `index-${count}`);
    rmSync(index, { recursive: true, force: true });
    let build: ReturnType<typeof timedBuild>;
    try {
      build = timedBuild(corpus, index);
    } catch (error) {
      // A size that does not build (typically the heap limit) is a result too: report it, fit the rest.
      failures.push(`${count.toLocaleString('en')} articles: ${(error as Error).message.split('\n')[0]}`);
      console.error(`scale: ${failures.at(-1)}`);
      continue;
    }
    console.error(`scale: ${count} articles built in ${build.seconds.toFixed(0)} s, peak ${(build.peakBytes / 1e9).toFixed(2)} GB; ${build.stdout.trim().split('\n')[0]}`);
    points.push({ articles: count, buildSeconds: build.seconds, peakBytes: build.peakBytes, ...(await measureIndex(index)) });
    console.error(`scale: ${JSON.stringify(points.at(-1))}`); // partial results survive a run that stops later
  }

  out.push(`Scale: synthetic archives (npm run corpus, seed "scale"), ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`);
  out.push(
    table([
      ['articles', 'build', 'peak RSS', 'index', 'files', 'manifest', 'docs (all blocks)', 'largest part / chunk', 'first answer, median / max', 'first progressive step, median / max'],
      ...points.map((p) => [
        p.articles.toLocaleString('en'),
        `${p.buildSeconds.toFixed(0)} s`,
        `${(p.peakBytes / 1e9).toFixed(2)} GB`,
        `${(p.indexBytes / 1e6).toFixed(0)} MB`,
        p.indexFiles.toLocaleString('en'),
        kb(p.manifestBytes),
        kb(p.docsBytes),
        `${kb(p.largestPart)} / ${kb(p.largestChunk)}`,
        `${kb(p.firstQueryMedian)} / ${kb(p.firstQueryMax)}`,
        `${kb(p.firstStepMedian)} / ${kb(p.firstStepMax)}`,
      ]),
    ]),
  );
  for (const failure of failures) out.push(`Failed: ${failure}`);
  if (points.length >= 2) {
    const fit = (pick: (p: ScalePoint) => number) => powerFit(points.map((p) => [p.articles, pick(p)]));
    const rows = [['figure', `fit y = a·N^b`, `at ${TARGET.toLocaleString('en')}`]];
    const add = (name: string, pick: (p: ScalePoint) => number, format: (v: number) => string) => {
      const { a, b } = fit(pick);
      rows.push([name, `b = ${b.toFixed(2)}`, format(a * TARGET ** b)]);
    };
    add('build wall time', (p) => p.buildSeconds, (v) => `${(v / 60).toFixed(0)} min`);
    add('build peak RSS', (p) => p.peakBytes, (v) => `${(v / 1e9).toFixed(1)} GB`);
    add('index bytes', (p) => p.indexBytes, (v) => `${(v / 1e9).toFixed(1)} GB`);
    add('index files', (p) => p.indexFiles, (v) => `${(v / 1e6).toFixed(1)} M`);
    add('manifest (page load)', (p) => p.manifestBytes, kb);
    add('docs table, all blocks', (p) => p.docsBytes, kb);
    add('first answer, median', (p) => p.firstQueryMedian, kb);
    add('first answer, max', (p) => p.firstQueryMax, kb);
    add('first progressive step, median', (p) => p.firstStepMedian, kb);
    add('first progressive step, max', (p) => p.firstStepMax, kb);
    out.push('', `Fitted on ${points.map((p) => p.articles.toLocaleString('en')).join(' / ')} articles, extrapolated:`, table(rows));
  }

  // The daily update is measured at the size closest to the 100,000 articles.
  const daily = [...points].sort((a, b) => Math.abs(Math.log(a.articles / 1e5)) - Math.abs(Math.log(b.articles / 1e5)))[0];
  if (daily && dayCount > 0) out.push('', incrementalDay(scaleDir, daily.articles, dayCount));
  return out.join('\n');
}

/** Builds in a child process under /usr/bin/time (peak RSS of the process, compile threads included). */
function timedBuild(input: string, index: string, extra: string[] = []): { seconds: number; peakBytes: number; stdout: string } {
  const args = ['--import', 'tsx/esm', path.join(ROOT, 'scripts/build-index.ts'), '--input', input, '--out', index, ...extra];
  const hasTime = existsSync('/usr/bin/time');
  const started = performance.now();
  const run = hasTime
    ? spawnSync('/usr/bin/time', ['-f', 'peak-kb %M', process.execPath, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 })
    : spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) {
    const reason = /heap out of memory|Reached heap limit/.test(run.stderr) ? 'the V8 heap ran out (raise it with NODE_OPTIONS=--max-old-space-size=MB)' : run.stderr.trim().split('\n').at(-1);
    throw new Error(`bench-scale: building ${input} failed after ${seconds.toFixed(0)} s (exit ${run.status}): ${reason}`);
  }
  const peak = /peak-kb (\d+)/.exec(run.stderr);
  return { seconds, peakBytes: peak ? Number(peak[1]) * 1024 : Number.NaN, stdout: run.stdout };
}

/** Sizes of an index folder, and the bytes cold visitors fetch for the benchmark queries. */
async function measureIndex(dir: string): Promise<Omit<ScalePoint, 'articles' | 'buildSeconds' | 'peakBytes'>> {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
  let indexBytes = 0;
  let indexFiles = 0;
  let largestChunk = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    if (!entry.isFile() || path.relative(dir, file).startsWith('.cache')) continue;
    const size = statSync(file).size;
    indexBytes += size;
    indexFiles++;
    if (entry.name.startsWith('post-')) largestChunk = Math.max(largestChunk, size);
  }
  const complete: number[] = [];
  const firstStep: number[] = [];
  for (const query of BENCH_QUERIES) {
    complete.push(await coldBytes(dir, (s) => s.search({ text: query }).then(() => undefined)));
    firstStep.push(await coldBytes(dir, async (s) => void (await s.searchProgressively({ text: query }).next())));
  }
  return {
    indexBytes,
    indexFiles,
    manifestBytes: statSync(path.join(dir, 'manifest.json')).size,
    docsBytes: manifest.docs.reduce((sum, block) => sum + block.bytes, 0),
    largestPart: Math.max(...[...manifest.parts, ...manifest.newestParts].map((p) => p[2])),
    largestChunk,
    firstQueryMedian: median(complete),
    firstQueryMax: Math.max(...complete),
    firstStepMedian: median(firstStep),
    firstStepMax: Math.max(...firstStep),
  };
}

/** Bytes (as stored: parts pre-gzipped, the manifest as JSON) a fresh reader loads for `run`. */
async function coldBytes(dir: string, run: (searcher: Searcher) => Promise<void>): Promise<number> {
  let bytes = 0;
  const searcher = await Searcher.open(fileIndexSource(dir, (_, size) => (bytes += size)));
  await run(searcher);
  return bytes;
}

/** Adds a day of articles to the archive of `count`, rebuilds incrementally, and reports what changed. */
function incrementalDay(scaleDir: string, count: number, dayCount: number): string {
  const corpus = path.join(scaleDir, `corpus-${count}`);
  const index = path.join(scaleDir, `index-${count}`);
  const day = path.join(corpus, 'next-day');
  rmSync(day, { recursive: true, force: true });
  const before = hashedFiles(index);
  const manifestBefore = JSON.parse(readFileSync(path.join(index, 'manifest.json'), 'utf8')) as Manifest;
  const generate = spawnSync(
    process.execPath,
    ['--import', 'tsx/esm', path.join(ROOT, 'scripts/generate-corpus.ts'), '--out', day, '--count', String(dayCount), '--seed', 'next day', '--from', '2025-01-01', '--to', '2025-01-01'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (generate.status !== 0) throw new Error(`bench-scale: generating the next day failed: ${generate.stderr}`);
  const build = timedBuild(corpus, index);
  const after = hashedFiles(index);
  const renamed = [...after].filter((f) => !before.has(f)).length;
  const summary = build.stdout.trim().split('\n').at(-1) ?? '';
  const docsKept = manifestBefore.docs.filter((d) => after.has(d.file)).length;
  rmSync(day, { recursive: true, force: true });
  return [
    `Incremental: ${dayCount} new articles (one day, every outlet) added to ${count.toLocaleString('en')}, rebuilt with the compile cache:`,
    table([
      ['figure', 'value'],
      ['rebuild wall time', `${build.seconds.toFixed(0)} s`],
      ['rebuild peak RSS', `${(build.peakBytes / 1e9).toFixed(2)} GB`],
      ['the build says', summary],
      ['content-hashed files (docs, terms, post) with new names', `${renamed} of ${after.size} (${((100 * renamed) / after.size).toFixed(1)} %)`],
      ['docs blocks kept', `${docsKept} of ${manifestBefore.docs.length}`],
    ]),
  ].join('\n');
}

function hashedFiles(dir: string): Set<string> {
  return new Set(readdirSync(dir).filter((name) => /^(docs|terms|post)-/.test(name)));
}

/** Least-squares fit of y = a·x^b on log–log. */
function powerFit(samples: ReadonlyArray<readonly [number, number]>): { a: number; b: number } {
  const xs = samples.map(([x]) => Math.log(x));
  const ys = samples.map(([, y]) => Math.log(Math.max(y, 1e-9)));
  const mx = xs.reduce((s, v) => s + v, 0) / xs.length;
  const my = ys.reduce((s, v) => s + v, 0) / ys.length;
  const b = xs.reduce((s, x, i) => s + (x - mx) * (ys[i]! - my), 0) / Math.max(1e-12, xs.reduce((s, x) => s + (x - mx) ** 2, 0));
  return { a: Math.exp(my - b * mx), b };
}
