/**
 * `news-archive-search build --input DIR --out DIR [--base PATH] [--title TEXT] [--lang zh-Hans|zh-Hant|en]
 *   [--report FILE.json] [--strict] [--cache DIR | --no-cache] [--fresh]`
 *
 * The whole search site in one folder, ready to upload: the page (`index.html`, `assets/`), the
 * widget (`widget.js`) and the index of the archive under DIR (`data/`). The page and the widget
 * were built when the package was packed (no Vite here); the index is written as `npm run index`
 * writes it (same compile cache, outside OUT; same exit codes: 0 when anything was indexed, 1 with
 * --strict when a file was skipped or when nothing could be indexed, 2 for a bad command line, a
 * missing or empty input folder, or an output that cannot be written).
 */
import path from 'node:path';
import { buildArchiveIndex, defaultCacheDir } from './compiler/build-archive-index.ts';
import { type CommandSpec, readArgs, usageError } from './lib/cli-args.ts';
import { finishBuild, printSkipped } from './compiler/build-outcome.ts';
import { formatSummary } from './lib/format-summary.ts';
import { createProgress } from './lib/progress.ts';
import { copySite, isLang, normalizeBase } from './lib/site-page.ts';

const OPTIONS = {
  input: { type: 'string', value: 'DIR' },
  out: { type: 'string', value: 'DIR' },
  base: { type: 'string', value: 'PATH' },
  title: { type: 'string', value: 'TEXT' },
  lang: { type: 'string', value: 'zh-Hans|zh-Hant|en' },
  report: { type: 'string', value: 'FILE.json' },
  strict: { type: 'boolean' },
  cache: { type: 'string', value: 'DIR' },
  'no-cache': { type: 'boolean' },
  fresh: { type: 'boolean' },
} as const;

export function buildCommand(name = 'news-archive-search build'): CommandSpec<typeof OPTIONS> {
  const usage = [
    `usage: ${name} --input DIR --out DIR [--base PATH] [--title TEXT] [--lang zh-Hans|zh-Hant|en]`,
    `       ${' '.repeat(name.length)} [--report FILE.json] [--strict] [--cache DIR | --no-cache] [--fresh]`,
    '',
    'Writes the search site into OUT: index.html, assets/, widget.js and the index of DIR in data/.',
    '  --base PATH    the URL path OUT is served under (/search/); default: relative URLs, any folder works',
    '  --title TEXT   the page title',
    '  --lang L       the page language when the URL names none (default: the visitor\'s Chinese)',
    '  --cache DIR    the compile cache (default: node_modules/.cache/news-archive-search/ here, never in OUT)',
    '  --no-cache     compile every file, store nothing',
    '  --report, --strict, --fresh: as for the index command',
  ].join('\n');
  return { name, usage, options: OPTIONS };
}

/** Runs the command on `argv` (the arguments after `build`); resolves with the exit code. */
export async function main(argv: readonly string[], name?: string): Promise<number> {
  const command = buildCommand(name);
  const parsed = readArgs(command, argv);
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  if (!values.input || !values.out) return usageError(command, 'both --input and --out are required');
  if (values.cache !== undefined && values['no-cache']) return usageError(command, '--cache and --no-cache exclude each other');
  let base: string | undefined;
  if (values.base !== undefined) {
    const checked = normalizeBase(values.base);
    if ('error' in checked) return usageError(command, checked.error);
    base = checked.base;
  }
  if (values.lang !== undefined && !isLang(values.lang)) return usageError(command, `--lang takes zh-Hans, zh-Hant or en, not "${values.lang}"`);
  const lang = values.lang !== undefined && isLang(values.lang) ? values.lang : undefined;

  const started = performance.now();
  let site;
  try {
    site = await copySite(values.out, { base, title: values.title, lang });
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  const data = path.join(values.out, 'data');
  const progress = createProgress(process.stderr, { label: 'indexing', finishing: 'building and writing the index' });
  let result;
  try {
    result = await buildArchiveIndex({ input: values.input, out: data, cache: values['no-cache'] ? false : (values.cache ?? defaultCacheDir(values.out)), fresh: values.fresh, onProgress: progress.update });
  } catch (error) {
    progress.done();
    console.error((error as Error).message);
    return 2;
  }
  progress.done();
  const { report, bytes, cache } = result;
  printSkipped(report);
  console.log(formatSummary(report, data, bytes, performance.now() - started));
  console.log(`Compiled ${cache.compiled} files, ${cache.reused} from the cache${result.cacheDir ? ` (kept in ${path.relative(process.cwd(), result.cacheDir) || '.'})` : ''}.`);
  console.log(`Wrote the search site to ${values.out}: index.html, widget.js and ${site.files - 2} page files${site.removed ? ` (${site.removed} of an earlier build removed)` : ''}, and the index in data/${base ? `, for ${base}` : ' (relative URLs: any folder works)'}.`);
  const servedAt = base && !/^https?:/i.test(base) ? base : '/';
  console.log(`Look at it: npx news-archive-search serve ${servedAt === '/' ? values.out : `${servedAt}=${values.out}`}, then open http://127.0.0.1:4173${servedAt}`);
  return finishBuild(report, values);
}
