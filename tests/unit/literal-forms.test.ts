import { beforeAll, describe, expect, it } from 'vitest';
import { loadFoldingTable } from '../../src/lib/search/text/fold.ts';
import { isLiteralFormKey, literalFormKey, literalFormKeys, literalForms } from '../../src/lib/search/text/literal-forms.ts';

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
