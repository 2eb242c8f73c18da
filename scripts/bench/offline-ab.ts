/**
 * `node --import tsx scripts/bench/offline-ab.ts BEFORE_DIST AFTER_DIST INDEX_DIR [ROUNDS]`: cold
 * first visits of two builds of the page, interleaved (the service worker registered after the
 * first results must not delay them), and the repeat-visit figures of the second build. The A/B
 * behind docs/offline.md; `npm run bench` prints the repeat-visit figures of the current build.
 */
import { readArgs, usageError } from '../lib/cli-args.ts';
import { coldRun, launchChromium, warmUpBrowser } from './page-harness.ts';
import { startAppHost } from './bench-page.ts';
import { BENCH_QUERIES } from './queries.ts';
import { repeatVisit } from './repeat-visit.ts';
import { median, ms, table } from './stats.ts';

const NAME = 'node --import tsx scripts/bench/offline-ab.ts';
const COMMAND = { name: NAME, usage: `usage: ${NAME} BEFORE_DIST AFTER_DIST INDEX_DIR [ROUNDS]`, options: {}, positionals: true } as const;
const parsed = readArgs(COMMAND, process.argv.slice(2));
if (typeof parsed === 'number') process.exit(parsed);
const [before, after, index, rounds = '3'] = parsed.positionals;
if (!before || !after || !index) process.exit(usageError(COMMAND, 'BEFORE_DIST, AFTER_DIST and INDEX_DIR are required'));
const queries = BENCH_QUERIES.slice(0, 5);
const a = await startAppHost(before, index);
const b = await startAppHost(after, index);
const browser = await launchChromium();
try {
  await warmUpBrowser(browser, a.target, queries[0]!);
  const full: Record<'before' | 'after', number[]> = { before: [], after: [] };
  const count: Record<'before' | 'after', number[]> = { before: [], after: [] };
  for (let round = 0; round < Number(rounds); round++) {
    for (const query of queries) {
      for (const [name, host] of round % 2 ? ([['after', b], ['before', a]] as const) : ([['before', a], ['after', b]] as const)) {
        const run = await coldRun(browser, host.target, query);
        full[name].push(run.probe.fullAt);
        count[name].push(run.probe.countAt);
      }
    }
  }
  const repeats = [];
  for (const query of queries) repeats.push(await repeatVisit(browser, b.target, query));
  console.log(
    table([
      ['figure (median)', 'value'],
      [`cold first visit, first 10 painted: before / after (${full.before.length} loads each, interleaved)`, `${ms(median(full.before))} / ${ms(median(full.after))}`],
      ['cold first visit, count painted: before / after', `${ms(median(count.before))} / ${ms(median(count.after))}`],
      ['first visit (this run) / repeat visit online / repeat visit offline: first 10 painted', `${ms(median(repeats.map((r) => r.first.fullAt)))} / ${ms(median(repeats.map((r) => r.online.fullAt)))} / ${ms(median(repeats.map((r) => r.offline.fullAt)))}`],
      ['repeat visit online / offline: count painted', `${ms(median(repeats.map((r) => r.online.countAt)))} / ${ms(median(repeats.map((r) => r.offline.countAt)))}`],
    ]),
  );
} finally {
  await browser.close();
  await a.host.close();
  await b.host.close();
}
