/**
 * The search service's `prefetch` request (see `vocabulary-prefetch.ts` for when the hosted page
 * sends it; `index-session.ts` keeps what it fetched): a chunk of its own, because only the hosted
 * page asks, after its first results. The widget never loads it.
 */
import { termPartPath } from '../lib/search/format/index-format.ts';
import type { Searcher } from '../lib/search/searcher.ts';
import { vocabularyWithin } from './vocabulary-prefetch.ts';
import type { VocabularyPrefetch } from '../protocol/worker-protocol.ts';

/** Parts fetched at once by a prefetch: enough to keep a connection busy, few enough to leave room for a search's own. */
const PREFETCH_CONCURRENCY = 3;

/**
 * Fetches the vocabulary parts `vocabularyWithin` picks into `prefetched` (by path), a few at a
 * time, with `fetchPart` (which asks at low priority, so that a search's own requests go first).
 * Nothing is decoded: a search decodes the parts it needs as before, from memory instead of the
 * network. A part that fails is forgotten: a search that needs it fetches it itself.
 */
export async function fetchVocabulary(
  opened: Searcher,
  budget: number,
  prefetched: Map<string, Promise<Uint8Array>>,
  fetchPart: (path: string) => Promise<Uint8Array>,
): Promise<VocabularyPrefetch> {
  const entries = vocabularyWithin(opened.manifest.parts, opened.manifest.newestParts, budget);
  if (!entries) return { scope: 'none', files: 0, bytes: 0, failed: 0 };
  const scope = entries.length > opened.manifest.newestParts.length ? 'all' : 'newest';
  const bytes = entries.reduce((sum, [, , size]) => sum + size, 0);
  const paths = entries.map(([, hash]) => termPartPath(hash));
  let next = 0;
  let failed = 0;
  const lane = async () => {
    while (next < paths.length) {
      const path = paths[next++]!;
      if (prefetched.has(path)) continue;
      const bytes = fetchPart(path);
      prefetched.set(path, bytes);
      await bytes.catch(() => {
        prefetched.delete(path);
        failed++;
      });
    }
  };
  await Promise.all(Array.from({ length: PREFETCH_CONCURRENCY }, lane));
  return { scope, files: paths.length - failed, bytes, failed };
}
