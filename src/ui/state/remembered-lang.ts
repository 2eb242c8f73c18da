/**
 * The language a reader chose on this site, remembered in `localStorage` under the site's path
 * (the folder of the page: two archives on one host keep their own choice). A `?lang=` in the URL
 * still wins; storage that throws (private modes, blocked cookies) just remembers nothing.
 */
import { parseLang, type Lang } from '../i18n/lang.ts';

const KEY_PREFIX = 'news-archive-search:lang:';

/** The storage key for the page at `pathname`: its folder. */
export function langKey(pathname: string): string {
  return KEY_PREFIX + pathname.replace(/[^/]*$/, '');
}

/** The language chosen before on this site, if any. */
export function rememberedLang(): Lang | undefined {
  try {
    return parseLang(localStorage.getItem(langKey(location.pathname)));
  } catch {
    return undefined;
  }
}

/** Remembers `lang` for this site. */
export function rememberLang(lang: Lang): void {
  try {
    localStorage.setItem(langKey(location.pathname), lang);
  } catch {
    // Nothing remembered: the choice holds for this visit (and its URL).
  }
}
