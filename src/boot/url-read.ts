/**
 * Reads the search state from the page URL (the format of `url-state.ts`): the hosted page's
 * only (its early search, its history), so the widget, which never reads the page's URL, does
 * not load it.
 */
import type { SortOrder } from '../lib/search/types.ts';
import { parseLang } from '../ui/i18n/lang.ts';
import type { UrlState } from '../ui/state/url-state.ts';

const SORTS: readonly SortOrder[] = ['relevance', 'newest', 'oldest'];
/** Longest `#a=` value kept: ids are 16 characters at most; a longer one is kept (cut) only to be reported not found. */
const MAX_ARTICLE_ID_CHARS = 64;

/**
 * Reads the state from a URL's query and fragment. Unknown parameters are ignored and invalid
 * values (a malformed date, an unknown sort) fall back to the defaults, so a mangled link still
 * opens a working page; a malformed `#a=` id is kept, for the reader to report it not found.
 *
 * @example parseUrlState('?q=王毅&outlet=法广&sort=newest', '#a=0xrlu2iugoz')
 * // { text: '王毅', outlets: ['法广'], from: '', to: '', sort: 'newest', articleId: '0xrlu2iugoz' }
 */
export function parseUrlState(search: string, hash: string): UrlState {
  const params = new URLSearchParams(search);
  const fragment = new URLSearchParams(hash.replace(/^#/, ''));
  const sort = params.get('sort') as SortOrder | null;
  const articleId = fragment.get('a') ?? '';
  const state: UrlState = {
    text: params.get('q') ?? '',
    outlets: [...new Set(params.getAll('outlet'))],
    from: validDay(params.get('from')),
    to: validDay(params.get('to')),
    sort: sort && SORTS.includes(sort) ? sort : 'relevance',
    // A malformed id is kept: the reader then says "not found", as for a well-formed unknown id,
    // rather than open the page as if no article had been linked.
    articleId: articleId.slice(0, MAX_ARTICLE_ID_CHARS),
  };
  const lang = parseLang(params.get('lang'));
  if (lang) state.lang = lang;
  return state;
}

function validDay(value: string | null): string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return '';
  const date = new Date(`${value}T00:00:00Z`);
  // Rejects 2021-02-30 and friends, which Date would silently roll over.
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value ? value : '';
}
