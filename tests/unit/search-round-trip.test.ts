import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArchiveIndex } from '../../scripts/compiler/build-archive-index.ts';
import { fileIndexSource } from '../../scripts/lib/file-source.ts';
import { analyzeText } from '../../src/lib/search/text/analyze.ts';
import { findSnippet, RESULT_SNIPPET_CHARS } from '../../src/lib/search/query/highlight.ts';
import { SEARCH_OPTIONS } from '../../src/lib/search/format/index-options.ts';
import { parseQuery } from '../../src/lib/search/query/parse-query.ts';
import { planQuery } from '../../src/lib/search/query/query-plan.ts';
import { scoreClauses, shortTextFactor } from '../../src/lib/search/query/rank-clauses.ts';

const NO_TYPOS = { fuzzy: new Set<string>(), merged: new Set<string>() };
import { Searcher } from '../../src/lib/search/searcher.ts';
import { FIXTURES } from '../helpers/paths.ts';
import { withStoredLengths } from './support/stored-lengths.ts';
import { storedLength } from '../../src/lib/search/format/docs-table.ts';

let out: string;
let searcher: Searcher;
const loaded: string[] = [];

beforeAll(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'nas-index-'));
  await buildArchiveIndex({ input: FIXTURES, out, cache: false, now: Date.UTC(2026, 0, 1) });
  searcher = await Searcher.open(fileIndexSource(out, (file) => loaded.push(file)));
}, 60_000);
afterAll(() => rm(out, { recursive: true, force: true }));

const titles = async (text: string, extra: Partial<Parameters<Searcher['search']>[0]> = {}) => {
  const response = await searcher.search({ text, limit: 50, ...extra });
  return (await searcher.results(response.hits)).map((r) => r.title);
};

describe('build → write → load → query', () => {
  it('gives the newest articles their start-page snippet in the manifest, equal to an empty query\'s', async () => {
    const { newest } = searcher.manifest;
    expect(newest.length).toBeGreaterThan(0);
    for (const article of newest) {
      const fragment = await searcher.fragment(article.number);
      expect(article.lead.text.length).toBeGreaterThan(0);
      expect(article.lead.text.length).toBeLessThanOrEqual(RESULT_SNIPPET_CHARS);
      expect(article.lead).toEqual(findSnippet(fragment.text, parseQuery(''), { maxChars: RESULT_SNIPPET_CHARS }));
    }
  });

  it('holds the empty query\'s first page and facets in the manifest, as the search computes them', async () => {
    const { newest, facets, articles } = searcher.manifest;
    const listing = await searcher.search({ text: '', limit: newest.length });
    expect(listing.total).toBe(articles);
    expect(listing.hits.map((hit) => hit.number)).toEqual(newest.map((article) => article.number));
    // The answer counts by day as well (the page's timeline); the manifest, read before the first
    // results, does not; and the manifest holds the outlet's counts only (the other facets' names are not in it).
    const { days, ...coarse } = listing.facets;
    expect(facets).toEqual({ ...coarse, counts: { outlet: listing.facets.counts['outlet'] } });
    expect(Object.values(days ?? {}).reduce((a, b) => a + b, 0)).toBe(Object.values(listing.facets.dates).reduce((a, b) => a + b, 0));
    expect(Object.keys(days ?? {}).every((day) => /^\d{4}-\d{2}-\d{2}$/.test(day))).toBe(true);
  });

  it('stores in each fragment the folding pairs of its traditional characters (none for simplified text)', async () => {
    const traditional = (await searcher.results((await searcher.search({ text: '臺灣外交部' })).hits))[0]!;
    const fragment = await searcher.fragment(traditional.number);
    expect(fragment.fold).toContain('臺台');
    const simplified = (await searcher.results((await searcher.search({ text: '香港国安法实施后的第一周' })).hits))[0]!;
    expect((await searcher.fragment(simplified.number)).fold ?? '').not.toMatch(/[香港国安法]/);
  });

  it('finds a Chinese name in every article that holds it', async () => {
    const found = await titles('王毅');
    expect(found).toHaveLength(3);
    expect(found).toContain('外长会谈聚焦北约与亚太安全');
  });

  it('finds traditional text with a simplified query and the other way round', async () => {
    expect(await titles('台湾外交部')).toEqual(['臺灣外交部感謝美國國會支持']);
    expect(await titles('國安法')).toEqual(expect.arrayContaining(['臺灣外交部感謝美國國會支持', '香港国安法实施后的第一周']));
  });

  it('answers a one-character query, including characters that end a run', async () => {
    // 周 appears in 第一周 only as the last character of a run.
    expect(await titles('周')).toContain('香港国安法实施后的第一周');
  });

  it('matches English by word prefix and tolerates a typo in a long word', async () => {
    expect(await titles('huawei')).toEqual(['Huawei faces new export limits as COVID-19 hits chip supply']);
    expect(await titles('covi')).toHaveLength(1);
    expect(await titles('huawai')).toHaveLength(1);
    expect(await titles('hua')).toHaveLength(1);
  });

  it('expands cross-strait synonyms', async () => {
    expect(await titles('特朗普')).toEqual(['臺灣外交部感謝美國國會支持']);
  });

  it('requires every term, honours -exclusions and quoted phrases', async () => {
    expect(await titles('王毅 核')).toEqual(['北约秘书长呼吁北京就核武展开对话']);
    expect(await titles('王毅 -核')).toHaveLength(2);
    expect(await titles('"北约秘书长"')).toContain('北约秘书长呼吁北京就核武展开对话');
  });

  it('matches either of two terms joined by OR, and every other term still', async () => {
    const either = new Set(await titles('核 OR 特朗普'));
    const union = new Set([...(await titles('核')), ...(await titles('特朗普'))]);
    expect(either).toEqual(union);
    expect(either.size).toBeGreaterThan(Math.max((await titles('核')).length, (await titles('特朗普')).length));
    expect(await titles('王毅 核 OR 特朗普')).toEqual(await titles('王毅 核'));
    expect(new Set(await titles('核 | 特朗普'))).toEqual(union);
  });

  it('filters by outlet and by inclusive day range, with facet counts that add up', async () => {
    const all = await searcher.search({ text: '王毅' });
    expect(Object.values(all.facets.counts['outlet']!).reduce((a, b) => a + b, 0)).toBe(all.total);
    const rfi = await searcher.search({ text: '王毅', filters: { outlet: ['法广'] } });
    expect(rfi.total).toBe(1);
    expect(rfi.facets.counts['outlet']).toEqual(all.facets.counts['outlet']); // outlet counts ignore the outlet filter
    const day = await searcher.search({ text: '', from: '2020-07-20', to: '2020-07-20' });
    expect((await searcher.results(day.hits)).map((r) => r.title)).toEqual(['臺灣外交部感謝美國國會支持']);
    expect((await searcher.search({ text: '', from: '2020-07-21', to: '2020-07-21' })).total).toBe(1);
  });

  it('sorts newest and oldest by date', async () => {
    const newest = await searcher.results((await searcher.search({ text: '', sort: 'newest', limit: 100 })).hits);
    const dates = newest.map((r) => r.date).filter(Boolean);
    expect(dates).toEqual([...dates].sort().reverse());
    const oldest = await searcher.results((await searcher.search({ text: '', sort: 'oldest', limit: 100 })).hits);
    expect(oldest.map((r) => r.id)).toEqual(newest.map((r) => r.id).reverse());
  });

  it('downloads only the manifest, the docs table and the parts a query needs', async () => {
    loaded.length = 0;
    const fresh = await Searcher.open(fileIndexSource(out, (file) => loaded.push(file)));
    await fresh.search({ text: '王毅' });
    expect(loaded[0]).toBe('manifest.json');
    expect(loaded.filter((f) => f.startsWith('terms-'))).toHaveLength(1);
    expect(loaded.some((f) => f.startsWith('a/') || f.startsWith('h/'))).toBe(false);
  });

  it('scores exactly like the same ranking over one MiniSearch index of the whole archive', async () => {
    const all = await searcher.results((await searcher.search({ text: '', sort: 'oldest', limit: 1000 })).hits);
    const texts = await Promise.all(all.map((r) => searcher.fragment(r.number)));
    const full = new MiniSearch<{ id: number; title: string; text: string }>({
      fields: ['title', 'text'],
      tokenize: (text) => analyzeText(text),
      processTerm: (term) => term,
      searchOptions: { ...SEARCH_OPTIONS, tokenize: (t) => [t], processTerm: (t) => t },
    });
    full.addAll(all.map((r, i) => ({ id: r.number, title: r.title, text: texts[i]!.text })));
    // The lengths a docs block stores (one byte, log scale), as the split index reads them.
    withStoredLengths(full);
    const textFactor = (n: number) => shortTextFactor(storedLength(new Set(analyzeText(texts[all.findIndex((r) => r.number === n)]!.text)).size));
    for (const text of ['王毅', '北约 对话', '台湾', 'huawei', '安全', '川普', '国家安全']) {
      const plan = planQuery(await searcher.parse(text));
      const expected = [...scoreClauses(full, plan.include, 'AND', NO_TYPOS, textFactor).values()];
      const ours = await searcher.search({ text, limit: 1000 });
      expect(ours.hits.map((h) => h.number).sort()).toEqual(expected.map((r) => r.number).sort());
      for (const hit of ours.hits) {
        expect(hit.score).toBeCloseTo(expected.find((r) => r.number === hit.number)!.score, 9);
      }
    }
  });
});

describe('determinism', () => {
  it('writes byte-identical index folders for the same input', async () => {
    const { readdir, readFile } = await import('node:fs/promises');
    const other = await mkdtemp(path.join(os.tmpdir(), 'nas-index-again-'));
    try {
      await buildArchiveIndex({ input: FIXTURES, out: other, cache: false, now: Date.UTC(2026, 0, 1) });
      const list = async (dir: string) => (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
      const files = await list(out);
      expect(await list(other)).toEqual(files);
      for (const file of files) expect(Buffer.compare(await readFile(path.join(out, file)), await readFile(path.join(other, file))), file).toBe(0);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });
});
