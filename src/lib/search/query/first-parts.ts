/**
 * The index files a search's first answer reads, from the manifest and the parsed query alone:
 * the newest docs block and the newest block's vocabulary parts of the query's tokens (what
 * `loadNewestPlanTerms` and the first step of `runQuerySteps` load). The search worker fetches
 * them the moment a query arrives, while the search core's own code is still downloading (see
 * search-worker.ts): on a cold page the parts and the code then travel together instead of one
 * after the other. A list that misses a file costs nothing but the head start: the search fetches
 * what it needs itself.
 */
import { charFrequencyKey } from '../text/char-frequency.ts';
import { type Manifest, partIndexOf, type TermPartEntry, termPartPath } from '../format/index-format.ts';
import type { ParsedQuery } from './parse-query.ts';
import { planQuery, planTokens, widenLatinPrefixes } from './query-plan.ts';
import { isSingleCjk } from '../text/tokenize.ts';

/**
 * Paths (relative to the index folder) of the files the first answer to `parsed` reads. `parsed`
 * is widened for Latin prefixes first, as `Searcher.parse` does (it is changed in place).
 *
 * @example firstAnswerFiles(manifest, parseQuery('王毅')) // ['docs-….bin', 'terms-….bin']
 */
export function firstAnswerFiles(manifest: Pick<Manifest, 'docs' | 'newestParts'>, parsed: ParsedQuery): string[] {
  const files = new Set<string>();
  const newestDocs = manifest.docs.at(-1);
  if (newestDocs) files.add(newestDocs.file);
  const parts = manifest.newestParts;
  if (parts.length === 0) return [...files];
  const addRange = (from: string, to: string) => {
    for (let i = partIndexOf(parts, from), last = partIndexOf(parts, to); i <= last; i++) files.add(partPath(parts[i]!));
  };
  for (const token of planTokens(planQuery(widenLatinPrefixes(parsed)))) {
    // A one-character query: its merged term (merged-prefix.ts) reads the character's range and its stored frequency.
    if (token.prefix && isSingleCjk(token.term)) addRange(charFrequencyKey(token.term), charFrequencyKey(token.term));
    addRange(token.term, token.prefix ? `${token.term}\uffff` : token.term);
  }
  return [...files];
}

function partPath(entry: TermPartEntry): string {
  return termPartPath(entry[1]);
}
