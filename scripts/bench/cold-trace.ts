/**
 * `node --import tsx/esm scripts/bench/cold-trace.ts --dist DIR --index DIR [--runs N] [--query Q]… [--cpu-slowdown N] [--profile PREFIX]`
 *
 * One question of the cold path, without the whole benchmark: what a first visit downloads before
 * its first 10 results are painted, request by request (the page benchmark's cold load, its
 * `BENCH_PAGE_DEBUG` trace printed), and the bytes and requests split into page and index data.
 * With `--profile PREFIX`, a V8 CPU profile of the page and of its worker per query
 * (`BENCH_PAGE_PROFILE`, scripts/bench/page-profile.ts). Byte and request counts do not depend on the
 * machine's load; times do.
 */
import { readArgs } from '../lib/cli-args.ts';
import { startAppHost, ensureBuilt } from './bench-page.ts';
import { coldRun, launchChromium, setCpuSlowdown, warmUpBrowser } from './page-harness.ts';
import { BENCH_QUERIES } from './queries.ts';
import { kb, median, ms } from './stats.ts';

const parsed = readArgs(
  {
    name: 'cold-trace',
    usage: 'usage: node --import tsx/esm scripts/bench/cold-trace.ts --dist DIR --index DIR [--runs N] [--queries N] [--cpu-slowdown N] [--profile PREFIX] [--quiet]',
    options: {
      dist: { type: 'string', value: 'DIR' },
      index: { type: 'string', value: 'DIR' },
      runs: { type: 'string', default: '1', value: 'N' },
      queries: { type: 'string', default: '5', value: 'N' },
      'cpu-slowdown': { type: 'string', default: '1', value: 'N' },
      profile: { type: 'string', value: 'PREFIX' },
      quiet: { type: 'boolean', default: false },
    },
  },
  process.argv.slice(2),
);
if (typeof parsed === 'number') process.exit(parsed);
const { values } = parsed;
if (!values.dist || !values.index) {
  console.error('cold-trace: --dist and --index are required');
  process.exit(2);
}
if (!values.quiet) process.env.BENCH_PAGE_DEBUG = '1';
if (values.profile) process.env.BENCH_PAGE_PROFILE = values.profile;
ensureBuilt(values.dist);
setCpuSlowdown(Number(values['cpu-slowdown']));
const { host, target } = await startAppHost(values.dist, values.index);
const browser = await launchChromium();
try {
  const queries = BENCH_QUERIES.slice(0, Number(values.queries));
  await warmUpBrowser(browser, target, queries[0]!);
  const rows: Array<{ full: number; count: number; page: number; pageReq: number; data: number; dataReq: number; task: number }> = [];
  for (let run = 0; run < Number(values.runs); run++) {
    for (const query of queries) {
      const r = await coldRun(browser, target, query);
      rows.push({ full: r.probe.fullAt, count: r.probe.countAt, page: r.pageBytes, pageReq: r.pageRequests, data: r.dataBytes, dataReq: r.dataRequests, task: r.longestTask });
      console.log(`${query}: first 10 ${ms(r.probe.fullAt)}, count ${ms(r.probe.countAt)}, page ${kb(r.pageBytes)} (${r.pageRequests}), data ${kb(r.dataBytes)} (${r.dataRequests}), total ${kb(r.pageBytes + r.dataBytes)}, longest task ${ms(r.longestTask)}`);
    }
  }
  const m = (f: (r: (typeof rows)[number]) => number) => median(rows.map(f));
  console.log(
    `median: first 10 ${ms(m((r) => r.full))}, count ${ms(m((r) => r.count))}, bytes before first results ${kb(m((r) => r.page + r.data))} (page ${kb(m((r) => r.page))} in ${m((r) => r.pageReq)} requests, data ${kb(m((r) => r.data))} in ${m((r) => r.dataReq)}), longest task max ${ms(Math.max(...rows.map((r) => r.task)))}`,
  );
} finally {
  await browser.close();
  await host.close();
}
