import { beforeAll, describe, expect, it } from 'vitest';
import { loadFoldingTable } from '../../src/lib/search/fold.ts';
import { isLiteralFormKey, literalFormKey, literalFormKeys, literalForms, wroteTypedForms } from '../../src/lib/search/literal-forms.ts';

beforeAll(() => loadFoldingTable());

describe('literalForms', () => {
  it('pairs each Chinese bigram folded with the form written (NFKC and case, no script folding)', () => {
    expect(literalForms('臺灣人')).toEqual([
      { folded: '台湾', literal: '臺灣' },
      { folded: '湾人', literal: '灣人' },
    ]);
    // A compatibility ideograph (U+F9B5 例) is written as its NFKC form; a zero-width space inside a word is dropped.
    expect(literalForms('\uf9b5\u200b如')).toEqual([{ folded: '例如', literal: '例如' }]);
  });

  it('leaves out Latin words and one-character runs', () => {
    expect(literalForms('COVID 港 疫苗')).toEqual([{ folded: '疫苗', literal: '疫苗' }]);
  });
});

describe('literalFormKeys', () => {
  it('adds nothing for text every bigram of which is written in its folded form', () => {
    expect(literalFormKeys('台湾 香港 covid')).toEqual([]);
    expect(literalFormKeys('香港')).toEqual([]);
  });

  it('keeps every form of a bigram written otherwise, its folded form too when written as well', () => {
    const keys = literalFormKeys('臺灣與台湾');
    expect(keys).toContain(literalFormKey('台湾', '臺灣'));
    expect(keys).toContain(literalFormKey('台湾', '台湾'));
    expect(keys.every(isLiteralFormKey)).toBe(true);
    expect(literalFormKeys('台灣')).toEqual([literalFormKey('台湾', '台灣')]);
  });
});

describe('wroteTypedForms', () => {
  // Article 1 wrote 臺灣; article 2 台灣; article 3 台湾 only (no key); article 4 both 台湾 and 台灣.
  const index = new Map<string, number[]>([
    [literalFormKey('台湾', '臺灣'), [1]],
    [literalFormKey('台湾', '台灣'), [2, 4]],
    [literalFormKey('台湾', '台湾'), [4]],
  ]);
  const keysOf = (folded: string) => [...index.keys()].filter((key) => key.startsWith(`${folded}\u0001`));
  const holds = (key: string, n: number) => index.get(key)?.includes(n) ?? false;
  const wrote = (typed: string, n: number) => wroteTypedForms(literalForms(typed), n, keysOf, holds);

  it('tells the article that wrote a traditional form as typed from the ones that wrote another', () => {
    expect([1, 2, 3, 4].map((n) => wrote('臺灣', n))).toEqual([true, false, false, false]);
    expect([1, 2, 3, 4].map((n) => wrote('台灣', n))).toEqual([false, true, false, true]);
  });

  it('counts a simplified form as written where the article wrote no other form, or wrote it too', () => {
    expect([1, 2, 3, 4].map((n) => wrote('台湾', n))).toEqual([false, false, true, true]);
  });
});
