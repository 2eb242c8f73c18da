import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/generate-corpus.ts';
import { buildArchiveIndex } from '../../scripts/compiler/build-archive-index.ts';
import { fileIndexSource } from '../../scripts/lib/file-source.ts';
import { firstAnswerFiles } from '../../src/lib/search/query/first-parts.ts';
import { termPartPath } from '../../src/lib/search/format/index-format.ts';
import { partPagePath } from '../../src/lib/search/format/part-pages.ts';
import { readPartTable } from '../../scripts/lib/part-table.ts';
import { Searcher } from '../../src/lib/search/searcher.ts';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'nas-first-parts-'));
  await generateCorpus({ out: path.join(root, 'corpus'), count: 450, seed: 'first parts', workers: 0 });
  const now = Date.UTC(2026, 0, 1);
  await buildArchiveIndex({ input: path.join(root, 'corpus'), out: path.join(root, 'blocked'), blockSize: 100, chunkBytes: 100, cache: false, now });
  await buildArchiveIndex({ input: path.join(root, 'corpus'), out: path.join(root, 'single'), cache: false, now });
}, 120_000);
afterAll(() => rm(root, { recursive: true, force: true }));

/** The index files (not the manifest, not fragments) a fresh searcher reads up to its first answer to `text`, and the list. */
async function readForFirstAnswer(index: string, text: string) {
  const read = new Set<string>();
  let counting = true;
  const searcher = await Searcher.open(fileIndexSource(path.join(root, index), (file) => counting && read.add(file)));
  // As the head start does: the pages first, then with the pages read, the parts.
  const parsed = await searcher.parse(text);
  const pageFiles = firstAnswerFiles(searcher.manifest, parsed);
  const pages = searcher.manifest.newestPartPages;
  const listed = new Set(firstAnswerFiles(searcher.manifest, parsed, (p) => (pageFiles.includes(partPagePath(pages[p]![1])) ? readPartTable(path.join(root, index), [pages[p]!]) : undefined)));
  let hits = 0;
  // As the worker searches: the facet rows after the first results.
  for await (const step of searcher.searchProgressively({ text, limit: 10 }, { facetsLater: true })) {
    hits = step.hits.length;
    break;
  }
  counting = false;
  for (const file of read) if (file === 'manifest.json' || file.startsWith('a/')) read.delete(file);
  const older = searcher.manifest.partPages;
  const olderParts = new Set([...readPartTable(path.join(root, index), older).map(([, hash]) => termPartPath(hash)), ...older.map(([, hash]) => partPagePath(hash))]);
  const newestDocs = searcher.manifest.docs.at(-1)!.file;
  return { read, listed, hits, olderParts, newestDocs };
}

describe('firstAnswerFiles', () => {
  it('lists exactly what the first answer reads from an index of one block', async () => {
    for (const text of ['中国', '港', '美国 中国', '经济 -美国', '"政府表示"', 'trump', 'tru', '臺灣', '', '无此词', '美国 OR 经济', '港 OR trump']) {
      const { read, listed, hits, newestDocs } = await readForFirstAnswer('single', text);
      // A query without hits reads no docs block; the list names it anyway (every answer with hits needs it).
      if (hits === 0) read.add(newestDocs);
      expect(listed, text).toEqual(read);
    }
  });

  it("lists what a progressive search's first step reads of the newest block; the older vocabulary is asked for behind it", async () => {
    for (const text of ['中国', '表示', '港', '', '中国 OR 表示']) {
      const { read, listed, olderParts } = await readForFirstAnswer('blocked', text);
      const ofNewest = new Set([...read].filter((file) => !olderParts.has(file)));
      expect(listed, text).toEqual(ofNewest);
      for (const file of listed) expect(olderParts.has(file), file).toBe(false);
    }
  });
});
