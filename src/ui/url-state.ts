/**
 * The page URL as state, both ways: `?q=…&outlet=…&outlet=…&from=YYYY-MM-DD&to=YYYY-MM-DD&sort=…&lang=…`
 * for the search and `#a=<article id>` for the article open in the reader. Pure: no `window`, so
 * the page, a future widget and the unit tests share it.
 */
import type { SortOrder } from '../lib/search/types.ts';
import { parseLang, type Lang } from './lang.ts';

/** Everything a shared link restores. */
export interface UrlState {
  text: string;
  outlets: string[];
  /** `YYYY-MM-DD` or ''. */
  from: string;
  to: string;
  sort: SortOrder;
  /** Id of the article open in the reader, or ''. */
  articleId: string;
  /** Language asked for in the URL, if any. */
  lang?: Lang;
}

export const DEFAULT_URL_STATE: Readonly<UrlState> = Object.freeze({ text: '', outlets: [], from: '', to: '', sort: 'relevance', articleId: '' });

const SORTS: readonly SortOrder[] = ['relevance', 'newest', 'oldest'];
const ARTICLE_ID = /^[0-9a-z]{1,16}$/;

/**
 * Reads the state from a URL's query and fragment. Unknown parameters are ignored and invalid
 * values (a malformed date, an unknown sort) fall back to the defaults, so a mangled link still
 * opens a working page.
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
    articleId: ARTICLE_ID.test(articleId) ? articleId : '',
  };
  const lang = parseLang(params.get('lang'));
  if (lang) state.lang = lang;
  return state;
}

/**
 * Writes the state as a query string and a fragment, leaving out defaults (`''` for a default
 * state). Parameters come in a fixed order so the same state always gives the same URL.
 *
 * @example serializeUrlState({ ...DEFAULT_URL_STATE, text: '王毅', articleId: 'abc' }) // { search: '?q=%E7%8E%8B%E6%AF%85', hash: '#a=abc' }
 */
export function serializeUrlState(state: UrlState): { search: string; hash: string } {
  const params = new URLSearchParams();
  if (state.text) params.set('q', state.text);
  for (const outlet of state.outlets) params.append('outlet', outlet);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.lang) params.set('lang', state.lang);
  const search = params.toString();
  return { search: search ? `?${search}` : '', hash: state.articleId ? `#a=${state.articleId}` : '' };
}

/** True when two states give the same URL. */
export function sameUrlState(a: UrlState, b: UrlState): boolean {
  const x = serializeUrlState(a);
  const y = serializeUrlState(b);
  return x.search === y.search && x.hash === y.hash;
}

function validDay(value: string | null): string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return '';
  const date = new Date(`${value}T00:00:00Z`);
  // Rejects 2021-02-30 and friends, which Date would silently roll over.
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value ? value : '';
}
