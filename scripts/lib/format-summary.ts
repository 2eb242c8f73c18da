import type { CompileReport } from '../compiler/compile-archive.ts';
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
  lines.push(...formatTextLoss(report.textLoss));
  for (const notice of report.notices) lines.push(`Note: ${printableName(notice.file)}: ${printableName(notice.message)}`);
  return lines.join('\n');
}

/** Articles named per outlet in the summary; the rest are in the JSON report. */
const TEXT_LOSS_NAMED = 5;

/** Articles whose cleaning kept under half of their text, counted per outlet and named. */
function formatTextLoss(textLoss: CompileReport['textLoss']): string[] {
  const outlets = Object.entries(textLoss);
  if (outlets.length === 0) return [];
  const total = outlets.reduce((sum, [, { count }]) => sum + count, 0);
  const lines = [`Cleaning kept under half of the visible text of ${total} article${total === 1 ? '' : 's'}: ${outlets.map(([outlet, { count }]) => `${outlet} ${count}`).join(', ')}`];
  for (const [outlet, { articles }] of outlets) {
    for (const article of articles.slice(0, TEXT_LOSS_NAMED)) {
      lines.push(`  ${outlet}: ${article.file} (kept ${article.kept} of ${article.visible} characters) ${article.title}`);
    }
    if (articles.length > TEXT_LOSS_NAMED) lines.push(`  ${outlet}: … and ${articles.length - TEXT_LOSS_NAMED} more (--report FILE.json)`);
  }
  return lines;
}
