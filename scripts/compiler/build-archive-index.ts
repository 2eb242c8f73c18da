import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type BuildOptions, indexFiles } from '../../src/lib/search/build/index.ts';
import { loadFoldingTable } from '../../src/lib/search/index.ts';
import type { Manifest } from '../../src/lib/search/index.ts';
import { cleanArticleBody } from '../../src/lib/article/clean-body.ts';
import { CompileCache, type CacheReport } from './compile-cache.ts';
import { compileArchive, type CompileReport } from './compile-archive.ts';
import type { DomEnv } from '../lib/dom-env.ts';
import { readPreviousIndex } from './previous-index.ts';
import { writeIndex, type WriteReport } from './write-index.ts';

export interface BuildArchiveOptions extends Omit<BuildOptions, 'previous'> {
  input: string;
  /** Compile in this many worker threads (default: one per CPU core). */
  workers?: number;
  out: string;
  /**
   * Folder of the compile cache (default {@link defaultCacheDir}); false compiles every file and
   * stores nothing. Never inside `out`, the folder that is published.
   */
  cache?: string | false;
  /** Ignore the index already in `out`: number articles afresh by date and cut parts anew. */
  fresh?: boolean;
  onProgress?: (done: number, total: number) => void;
  /** "Now" for date plausibility checks; fixed in tests. */
  now?: number;
}

/** What a build did, beyond the compile report. */
export interface BuildArchiveResult {
  report: CompileReport;
  manifest: Manifest;
  /** Bytes of the index folder. */
  bytes: number;
  write: WriteReport;
  /** How the compile cache served (all zeros without one). */
  cache: CacheReport;
  /** True when article numbers and part boundaries came from the index already in `out`. */
  incremental: boolean;
  /** The compile cache's folder (undefined with `cache: false`). */
  cacheDir?: string;
}

/**
 * Default compile-cache folder of an output folder, never inside it (it would be published):
 * `node_modules/.cache/news-archive-search/<name>-<hash of out's absolute path>` under the working
 * directory (where bundlers keep their caches, ignored by git and by Jekyll and Hugo), or under the
 * user's cache folder when that would be inside `out` (`--out .`).
 *
 * @example defaultCacheDir('_site/search') // '/site/node_modules/.cache/news-archive-search/search-1a2b3c4d'
 */
export function defaultCacheDir(out: string, cwd: string = process.cwd()): string {
  const absolute = path.resolve(cwd, out);
  const key = `${path.basename(absolute) || 'root'}-${createHash('sha1').update(absolute).digest('hex').slice(0, 8)}`;
  const local = path.join(cwd, 'node_modules', '.cache', 'news-archive-search', key);
  if (!isInside(local, absolute)) return local;
  const userCache = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(userCache, 'news-archive-search', key);
}

/** Whether `file` is `folder` or lies under it. */
export function isInside(file: string, folder: string): boolean {
  const relative = path.relative(path.resolve(folder), path.resolve(file));
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * The whole build, importable: compile the archive under `input` (files unchanged since the last
 * build come from the compile cache), build the index keeping the article numbers and part
 * boundaries of the index already in `out`, write what changed. Throws (with one sentence) only
 * for a missing or empty input folder or an unwritable output; bad files are skips in the report.
 */
export async function buildArchiveIndex(options: BuildArchiveOptions): Promise<BuildArchiveResult> {
  const info = await stat(options.input).catch(() => null);
  if (!info?.isDirectory()) throw new Error(`The input folder ${options.input} does not exist or is not a folder.`);
  await loadFoldingTable();
  let cache: CompileCache | undefined;
  let cacheDir: string | undefined;
  if (options.cache !== false) {
    const dir = (cacheDir = options.cache ?? defaultCacheDir(options.out));
    if (isInside(dir, options.out)) {
      throw new Error(`The compile cache ${dir} would be inside the output folder ${options.out}, which is published; pass --cache with a folder outside it, or --no-cache.`);
    }
    try {
      cache = CompileCache.open(dir);
    } catch (error) {
      throw new Error(`Cannot use the compile cache ${dir}: ${(error as Error).message}; pass --cache DIR for another folder or --no-cache.`);
    }
  }
  // The DOM for compiling in this thread is made only if no worker threads take the files; jsdom
  // itself is imported only then too (loading it takes about a second before the workers start).
  let env: DomEnv | undefined;
  const { articles, report } = await compileArchive({
    input: options.input,
    now: options.now,
    onProgress: options.onProgress,
    loadCleanBody: async () => {
      const { createDomEnv } = await import('../lib/dom-env.ts');
      const dom = (env = createDomEnv());
      return (html, context) => cleanArticleBody(html, { ...dom, ...context });
    },
    // A worker costs a jsdom start-up (~0.3 s): worth it from a few hundred files on.
    workers: options.workers ?? os.availableParallelism(),
    minFilesPerWorker: 200,
    cache,
  });
  env?.close();
  if (report.files === 0) {
    throw new Error(`The input folder ${options.input} holds no article files (.md, .markdown, .txt, .html).`);
  }
  const previous = options.fresh ? undefined : readPreviousIndex(options.out);
  // Files are saved while the next ones are encoded (the writer's errors name the folder).
  const { manifest, report: write } = await writeIndex(options.out, indexFiles(articles, { ...options, previous }));
  return { report, manifest, bytes: write.bytes, write, cache: cache?.report ?? { reused: 0, compiled: report.files, pruned: 0 }, incremental: previous !== undefined, cacheDir };
}
