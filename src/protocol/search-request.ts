/**
 * The search the page asks the worker for, from the words and filters it shows. Shared by the
 * App's state and the page's very first moments (`early-search.ts`), which must ask alike so
 * that what the one fetches serves the other.
 */
import type { SearchQuery, SortOrder } from '../lib/search/types.ts';

/** Results per page ("Load more" adds as many). */
export const PAGE_SIZE = 10;

/** What a search is made of on the page (the URL's `q`, `outlet`, `from`, `to`, `sort`). */
export interface SearchInputs {
  text: string;
  outlets: string[];
  /** `YYYY-MM-DD` or ''. */
  from: string;
  to: string;
  sort: SortOrder;
}

/** The worker query for `inputs`: empty dates are left out. */
export function queryOf({ text, outlets, from, to, sort }: SearchInputs): SearchQuery {
  return { text, outlets, from: from || undefined, to: to || undefined, sort };
}

/**
 * No words, no filters, newest first: the start page's list, which the manifest answers.
 *
 * @example isBareListing({ text: ' ', outlets: [], sort: 'newest' }) // true
 */
export function isBareListing(query: SearchQuery): boolean {
  return !query.text.trim() && !query.outlets?.length && !query.from && !query.to && query.sort !== 'oldest';
}
