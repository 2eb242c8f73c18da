import MiniSearch, { type Query } from 'minisearch';
import { describe, expect, it } from 'vitest';
import { createDocsTable } from '../../src/lib/search/docs-table.ts';
import { editDistance, SEARCH_OPTIONS, Scorer, type QueryTree, type TermQuery } from '../../src/lib/search/score.ts';
import type { TermPostings } from '../../src/lib/search/term-part.ts';

const DOCS = [
  { title: 'huawei export limits', text: 'huawei faces new export limits as covid19 hits chip supply chips' },
  { title: 'covid vaccine', text: 'the covid vaccine rollout covid covid19 2020 export' },
  { title: 'chip makers', text: 'chipmakers chip chip shortage huawai typo hua wei' },
  { title: '王毅 北约', text: '王毅 北约 对话 核武 王毅' },
  { title: 'export controls', text: 'exports exporter export huawei covid 2021' },
  { title: '北约 峰会', text: '北约 峰会 北京 对话 chips' },
];
const FIELDS = ['title', 'text'];

/** MiniSearch over DOCS (numbers = positions), and the same index as the scorer's inputs. */
function indexes() {
  const full = new MiniSearch<{ id: number; title: string; text: string }>({
    fields: FIELDS,
    tokenize: (text) => text.split(' '),
    processTerm: (term) => term,
    searchOptions: { ...SEARCH_OPTIONS, combineWith: 'AND', tokenize: (t) => [t], processTerm: (t) => t },
  });
  full.addAll(DOCS.map((doc, id) => ({ id, ...doc })));
  const json = full.toJSON() as unknown as {
    fieldLength: Record<string, number[]>;
    averageFieldLength: number[];
    index: Array<[string, Record<string, Record<string, number>>]>;
  };
  const docs = createDocsTable(DOCS.length, FIELDS.length);
  for (const [n, lengths] of Object.entries(json.fieldLength)) lengths.forEach((length, f) => (docs.fieldLength[f]![Number(n)] = length));
  const terms = new Map<string, TermPostings>();
  for (const [term, fields] of json.index) {
    terms.set(
      term,
      FIELDS.map((_, f) => Uint32Array.from(Object.entries(fields[f] ?? {}).flatMap(([n, freq]) => [Number(n), freq]))),
    );
  }
  const stats = { fields: FIELDS, articles: DOCS.length, averageFieldLength: json.averageFieldLength };
  return { full, terms, docs, stats };
}

const leaf = (term: string, prefix = false, fuzzy = 0): TermQuery => ({ term, prefix, fuzzy });
const toMiniSearch = (query: QueryTree | TermQuery): Query =>
  'queries' in query ? { combineWith: query.combineWith, queries: query.queries.map(toMiniSearch) } : { queries: [query.term], prefix: query.prefix, fuzzy: query.fuzzy || false };

const QUERIES: QueryTree[] = [
  { combineWith: 'AND', queries: [leaf('huawei')] },
  { combineWith: 'AND', queries: [leaf('chip', true)] },
  { combineWith: 'AND', queries: [leaf('huawai', true, 2)] },
  { combineWith: 'AND', queries: [leaf('export', true, 1), leaf('huawei')] },
  { combineWith: 'OR', queries: [leaf('covid', true), leaf('北约'), leaf('2020', true)] },
  {
    combineWith: 'AND',
    queries: [
      { combineWith: 'OR', queries: [{ combineWith: 'AND', queries: [leaf('王毅'), leaf('北约')] }, { combineWith: 'AND', queries: [leaf('对话')] }] },
      { combineWith: 'OR', queries: [leaf('北约'), leaf('chips', false, 2)] },
    ],
  },
  { combineWith: 'OR', queries: [leaf('exports', false, 2), leaf('chipmaker', true, 2)] },
  { combineWith: 'AND', queries: [] },
];

describe('Scorer (the part of MiniSearch the search core uses)', () => {
  it('gives MiniSearch 7.2.0’s matches, scores and matched terms', () => {
    const { full, terms, docs, stats } = indexes();
    const scorer = new Scorer(terms, docs, stats);
    let matches = 0;
    for (const query of QUERIES) {
      const expected = full.search(toMiniSearch(query));
      const ours = scorer.search(query);
      matches += ours.length;
      const label = JSON.stringify(query);
      expect(ours.map((r) => r.id).sort(), label).toEqual(expected.map((r) => r.id as number).sort());
      for (const r of ours) {
        const other = expected.find((e) => e.id === r.id)!;
        expect(r.score, label).toBeCloseTo(other.score, 12);
        expect([...r.terms].sort(), label).toEqual([...other.terms].sort());
      }
    }
    expect(matches).toBeGreaterThan(20);
  });

  it('scores partial postings with the archive’s document frequency as the full index does', () => {
    const { full, terms, docs, stats } = indexes();
    // Keep only documents 3… of every term (as when only the newest blocks are loaded).
    const partial = new Map([...terms].map(([term, fields]) => [term, fields.map((flat) => flat.filter((_, i) => flat[i - (i % 2)]! >= 3))] as const));
    const df = new Map([...terms].map(([term, fields]) => [term, fields.map((flat) => flat.length / 2)] as const));
    const scorer = new Scorer(partial, docs, stats, df);
    for (const query of QUERIES) {
      const expected = new Map(full.search(toMiniSearch(query)).map((r) => [r.id as number, r.score]));
      for (const r of scorer.search(query)) expect(r.score).toBeCloseTo(expected.get(r.id)!, 12);
    }
  });

  it('measures edits up to a bound', () => {
    expect(editDistance('huawai', 'huawei', 2)).toBe(1);
    expect(editDistance('export', 'exporter', 2)).toBe(2);
    expect(editDistance('export', 'exporter', 1)).toBe(-1);
    expect(editDistance('chip', 'chip', 1)).toBe(0);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
  });
});
