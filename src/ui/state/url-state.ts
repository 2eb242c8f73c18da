/**
 * The page URL as state: `?q=…&outlet=…&outlet=…&from=YYYY-MM-DD&to=YYYY-MM-DD&sort=…&lang=…`
 * for the search and `#a=<article id>` for the article open in the reader. Written here (the
 * page's history, the widget's links to the hosted page); read by `url-read.ts`, which only the
 * hosted page loads. Pure: no `window`, so the page, the widget and the unit tests share it.
 */
import type { SortOrder } from '../../lib/search/types.ts';
import type { Lang } from '../i18n/lang.ts';

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
  return { search: search ? `?${search}` : '', hash: state.articleId ? `#a=${encodeURIComponent(state.articleId)}` : '' };
}

/** True when two states give the same URL. */
export function sameUrlState(a: UrlState, b: UrlState): boolean {
  const x = serializeUrlState(a);
  const y = serializeUrlState(b);
  return x.search === y.search && x.hash === y.hash;
}
