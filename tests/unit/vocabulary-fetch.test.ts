import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildArchiveIndex } from '../../scripts/compiler/build-archive-index.ts';
import { generateCorpus } from '../../scripts/generate-corpus.ts';
import { fileIndexSource } from '../../scripts/lib/file-source.ts';
import { termPartPath } from '../../src/lib/search/format/index-format.ts';
import { isPackPath, packsOf } from '../../src/lib/search/format/term-packs.ts';
import { Searcher } from '../../src/lib/search/searcher.ts';
import { fetchVocabulary } from '../../src/worker/vocabulary-fetch.ts';

/**
 * The worker's vocabulary prefetch over a real index on disk (generated articles in blocks of 100:
 * an older and a newest vocabulary, both packed): what it puts in memory, and which files it asks for.
 */
let root: string;
let index: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'nas-vocabulary-fetch-'));
  index = path.join(root, 'index');
  await generateCorpus({ out: path.join(root, 'corpus'), count: 300, seed: 'vocabulary-fetch', workers: 0 });
  await buildArchiveIndex({ input: path.join(root, 'corpus'), out: index, blockSize: 100, cache: false, now: Date.UTC(2026, 0, 1) });
  // Node 20 has no `navigator`: the page's connection estimate is absent there, as in a browser without it.
  vi.stubGlobal('navigator', {});
}, 60_000);
afterAll(async () => {
  vi.unstubAllGlobals();
  await rm(root, { recursive: true, force: true });
});

/** Every part of both vocabularies, by path. */
async function allParts(opened: Searcher): Promise<string[]> {
  return [...(await opened.reader.allParts('newestParts')), ...(await opened.reader.allParts('parts'))].map(([, hash]) => termPartPath(hash));
}

describe('fetchVocabulary', () => {
  it('fetches the vocabulary in packs, and has each part’s bytes in memory exactly as its own file', async () => {
    const opened = await Searcher.open(fileIndexSource(index));
    expect(opened.manifest.termPacks?.vocabularies).toEqual(['newestParts', 'parts']);
    const asked: string[] = [];
    const prefetched = new Map<string, Promise<Uint8Array>>();
    const result = await fetchVocabulary(opened, 50_000_000, prefetched, async (file) => (asked.push(file), new Uint8Array(await readFile(path.join(index, file)))), { lastRanges: null, setQueue: () => undefined });
    const parts = await allParts(opened);
    expect(parts.length).toBeGreaterThan(16);
    expect(asked.every(isPackPath)).toBe(true);
    expect(asked.length).toBe(result.files);
    expect(asked.length).toBeLessThan(parts.length / 4);
    expect(result).toMatchObject({ scope: 'all', failed: 0 });
    expect([...prefetched.keys()].sort()).toEqual([...parts].sort());
    for (const part of parts) expect(Buffer.from(await prefetched.get(part)!)).toEqual(await readFile(path.join(index, part)));
  });

  it('forgets the parts of a pack that is not what its name says, keeps the rest, and never replaces a part had already', async () => {
    const opened = await Searcher.open(fileIndexSource(index));
    const parts = await allParts(opened);
    const [first, second] = packsOf(opened.manifest.newestPartPages, await opened.reader.allParts('newestParts'));
    // A part a search fetched itself before the prefetch (in the first pack).
    const had = termPartPath(first!.hashes[0]!);
    const own = Promise.resolve(Uint8Array.of(1, 2, 3));
    const prefetched = new Map([[had, own]]);
    // The second pack comes back with the first one's bytes (a damaged or stale file under its name).
    const read = (file: string) => readFile(path.join(index, file === second!.path ? first!.path : file)).then((bytes) => new Uint8Array(bytes));
    const result = await fetchVocabulary(opened, 50_000_000, prefetched, read, { lastRanges: null, setQueue: () => undefined });
    expect(result.failed).toBe(1);
    expect(prefetched.get(had)).toBe(own);
    expect(parts.filter((part) => !prefetched.has(part)).sort()).toEqual(second!.hashes.map(termPartPath).sort());
    for (const part of parts.filter((p) => prefetched.has(p) && p !== had)) expect(Buffer.from(await prefetched.get(part)!)).toEqual(await readFile(path.join(index, part)));
  });
});
