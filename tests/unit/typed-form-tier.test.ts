import { beforeAll, describe, expect, it } from 'vitest';
import { loadFoldingTable } from '../../src/lib/search/text/fold.ts';
import { literalFormKey, literalForms } from '../../src/lib/search/text/literal-forms.ts';
import { MATCH_TIERS, OTHER_SCRIPT_ARTICLE } from '../../src/lib/search/query/match-tiers.ts';
import { typedFormTier } from '../../src/lib/search/query/typed-form-tier.ts';

beforeAll(() => loadFoldingTable());

describe('typedFormTier', () => {
  // Article 1 wrote 臺灣; article 2 台灣; article 3 台湾 only (no key); article 4 both 台湾 and 台灣. Articles 1, 2, 4 are traditional.
  const keys = new Map<string, number[]>([
    [literalFormKey('台湾', '臺灣'), [1]],
    [literalFormKey('台湾', '台灣'), [2, 4]],
    [literalFormKey('台湾', '台湾'), [4]],
  ]);
  const postingsOf = (key: string) => {
    const numbers = keys.get(key);
    return numbers && [Uint32Array.from(numbers.flatMap((n) => [n, 1]))];
  };
  const keysByFolded = new Map([['台湾', [...keys.keys()]]]);
  const tierOf = (typed: string, n: number) => typedFormTier(keysByFolded, postingsOf, (number) => number !== 3)(literalForms(typed), typed !== '台湾')?.(n);
  const { typed, otherScript } = MATCH_TIERS;

  it('tells the article that wrote a traditional form as typed from the ones that wrote another', () => {
    expect([1, 2, 3, 4].map((n) => tierOf('臺灣', n))).toEqual([typed, otherScript, otherScript + OTHER_SCRIPT_ARTICLE, otherScript]);
    expect([1, 2, 3, 4].map((n) => tierOf('台灣', n))).toEqual([otherScript, typed, otherScript + OTHER_SCRIPT_ARTICLE, typed]);
  });

  it('counts a simplified form as written where the article wrote no other form, or wrote it too', () => {
    expect([1, 2, 3, 4].map((n) => tierOf('台湾', n))).toEqual([otherScript + OTHER_SCRIPT_ARTICLE, otherScript + OTHER_SCRIPT_ARTICLE, typed, typed + OTHER_SCRIPT_ARTICLE]);
  });

  it('has no tier to tell for a word the archive writes one way only', () => {
    expect(typedFormTier(new Map([['香港', []]]), () => undefined, () => true)(literalForms('香港'), false)).toBeNull();
  });
});
