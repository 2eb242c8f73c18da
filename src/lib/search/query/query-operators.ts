/**
 * The words of the query syntax that are not search terms: `OR` between two terms (also `|` and
 * the full-width `｜`). Apart from the parser so that the page's "search without" suggestions
 * can leave them out without loading it.
 */
const OR_OPERATORS = new Set(['OR', '|', '｜']);

/**
 * Whether a space-separated word of a query is the `OR` operator (upper case only: `or` is a word).
 *
 * @example isOrOperator('OR') // true
 * @example isOrOperator('or') // false
 */
export function isOrOperator(word: string): boolean {
  return OR_OPERATORS.has(word);
}

/**
 * The query's words as a visitor would drop them: space-separated words, with alternatives joined
 * by `OR` kept together (`香港 OR 台湾`: dropping one of them would narrow the search, not widen
 * it) and an `OR` joining nothing left out.
 *
 * @example queryWords('王毅 美国 OR 日本') // ['王毅', '美国 OR 日本']
 */
export function queryWords(text: string): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (isOrOperator(words[i]!)) continue;
    let word = words[i]!;
    while (words[i + 1] !== undefined && isOrOperator(words[i + 1]!) && words[i + 2] !== undefined && !isOrOperator(words[i + 2]!)) {
      word += ` OR ${words[i + 2]}`;
      i += 2;
    }
    out.push(word);
  }
  return out;
}

/**
 * The query without one of its {@link queryWords}.
 *
 * @example withoutQueryWord('王毅 美国 OR 日本', '美国 OR 日本') // '王毅'
 */
export function withoutQueryWord(text: string, word: string): string {
  return queryWords(text)
    .filter((w) => w !== word)
    .join(' ');
}
