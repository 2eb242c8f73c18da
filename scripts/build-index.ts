/**
 * `npm run index -- --input DIR --out DIR [--report FILE.json] [--strict] [--cache DIR | --no-cache] [--fresh] [--block-size N]`
 *
 * Compiles every article file under DIR into the index folder OUT. Bad files are skipped and
 * named with their reason; everything else is indexed. Run again, it recompiles only files that
 * changed (the compile cache, outside OUT: see `defaultCacheDir`, or --cache DIR) and keeps the
 * article numbers and part boundaries of the index in OUT, so unchanged files keep their names;
 * --fresh numbers and cuts anew. --block-size sets how many article numbers a block holds
 * (default 10,000; small values exercise progressive search on small archives). Exit codes: 0 when anything was indexed,
 * 1 with --strict when any file was skipped (or when no file could be indexed), 2 when the input
 * folder is missing or holds no article files, or the output cannot be written.
 */
import { buildArchiveIndex } from './compiler/build-archive-index.ts';
import { type CommandSpec, isMainModule, readArgs, usageError } from './lib/cli-args.ts';
import { finishBuild, printSkipped } from './compiler/build-outcome.ts';
import { formatSummary } from './lib/format-summary.ts';
import { printableName } from './lib/printable-name.ts';
import { createProgress } from './lib/progress.ts';

const OPTIONS = {
  input: { type: 'string', value: 'DIR' },
  out: { type: 'string', value: 'DIR' },
  report: { type: 'string', value: 'FILE.json' },
  strict: { type: 'boolean' },
  cache: { type: 'string', value: 'DIR' },
  'no-cache': { type: 'boolean' },
  fresh: { type: 'boolean' },
  'block-size': { type: 'string', value: 'N' },
} as const;

/** The command's name and usage; the package's `news-archive-search index` passes its own name. */
export function indexCommand(name = 'npm run index'): CommandSpec<typeof OPTIONS> {
  const usage = `usage: ${name}${name.startsWith('npm') ? ' --' : ''} --input DIR --out DIR [--report FILE.json] [--strict] [--cache DIR | --no-cache] [--fresh] [--block-size N]`;
  return { name, usage, options: OPTIONS };
}

/** Runs the command on `argv` (the arguments after the script); resolves with the exit code. */
export async function main(argv: readonly string[], name?: string): Promise<number> {
  const command = indexCommand(name);
  const parsed = readArgs(command, argv);
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  if (!values.input || !values.out) return usageError(command, 'both --input and --out are required');
  if (values.cache !== undefined && values['no-cache']) return usageError(command, '--cache and --no-cache exclude each other');

  const blockSize = values['block-size'] === undefined ? undefined : Number(values['block-size']);
  if (blockSize !== undefined && !(Number.isInteger(blockSize) && blockSize > 0)) {
    return usageError(command, `--block-size takes a whole number above 0, not "${values['block-size']}"`);
  }

  const progress = createProgress(process.stderr, { label: 'indexing', finishing: 'building and writing the index' });
  const started = performance.now();
  let result;
  try {
    const cache = values['no-cache'] ? false : values.cache;
    result = await buildArchiveIndex({ input: values.input, out: values.out, cache, fresh: values.fresh, onProgress: progress.update, ...(blockSize ? { blockSize } : {}) });
  } catch (error) {
    progress.done();
    console.error(printableName((error as Error).message));
    return 2;
  }
  progress.done();
  const { report, bytes, write, cache, incremental } = result;
  printSkipped(report);
  console.log(formatSummary(report, values.out, bytes, performance.now() - started));
  console.log(
    `Compiled ${cache.compiled} files, ${cache.reused} from the cache${cache.pruned ? `, ${cache.pruned} gone files forgotten` : ''}; ` +
      `${incremental ? 'kept the numbers of the index in the folder; ' : ''}wrote ${write.written} files${write.repaired ? ` (${write.repaired} damaged, rewritten)` : ''}, ${write.unchanged} unchanged, ${write.removed} removed.`,
  );
  return finishBuild(report, values);
}

if (isMainModule(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
