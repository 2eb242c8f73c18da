/**
 * The search service's `prefetch` request (see `vocabulary-prefetch.ts` for when the hosted page
 * sends it; `index-session.ts` keeps what it fetched): a chunk of its own, because only the hosted
 * page asks, after its first results. The widget never loads it.
 */
import { termPartPath } from '../lib/search/format/index-format.ts';
import type { Searcher } from '../lib/search/searcher.ts';
import type { VocabularyPrefetch } from '../protocol/worker-protocol.ts';
import { PrefetchQueue, scaledBudget, type ConnectionSpeed } from './prefetch-queue.ts';
import { vocabularyWithin } from './vocabulary-prefetch.ts';

/** Parts fetched at once by a prefetch: enough to keep a connection busy, few enough to leave room for a search's own. */
const PREFETCH_CONCURRENCY = 3;

/** What the session tells the prefetch, and hears from it, about the searches typed meanwhile. */
export interface PrefetchFocus {
  /** The term ranges of the last search (`termRanges`): its neighbourhood goes first. Worked out by
   * the session, whose chunk has the query parser already (importing it here would split it out). */
  lastRanges: ReadonlyArray<readonly [string, string]> | null;
  /** The running queue (null once it is done), so that each later search can move its terms up (`focusPrefetch`). */
  setQueue: (queue: PrefetchQueue | null) => void;
}

/**
 * Fetches the vocabulary parts `vocabularyWithin` picks into `prefetched` (by path), a few at a
 * time with `fetchPart` (which asks at low priority, so that a search's own requests go first),
 * within the budget scaled by the connection (`scaledBudget`), in `PrefetchQueue`'s order.
 * Nothing is decoded: a search decodes the parts it needs as before, from memory instead of the
 * network. A part that fails is forgotten: a search that needs it fetches it itself.
 */
export async function fetchVocabulary(
  opened: Searcher,
  budget: number,
  prefetched: Map<string, Promise<Uint8Array>>,
  fetchPart: (path: string) => Promise<Uint8Array>,
  focus: PrefetchFocus,
): Promise<VocabularyPrefetch> {
  const within = vocabularyWithin(opened.manifest.partPages, opened.manifest.newestPartPages, scaledBudget(budget, (navigator as Navigator & { connection?: ConnectionSpeed }).connection));
  if (!within) return { scope: 'none', files: 0, bytes: 0, failed: 0 };
  const { scope, bytes } = within;
  // The newest block's parts first: every first answer reads them.
  const vocabularies = scope === 'all' ? (['newestParts', 'parts'] as const) : (['newestParts'] as const);
  const tables = await Promise.all(vocabularies.map((vocabulary) => opened.reader.allParts(vocabulary)));
  const queue = new PrefetchQueue(tables.map((parts) => ({ parts, path: ([, hash]) => termPartPath(hash) })));
  if (focus.lastRanges) queue.focus(focus.lastRanges);
  focus.setQueue(queue);
  let files = 0;
  let fetchedBytes = 0;
  let failed = 0;
  const lane = async () => {
    // Within the budget: a vocabulary larger than it is fetched as far as the budget goes, in the queue's order.
    for (let path = queue.next(); path !== undefined && fetchedBytes < bytes; path = queue.next()) {
      if (prefetched.has(path)) continue;
      const fetched = fetchPart(path);
      prefetched.set(path, fetched);
      await fetched.then(
        (data) => {
          files++;
          fetchedBytes += data.length;
        },
        () => {
          prefetched.delete(path);
          failed++;
        },
      );
    }
  };
  await Promise.all(Array.from({ length: PREFETCH_CONCURRENCY }, lane));
  focus.setQueue(null);
  return { scope, files, bytes: fetchedBytes, failed };
}
