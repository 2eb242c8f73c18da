import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IndexFile, Manifest, TermPartEntry } from '../../src/lib/search/format/index-format.ts';
import type { PartPageEntry } from '../../src/lib/search/format/part-pages.ts';
import { decodePack, encodePack, isPackPath, PACK_PARTS, PACKED_VOCABULARY_LIMIT, packedVocabularies, packPath, packsOf } from '../../src/lib/search/format/term-packs.ts';
import { VOCABULARY_BUDGET } from '../../src/ui/state/vocabulary-prefetch-once.ts';
import { scaledBudget } from '../../src/worker/prefetch-queue.ts';
import { writeIndex } from '../../scripts/compiler/write-index.ts';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('vocabulary packs: the file', () => {
  it('gives back each part’s bytes by hash, in order', () => {
    const pack = encodePack([
      { hash: 'aaaaaaaa', bytes: bytes(1, 2, 3) },
      { hash: 'bbbbbbbb', bytes: bytes() },
      { hash: 'cccccccc', bytes: new Uint8Array(300).fill(9) },
    ]);
    const parts = decodePack(pack, ['aaaaaaaa', 'bbbbbbbb', 'cccccccc']);
    expect([...parts.keys()]).toEqual(['aaaaaaaa', 'bbbbbbbb', 'cccccccc']);
    expect(parts.get('aaaaaaaa')).toEqual(bytes(1, 2, 3));
    expect(parts.get('bbbbbbbb')).toEqual(bytes());
    expect(parts.get('cccccccc')).toEqual(new Uint8Array(300).fill(9));
  });

  it('refuses another file, one cut short or with bytes left over, and a pack of other parts than asked for', () => {
    const pack = encodePack([{ hash: 'aaaaaaaa', bytes: bytes(1, 2, 3) }]);
    expect(() => decodePack(bytes(0x1f, 0x8b, 8, 0))).toThrow(/not a vocabulary pack/);
    expect(() => decodePack(pack.subarray(0, pack.length - 1))).toThrow(RangeError);
    expect(() => decodePack(Uint8Array.from([...pack, 0]))).toThrow(/longer than its header/);
    expect(() => decodePack(pack, ['bbbbbbbb'])).toThrow(/other parts/);
    expect(() => decodePack(pack, ['aaaaaaaa', 'bbbbbbbb'])).toThrow(/other parts/);
  });
});

describe('vocabulary packs: which parts', () => {
  const table = (n: number): TermPartEntry[] => Array.from({ length: n }, (_, i) => [`t${String(i).padStart(4, '0')}`, i.toString(36).padStart(8, '0')]);

  it('cuts each page’s parts into runs of PACK_PARTS, never across pages, every part once', () => {
    const parts = table(30);
    const pages: PartPageEntry[] = [
      [parts[0]![0], 'p1', 20, 0],
      [parts[20]![0], 'p2', 10, 0],
    ];
    const packs = packsOf(pages, parts);
    expect(packs.map((p) => p.hashes.length)).toEqual([8, 8, 4, 8, 2]);
    expect(packs.map((p) => p.first)).toEqual([0, 8, 16, 20, 28]);
    expect(packs.flatMap((p) => p.hashes)).toEqual(parts.map(([, hash]) => hash));
    expect(packs.every((p) => isPackPath(p.path) && p.path === packPath(p.hashes))).toBe(true);
    expect(PACK_PARTS).toBe(8);
  });

  it('names a pack by its parts: the same parts the same name, one part changed another name', () => {
    const parts = table(16);
    const pages: PartPageEntry[] = [[parts[0]![0], 'p', 16, 0]];
    const changed = parts.map((entry, i): TermPartEntry => (i === 3 ? [entry[0], 'zzzzzzzz'] : entry));
    const [a, b] = [packsOf(pages, parts), packsOf(pages, changed)];
    expect(b[0]!.path).not.toBe(a[0]!.path);
    expect(b[1]!.path).toBe(a[1]!.path);
  });

  it('packs the older blocks’ parts only when the whole vocabulary fits the largest prefetch budget', () => {
    expect(PACKED_VOCABULARY_LIMIT).toBe(scaledBudget(VOCABULARY_BUDGET, { downlink: 10 }));
    expect(packedVocabularies(5e6, 0)).toEqual(['newestParts']);
    expect(packedVocabularies(5e6, 4e6)).toEqual(['newestParts', 'parts']);
    expect(packedVocabularies(8e6, PACKED_VOCABULARY_LIMIT - 8e6 + 1)).toEqual(['newestParts']);
  });
});

describe('vocabulary packs: the writer', () => {
  let out: string;
  beforeEach(async () => {
    out = await mkdtemp(path.join(os.tmpdir(), 'nas-packs-'));
  });
  afterEach(async () => {
    await rm(out, { recursive: true, force: true });
  });

  /** An index of newest parts named `hashes` (each of its own bytes) on one page, and one older part on another. */
  function index(hashes: string[]): { files: IndexFile[]; manifest: Manifest; hashes: string[] } {
    const files: IndexFile[] = hashes.map((hash) => ({ path: `terms-${hash}.bin`, data: new Uint8Array(50 + parseInt(hash, 36) % 200).fill(parseInt(hash, 36) % 256), gzip: true }));
    files.push({ path: 'terms-older000.bin', data: bytes(7), gzip: true });
    files.push({ path: 'dir-newest00.bin', data: JSON.stringify(hashes.map((hash, i) => [`t${i}`, hash])), gzip: true });
    files.push({ path: 'dir-older000.bin', data: JSON.stringify([['', 'older000']]), gzip: true });
    const manifest = {
      docs: [],
      columns: [],
      partPages: [['', 'older000', 1, 0]],
      newestPartPages: [['t0', 'newest00', hashes.length, 0]],
    } as unknown as Manifest;
    return { files, manifest, hashes };
  }
  const named = (n: number, from = 0) => Array.from({ length: n }, (_, i) => (from + i).toString(36).padStart(8, '0'));
  function* generate(files: IndexFile[], manifest: Manifest): Generator<IndexFile, Manifest> {
    yield* files;
    return manifest;
  }

  it('writes each pack with its parts’ files exactly as written (gzip), and says so in the manifest', async () => {
    const { files, manifest, hashes } = index(named(11));
    const written = await writeIndex(out, generate(files, manifest));
    expect(written.manifest.termPacks).toEqual({ parts: PACK_PARTS, vocabularies: ['newestParts', 'parts'] });
    const names = (await readdir(out)).filter(isPackPath).sort();
    const expected = [packPath(hashes.slice(0, 8)), packPath(hashes.slice(8)), packPath(['older000'])].sort();
    expect(names).toEqual(expected);
    const first = decodePack(await readFile(path.join(out, packPath(hashes.slice(0, 8)))), hashes.slice(0, 8));
    for (const hash of hashes.slice(0, 8)) expect(Buffer.from(first.get(hash)!)).toEqual(await readFile(path.join(out, `terms-${hash}.bin`)));
    // Read back from disk, the manifest says the same.
    expect((JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as Manifest).termPacks).toEqual(written.manifest.termPacks);
  });

  it('leaves a pack whose parts did not change alone on a rebuild, and removes the packs no longer made', async () => {
    const first = index(named(11));
    await writeIndex(out, generate(first.files, first.manifest));
    const before = (await readdir(out)).filter(isPackPath);
    // The last three parts change (new content, new names): the second pack is another; the first stays.
    const { files, manifest, hashes } = index([...named(8), ...named(3, 500)]);
    const { report } = await writeIndex(out, generate(files, manifest));
    const after = (await readdir(out)).filter(isPackPath);
    expect(after).toContain(packPath(hashes.slice(0, 8)));
    expect(after).toContain(packPath(hashes.slice(8)));
    expect(after).not.toContain(packPath(first.hashes.slice(8)));
    expect(after.length).toBe(before.length);
    expect(report.unchanged).toBeGreaterThan(0);
    // A vocabulary of other parts: every old pack goes.
    const other = index(named(5, 900));
    await writeIndex(out, generate(other.files, other.manifest));
    const last = (await readdir(out)).filter(isPackPath);
    expect(last.sort()).toEqual([packPath(other.hashes), packPath(['older000'])].sort());
  });
});
