import { foldText } from './fold.ts';
import { tokenize } from './tokenize.ts';

/**
 * The one text → terms path, used for indexing titles and texts and for checking phrases:
 * fold (NFKC, case, traditional → simplified), then split into bigrams and words.
 * The folding table must be loaded first when the text may hold traditional characters.
 * @example analyzeText('臺灣 COVID-19') // ['台湾', 'covid', '19']
 */
export function analyzeText(text: string): string[] {
  return tokenize(foldText(text));
}
