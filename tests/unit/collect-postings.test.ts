import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeText, forEachIndexTerm } from '../../src/lib/search/text/analyze.ts';
import { collectPostings, lowerBoundPair } from '../../src/lib/search/build/collect-postings.ts';
import { loadFoldingTable } from '../../src/lib/search/text/fold.ts';
import { FIXTURES } from '../helpers/paths.ts';
import { storedLength } from '../../src/lib/search/format/docs-table.ts';

beforeAll(() => loadFoldingTable());

/** Texts that reach every kind of term: bigrams, one-character runs, words, astral characters, traditional. */
const EDGE_TEXTS = [
  '香港政府宣布 国安法',
  '臺灣報導 COVID-19 g20峰会',
  '港',
  'us un eu 19 5g',
  '𠀀𠀁 𠀀 㐀㐁 中𠀀文',
  "trump's plan, l'état",
  '',
  'ab'.repeat(50),
];

/** The postings the simple way: one Map of per-field arrays, as MiniSearch would count them. */
function naivePostings(texts: Array<string[] | undefined>): Map<string, number[][]> {
  const postings = new Map<string, number[][]>();
  texts.forEach((fields, number) => {
    if (!fields) return;
    fields.forEach((text, field) => {
      const counts = new Map<string, number>();
      for (const term of analyzeText(text)) counts.set(term, (counts.get(term) ?? 0) + 1);
      for (const [term, freq] of counts) {
        if (!postings.has(term)) postings.set(term, fields.map(() => []));
        postings.get(term)![field]!.push(number, freq);
      }
    });
  });
  return postings;
}

async function fixtureTexts(): Promise<string[]> {
  const entries = await readdir(FIXTURES, { withFileTypes: true });
  const names = entries.filter((entry) => entry.isFile()).map((entry) => entry.name).sort();
  return Promise.all(names.map((name) => readFile(path.join(FIXTURES, name), 'utf8')));
}

describe('forEachIndexTerm', () => {
  it('visits the terms of analyzeText, each as often', async () => {
    for (const text of [...EDGE_TEXTS, ...(await fixtureTexts())]) {
      const visited: string[] = [];
      forEachIndexTerm(text, (folded, start, end) => visited.push(folded.slice(start, end)));
      expect(visited.sort()).toEqual(analyzeText(text).sort());
    }
  });
});

describe('collectPostings', () => {
  it('gathers the same postings as counting term by term, sorted by term, holes skipped', async () => {
    const files = await fixtureTexts();
    // Two fields per article; every third number a deleted article's hole.
    const texts = [...EDGE_TEXTS, ...files].map((text, i): string[] | undefined => (i % 3 === 2 ? undefined : [EDGE_TEXTS[i % EDGE_TEXTS.length]!, text]));
    const table = collectPostings(2, (n) => texts[n], texts.length);
    const naive = naivePostings(texts);
    expect(table.terms).toEqual([...naive.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    table.terms.forEach((term, rank) => {
      for (let field = 0; field < 2; field++) {
        const from = table.offsets[rank * 2 + field]!;
        const to = table.offsets[rank * 2 + field + 1]!;
        expect([...table.pool.subarray(2 * from, 2 * to)], `${term} in field ${field}`).toEqual(naive.get(term)![field]);
      }
    });
    expect(table.offsets.at(-1)! * 2).toBe(table.pool.length);
  });

  it('gives each article field its number of distinct terms, and 0 to holes', () => {
    // 香港 and its last character 港; 国安, 安法, 法 and covid; a and b.
    const texts = [['香港 香港', '国安法 国安法 covid'], undefined, ['', 'a b a']];
    const table = collectPostings(2, (n) => texts[n], texts.length);
    expect([...table.fieldLength[0]!]).toEqual([2, 0, 0]);
    expect([...table.fieldLength[1]!]).toEqual([4, 0, 2]);
  });

  it('copes with more terms than its first table holds', () => {
    const words = Array.from({ length: 70_000 }, (_, i) => `w${i.toString(36)}`);
    const pairs = Array.from({ length: 40_000 }, (_, i) => String.fromCharCode(0x4e00 + (i % 200), 0x4e00 + Math.floor(i / 200)));
    const texts = [[words.join(' '), pairs.join(' ')]];
    const table = collectPostings(2, (n) => texts[n], 1);
    const distinct = texts[0]!.map((text) => new Set(analyzeText(text)));
    expect(table.terms).toEqual([...new Set([...distinct[0]!, ...distinct[1]!])].sort());
    // As a docs block stores them: one byte on a log scale (storedLength).
    expect(table.fieldLength[0]![0]).toBe(storedLength(70_000));
    expect(table.fieldLength[1]![0]).toBe(storedLength(distinct[1]!.size));
    // More two-unit terms than the first code-unit table takes (2^16 slots, half full): it grows.
    expect(distinct[1]!.size).toBeGreaterThan(1 << 15);
  });
});

describe('lowerBoundPair', () => {
  it('finds the first pair of a range at or above a number', () => {
    const pool = Uint32Array.of(3, 1, 8, 2, 12, 1, 20, 4);
    expect(lowerBoundPair(pool, 0, 4, 8)).toBe(1);
    expect(lowerBoundPair(pool, 0, 4, 9)).toBe(2);
    expect(lowerBoundPair(pool, 2, 4, 0)).toBe(2);
    expect(lowerBoundPair(pool, 0, 4, 21)).toBe(4);
  });
});
