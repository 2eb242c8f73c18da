/**
 * `node --import tsx/esm scripts/bench/near-duplicates.ts --index DIR [QUERY]…`: what near-duplicate
 * collapsing does to an index (docs/near-duplicates.md): every similar group of two or more articles
 * (to read by eye), and for each query (the benchmark's, or those given) whether its top ten holds
 * a near-duplicate pair, flat (`collapse: false`) and collapsed.
 */
import { nearDuplicatePairs } from '../../src/lib/search/index.ts';
import { loadFoldingTable } from '../../src/lib/search/index.ts';
import { Searcher } from '../../src/lib/search/index.ts';
import { readArgs, usageError } from '../lib/cli-args.ts';
import { fileIndexSource } from '../lib/file-source.ts';
import { BENCH_QUERIES } from './queries.ts';

const NAME = 'node --import tsx/esm scripts/bench/near-duplicates.ts';
const COMMAND = { name: NAME, usage: `usage: ${NAME} --index DIR [QUERY]…`, options: { index: { type: 'string', value: 'DIR' } }, positionals: true } as const;
const parsed = readArgs(COMMAND, process.argv.slice(2));
if (typeof parsed === 'number') process.exit(parsed);
const { values, positionals } = parsed;
if (!values.index) process.exit(usageError(COMMAND, '--index is required'));
await loadFoldingTable();
const searcher = await Searcher.open(fileIndexSource(values.index));
const docs = await searcher.reader.docs();
const members = new Map<number, number[]>();
for (let n = 0; n < docs.count; n++) {
  if (docs.outlet[n] === 0xffff) continue;
  const group = docs.similar?.[n] ?? n;
  members.set(group, [...(members.get(group) ?? []), n]);
}
const multi = [...members.values()].filter((list) => list.length > 1);
console.log(`${searcher.manifest.articles} articles in ${members.size} groups; ${multi.length} groups of 2+ hold ${multi.reduce((sum, list) => sum + list.length, 0)} articles`);
for (const list of multi) {
  const fragments = await Promise.all(list.map((n) => searcher.fragment(n)));
  console.log(`  ${fragments.map((f) => `${f.outlet} ${f.date.slice(0, 10)} ${f.title}`).join('  |  ')}`);
}

const queries = positionals.length > 0 ? positionals : BENCH_QUERIES;
const withPairs = { flat: 0, collapsed: 0 };
for (const text of queries) {
  for (const collapse of [false, true]) {
    const response = await searcher.search({ text, limit: 10, collapse });
    const fragments = await Promise.all(response.hits.map((hit) => searcher.fragment(hit.number)));
    const pairs = nearDuplicatePairs(fragments);
    if (pairs.length === 0) continue;
    withPairs[collapse ? 'collapsed' : 'flat']++;
    console.log(`${collapse ? 'collapsed' : 'flat'} top ten of ${text}: ${pairs.map(([a, b]) => `${fragments[a]!.title} ~ ${fragments[b]!.title}`).join('; ')}`);
  }
}
console.log(`${queries.length} queries: top tens with a near-duplicate pair: flat ${withPairs.flat}, collapsed ${withPairs.collapsed}`);
