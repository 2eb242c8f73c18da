/**
 * The rewrites line's strings (`QueryRewrites.svelte`: a typo's correction, synonyms included, the
 * other script included, and its link to the literal words) in every language: part of its chunk,
 * asked for by the first answer that has rewrites, not of the App's.
 */
import type { Lang } from '../lang.ts';

export interface RewritesMessages {
  rewriteTypo: (to: string) => string;
  rewriteSynonyms: (to: string) => string;
  rewriteScript: (to: string, script: 'simplified' | 'traditional') => string;
  /** The link to the literal words: after a typo's correction, and after synonyms only. */
  literalInstead: (words: string) => string;
  literalOnly: (words: string) => string;
}

const REWRITES_MESSAGES: Readonly<Record<Lang, RewritesMessages>> = {
  'zh-Hans': {
    rewriteTypo: (to) => `显示 ${to} 的结果`,
    rewriteSynonyms: (to) => `已包含 ${to} 的结果`,
    rewriteScript: (to, script) => `已包含${script === 'traditional' ? '繁体' : '简体'} ${to} 的结果`,
    literalInstead: (words) => `仍搜 ${words}`,
    literalOnly: (words) => `只搜 ${words}`,
  },
  'zh-Hant': {
    rewriteTypo: (to) => `顯示 ${to} 的結果`,
    rewriteSynonyms: (to) => `已包含 ${to} 的結果`,
    rewriteScript: (to, script) => `已包含${script === 'traditional' ? '繁體' : '簡體'} ${to} 的結果`,
    literalInstead: (words) => `仍搜 ${words}`,
    literalOnly: (words) => `只搜 ${words}`,
  },
  en: {
    rewriteTypo: (to) => `Showing results for ${to}`,
    rewriteSynonyms: (to) => `Including results for ${to}`,
    rewriteScript: (to, script) => `Including ${script} ${to}`,
    literalInstead: (words) => `search for ${words} instead`,
    literalOnly: (words) => `search only ${words}`,
  },
};

/** These strings in the language of `locale` (a `Messages.locale`: what the App shows, its fallback included). */
export function rewritesMessages(locale: string): RewritesMessages {
  return REWRITES_MESSAGES[locale === 'en' ? 'en' : locale === 'zh-TW' ? 'zh-Hant' : 'zh-Hans'];
}
