/**
 * Fast simplified → traditional conversion for generated text. opencc-js converts phrase by
 * phrase through a trie, which cost a quarter of the generator's time; here opencc-js is asked
 * once, at start-up, for every CJK character on its own (a character map) and for every
 * vocabulary word whose character-by-character conversion would be wrong (关系 → 關係, not 關系).
 * Converting is then one table lookup per character plus a phrase check where a phrase can start.
 * Text outside the vocabulary may differ from opencc-js in rare characters; see the unit test.
 */
import * as OpenCC from 'opencc-js';

/** Converts simplified Chinese text to traditional characters. */
export type TraditionalConverter = (text: string) => string;

const CJK_FIRST = 0x3400;
const CJK_LAST = 0x9fff;

/**
 * Taiwan's own usage where opencc's `tw` table prefers the formal form: news writes 台灣, not 臺灣
 * (RTI's name keeps 臺, and is written out in full, not converted).
 */
const PREFERRED: ReadonlyArray<readonly [string, string]> = [['臺', '台']];

/** Phrases from the sentence templates (outside the word lists) whose characters convert by context. */
const TEMPLATE_PHRASES = ['关系', '时候', '发布', '面临', '干预', '里面', '这里', '哪里', '公里', '后来', '之后', '最后', '复杂', '恢复', '答复', '制定', '制造', '周年', '周边', '周末', '本周'];

/**
 * Builds a converter for text made from `phrases` (the generator's vocabulary) and template glue.
 * Takes about a quarter of a second (opencc-js loads its dictionaries).
 * @example createTraditionalConverter(['关系'])('双边关系') // '雙邊關係'
 */
export function createTraditionalConverter(phrases: Iterable<string>): TraditionalConverter {
  const opencc = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const prefer = (text: string): string => PREFERRED.reduce((out, [from, to]) => out.replaceAll(from, to), text);

  // One call for all characters: the newlines keep opencc from matching phrases across them.
  const chars: string[] = [];
  for (let code = CJK_FIRST; code <= CJK_LAST; code++) chars.push(String.fromCharCode(code));
  const converted = opencc(chars.join('\n')).split('\n');
  const charMap: Array<string | undefined> = new Array(CJK_LAST - CJK_FIRST + 1);
  chars.forEach((char, i) => {
    const to = prefer(converted[i] ?? char);
    if (to !== char) charMap[i] = to;
  });
  const byChar = (text: string): string => Array.from(text, (c) => charMap[c.charCodeAt(0) - CJK_FIRST] ?? c).join('');

  // Phrases whose character-by-character conversion is wrong, indexed by first character.
  const candidates = [...new Set([...phrases, ...TEMPLATE_PHRASES])].filter((p) => p.length > 1);
  const phraseConversions = opencc(candidates.join('\n')).split('\n');
  const overrides = new Map<string, Array<readonly [string, string]>>();
  candidates.forEach((phrase, i) => {
    const to = prefer(phraseConversions[i] ?? phrase);
    if (to === byChar(phrase) || to.length !== phrase.length) return;
    const list = overrides.get(phrase[0]!) ?? [];
    list.push([phrase, to]);
    overrides.set(phrase[0]!, list);
  });
  for (const list of overrides.values()) list.sort((a, b) => b[0].length - a[0].length); // longest match first

  return (text) => {
    let out = '';
    let copiedTo = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code < CJK_FIRST || code > CJK_LAST) continue;
      const phrases = overrides.get(text[i]!);
      if (phrases) {
        const hit = phrases.find(([from]) => text.startsWith(from, i));
        if (hit) {
          out += text.slice(copiedTo, i) + hit[1];
          i += hit[0].length - 1;
          copiedTo = i + 1;
          continue;
        }
      }
      const mapped = charMap[code - CJK_FIRST];
      if (mapped !== undefined) {
        out += text.slice(copiedTo, i) + mapped;
        copiedTo = i + 1;
      }
    }
    return copiedTo === 0 ? text : out + text.slice(copiedTo);
  };
}
