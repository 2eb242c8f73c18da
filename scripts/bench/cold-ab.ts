/**
 * `node --import tsx scripts/bench/cold-ab.ts INDEX_DIR DIST[:INDEX_DIR] [DIST[:INDEX_DIR]…] [--rounds N] [--queries N] [--cpu-slowdown N] [--after MS] [--h2]`:
 * cold first visits (`coldRun`: a new context, the probe typing in the first frame) of one or
 * more builds of the page, interleaved query by query and round by round, for before/after
 * comparisons of changes to the cold path. `DIST:INDEX` serves that build with an index of its
 * own (a build of another index version). Prints medians per build: first 10 painted, count
 * painted, bytes before the first results, the longest main-thread task before them, and with
 * `--after MS` the longest until MS after them (the App's mount, its facets, the offline side).
 */
import { readArgs, usageError } from '../lib/cli-args.ts';
import { coldRun, launchChromium, setCpuSlowdown, warmUpBrowser, type ColdRun } from './page-harness.ts';
import { startAppHost } from './bench-page.ts';
import { BENCH_QUERIES } from './queries.ts';
import { median, ms, table } from './stats.ts';

const NAME = 'node --import tsx scripts/bench/cold-ab.ts';
const COMMAND = {
  name: NAME,
  usage: `usage: ${NAME} INDEX_DIR DIST[:INDEX_DIR] [DIST[:INDEX_DIR]…] [--rounds N] [--queries N] [--cpu-slowdown N] [--after MS] [--h2]`,
  options: {
    rounds: { type: 'string', value: 'N' },
    queries: { type: 'string', value: 'N' },
    'cpu-slowdown': { type: 'string', value: 'N' },
    after: { type: 'string', value: 'MS' },
    h2: { type: 'boolean' },
  },
  positionals: true,
} as const;
const parsed = readArgs(COMMAND, process.argv.slice(2));
if (typeof parsed === 'number') process.exit(parsed);
const [index, ...dists] = parsed.positionals;
if (!index || !dists.length) process.exit(usageError(COMMAND, 'INDEX_DIR and at least one DIST are required'));
const rounds = Number(parsed.values.rounds ?? 3);
const queries = BENCH_QUERIES.slice(0, Number(parsed.values.queries ?? 5));
const after = Number(parsed.values.after ?? 0);
setCpuSlowdown(Number(parsed.values['cpu-slowdown'] ?? 1));
const hosts = await Promise.all(dists.map((dist) => startAppHost(dist.split(':')[0]!, dist.split(':')[1] ?? index, parsed.values.h2 ? 'h2' : 'http/1.1')));
const browser = await launchChromium();
try {
  await warmUpBrowser(browser, hosts[0]!.target, queries[0]!);
  const runs = dists.map((): ColdRun[] => []);
  for (let round = 0; round < rounds; round++) {
    for (const query of queries) {
      const order = dists.map((_, i) => i);
      if ((round + queries.indexOf(query)) % 2) order.reverse();
      for (const i of order) runs[i]!.push(await coldRun(browser, hosts[i]!.target, query, [], after));
    }
  }
  const of = (i: number, pick: (run: ColdRun) => number) => median(runs[i]!.map(pick));
  console.log(
    table([
      ['build (medians)', 'first 10 painted', 'count painted', 'bytes before first results', 'longest task', ...(after ? [`longest task to +${after} ms (median, max)`] : [])],
      ...dists.map((dist, i) => [
        dist,
        ms(of(i, (r) => r.probe.fullAt)),
        ms(of(i, (r) => r.probe.countAt)),
        `${(of(i, (r) => r.pageBytes + r.dataBytes) / 1024).toFixed(1)} KB`,
        ms(of(i, (r) => r.longestTask)),
        ...(after ? [`${ms(of(i, (r) => r.longestTaskAfter ?? 0))}, ${ms(Math.max(...runs[i]!.map((r) => r.longestTaskAfter ?? 0)))}`] : []),
      ]),
    ]),
  );
  console.log(`${runs[0]!.length} cold loads per build (${queries.length} queries × ${rounds} rounds), interleaved.`);
} finally {
  await browser.close();
  await Promise.all(hosts.map(({ host }) => host.close()));
}
