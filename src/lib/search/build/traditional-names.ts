/**
 * Facet value names in traditional characters, for the traditional UI's author and tag lists,
 * chips and reader: opencc-js's simplified → traditional converter, Taiwan standard (`cn` → `tw`),
 * with news's own 台 where opencc writes the formal 臺 (台灣, 台北: what the archives write, and what
 * the corpus generator writes too). Build-only: the page receives the forms in the values files.
 */
import * as OpenCC from 'opencc-js/cn2t';

/** Taiwan's usage where opencc's `tw` table prefers the formal form. */
const PREFERRED: ReadonlyArray<readonly [string, string]> = [['臺', '台']];

/** Any CJK character: a name without one (Latin, digits) reads the same in both scripts. */
const HAS_CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;

let converter: ((text: string) => string) | null = null;

/**
 * `names`' traditional forms by position, where they differ from the name (sparse). opencc-js's
 * dictionaries load on the first call that has a Chinese name (about a third of a second).
 * @example traditionalForms(['张三', 'Reuters', '王丹']) // { 0: '張三' }
 */
export function traditionalForms(names: readonly string[]): Record<number, string> {
  const forms: Record<number, string> = {};
  names.forEach((name, code) => {
    if (!HAS_CJK.test(name)) return;
    converter ??= OpenCC.Converter({ from: 'cn', to: 'tw' });
    const form = PREFERRED.reduce((out, [from, to]) => out.replaceAll(from, to), converter(name));
    if (form !== name) forms[code] = form;
  });
  return forms;
}
