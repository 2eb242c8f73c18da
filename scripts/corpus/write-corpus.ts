/**
 * Writes a synthetic corpus to disk. The index range is cut into folder jobs (`YYYY/MM/NN`, at
 * most 2,000 files each, see `corpus-plan.ts`); jobs run in this thread for small corpora and in
 * a pool of worker threads for large ones. Every article depends only on (seed, count, dates,
 * index), and every folder is written by one thread in index order, so the files are
 * byte-identical whatever the number of threads. Memory stays bounded: a thread holds one
 * article at a time plus the names of one folder.
 */
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { type CorpusSpec, createComposer, type FolderJob, planFolders, resolveSpec } from './corpus-plan.ts';
import { addStats, type CorpusStats, emptyStats, writeFolder } from './write-folder.ts';

/** Options of {@link generateCorpus}. */
export interface GenerateCorpusOptions {
  /** Output folder (created if missing). */
  out: string;
  /** Number of articles, 1 … 10,000,000. */
  count: number;
  /** Any text or number; the same seed and options give byte-identical files. Default `'1'`. */
  seed?: string | number;
  /** First publication day, `YYYY-MM-DD` (UTC). Default 2015-01-01. */
  from?: string;
  /** Last publication day, `YYYY-MM-DD` (UTC), included. Default 2024-12-31. */
  to?: string;
  /**
   * Worker threads; 0 writes in this thread. Default: up to 8 (one per CPU) from
   * {@link WORKERS_FROM} articles on, none below (starting a worker costs ~0.5 s).
   */
  workers?: number;
  /** Different person authors in front matter (up to 600); 0 or absent: the outlet as author, as feeds write. */
  authors?: number;
  /** Different topic tags in front matter (one to three per article); 0 or absent: none. */
  tags?: number;
  /** Called after each folder (at most every 2,000 files). */
  onProgress?: (done: number, total: number) => void;
}

/** What was written. */
export interface CorpusReport extends Omit<CorpusStats, 'first' | 'last'> {
  seconds: number;
  filesPerSecond: number;
  folders: number;
  workers: number;
  /** First and last publication time (ISO). */
  firstDate: string;
  lastDate: string;
}

/** Defaults of the optional options. */
export const DEFAULT_CORPUS_OPTIONS = { seed: '1', from: '2015-01-01', to: '2024-12-31' } as const;
/** Article count from which worker threads pay for their start-up. */
export const WORKERS_FROM = 20_000;
const MAX_WORKERS = 8;

/**
 * Generates `count` synthetic articles under `out`.
 * @throws {RangeError} for a bad count, date or range; file system errors as they come.
 * @example
 * const report = await generateCorpus({ out: '/tmp/corpus', count: 10_000, seed: 'demo' });
 * console.log(report.filesPerSecond);
 */
export async function generateCorpus(options: GenerateCorpusOptions): Promise<CorpusReport> {
  const started = performance.now();
  const spec = resolveSpec({
    count: options.count,
    seed: options.seed ?? DEFAULT_CORPUS_OPTIONS.seed,
    from: options.from ?? DEFAULT_CORPUS_OPTIONS.from,
    to: options.to ?? DEFAULT_CORPUS_OPTIONS.to,
    authors: options.authors,
    tags: options.tags,
  });
  await mkdir(options.out, { recursive: true });
  const { composer, calendar } = createComposer(spec);
  const jobs = planFolders(composer, calendar, spec.count);
  const defaultWorkers = spec.count >= WORKERS_FROM ? Math.min(MAX_WORKERS, os.availableParallelism()) : 0;
  const workers = Math.min(options.workers ?? defaultWorkers, jobs.length);

  const stats = emptyStats();
  if (workers <= 1) {
    for (const job of jobs) {
      addStats(stats, writeFolder(composer, job, options.out));
      options.onProgress?.(stats.files, spec.count);
      await new Promise((resolve) => setImmediate(resolve)); // let progress output and signals through
    }
  } else {
    await writeInWorkers(spec, jobs, options.out, workers, (folder) => {
      addStats(stats, folder);
      options.onProgress?.(stats.files, spec.count);
    });
  }

  const { first, last, ...counts } = stats;
  const seconds = (performance.now() - started) / 1000;
  return {
    ...counts,
    seconds,
    filesPerSecond: counts.files / Math.max(seconds, 1e-3),
    folders: jobs.length,
    workers: workers > 1 ? workers : 0,
    firstDate: new Date(first).toISOString(),
    lastDate: new Date(last).toISOString(),
  };
}

/** The worker module, and a boot script that registers tsx in the worker before importing it. */
const WORKER_MODULE = new URL('./corpus-worker.ts', import.meta.url).href;
const WORKER_BOOT = `
  const { workerData } = require('node:worker_threads');
  import('tsx/esm/api').then(({ register }) => { register(); return import(workerData.module); });
`;

/** Runs folder jobs on `count` workers, each taking the next job when it finishes one. */
async function writeInWorkers(spec: CorpusSpec, jobs: readonly FolderJob[], out: string, count: number, onFolder: (stats: CorpusStats) => void): Promise<void> {
  let next = 0;
  const pool: Worker[] = [];
  try {
    await Promise.all(
      Array.from(
        { length: count },
        () =>
          new Promise<void>((resolve, reject) => {
            const worker = new Worker(WORKER_BOOT, { eval: true, workerData: { spec, out, module: WORKER_MODULE } });
            pool.push(worker);
            const send = (): void => {
              const job = jobs[next++];
              if (job) worker.postMessage(job);
              else resolve();
            };
            worker.on('message', (message: { job: FolderJob; stats?: CorpusStats; error?: string }) => {
              if (message.error !== undefined) reject(new Error(`generate-corpus: writing ${message.job.folder} failed: ${message.error}`));
              else {
                onFolder(message.stats!);
                send();
              }
            });
            worker.on('error', reject);
            worker.on('exit', (code) => reject(new Error(`generate-corpus: a worker thread exited (code ${code})`)));
            worker.on('online', send);
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
}
