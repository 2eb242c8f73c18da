import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/generate-corpus.ts';
import { buildArchiveIndex } from '../../scripts/compiler/build-archive-index.ts';
import { fileIndexSource } from '../../scripts/lib/file-source.ts';
import { Searcher } from '../../src/lib/search/searcher.ts';

/** Blocks of 100 numbers over 350 generated articles: four docs blocks, each in two files. */
const BLOCK = 100;
const COUNT = 350;
const QUERIES = ['中国', '政府 美国', '经济 -美国', '台湾'];

let root: string;
let index: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'nas-facets-later-'));
  await generateCorpus({ out: path.join(root, 'corpus'), count: COUNT, seed: 'facets-later', workers: 0 });
  index = path.join(root, 'index');
  await buildArchiveIndex({ input: path.join(root, 'corpus'), out: index, blockSize: BLOCK, chunkBytes: 100, cache: false, now: Date.UTC(2026, 0, 1) });
}, 120_000);
afterAll(() => rm(root, { recursive: true, force: true }));

/** A searcher over the index that has read nothing yet, and the files it reads. */
async function fresh(): Promise<{ searcher: Searcher; read: string[] }> {
  const read: string[] = [];
  return { searcher: await Searcher.open(fileIndexSource(index, (file) => read.push(file))), read };
}

describe('a search with facetsLater', () => {
  it('answers the same hits, scores, total and groups as one that waits for the facet rows, reading none of them', async () => {
    for (const text of QUERIES) {
      const { searcher: full } = await fresh();
      const { searcher: later, read } = await fresh();
      const facetFiles = new Set(later.manifest.docs.map((block) => block.facets));
      const expected = await full.search({ text, limit: 50 });
      const answer = await later.search({ text, limit: 50 }, { facetsLater: true });
      expect(answer.hits, text).toEqual(expected.hits);
      expect([answer.total, answer.groups], text).toEqual([expected.total, expected.groups]);
      expect(answer.facets.dates, text).toEqual(expected.facets.dates);
      expect(answer.total, text).toBeGreaterThan(0);
      expect(answer.facetsPending, text).toBe(true);
      expect(answer.facets.counts, text).toEqual({});
      expect(expected.facetsPending, text).toBeUndefined();
      expect(read.filter((file) => facetFiles.has(file)), text).toEqual([]);
    }
  });

  it('counts the categorical facets once the facet rows are in memory', async () => {
    const { searcher } = await fresh();
    const complete = await searcher.search({ text: '中国' });
    const again = await searcher.search({ text: '中国' }, { facetsLater: true });
    expect(again.facetsPending).toBeUndefined();
    expect(again.facets).toEqual(complete.facets);
  });

  it('waits for the facet rows of a query that filters by a categorical facet', async () => {
    const { searcher: full } = await fresh();
    const { searcher: later } = await fresh();
    const outlet = later.manifest.outlets[0]!.name;
    const query = { text: '中国', filters: { outlet: [outlet] } };
    const answer = await later.search(query, { facetsLater: true });
    expect(answer.facetsPending).toBeUndefined();
    expect(answer).toEqual(await full.search(query));
  });

  it('leaves the facets out of every step of a progressive search until the rows arrive', async () => {
    const { searcher } = await fresh();
    const steps = [];
    for await (const step of searcher.searchProgressively({ text: '中国' }, { facetsLater: true })) steps.push(step);
    expect(steps.length).toBeGreaterThan(1);
    for (const step of steps) expect(step.facetsPending).toBe(true);
  });
});
