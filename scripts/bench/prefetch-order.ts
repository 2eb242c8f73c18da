/**
 * `node --import tsx scripts/bench/prefetch-order.ts INDEX_DIR…`: which order of the vocabulary
 * prefetch (issue #22) makes the benchmark's queries hit soonest, measured without a browser.
 * For each index: every vocabulary part with its size and the summed document frequency of its
 * terms; the parts each of the benchmark's 35 queries needs (and each keystroke on the way to it:
 * 王, 王毅), as the worker reads them (`termRanges`); then, for several orders, the share of
 * queries whose parts are all fetched after 0.25 … 4 MB of prefetch. The page's order is the
 * first row (the newest block's parts, then the older blocks', each in table order). Figures:
 * docs/scale.md.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { loadFoldingTable, Searcher, TermPart, termPartPath, type TermPartEntry } from '../../src/lib/search/index.ts';
import { fileIndexSource } from '../lib/file-source.ts';
import { readArgs, usageError } from '../lib/cli-args.ts';
import { BENCH_QUERIES } from './queries.ts';
import { queryNeeds } from './query-needs.ts';
await loadFoldingTable();

const NAME = 'node --import tsx scripts/bench/prefetch-order.ts';
const COMMAND = { name: NAME, usage: `usage: ${NAME} INDEX_DIR…`, options: {}, positionals: true } as const;
const parsed = readArgs(COMMAND, process.argv.slice(2));
if (typeof parsed === 'number') process.exit(parsed);
if (!parsed.positionals.length) process.exit(usageError(COMMAND, 'at least one INDEX_DIR is required'));
for (const dir of parsed.positionals) {
  const { reader } = await Searcher.open(fileIndexSource(dir));
  const fields = reader.manifest.fields.length;
  /** A part: its file's hash and gzip size, its terms' summed document frequency, its one-character terms, its vocabulary. */
  type PartStats = { path: string; bytes: number; df: number; single: number; vocab: string };
  const vocabs: Array<{ name: 'newestParts' | 'parts'; parts: TermPartEntry[] }> = [];
  for (const name of ['newestParts', 'parts'] as const) vocabs.push({ name, parts: await reader.allParts(name) });
  const all: PartStats[] = [];
  for (const { name, parts } of vocabs) {
    for (const entry of parts) {
      const raw = readFileSync(path.join(dir, termPartPath(entry[1])));
      const part = new TermPart(gunzipSync(raw), fields);
      let df = 0, single = 0;
      for (const term of part.terms) {
        const e = part.get(term)!;
        df += Math.max(...e.df);
        if ([...term].length === 1 || term.endsWith('\u0000')) single++;
      }
      all.push({ path: entry[1], bytes: raw.length, df, single, vocab: name });
    }
  }
  const queries = new Set<string>();
  for (const q of BENCH_QUERIES) { const cs = [...q]; for (let i = 1; i <= cs.length; i++) { const pre = cs.slice(0, i).join(''); if (!/[\s"-]$/.test(pre)) queries.add(pre); } }
  const filesOf = await queryNeeds(dir);
  // The parts' hashes (this table orders parts; part table pages come with them).
  const needs = [...queries].map((q) => {
    const set = new Set([...filesOf(q)].filter((file) => file.startsWith('terms-')).map((file) => file.slice('terms-'.length, -'.bin'.length)));
    return { q, set, full: BENCH_QUERIES.includes(q) };
  });
  const total = all.reduce((s, p) => s + p.bytes, 0);
  console.log(`${dir}: ${all.length} parts, ${(total / 1e6).toFixed(2)} MB; ${queries.size} keystroke queries (${BENCH_QUERIES.length} whole)`);
  const orders: Record<string, PartStats[]> = {
    'table (newest block first)': [...all],
    'Σdf desc': [...all].sort((a, b) => b.df - a.df),
    'Σdf per byte desc': [...all].sort((a, b) => b.df / b.bytes - a.df / a.bytes),
    'single chars, then Σdf/byte': [...all].sort((a, b) => (b.single > 0 ? 1 : 0) - (a.single > 0 ? 1 : 0) || b.df / b.bytes - a.df / a.bytes),
    'newest block by Σdf/byte, then older by Σdf/byte': [...all].sort((a, b) => (a.vocab === b.vocab ? 0 : a.vocab === 'newestParts' ? -1 : 1) || b.df / b.bytes - a.df / a.bytes),
  };
  const budgets = [0.25, 0.5, 1, 2, 3, 4].map((m) => m * 1e6);
  console.log(['order', ...budgets.map((b) => `${b / 1e6} MB`)].join(' | '));
  for (const [name, order] of Object.entries(orders)) {
    const row = budgets.map((budget) => {
      const have = new Set<string>(); let used = 0;
      for (const p of order) { if (used + p.bytes > budget) break; used += p.bytes; have.add(p.path); }
      const hit = (n: typeof needs) => n.filter((x) => [...x.set].every((h) => have.has(h))).length / n.length;
      return `${(hit(needs.filter((n) => n.full)) * 100).toFixed(0)}% / ${(hit(needs) * 100).toFixed(0)}%`;
    });
    console.log([name, ...row].join(' | '));
  }
}
