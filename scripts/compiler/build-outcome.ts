/**
 * The end of an index build, the same for `npm run index` and `news-archive-search build`: each
 * skipped file on stderr (its name and reason printable: control characters escaped), the
 * `--report` JSON, and the exit code (0 when anything was indexed; 1 when nothing was, or with
 * `--strict` when a file was skipped; 2 when the report cannot be written).
 */
import { writeFile } from 'node:fs/promises';
import type { CompileReport } from './compile-archive.ts';
import { printableName } from '../lib/printable-name.ts';

/** Prints each skipped file with its reason. */
export function printSkipped(report: CompileReport): void {
  for (const { file, reason } of report.skipped) console.error(`skipped ${printableName(file)}: ${printableName(reason)}`);
}

/** Writes the `--report` file when asked for, and returns the build's exit code. */
export async function finishBuild(report: CompileReport, options: { report?: string; strict?: boolean }): Promise<number> {
  if (options.report) {
    try {
      await writeFile(options.report, `${JSON.stringify(report, null, 2)}\n`);
    } catch (error) {
      console.error(`Cannot write the report ${printableName(options.report)}: ${(error as Error).message}`);
      return 2;
    }
  }
  if (report.indexed === 0) return 1;
  if (options.strict && report.skipped.length > 0) return 1;
  return 0;
}
