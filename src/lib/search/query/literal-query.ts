import type { QueryRewrite } from '../types.ts';

/**
 * The query that searches the literal words of `text`: each word the engine corrected or widened
 * with synonyms (`rewrites` of kind `typo` or `synonym`) put in quotes. A quoted word is matched
 * as written: no synonyms, no typo tolerance, no prefix expansion (simplified and traditional
 * still match each other: the index folds them alike). Words already quoted or excluded are left
 * alone; a word is recognised by its NFKC, lowercased form.
 *
 * @example literalQuery('川普 北约', [{ from: '川普', to: '特朗普', kind: 'synonym' }]) // '"川普" 北约'
 * @example literalQuery('Huawai', [{ from: 'huawai', to: 'huawei', kind: 'typo' }]) // '"Huawai"'
 */
export function literalQuery(text: string, rewrites: readonly QueryRewrite[]): string {
  const widened = new Set(rewrites.filter((r) => r.kind !== 'script').map((r) => r.from));
  if (widened.size === 0) return text;
  // Quoted phrases are kept whole; other runs of non-space characters are words.
  return text.replace(/"[^"]*"|[^\s"]+/g, (word) => (widened.has(word.normalize('NFKC').toLowerCase()) ? `"${word}"` : word));
}

/**
 * The words of `text` that `literalQuery` quotes, as typed, each once.
 * @example literalWords('Huawai', [{ from: 'huawai', to: 'huawei', kind: 'typo' }, { from: 'huawei', to: '华为', kind: 'synonym' }]) // ['Huawai']
 */
export function literalWords(text: string, rewrites: readonly QueryRewrite[]): string[] {
  const widened = new Set(rewrites.filter((r) => r.kind !== 'script').map((r) => r.from));
  const words = text.match(/"[^"]*"|[^\s"]+/g) ?? [];
  return [...new Set(words.filter((word) => widened.has(word.normalize('NFKC').toLowerCase())))];
}

/** Whether some rewrite has a literal search to offer (typos and synonyms; folding scripts has none). */
export function hasLiteralSearch(rewrites: readonly QueryRewrite[]): boolean {
  return rewrites.some((r) => r.kind !== 'script');
}
