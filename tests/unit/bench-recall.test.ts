import { beforeAll, describe, expect, it } from 'vitest';
import { COMPARE_QUERIES } from '../../scripts/bench/queries.ts';
import { LITERAL_FOLD, meanOfDefined, queryTerms, RESULT_CAP, scoreResults, SubstringTruth } from '../../scripts/bench/recall.ts';
import { foldText, loadFoldingTable } from '../../src/lib/search/text/fold.ts';

const ARTICLES = [
  { number: 0, title: '王毅访问美国', text: '外长会谈。' },
  { number: 1, title: '臺灣選舉', text: '投票率創新高。' },
  { number: 2, title: '台湾选举结果', text: 'Huawei 与 TikTok。' },
  { number: 3, title: '王毅', text: '在北京。美国' },
  { number: 4, title: '香港新闻', text: '王' },
  { number: 5, title: '毅力', text: '无关' },
  { number: 6, title: '老王', text: '毅然离开' },
];

function truthOf(queries: string[], fold: (text: string) => string): SubstringTruth {
  const truth = new SubstringTruth(queries, fold);
  for (const article of ARTICLES) truth.add(article);
  return truth;
}

beforeAll(() => loadFoldingTable());

describe('queryTerms', () => {
  it('splits a query into its whitespace-separated terms', () => {
    expect(queryTerms(' 王毅  美国 ')).toEqual(['王毅', '美国']);
  });

  it('refuses phrases and exclusions, which a substring scan cannot judge', () => {
    expect(() => queryTerms('"国家安全"')).toThrow(/query syntax/);
    expect(() => queryTerms('香港 -国安法')).toThrow(/query syntax/);
    expect(() => queryTerms('  ')).toThrow(/empty/);
  });

  it('accepts every comparison query, and there are 30', () => {
    expect(COMPARE_QUERIES).toHaveLength(30);
    for (const query of COMPARE_QUERIES) expect(() => queryTerms(query)).not.toThrow();
  });
});

describe('SubstringTruth', () => {
  it('keeps the articles whose title + text contain every term, anywhere', () => {
    const truth = truthOf(['王毅 美国'], foldText);
    expect([...truth.of('王毅 美国')].sort()).toEqual([0, 3]);
  });

  it('does not match a term from scattered characters, nor across the end of the title', () => {
    // Article 4 has 王 alone, 5 has 毅 alone, 6 ends its title with 王 and starts its text with 毅.
    const truth = truthOf(['王毅'], foldText);
    expect([...truth.of('王毅')].sort()).toEqual([0, 3]);
  });

  it('matches simplified and traditional alike with the folding, and case-insensitively', () => {
    const truth = truthOf(['台湾 选举', '臺灣', 'huawei'], foldText);
    expect([...truth.of('台湾 选举')].sort()).toEqual([1, 2]);
    expect([...truth.of('臺灣')].sort()).toEqual([1, 2]);
    expect([...truth.of('huawei')]).toEqual([2]);
  });

  it('matches only the literal script with the literal fold, still case-insensitively', () => {
    const truth = truthOf(['臺灣', '台湾', 'HUAWEI'], LITERAL_FOLD);
    expect([...truth.of('臺灣')]).toEqual([1]);
    expect([...truth.of('台湾')]).toEqual([2]);
    expect([...truth.of('HUAWEI')]).toEqual([2]);
  });

  it('throws for a query it was not built with', () => {
    expect(() => truthOf(['王毅'], foldText).of('美国')).toThrow(/not scanned/);
  });
});

describe('scoreResults', () => {
  it('computes recall over the whole list and precision over the first ten', () => {
    const truth = new Set([1, 2, 3, 50]);
    const returned = [9, 1, 2, 8, 7, 6, 5, 4, 10, 11, 3, 50];
    const score = scoreResults(returned, truth);
    expect(score.recall).toBe(1);
    expect(score.precision).toBeCloseTo(2 / 10);
  });

  it('divides precision by the results returned when fewer than ten', () => {
    expect(scoreResults([1, 9], new Set([1, 2, 3, 4]))).toEqual({ recall: 0.25, precision: 0.5 });
  });

  it('counts duplicates in a list once', () => {
    expect(scoreResults([1, 1, 1], new Set([1, 2])).recall).toBe(0.5);
  });

  it('judges only the first RESULT_CAP results and caps the denominator alike', () => {
    const truth = new Set(Array.from({ length: RESULT_CAP + 500 }, (_, i) => i));
    const all = [...truth];
    expect(scoreResults(all, truth).recall).toBe(1);
    const late = [...Array.from({ length: RESULT_CAP }, (_, i) => -1 - i), 0];
    expect(scoreResults(late, truth).recall).toBe(0);
  });

  it('leaves recall undefined for an empty truth and precision undefined for an empty list', () => {
    const noTruth = scoreResults([1], new Set());
    expect(noTruth.recall).toBeNaN();
    expect(noTruth.precision).toBe(0);
    const nothing = scoreResults([], new Set([1]));
    expect(nothing.recall).toBe(0);
    expect(nothing.precision).toBeNaN();
  });
});

describe('meanOfDefined', () => {
  it('averages the defined values only', () => {
    expect(meanOfDefined([1, Number.NaN, 0.5])).toBe(0.75);
    expect(meanOfDefined([Number.NaN])).toBeNaN();
  });
});
