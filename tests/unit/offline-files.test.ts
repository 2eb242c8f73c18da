import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/generate-corpus.ts';
import { buildArchiveIndex } from '../../scripts/compiler/build-archive-index.ts';
import { inflate } from '../../src/lib/search/format/inflate.ts';
import { chunkPath, termPartPath, type Manifest } from '../../src/lib/search/format/index-format.ts';
import { TermPart } from '../../src/lib/search/format/term-part.ts';
import { buildOfKey, indexFileKind, perBuildKey } from '../../src/offline/archive-files.ts';

/** What "keep this archive offline" reads to know what to fetch (src/offline/keep-worker.ts). */
let root: string;
let out: string;
let manifest: Manifest;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'nas-offline-'));
  out = path.join(root, 'index');
  await generateCorpus({ out: path.join(root, 'corpus'), count: 300, seed: 'offline', workers: 0 });
  // Blocks of 100 numbers and tiny chunks: common terms have chunk files in the older blocks.
  await buildArchiveIndex({ input: path.join(root, 'corpus'), out, blockSize: 100, chunkBytes: 100, cache: false, now: Date.UTC(2026, 0, 1) });
  manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
}, 120_000);
afterAll(() => rm(root, { recursive: true, force: true }));

async function sizeOf(files: string[]): Promise<number> {
  let total = 0;
  for (const file of files) total += (await stat(path.join(out, file))).size;
  return total;
}

describe('the files a kept archive needs', () => {
  it('finds every chunk file of the index in its vocabulary parts, and names none that is missing', async () => {
    const named = new Set<string>();
    for (const [, hash] of [...manifest.parts, ...manifest.newestParts]) {
      const part = new TermPart(await inflate(await readFile(path.join(out, termPartPath(hash)))), manifest.fields.length);
      for (const chunk of part.chunkHashes()) named.add(chunkPath(chunk));
    }
    const written = (await readdir(out)).filter((file) => file.startsWith('post-')).sort();
    expect(written.length).toBeGreaterThan(0);
    expect([...named].sort()).toEqual(written);
  });

  it('has the manifest say the bytes of the chunks, fragments and bodies before any is fetched', async () => {
    const top = await readdir(out);
    expect(manifest.sizes).toEqual({
      postings: await sizeOf(top.filter((file) => file.startsWith('post-'))),
      fragments: await sizeOf((await readdir(path.join(out, 'a'))).map((file) => `a/${file}`)),
      bodies: await sizeOf((await readdir(path.join(out, 'h'))).map((file) => `h/${file}`)),
    });
  });
});

describe('index files and their versions', () => {
  it('tells content-hashed files from per-build ones and the manifest', () => {
    expect(indexFileKind('manifest.json')).toBe('manifest');
    expect(indexFileKind('terms-1v6vm3s1.bin')).toBe('hashed');
    expect(indexFileKind('docs-abc.bin')).toBe('hashed');
    expect(indexFileKind('post-0z9.bin')).toBe('hashed');
    expect(indexFileKind('a/12.json')).toBe('per-build');
    expect(indexFileKind('h/12.html')).toBe('per-build');
    expect(indexFileKind('ids/x.json')).toBe('per-build');
    expect(indexFileKind('.cache/x.json')).toBe('other');
    expect(indexFileKind('a/../manifest.json')).toBe('other');
  });

  it('keys a per-build file by its build, and reads the build back', () => {
    const key = perBuildKey('https://host/archive/data/a/12.json', 'k3x9');
    expect(key).toBe('https://host/archive/data/a/12.json?build=k3x9');
    expect(buildOfKey(key)).toBe('k3x9');
    expect(perBuildKey('https://host/archive/data/a/12.json', 'other')).not.toBe(key);
  });
});
