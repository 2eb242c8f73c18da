/**
 * The start view's list (no words, no filters), answered from the manifest: shared by the App's
 * results (`results.svelte.ts`) and the widget's first paint (`src/widget/first-paint.ts`).
 */
import type { Manifest } from '../../lib/search/format/index-format.ts';
import type { SearchAnswer } from '../../protocol/worker-protocol.ts';

/**
 * The bare listing's first `limit` articles from the manifest (the newest, with the empty query's
 * facets), or null when the manifest cannot say (an older index, or a longer page than it lists).
 */
export function listingOf(manifest: Manifest, limit: number): SearchAnswer | null {
  if (!manifest.facets || (limit > manifest.newest.length && manifest.newest.length < manifest.articles)) return null;
  return {
    total: manifest.articles,
    approximate: false,
    hits: manifest.newest.slice(0, limit).map((article) => ({ number: article.number, score: 0, terms: [] })),
    facets: manifest.facets,
    searched: { articles: manifest.articles, of: manifest.articles },
  };
}
