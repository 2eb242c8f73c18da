import { findSnippet } from '../../src/lib/search/index.ts';
import type { ArticleFragment } from '../../src/lib/search/index.ts';
import type { ParsedQuery } from '../../src/lib/search/index.ts';
import type { SearchResult } from '../../src/lib/search/index.ts';
import type { SearchResponse } from '../../src/lib/search/index.ts';
import { printableName } from './printable-name.ts';

/**
 * Search results for people: numbered titles, outlet and day, link, and a snippet with the
 * matches in bold (on a terminal) or in 【brackets】 (in a pipe).
 */
export function formatResults(
  response: SearchResponse & { query: ParsedQuery },
  results: readonly SearchResult[],
  fragments: readonly ArticleFragment[],
  color: boolean,
): string {
  const [open, close] = color ? ['\x1b[1m', '\x1b[22m'] : ['【', '】'];
  const groups = response.groups < response.total ? ` in ${response.groups} group${response.groups === 1 ? '' : 's'} (near-duplicates collapsed)` : '';
  const lines = [`${response.total} result${response.total === 1 ? '' : 's'}${groups}`];
  // A filter value the archive does not have matches nothing: say so rather than a bare 0.
  for (const [facet, values] of Object.entries(response.facets.unknown ?? {})) {
    lines.push(`No article has ${printableName(facet)} ${values.map((value) => `"${printableName(value)}"`).join(' or ')}: the archive has no such value.`);
  }
  results.forEach((result, i) => {
    const snippet = findSnippet(fragments[i]!.text, response.query);
    let text = '';
    let last = 0;
    // Text from the archive is printed escaped: no control character reaches the terminal.
    const shown = (from: number, to: number) => printableName(snippet.text.slice(from, to).replace(/\s+/g, ' '));
    for (const [start, end] of snippet.highlights) {
      text += shown(last, start) + open + shown(start, end) + close;
      last = end;
    }
    text += shown(last, snippet.text.length);
    lines.push(
      '',
      `${i + 1}. ${printableName(result.title)}`,
      `   ${printableName(result.outlet)} · ${result.date.slice(0, 10) || 'undated'} · ${printableName(result.url) || '(no link)'}`,
      `   ${snippet.leadingEllipsis ? '…' : ''}${text}${snippet.trailingEllipsis ? '…' : ''}`,
    );
    if (result.similar?.length) {
      lines.push(`   ${result.similar.length} similar:`);
      for (const other of result.similar) lines.push(`   - ${other.title} (${other.outlet} · ${other.date.slice(0, 10) || 'undated'})`);
    }
  });
  const outlets = Object.entries(response.facets.counts['outlet'] ?? {}).sort((a, b) => b[1] - a[1]);
  if (outlets.length) lines.push('', `Outlets: ${outlets.map(([name, count]) => `${printableName(name)} ${count}`).join(', ')}`);
  // The other facets' ten largest values (every value is in --json).
  for (const [facet, label] of [['author', 'Authors'], ['tag', 'Tags']] as const) {
    const values = Object.entries(response.facets.counts[facet] ?? {}).sort((a, b) => b[1] - a[1]);
    if (values.length) lines.push(`${label}: ${values.slice(0, 10).map(([name, count]) => `${printableName(name)} ${count}`).join(', ')}${values.length > 10 ? ', …' : ''}`);
  }
  return `${lines.join('\n')}\n`;
}
