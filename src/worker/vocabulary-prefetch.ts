/**
 * What the hosted page's vocabulary prefetch (the worker's `prefetch`) fetches: the whole
 * vocabulary within the budget the page gives (`VOCABULARY_BUDGET`, and when it asks, in
 * `src/ui/state/vocabulary-prefetch-once.ts`). The budget keeps it to archives whose vocabulary is
 * a few megabytes (the 3,155-article archive: 5.2 MB); a larger one fetches its newest block's
 * vocabulary alone (100,000 articles: 7.6 MB of 34 MB), which every query's first answer needs.
 */
import type { PartPageEntry } from '../lib/search/format/part-pages.ts';

/**
 * Which vocabularies to fetch ahead within `budget` bytes (their part table pages count each
 * page's parts' bytes): both when they fit, else the newest block's (index version 3: a query's
 * first answer, over the newest block, needs only those), the first `budget` bytes of it in the
 * prefetch's order when it does not fit whole (`bytes` is then the budget), null only for an
 * empty vocabulary.
 *
 * @example vocabularyWithin([['a', 'x', 20, 900]], [['a', 'y', 2, 50]], 500) // { scope: 'newest', bytes: 50 }
 */
export function vocabularyWithin(older: readonly PartPageEntry[], newest: readonly PartPageEntry[], budget: number): { scope: 'all' | 'newest'; bytes: number } | null {
  const size = (pages: readonly PartPageEntry[]) => pages.reduce((sum, page) => sum + page[3], 0);
  const newestBytes = size(newest);
  const all = newestBytes + size(older);
  if (all <= budget) return all > 0 ? { scope: 'all', bytes: all } : null;
  return { scope: 'newest', bytes: Math.min(newestBytes, budget) };
}
