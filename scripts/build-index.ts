/**
 * `npm run index -- --input DIR --out DIR [--report FILE.json] [--strict]`
 *
 * Compiles every article file under DIR into the index folder OUT. Bad files are skipped and
 * named with their reason; everything else is indexed. Exit codes: 0 when anything was indexed,
 * 1 with --strict when any file was skipped (or when no file could be indexed), 2 when the input
 * folder is missing or holds no article files, or the output cannot be written.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { buildArchiveIndex } from './lib/build-archive-index.ts';
import { formatSummary } from './lib/format-summary.ts';
import { createProgress } from './lib/progress.ts';

const USAGE = 'usage: npm run index -- --input DIR --out DIR [--report FILE.json] [--strict]';

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        input: { type: 'string' },
        out: { type: 'string' },
        report: { type: 'string' },
        strict: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.input || !values.out) {
    console.error(`Both --input and --out are required.\n${USAGE}`);
    return 2;
  }

  const progress = createProgress(process.stderr);
  const started = performance.now();
  let result;
  try {
    result = await buildArchiveIndex({ input: values.input, out: values.out, onProgress: progress.update });
  } catch (error) {
    progress.done();
    console.error((error as Error).message);
    return 2;
  }
  progress.done();
  const { report, bytes } = result;
  for (const { file, reason } of report.skipped) console.error(`skipped ${file}: ${reason}`);
  console.log(formatSummary(report, values.out, bytes, performance.now() - started));
  if (values.report) {
    try {
      await writeFile(values.report, `${JSON.stringify(report, null, 2)}\n`);
    } catch (error) {
      console.error(`Cannot write the report ${values.report}: ${(error as Error).message}`);
      return 2;
    }
  }
  if (report.indexed === 0) return 1;
  if (values.strict && report.skipped.length > 0) return 1;
  return 0;
}

process.exitCode = await main();
