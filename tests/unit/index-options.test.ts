import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import MiniSearch, { type Query } from 'minisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileIndexSource } from '../../scripts/lib/file-source.ts';
import type { DocsTable } from '../../src/lib/search/format/docs-table.ts';
import { type ArchiveStats, assembleMiniSearch, miniSearchOptions } from '../../src/lib/search/format/index-options.ts';
import { loadPlanTerms } from '../../src/lib/search/query/load-terms.ts';
import { planQuery } from '../../src/lib/search/query/query-plan.ts';
import { Searcher } from '../../src/lib/search/searcher.ts';
import type { TermPostings } from '../../src/lib/search/format/term-part.ts';
import { buildTestIndexes } from '../helpers/test-indexes.ts';

/**
 * How assembleMiniSearch used to build its instance, kept as the reference: MiniSearch's
 * serialized shape through `loadJS`, then the archive's document frequencies set on `_index`.
 */
function viaSerializedShape(terms: ReadonlyMap<string, TermPostings>, docs: DocsTable, stats: ArchiveStats, documentFrequency: ReadonlyMap<string, readonly number[]>): MiniSearch<{ id: number }> {
  const documentIds: Record<number, number> = {};
  const fieldLength: Record<number, number[]> = {};
  const index: Array<[string, Record<number, Record<number, number>>]> = [];
  for (const [term, postings] of terms) {
    const data: Record<number, Record<number, number>> = {};
    postings.forEach((flat, fieldId) => {
      if (flat.length === 0) return;
      const freqs: Record<number, number> = {};
      for (let i = 0; i < flat.length; i += 2) {
        freqs[flat[i]!] = flat[i + 1]!;
        documentIds[flat[i]!] = flat[i]!;
        fieldLength[flat[i]!] = docs.fieldLength.map((lengths) => lengths[flat[i]!]!);
      }
      data[fieldId] = freqs;
    });
    index.push([term, data]);
  }
  const search = MiniSearch.loadJS(
    {
      documentCount: stats.articles,
      nextId: docs.count,
      documentIds,
      fieldIds: Object.fromEntries(stats.fields.map((f, i) => [f, i])),
      fieldLength,
      averageFieldLength: [...stats.averageFieldLength],
      storedFields: {},
      dirtCount: 0,
      index,
      serializationVersion: 2,
    },
    miniSearchOptions(stats.fields),
  );
  const internal = (search as unknown as { _index: { get(term: string): Map<number, Map<number, number>> | undefined } })._index;
  for (const [term, df] of documentFrequency) {
    const data = internal.get(term);
    if (!data) continue;
    for (const [fieldId, freqs] of data) {
      const frequency = df[fieldId];
      if (frequency === undefined || frequency === freqs.size) continue;
      const archive = new Map(freqs);
      Object.defineProperty(archive, 'size', { get: () => frequency });
      data.set(fieldId, archive);
    }
  }
  return search;
}

let root: string;
const searchers: Record<string, Searcher> = {};

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'nas-assemble-'));
  await buildTestIndexes(root, 'assemble');
  for (const name of ['fixtures', 'blocked']) searchers[name] = await Searcher.open(fileIndexSource(path.join(root, name)));
}, 120_000);
afterAll(() => rm(root, { recursive: true, force: true }));

/** Every kind of MiniSearch query the engine sends: one token, AND, OR, prefix, typos. */
function queriesOf(terms: string[]): Query[] {
  const queries: Query[] = terms.map((term) => ({ queries: [term] }));
  queries.push({ combineWith: 'AND', queries: terms.map((term) => ({ queries: [term] })) });
  queries.push({ combineWith: 'OR', queries: terms.map((term) => ({ queries: [term] })) });
  for (const term of terms) if (term.length > 1) queries.push({ queries: [term.slice(0, -1)], prefix: true }, { queries: [term], fuzzy: 1 });
  return queries;
}

describe('assembleMiniSearch', () => {
  const cases: Array<[string, string]> = [
    ['fixtures', '王毅'],
    ['fixtures', '香港 国安法'],
    ['fixtures', 'huawei covid'],
    ['fixtures', '台湾 外交部'],
    ['blocked', '中国 政府'],
    ['blocked', '美国 经济'],
    ['blocked', '台湾 表示'],
  ];

  it.each(cases)('scores as the serialized-shape instance did, to the bit (%s index, %s)', async (name, text) => {
    const searcher = searchers[name]!;
    const { reader } = searcher;
    const planTerms = await loadPlanTerms(reader, planQuery(await searcher.parse(text)));
    const docs = await reader.docs();
    const df = new Map([...planTerms.entries].map(([term, entry]) => [term, entry.df] as const));
    // All blocks, then the newest block only (postings of some blocks, the archive's frequencies).
    for (const fromBlock of [0, reader.blockCount - 1]) {
      const terms = new Map(await Promise.all([...planTerms.entries].map(async ([term, entry]) => [term, await reader.postings(entry, fromBlock)] as const)));
      const direct = assembleMiniSearch(terms, docs, reader.manifest, df);
      const reference = viaSerializedShape(terms, docs, reader.manifest, df);
      for (const query of queriesOf([...terms.keys()])) {
        expect(JSON.stringify(direct.search(query)), JSON.stringify(query)).toBe(JSON.stringify(reference.search(query)));
      }
    }
    expect(planTerms.entries.size).toBeGreaterThan(0);
  });
});
