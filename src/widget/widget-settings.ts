/**
 * The widget's settings, read from its props (`widget-props.ts`) once per set-up: what the first
 * paint (`first-paint.ts`) and the App (`NewsSearch.svelte`) are made with.
 */
import { toggledFilter } from '../ui/state/facet-filters.ts';
import type { Lang } from '../ui/i18n/lang.ts';
import { PAGE_SIZE, type SearchInputs } from '../protocol/search-request.ts';
import { parseDate, parseOutlets, parseWidgetLang, resolveIndexUrl, resolvePageUrl } from './urls.ts';
import type { WidgetProps } from './widget-props.ts';

export interface WidgetSettings {
  /** The index folder, absolute. */
  indexFolder: string;
  /** The attribute's language, or undefined for the visitor's Chinese. */
  lang: Lang | undefined;
  placeholder: string | undefined;
  pageSize: number;
  /** The preset filters (the words are the box's). */
  inputs: Omit<SearchInputs, 'text'>;
  /** The hosted page when articles open there (`open-in="page"`), else null. */
  pageUrl: string | null;
}

/** The settings for `props`: URLs relative to the host page (`pageBase`), the index by default beside `widget.js` (`scriptUrl`). */
export function widgetSettings(props: WidgetProps, pageBase: string, scriptUrl: string): WidgetSettings {
  const { indexUrl, lang, placeholder, resultsPerPage, outlet, from, to, openIn, pageUrl } = props;
  const indexFolder = resolveIndexUrl(indexUrl, pageBase, scriptUrl);
  return {
    indexFolder,
    lang: parseWidgetLang(lang),
    placeholder: placeholder || undefined,
    pageSize: resultsPerPage && resultsPerPage > 0 ? Math.floor(resultsPerPage) : PAGE_SIZE,
    inputs: { filters: toggledFilter({}, 'outlet', null, parseOutlets(outlet)), from: parseDate(from), to: parseDate(to), sort: 'relevance' },
    pageUrl: openIn === 'page' ? resolvePageUrl(pageUrl, indexFolder, pageBase) : null,
  };
}
