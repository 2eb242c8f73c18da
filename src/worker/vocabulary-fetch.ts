/**
 * The search service's `prefetch` request (see `vocabulary-prefetch.ts` for when the hosted page
 * sends it; `index-session.ts` keeps what it fetched): a chunk of its own, because only the hosted
 * page asks, after its first results. The widget never loads it.
 */
import { termPartPath } from '../lib/search/format/index-format.ts';
import { decodePack, type PackEntry, packsOf } from '../lib/search/format/term-packs.ts';
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
 * Fetches the vocabulary parts `vocabularyWithin` picks into `prefetched` (by path), a few files at a
 * time with `fetchPart` (which asks at low priority, so that a search's own requests go first): a
 * pack of eight neighbouring parts per file where the index has packs (`term-packs.ts`), else a
 * part per file; within the budget scaled by the connection (`scaledBudget`), in `PrefetchQueue`'s order.
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
  const packs = new Map<string, PackEntry>();
  const packed = opened.manifest.termPacks;
  const queue = new PrefetchQueue(
    tables.map((parts, v) => {
      if (!packed?.vocabularies.includes(vocabularies[v]!)) return { parts, path: ([, hash]) => termPartPath(hash) };
      const pages = vocabularies[v] === 'newestParts' ? opened.manifest.newestPartPages : opened.manifest.partPages;
      const packOf: string[] = [];
      for (const pack of packsOf(pages, parts, packed.parts)) {
        packs.set(pack.path, pack);
        for (let i = 0; i < pack.hashes.length; i++) packOf[pack.first + i] = pack.path;
      }
      return { parts, path: ([, hash], i) => packOf[i] ?? termPartPath(hash) };
    }),
  );
  if (focus.lastRanges) queue.focus(focus.lastRanges);
  focus.setQueue(queue);
  let files = 0;
  let fetchedBytes = 0;
  let failed = 0;
  const lane = async () => {
    // Within the budget: a vocabulary larger than it is fetched as far as the budget goes, in the queue's order.
    for (let path = queue.next(); path !== undefined && fetchedBytes < bytes; path = queue.next()) {
      const pack = packs.get(path);
      const fetched = pack ? fetchPack(path, pack) : fetchOne(path);
      if (!fetched) continue;
      await fetched.then(
        (size) => {
          files++;
          fetchedBytes += size;
        },
        () => failed++,
      );
    }
  };
  /** `bytes` in `prefetched` as `path`, forgotten if they fail (a search that needs them then fetches them itself). */
  const remember = (path: string, bytes: Promise<Uint8Array>) => {
    prefetched.set(path, bytes);
    bytes.catch(() => {
      if (prefetched.get(path) === bytes) prefetched.delete(path);
    });
  };
  /** A part of its own, unless a search or an earlier pack has it: its size once here. */
  const fetchOne = (path: string): Promise<number> | null => {
    if (prefetched.has(path)) return null;
    const fetched = fetchPart(path);
    remember(path, fetched);
    return fetched.then((data) => data.length);
  };
  /**
   * A pack, unless every part of it is had already: each part it brings is in `prefetched` from
   * the start (a search that needs one meanwhile waits for the pack rather than asking again).
   */
  const fetchPack = (path: string, pack: PackEntry): Promise<number> | null => {
    const wanted = pack.hashes.filter((hash) => !prefetched.has(termPartPath(hash)));
    if (wanted.length === 0) return null;
    const fetched = fetchPart(path).then((data) => ({ size: data.length, parts: decodePack(data, pack.hashes) }));
    for (const hash of wanted) remember(termPartPath(hash), fetched.then(({ parts }) => parts.get(hash)!));
    return fetched.then(({ size }) => size);
  };
  await Promise.all(Array.from({ length: PREFETCH_CONCURRENCY }, lane));
  focus.setQueue(null);
  return { scope, files, bytes: fetchedBytes, failed };
}
