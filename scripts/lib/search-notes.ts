import type { QueryCut } from '../../src/lib/search/index.ts';
import { MAX_QUERY_CHARS, MAX_QUERY_CLAUSES } from '../../src/lib/search/index.ts';
import { IndexError } from '../../src/lib/search/index.ts';
import { printableName } from './printable-name.ts';

/**
 * What the query limits cut, as one sentence for the search CLI's standard error (empty when
 * nothing was cut).
 * @example describeQueryCut({ chars: 10000 }) // 'note: the query is 10000 characters long; only its first 256 were searched.'
 */
export function describeQueryCut(cut: QueryCut | null): string {
  if (!cut) return '';
  const parts: string[] = [];
  if (cut.chars !== undefined) parts.push(`the query is ${cut.chars} characters long; only its first ${MAX_QUERY_CHARS} were searched`);
  if (cut.clauses !== undefined) parts.push(`the query has ${cut.clauses} words and phrases; only the first ${MAX_QUERY_CLAUSES} were searched`);
  return `note: ${parts.join('; ')}.`;
}

/**
 * The sentence the search CLI prints (before exiting 2) for an index it cannot use, or null
 * when `error` is not about the index (a bug: let it through, with its stack).
 * @example indexFailure(new IndexError('load-index: cannot load manifest.json (ENOENT …)', 'manifest.json', 'unavailable'))
 * // 'search: the index cannot be used: load-index: cannot load manifest.json (ENOENT …)'
 */
export function indexFailure(error: unknown): string | null {
  if (!(error instanceof IndexError)) return null;
  return `search: the index cannot be used: ${printableName(error.message)}`;
}
