import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/generate-corpus.ts';
import { buildArchiveIndex } from '../../scripts/compiler/build-archive-index.ts';
import { fileIndexSource } from '../../scripts/lib/file-source.ts';
import { analyzeText } from '../../src/lib/search/text/analyze.ts';
import { foldText, prepareFolding } from '../../src/lib/search/text/fold.ts';
import { termPartPath } from '../../src/lib/search/format/index-format.ts';
import { SEARCH_OPTIONS } from '../../src/lib/search/format/index-options.ts';
import { planQuery } from '../../src/lib/search/query/query-plan.ts';
import { scoreClauses, shortTextFactor } from '../../src/lib/search/query/rank-clauses.ts';

const NO_TYPOS = { fuzzy: new Set<string>(), merged: new Set<string>() };
import { Searcher } from '../../src/lib/search/searcher.ts';
import type { SearchResponse } from '../../src/lib/search/types.ts';
import { readPartTable } from '../../scripts/lib/part-table.ts';
import { withStoredLengths } from './support/stored-lengths.ts';
import { storedLength } from '../../src/lib/search/format/docs-table.ts';

/** Blocks of 100 numbers over 450 generated articles: five blocks, the newest half full. */
const BLOCK = 100;
const COUNT = 450;
/** Common Chinese bigrams of the generated news (in most blocks, chunked at this size). */
const QUERIES = ['中国', '政府', '表示', '美国 中国', '经济 -美国', 'trump', '台湾', '台湾 OR trump', '经济 OR 政府 美国'];

let root: string;
let blocked: Searcher;
let single: Searcher;
const loaded: string[] = [];

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'nas-blocks-'));
  await generateCorpus({ out: path.join(root, 'corpus'), count: COUNT, seed: 'blocks', workers: 0 });
  const now = Date.UTC(2026, 0, 1);
  await buildArchiveIndex({ input: path.join(root, 'corpus'), out: path.join(root, 'blocked'), blockSize: BLOCK, chunkBytes: 100, cache: false, now });
  await buildArchiveIndex({ input: path.join(root, 'corpus'), out: path.join(root, 'single'), cache: false, now });
  blocked = await Searcher.open(fileIndexSource(path.join(root, 'blocked'), (file) => loaded.push(file)));
  single = await Searcher.open(fileIndexSource(path.join(root, 'single')));
}, 120_000);
afterAll(() => rm(root, { recursive: true, force: true }));

const byId = async (searcher: Searcher, response: SearchResponse) =>
  new Map((await searcher.results(response.hits)).map((r) => [r.id, r.score]));

async function collect(text: string, extra: object = {}): Promise<SearchResponse[]> {
  const steps: SearchResponse[] = [];
  for await (const step of blocked.searchProgressively({ text, limit: 1000, ...extra })) steps.push(step);
  return steps;
}

describe('an index split into blocks of article numbers', () => {
  it('has one docs file per block and common terms in per-block chunks', async () => {
    expect(blocked.manifest.docs).toHaveLength(Math.ceil(COUNT / BLOCK));
    expect(blocked.manifest.blockSize).toBe(BLOCK);
    expect(single.manifest.docs).toHaveLength(1);
    const entry = (await blocked.reader.entry('中国'))!;
    expect(entry.postings).toBeNull();
    expect(entry.chunks.length).toBeGreaterThan(1);
    expect(entry.newest).not.toBeNull();
  });

  it('scores every hit exactly like the unsplit index', async () => {
    for (const text of QUERIES) {
      const a = await byId(blocked, await blocked.search({ text, limit: 1000 }));
      const b = await byId(single, await single.search({ text, limit: 1000 }));
      expect([...a.keys()].sort(), text).toEqual([...b.keys()].sort());
      for (const [id, score] of a) expect(score, `${text} ${id}`).toBeCloseTo(b.get(id)!, 9);
    }
  });

  it('scores exactly like the same ranking over one MiniSearch index of the whole archive', async () => {
    const all = await blocked.results((await blocked.search({ text: '', sort: 'oldest', limit: COUNT })).hits);
    const texts = await Promise.all(all.map((r) => blocked.fragment(r.number)));
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
    for (const text of ['中国', '政府 表示', '台湾']) {
      const plan = planQuery(await blocked.parse(text));
      const expected = new Map([...scoreClauses(full, plan.include, 'AND', NO_TYPOS, textFactor).values()].map((r) => [r.number, r.score]));
      for (const step of await collect(text)) {
        for (const hit of step.hits) expect(hit.score, `${text} #${hit.number}`).toBeCloseTo(expected.get(hit.number)!, 9);
      }
      const complete = await blocked.search({ text, limit: 1000 });
      expect(complete.hits.map((h) => h.number).sort()).toEqual([...expected.keys()].sort());
    }
  });
});

describe('Searcher#searchProgressively', () => {
  it('answers a common term from the newest block first, then ends with the complete answer', async () => {
    for (const text of ['中国', '表示', '']) {
      const steps = await collect(text);
      expect(steps.length, text).toBeGreaterThan(1);
      const complete = await blocked.search({ text, limit: 1000 });
      const last = steps.at(-1)!;
      expect(last.hits).toEqual(complete.hits);
      expect(last.total).toBe(complete.total);
      expect(last.facets).toEqual(complete.facets);
      expect(last.approximate).toBe(false);
      expect(last.searched).toEqual({ articles: blocked.manifest.articles, of: blocked.manifest.articles });

      const first = steps[0]!;
      const newestBlock = blocked.manifest.docs.length - 1;
      expect(first.approximate).toBe(true);
      expect(first.searched.articles).toBe(COUNT - newestBlock * BLOCK);
      expect(first.hits.every((hit) => Math.floor(hit.number / BLOCK) === newestBlock)).toBe(true);
      // The first batch holds exactly the complete answer's matches in the newest block, scored alike.
      const inNewest = complete.hits.filter((hit) => Math.floor(hit.number / BLOCK) === newestBlock);
      expect(first.hits.map((h) => [h.number, h.score])).toEqual(inNewest.map((h) => [h.number, h.score]));
      for (let i = 1; i < steps.length; i++) expect(steps[i]!.searched.articles).toBeGreaterThan(steps[i - 1]!.searched.articles);
    }
  });

  it('answers the newest articles alone first when the first step is smaller than a block', async () => {
    for (const text of ['中国', '港', '']) {
      const steps: SearchResponse[] = [];
      for await (const step of blocked.searchProgressively({ text, limit: 1000 }, { firstStep: 20 })) steps.push(step);
      const first = steps[0]!;
      expect(first.searched.articles, text).toBe(20);
      expect(first.hits.length, text).toBeGreaterThan(0);
      expect(first.hits.every((hit) => hit.number >= COUNT - 20), text).toBe(true);
      // The next step is the whole newest block, then more blocks, then all of them.
      expect(steps[1]!.searched.articles, text).toBe(COUNT - (blocked.manifest.docs.length - 1) * BLOCK);
      const complete = await blocked.search({ text, limit: 1000 });
      expect(steps.at(-1)!.hits, text).toEqual(complete.hits);
      const inFirst = complete.hits.filter((hit) => hit.number >= COUNT - 20);
      expect(first.hits.map((h) => [h.number, h.score]), text).toEqual(inFirst.map((h) => [h.number, h.score]));
    }
  });

  it('shows only confirmed phrase matches in a partial answer (at most one wave of six), a page in the complete one', async () => {
    const files: string[] = [];
    const fresh = await Searcher.open(fileIndexSource(path.join(root, 'blocked'), (file) => files.push(file)));
    const text = '"中国政府"';
    const steps = fresh.searchProgressively({ text, limit: 10 });
    const first = (await steps.next()).value!;
    expect(first.searched.articles).toBeLessThan(fresh.manifest.articles);
    expect(first.hits.length).toBeGreaterThan(0);
    expect(first.hits.length).toBeLessThanOrEqual(6);
    for (const hit of first.hits) {
      const { title, text: body } = await fresh.fragment(hit.number);
      await prepareFolding(title, body);
      expect(foldText(`${title}\n${body}`).replace(/\s+/g, '')).toContain('中国政府');
    }
    let last = first;
    for await (const step of steps) last = step;
    expect(last.hits).toHaveLength(10);
    expect([...(await byId(fresh, last))]).toEqual([...(await byId(single, await single.search({ text, limit: 10 })))]);
  });

  it('lists the newest matches first when sorted by date', async () => {
    const steps = await collect('中国', { sort: 'newest', limit: 10 });
    const complete = await blocked.search({ text: '中国', sort: 'newest', limit: 10 });
    expect(steps[0]!.hits.map((h) => h.number)).toEqual(complete.hits.map((h) => h.number));
  });

  it('fetches only the newest docs block\'s rank rows and no chunk before its first answer (the older part is asked for behind the newest)', async () => {
    const files: string[] = [];
    const fresh = await Searcher.open(fileIndexSource(path.join(root, 'blocked'), (file) => files.push(file)));
    // As the worker searches: the facet rows after the first results.
    const steps = fresh.searchProgressively({ text: '中国' }, { facetsLater: true });
    await steps.next();
    const newest = fresh.manifest.docs.at(-1)!.file;
    expect(files.filter((f) => f.startsWith('docs-'))).toEqual([newest]);
    expect(files.filter((f) => f.startsWith('post-'))).toHaveLength(0);
    expect(files.filter((f) => f.startsWith('terms-'))).toHaveLength(2);
    await steps.return(undefined);
  });

  it('answers a rare term in one complete step once its rows are in memory', async () => {
    await blocked.reader.docs(); // every block's rows (a warm page has them)
    const rare = await rareTerm(blocked);
    const steps = await collect(rare);
    expect(steps).toHaveLength(1);
    expect(steps[0]!.searched.articles).toBe(blocked.manifest.articles);
    expect(steps[0]!.total).toBeGreaterThan(0);
  });

  it('answers a rare term with a common one from the newest block first, without the common term\'s chunks', async () => {
    const files: string[] = [];
    const fresh = await Searcher.open(fileIndexSource(path.join(root, 'blocked'), (file) => files.push(file)));
    const rare = await rareTerm(fresh);
    const text = `${rare} 中国`;
    const steps = fresh.searchProgressively({ text, limit: 1000 }, { facetsLater: true });
    const first = (await steps.next()).value!;
    const newestBlock = fresh.manifest.docs.length - 1;
    expect(first.searched.articles).toBe(COUNT - newestBlock * BLOCK);
    expect(files.filter((f) => f.startsWith('post-'))).toHaveLength(0);
    expect(files.filter((f) => f.startsWith('docs-'))).toEqual([fresh.manifest.docs.at(-1)!.file]);
    const rest: SearchResponse[] = [];
    for await (const step of steps) rest.push(step);
    expect(rest).toHaveLength(1);
    const complete = await single.search({ text, limit: 1000 });
    const last = await byId(fresh, rest[0]!);
    expect(last.size).toBeGreaterThan(0);
    expect([...last.keys()].sort()).toEqual([...(await byId(single, complete)).keys()].sort());
    const expected = await byId(single, complete);
    for (const [id, score] of last) expect(score, id).toBeCloseTo(expected.get(id)!, 9);
  });

  it('answers a one-character query block by block, scored like the unsplit index', async () => {
    for (const text of ['中', '港']) {
      const steps = await collect(text);
      expect(steps.length, text).toBeGreaterThan(1);
      const newestBlock = blocked.manifest.docs.length - 1;
      expect(steps[0]!.hits.every((hit) => Math.floor(hit.number / BLOCK) === newestBlock)).toBe(true);
      expect(steps[0]!.hits.length).toBeGreaterThan(0);
      const expected = await byId(single, await single.search({ text, limit: 1000 }));
      for (const step of steps) {
        for (const [id, score] of await byId(blocked, step)) expect(score, `${text} ${id}`).toBeCloseTo(expected.get(id)!, 9);
      }
      const last = steps.at(-1)!;
      expect(last.approximate).toBe(false);
      expect(last.total).toBe(expected.size);
    }
  });

  it('fetches only the newest block\'s parts of a one-character query (and its stored frequency) before its first answer', async () => {
    const files: string[] = [];
    const fresh = await Searcher.open(fileIndexSource(path.join(root, 'blocked'), (file) => files.push(file)));
    const steps = fresh.searchProgressively({ text: '中' }, { facetsLater: true });
    await steps.next();
    const newestParts = new Set(readPartTable(path.join(root, 'blocked'), fresh.manifest.newestPartPages).map((p) => termPartPath(p[1])));
    const olderParts = files.filter((f) => f.startsWith('terms-') && !newestParts.has(f));
    expect(olderParts).toHaveLength(1); // the part holding the older blocks' frequency of 中
    expect(files.filter((f) => newestParts.has(f)).length).toBeGreaterThan(0);
    expect(files.filter((f) => f.startsWith('post-') || f.startsWith('docs-'))).toEqual([fresh.manifest.docs.at(-1)!.file]);
    await steps.return(undefined);
  });

  it('answers from the newest block\'s parts alone while the older blocks\' parts are still on their way', async () => {
    const dir = path.join(root, 'blocked');
    const olderParts = new Set(readPartTable(dir, blocked.manifest.partPages).map((p) => termPartPath(p[1])));
    const rare = await rareTerm(blocked);
    for (const text of ['中国', '港', '北约', `${rare} 中国`, '-中国', '"中国政府"']) {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const files = fileIndexSource(dir);
      const held: string[] = [];
      const gated = await Searcher.open({
        bytes: async (file) => {
          if (olderParts.has(file)) {
            held.push(file);
            await gate;
          }
          return files.bytes(file);
        },
      });
      const steps = gated.searchProgressively({ text, limit: 1000 });
      const first = (await steps.next()).value!;
      expect(held.length, text).toBeGreaterThan(0); // asked for, not arrived
      expect(first.searched.articles, text).toBe(COUNT - (gated.manifest.docs.length - 1) * BLOCK);
      release();
      const rest: SearchResponse[] = [];
      for await (const step of steps) rest.push(step);
      const complete = await single.search({ text, limit: 1000 });
      const expected = await byId(single, complete);
      for (const step of [first, ...rest]) {
        for (const [id, score] of await byId(gated, step)) expect(score, `${text} ${id}`).toBeCloseTo(expected.get(id)!, 9);
      }
      expect(rest.at(-1)!.total, text).toBe(complete.total);
      expect(rest.at(-1)!.approximate, text).toBe(complete.approximate);
    }
  });

  it('answers a synonym group block by block when one of its forms is common', async () => {
    // nato is chunked (common) in this archive, 北约 rare: the clause matches wherever either does.
    expect((await blocked.reader.entry('nato'))!.postings).toBeNull();
    const steps = await collect('北约');
    expect(steps.length).toBeGreaterThan(1);
    expect(steps[0]!.searched.articles).toBeLessThan(blocked.manifest.articles);
    const expected = await byId(single, await single.search({ text: '北约', limit: 1000 }));
    const last = await byId(blocked, steps.at(-1)!);
    expect([...last.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [id, score] of last) expect(score, id).toBeCloseTo(expected.get(id)!, 9);
  });
});

/** A term with inline postings (rare) that also occurs outside the newest block. */
async function rareTerm(searcher: Searcher): Promise<string> {
  const newestFloor = (searcher.manifest.docs.length - 1) * BLOCK;
  for (let n = 0; n < newestFloor; n++) {
    const { title } = await searcher.fragment(n);
    for (const term of analyzeText(title)) {
      if (term.length !== 2 || !/\p{Script=Han}{2}/u.test(term)) continue;
      const entry = await searcher.reader.entry(term);
      if (entry?.postings && entry.postings.some((flat) => flat.length > 0 && flat[0]! < newestFloor)) return term;
    }
  }
  throw new Error('no rare term in the test archive');
}
