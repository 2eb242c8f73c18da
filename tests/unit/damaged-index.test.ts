import { cp, mkdtemp, readdir, readFile, rm, truncate, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArchiveIndex } from '../../scripts/compiler/build-archive-index.ts';
import { fileIndexSource } from '../../scripts/lib/file-source.ts';
import { readPartTable } from '../../scripts/lib/part-table.ts';
import type { Manifest } from '../../src/lib/search/format/index-format.ts';
import { partPagePath } from '../../src/lib/search/format/part-pages.ts';
import { Searcher } from '../../src/lib/search/searcher.ts';
import { IndexError } from '../../src/lib/search/types.ts';
import { FIXTURES } from '../helpers/paths.ts';
import { runScript } from '../helpers/run-script.ts';

let tmp: string;
let index: string;
let manifest: Manifest;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'nas-damaged-'));
  index = path.join(tmp, 'index');
  await buildArchiveIndex({ input: FIXTURES, out: index, cache: false, now: Date.UTC(2026, 0, 1) });
  manifest = JSON.parse(await readFile(path.join(index, 'manifest.json'), 'utf8')) as Manifest;
}, 60_000);
afterAll(() => rm(tmp, { recursive: true, force: true }));

let copies = 0;
/** A copy of the fixture index with `damage` done to it. */
async function damagedCopy(damage: (dir: string) => Promise<void>): Promise<string> {
  const dir = path.join(tmp, `copy-${++copies}`);
  await cp(index, dir, { recursive: true });
  await damage(dir);
  return dir;
}

/** The newest vocabulary's part files, in table order (the fixture index has two). */
const partFiles = () => readPartTable(index, manifest.newestPartPages).map(([, hash]) => `terms-${hash}.bin`);
/** The newest vocabulary's part table page (the fixture index has one). */
const pageFile = () => partPagePath(manifest.newestPartPages[0]![1]);
/** A query whose term lives in the second part (`香港` sorts after its first term `论复`). */
const SECOND_PART_QUERY = '香港';

async function rejection(dir: string, text: string, verifyContent = false): Promise<IndexError> {
  try {
    const searcher = await Searcher.open({ ...fileIndexSource(dir), verifyContent });
    const response = await searcher.search({ text });
    await searcher.results(response.hits);
  } catch (error) {
    expect(error).toBeInstanceOf(IndexError);
    return error as IndexError;
  }
  throw new Error(`searching ${text} in ${dir} did not fail`);
}

describe('the loader on a damaged index', () => {
  it('has the premise: one part table page listing two newest parts, and the query reads the second', () => {
    expect(manifest.newestPartPages.length).toBe(1);
    const parts = readPartTable(index, manifest.newestPartPages);
    expect(parts.length).toBe(2);
    expect(parts[1]![0] <= SECOND_PART_QUERY).toBe(true);
  });

  it('calls a part table page that disagrees with its manifest entry, or is not one, a damaged index', async () => {
    const fewer = await damagedCopy(async (d) => {
      const [page] = manifest.newestPartPages;
      await writeFile(path.join(d, 'manifest.json'), JSON.stringify({ ...manifest, newestPartPages: [[page![0], page![1], 3, page![3]]] }));
    });
    const error = await rejection(fewer, SECOND_PART_QUERY);
    expect(error.reason).toBe('damaged');
    expect(error.message).toContain(`${pageFile()} is corrupt (lists 2 parts, the manifest says 3)`);
    const garbage = await damagedCopy((d) => writeFile(path.join(d, pageFile()), gzipSync('["not", "a page"]')));
    expect((await rejection(garbage, SECOND_PART_QUERY)).message).toContain(`${pageFile()} is corrupt`);
    const missing = await damagedCopy((d) => unlink(path.join(d, pageFile())));
    const unavailable = await rejection(missing, SECOND_PART_QUERY);
    expect(unavailable.reason).toBe('unavailable');
    expect(unavailable.file).toBe(pageFile());
  });

  it('calls another part’s bytes under a part’s name a damaged index, without the content hash check', async () => {
    const [first, second] = partFiles();
    const dir = await damagedCopy(async (d) => writeFile(path.join(d, second!), await readFile(path.join(d, first!))));
    const error = await rejection(dir, SECOND_PART_QUERY);
    expect(error.reason).toBe('damaged');
    expect(error.message).toContain(`${second} is corrupt (its terms are not in the range the manifest gives it)`);
  });

  it('with content checks on, names a part whose bytes are not the ones its name promises', async () => {
    const [first, second] = partFiles();
    const dir = await damagedCopy(async (d) => writeFile(path.join(d, first!), await readFile(path.join(d, second!))));
    const error = await rejection(dir, 'covid', true);
    expect(error.message).toBe(`load-index: ${first} does not hold the bytes its name promises: the index is damaged; rebuild it`);
  });

  it('refuses a manifest declaring two billion article numbers before allocating anything, as a damaged index', async () => {
    const dir = await damagedCopy(async (d) => writeFile(path.join(d, 'manifest.json'), JSON.stringify({ ...manifest, slots: 2e9 })));
    const error = await rejection(dir, '香港');
    expect(error.reason).toBe('damaged');
    expect(error.message).toMatch(/^load-index: manifest\.json declares slots: 2000000000 \(a whole number up to \d+ expected\): the index is damaged/);
  });

  it('refuses counts that disagree with the docs blocks listed, and part tables out of order', async () => {
    const blocks = await damagedCopy(async (d) => writeFile(path.join(d, 'manifest.json'), JSON.stringify({ ...manifest, slots: 5_000_000 })));
    expect((await rejection(blocks, '香港')).message).toContain('lists 1 docs blocks for 5000000 article numbers');
    const page = manifest.newestPartPages[0]!;
    const order = await damagedCopy(async (d) => writeFile(path.join(d, 'manifest.json'), JSON.stringify({ ...manifest, newestPartPages: [page, page] })));
    expect((await rejection(order, '香港')).message).toContain('lists its newestPartPages out of order at entry 1');
    const empty = await damagedCopy(async (d) => writeFile(path.join(d, 'manifest.json'), JSON.stringify({ ...manifest, newestPartPages: [[page[0], page[1], 0, page[3]]] })));
    expect((await rejection(empty, '香港')).message).toContain('has an invalid newestPartPages entry 0');
    const negative = await damagedCopy(async (d) => writeFile(path.join(d, 'manifest.json'), JSON.stringify({ ...manifest, blockSize: -1 })));
    expect((await rejection(negative, '香港')).reason).toBe('damaged');
  });

  it('tells a file that cannot be read (unavailable) from one that is damaged', async () => {
    const [, second] = partFiles();
    const dir = await damagedCopy((d) => unlink(path.join(d, second!)));
    const error = await rejection(dir, SECOND_PART_QUERY);
    expect(error.reason).toBe('unavailable');
    expect(error.file).toBe(second);
  });

  it('calls a fragment without its fields a damaged index', async () => {
    const dir = await damagedCopy(async (d) => {
      for (const name of await readdir(path.join(d, 'a'))) await writeFile(path.join(d, 'a', name), '{"id": 3}');
    });
    const error = await rejection(dir, '香港');
    expect(error.reason).toBe('damaged');
    expect(error.message).toMatch(/^load-index: a\/\d+\.json is not an article fragment/);
  });
});

describe('npm run search on a damaged index: exit 2 and one sentence, never a stack trace', () => {
  const cases: Array<[string, (dir: string) => Promise<void>]> = [
    ['a missing manifest', (d) => unlink(path.join(d, 'manifest.json'))],
    ['a manifest that is not JSON', (d) => writeFile(path.join(d, 'manifest.json'), '{"version": 3, "parts": [')],
    ['a forged manifest', (d) => writeFile(path.join(d, 'manifest.json'), JSON.stringify({ ...manifest, slots: 2e9 }))],
    ['a missing part', (d) => unlink(path.join(d, partFiles()[1]!))],
    ['a missing part table page', (d) => unlink(path.join(d, pageFile()))],
    ['a part table page of garbage', (d) => writeFile(path.join(d, pageFile()), Buffer.from('garbage, not gzip or a page'))],
    ['a part cut to 10 bytes', (d) => truncate(path.join(d, partFiles()[1]!), 10)],
    ['a part of garbage', (d) => writeFile(path.join(d, partFiles()[1]!), Buffer.from('garbage, not gzip or a part'))],
    ['another part’s bytes under a part’s name', async (d) => writeFile(path.join(d, partFiles()[1]!), await readFile(path.join(d, partFiles()[0]!)))],
    ['a missing docs block', (d) => unlink(path.join(d, manifest.docs[0]!.file))],
    ['a docs block cut to 10 bytes', (d) => truncate(path.join(d, manifest.docs[0]!.file), 10)],
    ['a missing facet rows file', (d) => unlink(path.join(d, manifest.docs[0]!.facets))],
    ['facet rows under a docs block’s name', async (d) => writeFile(path.join(d, manifest.docs[0]!.file), await readFile(path.join(d, manifest.docs[0]!.facets)))],
    ['missing article fragments', (d) => rm(path.join(d, 'a'), { recursive: true })],
    ['article fragments of garbage', async (d) => {
      for (const name of await readdir(path.join(d, 'a'))) await writeFile(path.join(d, 'a', name), 'garbage');
    }],
  ];
  for (const [what, damage] of cases) {
    it(`exits 2 naming the file for ${what}`, async () => {
      const dir = await damagedCopy(damage);
      for (const args of [[SECOND_PART_QUERY], ['--json', SECOND_PART_QUERY]]) {
        const { code, stderr } = await runScript('search.ts', ['--index', dir, ...args]);
        expect(code).toBe(2);
        expect(stderr).toMatch(/^search: the index cannot be used: load-index: \S.*\n$/);
        expect(stderr).not.toMatch(/\n\s+at /);
      }
    });
  }
});
