import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IndexFile, Manifest } from '../../src/lib/search/format/index-format.ts';
import { writeIndex } from '../../scripts/compiler/write-index.ts';

let out: string;
beforeEach(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'nas-write-'));
});
afterEach(async () => {
  await rm(out, { recursive: true, force: true });
});

/** Just enough of a manifest for the writer (it fills in the sizes of docs and part table pages): one page listing `part`. */
function manifestFor(part: string): Manifest {
  return { docs: [{ file: 'docs-00000001.bin', bytes: 0 }], columns: [], partPages: [['a', '0000000g', 1, 0]], newestPartPages: [] } as unknown as Manifest;
}
/** The page `manifestFor` lists. */
const pageOf = (part: string): IndexFile => ({ path: 'dir-0000000g.bin', data: JSON.stringify([['a', part]]), gzip: true });

function* files(list: IndexFile[], manifest: Manifest, before?: (k: number) => void): Generator<IndexFile, Manifest> {
  for (let k = 0; k < list.length; k++) {
    before?.(k);
    yield list[k]!;
  }
  return manifest;
}

const fragments = (n: number): IndexFile[] => Array.from({ length: n }, (_, i) => ({ path: `a/${i}.json`, data: `{"n":${i}}`, gzip: false }));

describe('writeIndex', () => {
  it('writes plain and gzip files and the manifest with the gzip sizes', async () => {
    const part = { path: 'terms-0000000p.bin', data: new Uint8Array(5000).fill(7), gzip: true };
    const docs = { path: 'docs-00000001.bin', data: Uint8Array.of(1, 2, 3), gzip: true };
    const { report } = await writeIndex(out, files([part, pageOf('0000000p'), docs, ...fragments(3)], manifestFor('0000000p')));
    expect(gunzipSync(await readFile(path.join(out, part.path)))).toEqual(Buffer.from(part.data));
    expect(await readFile(path.join(out, 'a/2.json'), 'utf8')).toBe('{"n":2}');
    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
    // A page's bytes: its parts' (gzip) and its own.
    const partBytes = (await readFile(path.join(out, part.path))).length;
    expect(partBytes).toBeLessThan(100);
    expect(manifest.partPages[0]![3]).toBe(partBytes + (await readFile(path.join(out, 'dir-0000000g.bin'))).length);
    expect(manifest.docs[0]!.bytes).toBe((await readFile(path.join(out, docs.path))).length);
    expect(report).toMatchObject({ written: 6, unchanged: 0, removed: 0 });
  });

  it('ends a deflate block at each of a gzip file\'s `blocks`: the same bytes back, fewer of them for columns unlike each other, the same file each time', async () => {
    // Two columns of one varint byte a row, each with its own few values.
    const rows = 4000;
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const data = Uint8Array.from({ length: 2 * rows }, (_, i) => (i < rows ? Math.floor(random() * 4) : 40 + Math.floor(random() * 90)));
    const write = async (dir: string, blocks?: number[]) => {
      await writeIndex(dir, files([{ path: 'docs-00000001.bin', data, gzip: true, ...(blocks ? { blocks } : {}) }], manifestFor('x')));
      return readFile(path.join(dir, 'docs-00000001.bin'));
    };
    const inBlocks = await write(out, [rows]);
    expect(gunzipSync(inBlocks)).toEqual(Buffer.from(data));
    const again = await mkdtemp(path.join(os.tmpdir(), 'nas-write-'));
    const plain = await mkdtemp(path.join(os.tmpdir(), 'nas-write-'));
    try {
      expect(await write(again, [rows])).toEqual(inBlocks);
      expect(inBlocks.length).toBeLessThan((await write(plain)).length);
    } finally {
      await rm(again, { recursive: true, force: true });
      await rm(plain, { recursive: true, force: true });
    }
  });

  it('keeps no more than `concurrency` files unfinished while it takes the next', async () => {
    const list = fragments(40);
    const behind: number[] = [];
    await writeIndex(
      out,
      files(list, manifestFor('x'), (k) => {
        let done = 0;
        try {
          done = readdirSync(path.join(out, 'a')).length;
        } catch {
          // the folder is made with the first file
        }
        behind.push(k - done);
      }),
      3,
    );
    expect(Math.max(...behind)).toBeLessThanOrEqual(3);
    expect((await readdir(path.join(out, 'a'))).length).toBe(40);
  });

  it('writes a path that comes twice once, with the first bytes', async () => {
    const { report } = await writeIndex(out, files([{ path: 'a/0.json', data: 'first', gzip: false }, { path: 'a/0.json', data: 'second', gzip: false }], manifestFor('x')));
    expect(await readFile(path.join(out, 'a/0.json'), 'utf8')).toBe('first');
    expect(report.written).toBe(1);
  });

  it('on a rebuild, leaves same files alone and removes index files no longer used', async () => {
    await writeIndex(out, files([...fragments(3), { path: 'post-00000abc.bin', data: Uint8Array.of(1), gzip: true }], manifestFor('x')));
    await writeFile(path.join(out, 'notes.txt'), 'mine');
    const changed: IndexFile[] = [fragments(1)[0]!, { path: 'a/1.json', data: 'new', gzip: false }];
    const { report } = await writeIndex(out, files(changed, manifestFor('x')));
    expect(report).toMatchObject({ written: 1, unchanged: 1, removed: 2 });
    expect((await readdir(out)).sort()).toEqual(['a', 'manifest.json', 'notes.txt']);
    expect(await readFile(path.join(out, 'a/1.json'), 'utf8')).toBe('new');
  });

  it('names the folder when it cannot write, and lets the encoder’s own errors through', async () => {
    const blocked = path.join(out, 'file');
    await writeFile(blocked, 'not a folder');
    await expect(writeIndex(blocked, files(fragments(1), manifestFor('x')))).rejects.toThrow(/^Cannot write the index to .*file: /);
    function* broken(): Generator<IndexFile, Manifest> {
      yield* fragments(2);
      throw new Error('encoder bug');
    }
    await expect(writeIndex(path.join(out, 'ok'), broken())).rejects.toThrow(/^encoder bug$/);
  });
});

describe('writeIndex: an index that heals', () => {
  const part = (): IndexFile => ({ path: 'terms-0000000p.bin', data: new Uint8Array(5000).fill(7), gzip: true });

  it('rewrites a content-hashed file cut short or damaged under its name, and counts it', async () => {
    await writeIndex(out, files([part(), fragments(1)[0]!], manifestFor('0000000p')));
    const target = path.join(out, 'terms-0000000p.bin');
    const whole = await readFile(target);
    await writeFile(target, whole.subarray(0, 10));
    const cut = await writeIndex(out, files([part(), fragments(1)[0]!], manifestFor('0000000p')));
    expect(cut.report).toMatchObject({ written: 1, repaired: 1, unchanged: 1 });
    expect(await readFile(target)).toEqual(whole);
    await writeFile(target, Buffer.from('not gzip at all'));
    expect((await writeIndex(out, files([part()], manifestFor('0000000p')))).report).toMatchObject({ written: 1, repaired: 1 });
    expect(gunzipSync(await readFile(target))).toEqual(Buffer.from(new Uint8Array(5000).fill(7)));
  });

  it('keeps a whole file as it is, without writing it', async () => {
    await writeIndex(out, files([part()], manifestFor('0000000p')));
    const { report } = await writeIndex(out, files([part()], manifestFor('0000000p')));
    expect(report).toMatchObject({ written: 0, repaired: 0, unchanged: 1 });
  });

  it('writes through a temporary name, and removes what a crash left half-written', async () => {
    await writeFile(path.join(out, 'terms-0000000q.bin.partial'), 'torn');
    await writeFile(path.join(out, 'manifest.json.partial'), '{"torn":');
    await writeIndex(out, files([part(), ...fragments(2)], manifestFor('0000000p')));
    expect((await readdir(out)).sort()).toEqual(['a', 'manifest.json', 'terms-0000000p.bin']);
    expect((await readdir(path.join(out, 'a'))).sort()).toEqual(['0.json', '1.json']);
  });
});
