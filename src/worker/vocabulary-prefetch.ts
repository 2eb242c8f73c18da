/**
 * When the hosted page fetches the whole vocabulary ahead (the worker's `prefetch`): once the
 * visitor has searched for words (a sign they will search again), a moment after the answer,
 * on a connection that is neither slow nor metered. Then every later new word is searched from
 * memory, without a round trip. The budget keeps it to archives whose vocabulary is a few
 * megabytes (the 3,155-article archive: 5.2 MB); a larger one fetches its newest block's
 * vocabulary alone (100,000 articles: 7.6 MB of 34 MB), which every query's first answer needs.
 */
import type { TermPartEntry } from '../lib/search/format/index-format.ts';

/** Largest vocabulary fetched ahead, in bytes (gzip, as the manifest counts them). */
export const VOCABULARY_BUDGET = 8_000_000;
/** Pause after the first answer to a query with words before the prefetch starts (ms). */
export const PREFETCH_DELAY_MS = 1000;

/**
 * The vocabulary parts to fetch ahead within `budget` bytes: both vocabularies when they fit,
 * else the newest block's alone (index version 3: a query's first answer, over the newest block,
 * needs only those), else null.
 *
 * @example vocabularyWithin([['a', 'x', 900]], [['a', 'y', 50]], 500) // [['a', 'y', 50]]
 */
export function vocabularyWithin(older: readonly TermPartEntry[], newest: readonly TermPartEntry[], budget: number): TermPartEntry[] | null {
  const size = (parts: readonly TermPartEntry[]) => parts.reduce((sum, [, , bytes]) => sum + bytes, 0);
  const newestBytes = size(newest);
  if (newestBytes + size(older) <= budget) return [...older, ...newest];
  return newestBytes <= budget ? [...newest] : null;
}

/** The parts of the Network Information API read here (not in TypeScript's DOM library). */
interface ConnectionInfo {
  saveData?: boolean;
  effectiveType?: string;
}

/**
 * True when the connection invites a download of a few megabytes: not with Save-Data on, not
 * on what the browser rates 2g or 3g. A browser without the API (Firefox, Safari) gives no sign
 * against it.
 *
 * @example connectionAllowsPrefetch({ saveData: false, effectiveType: '4g' }) // true
 */
export function connectionAllowsPrefetch(connection: ConnectionInfo | undefined = (navigator as Navigator & { connection?: ConnectionInfo }).connection): boolean {
  if (!connection) return true;
  if (connection.saveData) return false;
  return connection.effectiveType === undefined || connection.effectiveType === '4g';
}
