import type { QueryRewrite } from '../types.ts';

/**
 * The query that searches the literal words of `text`: each word the engine corrected or widened
 * with synonyms (`rewrites` of kind `typo` or `synonym`) put in quotes, which turns off synonyms,
 * typo tolerance and prefix expansion for it; each word it also found in the other script
 * (`script`) marked `+` instead (`+臺灣`: as written, no other script's form, no synonyms
 * either). Words already quoted are marked `+` when their script was folded; excluded words are
 * left alone; a word is recognised by its NFKC, lowercased form.
 *
 * @example literalQuery('川普 北约', [{ from: '川普', to: '特朗普', kind: 'synonym' }]) // '"川普" 北约'
 * @example literalQuery('Huawai', [{ from: 'huawai', to: 'huawei', kind: 'typo' }]) // '"Huawai"'
 * @example literalQuery('臺灣 选举', [{ from: '臺灣', to: '台湾', kind: 'script' }]) // '+臺灣 选举'
 */
export function literalQuery(text: string, rewrites: readonly QueryRewrite[]): string {
  const { widened, scripted } = rewrittenWords(rewrites);
  if (widened.size === 0 && scripted.size === 0) return text;
  // Quoted phrases are kept whole; other runs of non-space characters are words.
  return text.replace(/[+＋]?"[^"]*"|[^\s"]+/g, (word) => {
    if (/^[+＋]/.test(word)) return word;
    const key = wordKey(word);
    if (scripted.has(key)) return `+${word}`;
    return widened.has(key) && !word.startsWith('"') ? `"${word}"` : word;
  });
}

/**
 * The words of `text` that `literalQuery` quotes or marks, as typed (without quotes), each once.
 * @example literalWords('Huawai', [{ from: 'huawai', to: 'huawei', kind: 'typo' }, { from: 'huawei', to: '华为', kind: 'synonym' }]) // ['Huawai']
 */
export function literalWords(text: string, rewrites: readonly QueryRewrite[]): string[] {
  const { widened, scripted } = rewrittenWords(rewrites);
  const words = text.match(/[+＋]?"[^"]*"|[^\s"]+/g) ?? [];
  const marked = words.filter((word) => {
    if (/^[+＋]/.test(word)) return false;
    const key = wordKey(word);
    return scripted.has(key) || (widened.has(key) && !word.startsWith('"'));
  });
  return [...new Set(marked.map((word) => word.replace(/^"|"$/g, '')))];
}

/** Whether some rewrite has a literal search to offer (every kind does: quotes, or `+` for the other script). */
export function hasLiteralSearch(rewrites: readonly QueryRewrite[]): boolean {
  return rewrites.length > 0;
}

/** The `from` words of the rewrites that widen a word (typos, synonyms) and of those that fold its script. */
function rewrittenWords(rewrites: readonly QueryRewrite[]): { widened: Set<string>; scripted: Set<string> } {
  return {
    widened: new Set(rewrites.filter((r) => r.kind !== 'script').map((r) => r.from)),
    scripted: new Set(rewrites.filter((r) => r.kind === 'script').map((r) => r.from)),
  };
}

/** A word as rewrites name it: NFKC and lowercase, a quoted phrase without its quotes. */
function wordKey(word: string): string {
  return word.replace(/^"|"$/g, '').normalize('NFKC').toLowerCase();
}
