import type { CompileReport } from './compile-archive.ts';
import { printableName } from './printable-name.ts';

/**
 * The build's closing lines: counts that always add up (indexed + skipped + duplicates = files),
 * then warnings counted by kind rather than printed once per file.
 */
export function formatSummary(report: CompileReport, out: string, bytes: number, millis: number): string {
  const lines = [
    `Indexed ${report.indexed} of ${report.files} files (${report.skipped.length} skipped, ${report.duplicates.length} duplicate URLs merged) ` +
      `in ${(millis / 1000).toFixed(1)} s → ${printableName(out)} (${(bytes / 1e6).toFixed(1)} MB)`,
  ];
  const kinds = Object.entries(report.warnings);
  if (kinds.length > 0) {
    lines.push(`Warnings: ${kinds.map(([kind, { count }]) => `${kind} ${count}`).join(', ')} (details with --report FILE.json)`);
  }
  for (const notice of report.notices) lines.push(`Note: ${printableName(notice.file)}: ${printableName(notice.message)}`);
  return lines.join('\n');
}
