/**
 * The index files a search's first answer reads, from the manifest and the parsed query alone:
 * the newest docs block, the newest block's part table pages and vocabulary parts of the query's
 * tokens (what `loadNewestPlanTerms` and the first step of `runQuerySteps` load; not the facets'
 * values files, which a first answer without filters does not wait for). The search worker fetches
 * them the moment a query arrives, while the search core's own code is still downloading (see
 * search-worker.ts): on a cold page the parts and the code then travel together instead of one
 * after the other. A list that misses a file costs nothing but the head start: the search fetches
 * what it needs itself.
 */
import { charFrequencyKey } from '../text/char-frequency.ts';
import { type Manifest, partIndexOf, type TermPartEntry, termPartPath } from '../format/index-format.ts';
import { partPagePath } from '../format/part-pages.ts';
import type { ParsedQuery } from './parse-query.ts';
import { planQuery, planTokens, widenLatinPrefixes } from './query-plan.ts';
import { isSingleCjk } from '../text/tokenize.ts';

/**
 * Paths (relative to the index folder) of the files the first answer to `parsed` reads: the newest
 * docs block, the part table pages of its terms' ranges, and of the pages `pageParts` gives (those
 * already read; none by default) the vocabulary parts. A head start calls it twice: for the pages,
 * then with them for the parts. `parsed` is widened for Latin prefixes first, as `Searcher.parse`
 * does (it is changed in place).
 *
 * @example firstAnswerFiles(manifest, parseQuery('王毅')) // ['docs-….bin', 'dir-….bin']
 * @example firstAnswerFiles(manifest, parseQuery('王毅'), (page) => read.get(page)) // ['docs-….bin', 'dir-….bin', 'terms-….bin']
 */
export function firstAnswerFiles(
  manifest: Pick<Manifest, 'docs' | 'newestPartPages'>,
  parsed: ParsedQuery,
  pageParts: (page: number) => readonly TermPartEntry[] | undefined = () => undefined,
): string[] {
  const files = new Set<string>();
  const newestDocs = manifest.docs.at(-1);
  if (newestDocs) files.add(newestDocs.file);
  const pages = manifest.newestPartPages;
  if (pages.length === 0) return [...files];
  const addRange = (from: string, to: string) => {
    for (let p = partIndexOf(pages, from), lastPage = partIndexOf(pages, to); p <= lastPage; p++) {
      files.add(partPagePath(pages[p]![1]));
      const parts = pageParts(p);
      if (!parts) continue;
      const first = p === partIndexOf(pages, from) ? partIndexOf(parts, from) : 0;
      const last = p === lastPage ? partIndexOf(parts, to) : parts.length - 1;
      for (let i = first; i <= last; i++) files.add(partPath(parts[i]!));
    }
  };
  for (const [from, to] of termRanges(parsed)) addRange(from, to);
  return [...files];
}

/**
 * The vocabulary ranges (first and last term, inclusive) a query's terms are looked up in. `parsed`
 * is widened for Latin prefixes first (it is changed in place).
 *
 * @example termRanges(parseQuery('港')) // [['港\u0000', '港\u0000'], ['港', '港\uffff']]
 */
export function termRanges(parsed: ParsedQuery): Array<[from: string, to: string]> {
  const ranges: Array<[string, string]> = [];
  for (const token of planTokens(planQuery(widenLatinPrefixes(parsed)))) {
    // A one-character query: its merged term (merged-prefix.ts) reads the character's range and its stored frequency.
    if (token.prefix && isSingleCjk(token.term)) ranges.push([charFrequencyKey(token.term), charFrequencyKey(token.term)]);
    ranges.push([token.term, token.prefix ? `${token.term}\uffff` : token.term]);
  }
  return ranges;
}

function partPath(entry: TermPartEntry): string {
  return termPartPath(entry[1]);
}
