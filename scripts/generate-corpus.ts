/**
 * `node --import tsx scripts/generate-corpus.ts --out DIR --count N [--seed S] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--authors N] [--tags N] [--workers N] [--force]`
 *
 * Writes N synthetic Chinese-language news articles in the archive's file formats (front matter
 * or stamp + title-link headers, outlet furniture in the HTML bodies) for tests and benchmarks at
 * any scale. Same arguments → byte-identical files. Refuses a non-empty DIR unless --force (which
 * writes over it without deleting anything). --authors N names one of N writers as each front-matter
 * article's author (instead of its outlet), --tags N gives it one to three of N topic tags. Exit codes: 0 done, 2 bad arguments or a write failure.
 * The module also exports {@link generateCorpus} for tests.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { isMainModule, readArgs, usageError } from './lib/cli-args.ts';
import { createProgress } from './lib/progress.ts';
import { type CorpusReport, DEFAULT_CORPUS_OPTIONS, generateCorpus } from './corpus/write-corpus.ts';

export { generateCorpus, type CorpusReport, type GenerateCorpusOptions } from './corpus/write-corpus.ts';

const COMMAND = {
  name: 'npm run corpus',
  usage: 'usage: npm run corpus -- --out DIR --count N [--seed S] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--authors N] [--tags N] [--workers N] [--force]',
  options: {
    out: { type: 'string', value: 'DIR' },
    count: { type: 'string', value: 'N' },
    seed: { type: 'string', default: DEFAULT_CORPUS_OPTIONS.seed, value: 'S' },
    from: { type: 'string', default: DEFAULT_CORPUS_OPTIONS.from, value: 'YYYY-MM-DD' },
    to: { type: 'string', default: DEFAULT_CORPUS_OPTIONS.to, value: 'YYYY-MM-DD' },
    authors: { type: 'string', value: 'N' },
    tags: { type: 'string', value: 'N' },
    workers: { type: 'string', value: 'N' },
    force: { type: 'boolean' },
  },
} as const;

async function main(argv: readonly string[]): Promise<number> {
  const parsed = readArgs(COMMAND, argv);
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  if (!values.out || !values.count) return usageError(COMMAND, 'both --out and --count are required');
  const count = Number(values.count.replace(/[_,]/g, ''));
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0)) {
    return usageError(COMMAND, `--workers must be a whole number (0 writes in the main thread), got ${values.workers}`);
  }
  if (!values.force && (await isNonEmptyFolder(values.out))) {
    console.error(`The output folder ${values.out} is not empty; choose an empty one or pass --force to write over it.`);
    return 2;
  }

  const progress = createProgress(process.stderr, { label: 'writing' });
  let report: CorpusReport;
  try {
    const bylines = { authors: values.authors === undefined ? undefined : Number(values.authors), tags: values.tags === undefined ? undefined : Number(values.tags) };
    report = await generateCorpus({ out: values.out, count, seed: values.seed, from: values.from, to: values.to, ...bylines, workers, onProgress: progress.update });
  } catch (error) {
    progress.done();
    console.error((error as Error).message);
    return 2;
  }
  progress.done();
  console.log(formatReport(report, values.out));
  return 0;
}

async function isNonEmptyFolder(folder: string): Promise<boolean> {
  try {
    return (await readdir(folder)).length > 0;
  } catch {
    return false; // missing: generateCorpus creates it
  }
}

function formatReport(report: CorpusReport, out: string): string {
  const share = (n: number): string => `${((100 * n) / Math.max(1, report.files)).toFixed(1)}%`;
  const outlets = Object.entries(report.byOutlet)
    .sort((a, b) => b[1] - a[1])
    .map(([name, n]) => `${name} ${n}`)
    .join(', ');
  const headers = Object.entries(report.byHeader)
    .map(([style, n]) => `${style} ${share(n)}`)
    .join(', ');
  return [
    `Wrote ${report.files.toLocaleString('en')} files (${(report.bytes / 1e6).toFixed(1)} MB) to ${path.resolve(out)} in ${report.seconds.toFixed(1)} s — ${Math.round(report.filesPerSecond).toLocaleString('en')} files/s, ${report.folders} folders, ${report.workers || 'no'} worker threads.`,
    `Dates ${report.firstDate.slice(0, 10)} … ${report.lastDate.slice(0, 10)}; traditional ${share(report.traditional)}, English ${share(report.english)}, event coverage ${share(report.eventArticles)}.`,
    `Headers: ${headers}.`,
    `Outlets: ${outlets}.`,
  ].join('\n');
}

// Run only as a script, not when a test imports generateCorpus from this module.
if (isMainModule(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
