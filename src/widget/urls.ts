/**
 * The widget's settings from its attributes: where the index is, where the hosted search page is,
 * the preset filters and the language. Pure functions of their arguments (the page's base URL and
 * the widget script's own URL are passed in).
 */
import type { Lang } from '../ui/i18n/lang.ts';

/** The index folder next to the widget script when no `index-url` is given. */
const DATA_FOLDER = 'data/';

/**
 * The index folder for an `index-url` attribute: a manifest URL (`…/data/manifest.json`) or a
 * folder (`…/data/`, `…/data`), relative to the page; without one, `data/` beside the script.
 *
 * @example resolveIndexUrl('https://host/data/manifest.json', page, script) // 'https://host/data/'
 */
export function resolveIndexUrl(attribute: string | undefined, pageBase: string, scriptUrl: string): string {
  if (!attribute?.trim()) return new URL(DATA_FOLDER, scriptUrl).href;
  const url = new URL(attribute.trim(), pageBase);
  if (/\.json$/i.test(url.pathname)) return new URL('./', url).href;
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  url.search = url.hash = '';
  return url.href;
}

/** The hosted search page: `page-url` if given (relative to the page), else the index folder's parent. */
export function resolvePageUrl(attribute: string | undefined, indexFolder: string, pageBase: string): string {
  return attribute?.trim() ? new URL(attribute.trim(), pageBase).href : new URL('../', indexFolder).href;
}

/** `outlet="法广, 美国之音"` → the outlet names (ASCII or full-width commas). */
export function parseOutlets(attribute: string | undefined): string[] {
  return (attribute ?? '')
    .split(/[,，]/)
    .map((outlet) => outlet.trim())
    .filter(Boolean);
}

/** A `from`/`to` attribute when it is a date (`YYYY-MM-DD`), else '' (no bound). */
export function parseDate(attribute: string | undefined): string {
  const date = attribute?.trim() ?? '';
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : '';
}

/** `lang` attribute values and the language each names; `zh` (or none): the browser's Chinese. */
const LANGS: Record<string, Lang | undefined> = { en: 'en', zh: undefined, 'zh-hans': 'zh-Hans', 'zh-cn': 'zh-Hans', 'zh-hant': 'zh-Hant', 'zh-tw': 'zh-Hant', 'zh-hk': 'zh-Hant' };

/**
 * The widget's language for its `lang` attribute, or undefined for the visitor's Chinese.
 *
 * @example parseWidgetLang('zh-TW') // 'zh-Hant'
 */
export function parseWidgetLang(attribute: string | undefined): Lang | undefined {
  return LANGS[(attribute ?? '').toLowerCase()];
}
