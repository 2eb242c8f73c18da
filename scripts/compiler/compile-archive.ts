import { Worker } from 'node:worker_threads';
import { articleId } from '../../src/lib/article/article-id.ts';
import type { Article, ArticleWarning, WarningKind } from '../../src/lib/article/types.ts';
import { urlIdentity } from '../../src/lib/article/urls.ts';
import type { CompileCache } from './compile-cache.ts';
import { type BodyCleaner, compileFile, type FileOutcome } from './compile-file.ts';
import { type FoundFile, listArchive, type WalkNotice } from './walk-archive.ts';


/** The JSON report of one compile: every file is indexed, skipped or a duplicate. */
export interface CompileReport {
  input: string;
  files: number;
  indexed: number;
  skipped: Array<{ file: string; reason: string }>;
  duplicates: Array<{ file: string; keptAs: string }>;
  warnings: Record<string, { count: number; files: Array<{ file: string; message: string }> }>;
  /**
   * Per outlet, the articles whose cleaned text kept under half of the body's visible text
   * (`text-loss` warnings): what to look at when cleaning may have taken part of a story.
   */
  textLoss: Record<string, { count: number; articles: TextLossEntry[] }>;
  notices: WalkNotice[];
}

/** One article that kept under half of its body's visible text in cleaning. */
export interface TextLossEntry {
  file: string;
  title: string;
  /** Visible characters (not whitespace) kept, and in the body as it came. */
  kept: number;
  visible: number;
}

export interface CompileOptions {
  input: string;
  /** Cleans bodies in this thread; this or `loadCleanBody` is required unless `workers` > 1. */
  cleanBody?: BodyCleaner;
  /**
   * Makes the cleaner for this thread when `cleanBody` is not given, only once a file is to be
   * compiled here: a jsdom window costs a second to load, which builds that compile every file in
   * worker threads (or take them from the cache) need not pay.
   */
  loadCleanBody?: () => Promise<BodyCleaner>;
  /** Worker threads to compile files in (each with its own DOM); 0 or 1 compiles in this thread. */
  workers?: number;
  /** Use fewer workers so that each gets at least this many files. */
  minFilesPerWorker?: number;
  /** Called after each file with the number done and the total. */
  onProgress?: (done: number, total: number) => void;
  /** "Now" for date plausibility; fixed in tests. */
  now?: number;
  /** Compiled files of earlier builds: unchanged files are taken from it, compiled ones stored in it. */
  cache?: CompileCache;
}

export interface CompileResult {
  /** Indexed articles, sorted by id (stable across runs and machines). */
  articles: Article[];
  report: CompileReport;
}

/**
 * Compiles every article file under `input` into `Article`s. Never throws for a bad file: each
 * one is skipped with a reason in the report, and every other file is still indexed.
 * @throws Error only when `input` cannot be listed at all.
 */
export async function compileArchive(options: CompileOptions): Promise<CompileResult> {
  const notices: WalkNotice[] = [];
  const found = await listArchive(options.input, notices);
  const skipped: CompileReport['skipped'] = [];
  const warnings: CompileReport['warnings'] = {};
  const compiled: Array<{ article: Article; warnings: ArticleWarning[] }> = [];

  const outcomes = await compileOrReuse(found, options);
  found.forEach((entry, i) => {
    const outcome = outcomes[i]!;
    if ('skip' in outcome) skipped.push({ file: entry.file, reason: outcome.skip });
    else compiled.push(outcome);
  });

  const { kept, duplicates } = mergeDuplicates(compiled);
  const textLoss: CompileReport['textLoss'] = {};
  for (const { article, warnings: list } of kept) {
    for (const warning of list) {
      addWarning(warnings, warning.kind, article.file, warning.message);
      if (warning.kind === 'text-loss' && warning.figures) {
        const entry = (textLoss[article.outlet] ??= { count: 0, articles: [] });
        entry.count++;
        entry.articles.push({ file: article.file, title: article.title, ...warning.figures });
      }
    }
  }
  const articles = assignIds(kept.map((entry) => entry.article));
  return {
    articles,
    report: {
      input: options.input,
      files: found.length,
      indexed: articles.length,
      skipped,
      duplicates,
      warnings: sortKeys(warnings),
      textLoss: sortKeys(textLoss),
      notices,
    },
  };
}

/** Outcomes of every listed file, in order: from the cache when it has them, else compiled. */
async function compileOrReuse(found: FoundFile[], options: CompileOptions): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = new Array(found.length);
  const missing: number[] = [];
  found.forEach((entry, i) => {
    const cached = 'skip' in entry ? null : (options.cache?.lookup(entry) ?? null);
    if (cached) outcomes[i] = cached;
    else missing.push(i);
  });
  const reused = found.length - missing.length;
  const todo = missing.map((i) => found[i]!);
  const progress = { ...options, onProgress: options.onProgress && ((done: number) => options.onProgress!(reused + done, found.length)) };
  const workers = Math.min(options.workers ?? 0, Math.floor(todo.length / (options.minFilesPerWorker ?? 1)));
  // Each outcome is stored as it arrives, while the workers compile the next files (storing them
  // all at the end took this thread a second or two after the workers were done).
  const store = (k: number, outcome: FileOutcome) => {
    const entry = todo[k]!;
    if (options.cache && !('skip' in entry)) options.cache.store(entry, outcome);
  };
  const compiled = workers > 1 ? await compileInWorkers(todo, progress, workers, store) : await compileHere(todo, progress, store);
  missing.forEach((i, k) => (outcomes[i] = compiled[k]!));
  options.cache?.prune();
  return outcomes;
}

/**
 * Files with the same URL are one article. The copy with the most text is kept; its missing date
 * or author is filled in from the others. Order of `kept` follows the input order.
 */
function mergeDuplicates(compiled: Array<{ article: Article; warnings: ArticleWarning[] }>) {
  const groups = new Map<string, Array<{ article: Article; warnings: ArticleWarning[] }>>();
  const kept: typeof compiled = [];
  for (const entry of compiled) {
    if (!entry.article.url) {
      kept.push(entry);
      continue;
    }
    const key = urlIdentity(entry.article.url);
    const group = groups.get(key);
    if (group) group.push(entry);
    else {
      groups.set(key, [entry]);
      kept.push(entry);
    }
  }
  const duplicates: CompileReport['duplicates'] = [];
  for (let i = 0; i < kept.length; i++) {
    const first = kept[i]!;
    if (!first.article.url) continue;
    const group = groups.get(urlIdentity(first.article.url))!;
    if (group.length === 1) continue;
    const best = group.reduce((a, b) => (b.article.text.length > a.article.text.length ? b : a));
    for (const other of group) {
      if (other === best) continue;
      best.article.date ||= other.article.date;
      best.article.author ||= other.article.author;
      duplicates.push({ file: other.article.file, keptAs: best.article.file });
    }
    kept[i] = best;
  }
  return { kept, duplicates };
}

/** Ids hash the URL identity, else the file path; a (rare) hash collision takes the next seed. */
function assignIds(articles: Article[]): Article[] {
  const used = new Set<string>();
  for (const article of articles) {
    const key = article.url ? urlIdentity(article.url) : `file:${article.file}`;
    let seed = 0;
    let id = articleId(key, seed);
    while (used.has(id)) id = articleId(key, ++seed);
    used.add(id);
    article.id = id;
  }
  return articles.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function addWarning(warnings: CompileReport['warnings'], kind: WarningKind, file: string, message: string): void {
  const entry = (warnings[kind] ??= { count: 0, files: [] });
  entry.count++;
  entry.files.push({ file, message });
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * The worker module. From source (`npm run index`), a boot script registers tsx in the worker
 * before importing it; in the package (scripts bundled to JavaScript, see scripts/pack/), the
 * bundled worker sits beside this chunk and runs as it is.
 */
const IS_BUNDLED = import.meta.url.endsWith('.js');
const WORKER_MODULE = new URL(IS_BUNDLED ? './compile-worker.js' : './compile-worker.ts', import.meta.url);
const WORKER_BOOT = `
  const { workerData } = require('node:worker_threads');
  import('tsx/esm/api').then(({ register }) => { register(); return import(workerData.module); });
`;

function startWorker(now: number | undefined): Worker {
  return IS_BUNDLED ? new Worker(WORKER_MODULE, { workerData: { now } }) : new Worker(WORKER_BOOT, { eval: true, workerData: { now, module: WORKER_MODULE.href } });
}

/** Called with each file's outcome as soon as it is compiled (`k`: its position in the list). */
type OnCompiled = (k: number, outcome: FileOutcome) => void;

async function compileHere(found: FoundFile[], options: CompileOptions, onCompiled: OnCompiled): Promise<FileOutcome[]> {
  if (found.length === 0) return [];
  const cleanBody = options.cleanBody ?? (await options.loadCleanBody?.());
  if (!cleanBody) throw new Error('compile-archive: cleanBody or loadCleanBody is required without workers');
  const outcomes: FileOutcome[] = [];
  for (const entry of found) {
    const outcome = 'skip' in entry ? { skip: entry.skip } : await compileFile(entry.file, entry.target, entry.size, cleanBody, options.now);
    outcomes.push(outcome);
    onCompiled(outcomes.length - 1, outcome);
    options.onProgress?.(outcomes.length, found.length);
  }
  return outcomes;
}

/**
 * Spreads the files over worker threads (file i goes to worker i mod n, so each gets a fair mix
 * of long and short files) and collects the outcomes in input order.
 */
async function compileInWorkers(found: FoundFile[], options: CompileOptions, count: number, onCompiled: OnCompiled): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = new Array(found.length);
  let done = 0;
  const readable: Array<{ entry: FoundFile; i: number }> = [];
  found.forEach((entry, i) => {
    if ('skip' in entry) {
      outcomes[i] = { skip: entry.skip };
      options.onProgress?.(++done, found.length);
    } else readable.push({ entry, i });
  });
  await Promise.all(
    Array.from({ length: count }, (_, w) => {
      const jobs = readable.filter((_, k) => k % count === w);
      return new Promise<void>((resolve, reject) => {
        const worker = startWorker(options.now);
        let next = 0;
        const send = () => {
          const job = jobs[next++];
          if (job) worker.postMessage(job);
          else void worker.terminate().then(() => resolve());
        };
        worker.on('message', ({ i, outcome }: { i: number; outcome: FileOutcome }) => {
          outcomes[i] = outcome;
          send(); // the next file first: the worker compiles it while this thread stores the last
          onCompiled(i, outcome);
          options.onProgress?.(++done, found.length);
        });
        worker.on('error', reject);
        worker.on('online', send);
      });
    }),
  );
  return outcomes;
}
