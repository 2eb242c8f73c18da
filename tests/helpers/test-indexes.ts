import path from 'node:path';
import { generateCorpus } from '../../scripts/generate-corpus.ts';
import { buildArchiveIndex } from '../../scripts/compiler/build-archive-index.ts';
import { FIXTURES } from './paths.ts';

/**
 * Builds two indexes under `root`: `fixtures` (the hand-written articles, one block) and `blocked`
 * (300 generated articles in blocks of 100, chunks of 100 bytes: parts with chunked terms and
 * with the newest vocabulary's own frequencies). Deterministic for a given `seed`.
 */
export async function buildTestIndexes(root: string, seed: string): Promise<void> {
  const now = Date.UTC(2026, 0, 1);
  await buildArchiveIndex({ input: FIXTURES, out: path.join(root, 'fixtures'), cache: false, now });
  await generateCorpus({ out: path.join(root, 'corpus'), count: 300, seed, workers: 0 });
  await buildArchiveIndex({ input: path.join(root, 'corpus'), out: path.join(root, 'blocked'), blockSize: 100, chunkBytes: 100, cache: false, now });
}
