/**
 * The order the results are shown in, as the sort control says it: apart from the active filters
 * (`active-filters.ts`) so that the widget's first paint (`src/widget/first-paint.ts`) shows the
 * control as the App does without loading them.
 */
import type { SortOrder } from '../../lib/search/types.ts';

/**
 * True when the words ask for something to rank: with none (an empty box, or only excluded
 * words) the engine lists by date whatever the order says (`runQuery`).
 *
 * @example hasRankedWords('-体育') // false
 */
export function hasRankedWords(text: string): boolean {
  return text.split(/\s+/).some((word) => word !== '' && !word.startsWith('-') && word !== 'OR');
}

/**
 * The order the results are in: "relevance" with nothing to rank lists the newest first, and the
 * sort control says so.
 *
 * @example shownSort('', 'relevance') // 'newest'
 */
export function shownSort(text: string, sort: SortOrder): SortOrder {
  return sort === 'relevance' && !hasRankedWords(text) ? 'newest' : sort;
}
