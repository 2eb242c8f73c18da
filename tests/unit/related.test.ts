import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArchiveIndex } from '../../scripts/compiler/build-archive-index.ts';
import { fileIndexSource } from '../../scripts/lib/file-source.ts';
import type { DocsTable } from '../../src/lib/search/format/docs-table.ts';
import { findRelated, rankRelated, sourceTermWeights } from '../../src/lib/search/query/related.ts';
import { Searcher } from '../../src/lib/search/searcher.ts';
import { FIXTURES } from '../helpers/paths.ts';

let out: string;
let searcher: Searcher;

beforeAll(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'nas-related-'));
  await buildArchiveIndex({ input: FIXTURES, out, cache: false, now: Date.UTC(2026, 0, 1) });
  searcher = await Searcher.open(fileIndexSource(out));
}, 60_000);
afterAll(() => rm(out, { recursive: true, force: true }));

const numberOfTitle = (title: string) => searcher.manifest.newest.find((a) => a.title === title)!.number;
const titlesRelatedTo = async (title: string) => {
  const related = await findRelated(searcher.reader, numberOfTitle(title));
  return Promise.all(related.map(async (r) => (await searcher.fragment(r.number)).title));
};

describe('findRelated', () => {
  it('finds the same story told by another outlet on the same day', async () => {
    expect(await titlesRelatedTo('外长会谈聚焦北约与亚太安全')).toEqual(['北约秘书长呼吁北京就核武展开对话']);
    expect(await titlesRelatedTo('北约秘书长呼吁北京就核武展开对话')).toEqual(['外长会谈聚焦北约与亚太安全']);
  });

  it('leaves out articles on the same subject from another year', async () => {
    // The rfi article also names 王毅 and 北约, but two years later.
    expect(await titlesRelatedTo('中国称反对扩大军事同盟')).toEqual([]);
  });

  it('finds nothing for an article no other outlet covered', async () => {
    expect(await titlesRelatedTo('香港国安法实施后的第一周')).toEqual([]);
  });
});

describe('sourceTermWeights', () => {
  it('weighs title terms above lead terms and skips single characters and bare numbers', () => {
    const weights = sourceTermWeights('王毅会见北约秘书长', '2021年周一，王毅');
    expect(weights.get('王毅')).toBe(2);
    expect(weights.get('周一')).toBe(1);
    expect(weights.has('长')).toBe(false);
    expect(weights.has('2021')).toBe(false);
  });
});

describe('rankRelated', () => {
  // Articles 0–3: 0 and 1 same day, other outlets; 2 same outlet as 0; 3 ten days later.
  const docs: DocsTable = {
    count: 6,
    day: Uint32Array.from([100, 100, 101, 110, 200, 201]),
    outlet: Uint16Array.from([0, 1, 0, 2, 3, 3]),
    fieldLength: [new Uint32Array(6), new Uint32Array(6)],
    traditional: new Uint8Array(6),
  };
  const postings = (title: number[], text: number[]) => [Uint32Array.from(title.flatMap((n) => [n, 1])), Uint32Array.from(text.flatMap((n) => [n, 1]))];

  it('keeps other outlets within the date window and drops the same outlet and distant days', () => {
    const related = rankRelated(0, [{ term: '北约', weight: 2, postings: postings([0, 1, 2, 3], []) }], docs);
    expect(related.map((r) => r.number)).toEqual([1]);
    expect(related[0]!.score).toBeCloseTo(1);
  });

  it('counts a title term found only in the text as a partial match', () => {
    const terms = [
      { term: '北约', weight: 2, postings: postings([0], [1]) },
      { term: '王毅', weight: 2, postings: postings([0, 1], []) },
    ];
    const [related] = rankRelated(0, terms, docs);
    expect(related!.score).toBeGreaterThan(0.5);
    expect(related!.score).toBeLessThan(1);
  });

  it('returns nothing for an undated article', () => {
    const undated: DocsTable = { ...docs, day: Uint32Array.from([0, 100, 100, 100, 100, 100]) };
    expect(rankRelated(0, [{ term: '北约', weight: 2, postings: postings([0, 1], []) }], undated)).toEqual([]);
  });
});
