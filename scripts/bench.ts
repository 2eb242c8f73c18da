/**
 * `npm run bench [-- --input DIR] [--runs N] [--cpu-slowdown N] [--compare pagefind [--pagefind-max-gb N]] [--quality [--index DIR] [--skip-pagefind]]`
 * `npm run bench -- --scale 10000,100000,300000 [--scale-dir DIR] [--day N]`: scale figures and
 * their extrapolation to 1,000,000 articles instead (scripts/bench/bench-scale.ts).
 *
 * Prints the project's speed and size figures (never asserted in tests: machines here are shared
 * and noisy). Medians over --runs builds (default 3).
 * 1. Build: compile + index + write of DIR (default ../shared/corpus): wall time, files/s, peak memory.
 * 2. Index: file sizes raw / gzip / brotli; bytes and files before the first results of each
 *    benchmark query; cold (load + decode + query) and warm query latency.
 * 3. Page: the built site (dist/) with that index in headless Chromium over a throttled network:
 *    cold first results and bytes, keystroke → painted results, JS heap (scripts/bench/bench-page.ts);
 *    with --cpu-slowdown N (4: a mid-range phone), the page's main thread N times slower.
 * 4. Widget: what `dist/widget.js` downloads before the first results, for the reader, and in all
 *    (scripts/bench/widget-size.ts), in Chromium, with its worker and searching in the page.
 *
 * With `--quality [--index DIR] [--skip-pagefind]`, instead: recall, precision@10 (literal and folded)
 * and near-duplicate titles in the top 10 over a fixed list of queries, for this project and
 * Pagefind (scripts/bench/quality.ts; --index reuses a built index of --input).
 *
 * With `--compare pagefind`, instead: this project and Pagefind side by side on the same articles
 * (build, cold bytes and first results, warm latency, recall and precision@10), one build each and
 * --runs cold loads per query (default 1) (scripts/bench/compare-pagefind.ts). Pagefind's binary is
 * stopped above --pagefind-max-gb resident memory (default 8): the table then reports its failure.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildArchiveIndex } from './compiler/build-archive-index.ts';
import { readArgs } from './lib/cli-args.ts';
import { benchIndex } from './bench/bench-index.ts';
import { benchPage } from './bench/bench-page.ts';
import { comparePagefind } from './bench/compare-pagefind.ts';
import { median, table } from './bench/stats.ts';
import { formatWidgetSize, measureWidgetSessions, measureWidgetSize } from './bench/widget-size.ts';

const parsed = readArgs(
  {
    name: 'npm run bench',
    usage: [
      'usage: npm run bench -- [--input DIR] [--runs N] [--cpu-slowdown N] [--compare pagefind [--pagefind-max-gb N]]',
      '       npm run bench -- --quality [--input DIR] [--index DIR] [--skip-pagefind]',
      '       npm run bench -- --scale 10000,100000,300000 [--scale-dir DIR] [--day N]',
    ].join('\n'),
    options: {
      input: { type: 'string', default: path.resolve(import.meta.dirname, '../../shared/corpus'), value: 'DIR' },
      runs: { type: 'string', value: 'N' },
      'cpu-slowdown': { type: 'string', default: '1', value: 'N' },
      compare: { type: 'string', value: 'pagefind' },
      quality: { type: 'boolean', default: false },
      index: { type: 'string', value: 'DIR' },
      'skip-pagefind': { type: 'boolean', default: false },
      'pagefind-max-gb': { type: 'string', default: '8', value: 'N' },
      scale: { type: 'string', value: 'N,N,…' },
      'scale-dir': { type: 'string', default: path.join(os.tmpdir(), 'nas-scale'), value: 'DIR' },
      day: { type: 'string', default: '300', value: 'N' },
    },
  },
  process.argv.slice(2),
);
if (typeof parsed === 'number') process.exit(parsed);
const { values } = parsed;
if (values.scale) {
  const sizes = values.scale.split(',').map((n) => Number(n.replace(/_/g, '')));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) {
    console.error(`--scale takes article counts separated by commas (10000,100000,300000), got ${values.scale}.`);
    process.exit(2);
  }
  const { benchScale } = await import('./bench/bench-scale.ts');
  console.log(await benchScale(sizes, values['scale-dir']!, Number(values.day)));
  process.exit(0);
}
const input = values.input!;
const distDir = path.resolve(import.meta.dirname, '../dist');

if (values.quality) {
  const { benchQuality } = await import('./bench/quality.ts');
  console.log(await benchQuality({ input, indexDir: values.index, skipPagefind: values['skip-pagefind'] }));
  process.exit(0);
}
if (values.compare !== undefined) {
  if (values.compare !== 'pagefind') {
    console.error(`bench: --compare knows only "pagefind", not "${values.compare}".`);
    process.exit(2);
  }
  const pagefindMaxBytes = Number(values['pagefind-max-gb']) * 1e9;
  console.log(await comparePagefind({ input, distDir, coldRuns: Math.max(1, Number(values.runs ?? 1)), pagefindMaxBytes }));
} else {
  await benchProject();
}

/** The project's own figures (the default). */
async function benchProject(): Promise<void> {
  const runs = Math.max(1, Number(values.runs ?? 3));
  const cpuSlowdown = Number(values['cpu-slowdown']);
  if (!(cpuSlowdown >= 1)) {
    console.error(`bench: --cpu-slowdown takes a factor of 1 or more (4: a mid-range phone), got ${values['cpu-slowdown']}.`);
    process.exit(2);
  }

  console.log(`news-archive-search benchmark — ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}\n`);

  const times: number[] = [];
  const peaks: number[] = [];
  let files = 0;
  let indexed = 0;
  let out = '';
  for (let run = 0; run < runs; run++) {
    if (out) await rm(out, { recursive: true, force: true });
    if (out) await rm(`${out}-cache`, { recursive: true, force: true });
    out = await mkdtemp(path.join(os.tmpdir(), 'nas-bench-'));
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const t0 = performance.now();
    // A cold build with a compile cache beside the index (stored as it compiles, as a first build does).
    const { report } = await buildArchiveIndex({ input, out, cache: `${out}-cache` });
    times.push(performance.now() - t0);
    clearInterval(sampler);
    peaks.push(Math.max(peak, process.memoryUsage().rss));
    files = report.files;
    indexed = report.indexed;
  }
  const wall = median(times) / 1000;
  console.log(`Build of ${input}: ${files} files, ${indexed} articles indexed (median of ${runs} run${runs > 1 ? 's' : ''})`);
  console.log(
    table([
      ['figure', 'value', 'target'],
      ['wall time (compile + index + write)', `${wall.toFixed(1)} s`, '≤ 15 s'],
      ['files per second', (files / wall).toFixed(0), ''],
      ['peak memory (RSS, worker threads included)', `${(median(peaks) / 1e6).toFixed(0)} MB`, '≤ 1 GB'],
      ['all runs', times.map((t) => `${(t / 1000).toFixed(1)} s`).join(', '), ''],
    ]),
  );
  console.log(`\n${await benchIndex(out)}`);
  try {
    // 3. The hosted page (dist/, built first if missing) with this index, in headless Chromium.
    console.log(`\n${await benchPage({ distDir, indexDir: out, coldRuns: runs, cpuSlowdown })}`);
    // 4. The widget's download, in Chromium, with this index (benchPage built dist/ if it was missing).
    console.log(`\n${formatWidgetSize(await measureWidgetSessions(distDir, out), measureWidgetSize(distDir))}`);
  } finally {
    await rm(out, { recursive: true, force: true });
    await rm(`${out}-cache`, { recursive: true, force: true });
  }
}
