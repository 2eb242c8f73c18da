/**
 * The page's languages and how a language tag (URL, prop, browser) maps to one. Apart from the
 * strings (`i18n.ts`) so that reading a URL (`url-state.ts`, at the page's very start) costs
 * no messages.
 */

/** UI languages. */
export type Lang = 'zh-Hans' | 'zh-Hant' | 'en';

export const LANGS: readonly Lang[] = ['zh-Hans', 'zh-Hant', 'en'];

/**
 * Reads a language tag from a URL (`?lang=en`) or a prop: English, traditional or simplified
 * Chinese; undefined for anything else.
 *
 * @example parseLang('zh-TW') // 'zh-Hant'
 */
export function parseLang(tag: string | null | undefined): Lang | undefined {
  if (!tag) return undefined;
  const lower = tag.toLowerCase();
  if (lower === 'en' || lower.startsWith('en-')) return 'en';
  if (lower === 'zh' || lower.startsWith('zh-')) return isTraditionalTag(lower) ? 'zh-Hant' : 'zh-Hans';
  return undefined;
}

/**
 * The Chinese the visitor prefers: traditional when their first Chinese language is written in it
 * (zh-TW, zh-HK, zh-MO, zh-Hant-*), else simplified. The page is Chinese by default whatever else
 * the browser prefers; English is one click (or `?lang=en`) away.
 */
export function preferredChinese(languages: readonly string[]): Lang {
  const chinese = languages.find((tag) => /^zh(-|$)/i.test(tag));
  return chinese && isTraditionalTag(chinese.toLowerCase()) ? 'zh-Hant' : 'zh-Hans';
}

function isTraditionalTag(lower: string): boolean {
  return /^zh-(hant|tw|hk|mo)(-|$)/.test(lower) || /-hant(-|$)/.test(lower);
}
