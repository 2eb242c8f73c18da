import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/lib/article/types.ts';
import { buildColumn } from '../../src/lib/search/build/build-columns.ts';
import { traditionalForms } from '../../src/lib/search/build/traditional-names.ts';
import { DEFAULT_FACET_COLUMNS } from '../../src/lib/search/categorical-facets.ts';
import { decodeFacetValues, encodeFacetValues } from '../../src/lib/search/format/facet-values.ts';
import { storedName } from '../../src/ui/state/facet-values-list.ts';
import type { Manifest } from '../../src/lib/search/format/index-format.ts';
import { Searcher } from '../../src/lib/search/searcher.ts';
import { buildArchiveIndex } from '../../scripts/compiler/build-archive-index.ts';
import { fileIndexSource } from '../../scripts/lib/file-source.ts';
import { REPO_ROOT } from '../helpers/paths.ts';

const AUTHOR = DEFAULT_FACET_COLUMNS.find((facet) => facet.name === 'author')!;
const TAG = DEFAULT_FACET_COLUMNS.find((facet) => facet.name === 'tag')!;
const article = (author: string, tags: string[]): Article => ({ id: '', title: '', url: '', outlet: 'o', author, tags, date: '', text: '', html: '', file: '' });
const bytes = (text: string) => new TextEncoder().encode(text);

describe('the values file codec', () => {
  it('round-trips names, counts and the sparse traditional forms', () => {
    const table = { names: ['张三', 'Reuters', '台湾'], counts: [3, 1, 0], traditional: { 0: '張三', 2: '台灣' } };
    expect(decodeFacetValues(encodeFacetValues(table))).toEqual(table);
  });

  it('refuses what is not a table of values, saying why', () => {
    expect(() => decodeFacetValues(bytes('["张三"]'))).toThrow(/not a table/);
    expect(() => decodeFacetValues(bytes('{"names":["a"],"counts":[1,2],"traditional":{}}'))).toThrow(/one whole number per name/);
    expect(() => decodeFacetValues(bytes('{"names":["a"],"counts":[-1],"traditional":{}}'))).toThrow(/one whole number per name/);
    expect(() => decodeFacetValues(bytes('{"names":["a"],"counts":[1],"traditional":{"1":"b"}}'))).toThrow(/names no value/);
    expect(() => decodeFacetValues(bytes('{"names":[1],"counts":[1],"traditional":{}}'))).toThrow(/not a list of strings/);
    expect(() => decodeFacetValues(bytes('{'))).toThrow(/not JSON/);
  });

  it('finds the stored name a traditional form stands for', () => {
    const table = { names: ['张三', '張三丰'], counts: [1, 1], traditional: { 0: '張三' } };
    expect(storedName(table, '張三')).toBe('张三');
    expect(storedName(table, '張三丰')).toBe('張三丰');
    expect(storedName(table, '李四')).toBeUndefined();
  });
});

describe('traditional forms at build time (opencc-js, simplified → traditional, Taiwan)', () => {
  it('gives the form only where it differs, with news\'s 台 rather than 臺', () => {
    expect(traditionalForms(['张三', 'Reuters', '王丹', '台湾', '网络审查', '發展'])).toEqual({ 0: '張三', 3: '台灣', 4: '網絡審查' });
  });
});

describe('a column\'s values table', () => {
  it('counts each value\'s live articles, 0 for a value an earlier build gave a code and no article holds now', () => {
    const column = buildColumn([article('', ['评论', '环境']), undefined, article('', ['评论']), article('', ['Tech'])], TAG, ['旧标签']);
    expect(column.table.names).toEqual(['旧标签', '评论', 'Tech', '环境']);
    expect(column.table.counts).toEqual([0, 2, 1, 1]);
    expect(column.table.traditional).toEqual({ 0: '舊標籤', 1: '評論', 3: '環境' });
  });

  it('is a table of the authors as well', () => {
    const column = buildColumn([article('李华', []), article('王小明', []), article('李华', [])], AUTHOR);
    expect(column.table).toEqual({ names: ['李华', '王小明'], counts: [2, 1], traditional: { 0: '李華' } });
  });
});

describe('an index with author and tag columns (tests/fixtures/facets)', () => {
  let tmp: string;
  let index: string;
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'nas-facet-values-'));
    index = path.join(tmp, 'index');
    await buildArchiveIndex({ input: path.join(REPO_ROOT, 'tests/fixtures/facets'), out: index, cache: false, now: Date.UTC(2026, 0, 1) });
  }, 120_000);
  afterAll(() => rm(tmp, { recursive: true, force: true }));

  /** A fresh searcher over the index, and the values files it has read. */
  async function open() {
    const read: string[] = [];
    const searcher = await Searcher.open(fileIndexSource(index, (file) => file.startsWith('values-') && read.push(file)));
    return { searcher, read };
  }

  it('writes each column\'s values with archive-wide counts and traditional forms, and says how many codes in the manifest', async () => {
    const manifest = JSON.parse(readFileSync(path.join(index, 'manifest.json'), 'utf8')) as Manifest;
    const author = manifest.columns.find((column) => column.name === 'author')!;
    const table = decodeFacetValues(gunzipSync(readFileSync(path.join(index, author.file))));
    expect(author.codes).toBe(table.names.length);
    expect(Object.fromEntries(table.names.map((name, code) => [name, table.counts[code]]))).toEqual({ 王小明: 2, 李华: 1 });
    expect(table.traditional[table.names.indexOf('李华')]).toBe('李華');
    const tags = manifest.columns.find((column) => column.name === 'tag')!;
    const tagTable = decodeFacetValues(gunzipSync(readFileSync(path.join(index, tags.file))));
    expect(tagTable.traditional[tagTable.names.indexOf('评论')]).toBe('評論');
    expect(tagTable.counts[tagTable.names.indexOf('评论')]).toBe(2);
    expect((await readdir(index)).filter((file) => file.startsWith('values-'))).toHaveLength(2);
  });

  it('answers a query without filters without reading a values file: its author and tag counts come by code', async () => {
    const { searcher, read } = await open();
    const answer = await searcher.search({ text: '' });
    expect(read).toEqual([]);
    expect(answer.facets.counts['author']).toBeUndefined();
    const tables = await searcher.reader.facetValues();
    const authors = searcher.manifest.columns.findIndex((column) => column.name === 'author');
    const named = Object.fromEntries(Object.entries(answer.facets.byCode!['author']!).map(([code, count]) => [tables[authors]!.names[Number(code)], count]));
    expect(named).toEqual({ 王小明: 2, 李华: 1 });
    // Once the names are in, answers count by name.
    const again = await searcher.search({ text: '' });
    expect(again.facets.counts['author']).toEqual({ 王小明: 2, 李华: 1 });
    expect(again.facets.byCode).toBeUndefined();
  });

  it('reads the values file of the facet a query filters by, and accepts a value by its traditional form', async () => {
    const { searcher, read } = await open();
    const stored = await searcher.search({ text: '', filters: { author: ['李华'] } });
    const author = searcher.manifest.columns.find((column) => column.name === 'author')!;
    expect(read).toEqual([author.file]);
    expect(stored.total).toBe(1);
    const traditional = await searcher.search({ text: '', filters: { author: ['李華'] } });
    expect(traditional.total).toBe(1);
    expect(traditional.hits.map((hit) => hit.number)).toEqual(stored.hits.map((hit) => hit.number));
    expect(traditional.facets.unknown).toBeUndefined();
    const tag = await searcher.search({ text: '', filters: { tag: ['評論'] } });
    expect(tag.total).toBe(2);
    expect((await searcher.search({ text: '', filters: { author: ['無此人'] } })).facets.unknown).toEqual({ author: ['無此人'] });
  });
});
