import { stat } from 'node:fs/promises';
import os from 'node:os';
import { buildIndex, type BuildOptions } from '../../src/lib/search/build-index.ts';
import { loadFoldingTable } from '../../src/lib/search/fold.ts';
import type { Manifest } from '../../src/lib/search/index-format.ts';
import { cleanArticleBody } from '../../src/lib/article/clean-body.ts';
import { compileArchive, type CompileReport } from './compile-archive.ts';
import { createDomEnv } from './dom-env.ts';
import { writeIndex } from './write-index.ts';

export interface BuildArchiveOptions extends BuildOptions {
  input: string;
  /** Compile in this many worker threads (default: one per CPU core). */
  workers?: number;
  out: string;
  onProgress?: (done: number, total: number) => void;
  /** "Now" for date plausibility checks; fixed in tests. */
  now?: number;
}

/**
 * The whole build, importable: compile the archive under `input`, build the index, write it to
 * `out`. Throws (with one sentence) only for a missing or empty input folder or an unwritable
 * output; bad files are skips in the report.
 */
export async function buildArchiveIndex(options: BuildArchiveOptions): Promise<{ report: CompileReport; manifest: Manifest; bytes: number }> {
  const info = await stat(options.input).catch(() => null);
  if (!info?.isDirectory()) throw new Error(`The input folder ${options.input} does not exist or is not a folder.`);
  await loadFoldingTable();
  // The DOM for compiling in this thread is made only if no worker threads take the files.
  let env: ReturnType<typeof createDomEnv> | undefined;
  const { articles, report } = await compileArchive({
    input: options.input,
    now: options.now,
    onProgress: options.onProgress,
    cleanBody: (html, context) => cleanArticleBody(html, { ...(env ??= createDomEnv()), ...context }),
    // A worker costs a jsdom start-up (~0.3 s): worth it from a few hundred files on.
    workers: options.workers ?? os.availableParallelism(),
    minFilesPerWorker: 200,
  });
  env?.close();
  if (report.files === 0) {
    throw new Error(`The input folder ${options.input} holds no article files (.md, .markdown, .txt, .html).`);
  }
  const { manifest, files } = buildIndex(articles, options);
  let bytes: number;
  try {
    bytes = await writeIndex(options.out, manifest, files);
  } catch (error) {
    throw new Error(`Cannot write the index to ${options.out}: ${(error as Error).message}`);
  }
  return { report, manifest, bytes };
}
