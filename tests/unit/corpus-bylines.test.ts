import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/generate-corpus.ts';
import { buildArchiveIndex } from '../../scripts/compiler/build-archive-index.ts';
import { fileIndexSource } from '../../scripts/lib/file-source.ts';
import { Searcher } from '../../src/lib/search/searcher.ts';

const NOW = Date.UTC(2026, 0, 1);
let root: string;
const dir = (name: string): string => path.join(root, name);

/** Relative path → text, for every file under `folder`. */
async function texts(folder: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(path.relative(folder, path.join(entry.parentPath, entry.name)), await readFile(path.join(entry.parentPath, entry.name), 'utf8'));
  }
  return files;
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'nas-bylines-'));
  await generateCorpus({ out: dir('plain'), count: 120, seed: 'bylines', workers: 0 });
  await generateCorpus({ out: dir('zero'), count: 120, seed: 'bylines', workers: 0, authors: 0, tags: 0 });
  await generateCorpus({ out: dir('named'), count: 120, seed: 'bylines', workers: 0, authors: 6, tags: 12 });
}, 120_000);
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('npm run corpus --authors N --tags N', () => {
  it('writes the same archive as before without them (or with 0)', async () => {
    expect(await texts(dir('zero'))).toEqual(await texts(dir('plain')));
  });

  it('changes only the front matter\'s author and tags lines', async () => {
    const plain = await texts(dir('plain'));
    const named = await texts(dir('named'));
    expect([...named.keys()]).toEqual([...plain.keys()]);
    let changed = 0;
    for (const [file, text] of named) {
      const strip = (t: string) => t.replace(/^author: .*$/m, '').replace(/^tags: .*$/m, '');
      expect(strip(text)).toBe(strip(plain.get(file)!));
      if (text !== plain.get(file)) changed++;
    }
    expect(changed).toBeGreaterThan(0);
  });

  it('gives an archive whose author and tag facets have several values each, within the pools', async () => {
    await buildArchiveIndex({ input: dir('named'), out: dir('index'), cache: false, workers: 1, now: NOW });
    const searcher = await Searcher.open(fileIndexSource(dir('index')));
    // The values files first: an answer counts the facets whose names are not loaded by code.
    await searcher.reader.facetValues();
    const { counts } = (await searcher.search({ text: '' })).facets;
    const authors = Object.keys(counts['author']!);
    const tags = Object.keys(counts['tag']!);
    expect(authors.length).toBeGreaterThanOrEqual(2);
    expect(authors.length).toBeLessThanOrEqual(6);
    // Up to 12 from front matter, and the "Post tags:" of the generated China Digital Times bodies.
    expect(tags.length).toBeGreaterThanOrEqual(2);
    const first = authors[0]!;
    const byAuthor = await searcher.search({ text: '', filters: { author: [first] } });
    expect(byAuthor.total).toBe(counts['author']![first]);
    const byTag = await searcher.search({ text: '', filters: { tag: [tags[0]!] } });
    expect(byTag.total).toBe(counts['tag']![tags[0]!]);
  });
});
