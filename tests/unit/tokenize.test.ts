import { beforeAll, describe, expect, it } from 'vitest';
import { foldText, loadFoldingTable } from '../../src/lib/search/text/fold.ts';
import { isCjkCodePoint, splitRuns, tokenize, tokenizeWithPositions } from '../../src/lib/search/text/tokenize.ts';

beforeAll(() => loadFoldingTable());

const analyze = (text: string) => tokenize(foldText(text));

describe('tokenize', () => {
  it('splits a Han run into overlapping bigrams', () => {
    expect(tokenize('国安法')).toEqual(['国安', '安法']);
    expect(tokenize('香港政府宣布')).toEqual(['香港', '港政', '政府', '府宣', '宣布']);
  });

  it('keeps a one-character Han run as a unigram', () => {
    expect(tokenize('港')).toEqual(['港']);
    expect(tokenize('美 中')).toEqual(['美', '中']);
  });

  it('gives traditional and simplified text the same terms once folded', () => {
    expect(analyze('臺灣報導')).toEqual(analyze('台湾报导'));
  });

  it('breaks Han runs at punctuation and spaces, full-width or not', () => {
    expect(tokenize('香港，政府。「国安法」')).toEqual(['香港', '政府', '国安', '安法']);
    expect(tokenize('香港 政府')).toEqual(['香港', '政府']);
  });

  it('covers Extension A and B and compatibility ideographs', () => {
    expect(tokenize('㐀㐁')).toEqual(['㐀㐁']);
    expect(tokenize('𠮷野家')).toEqual(['𠮷野', '野家']);
    expect(analyze('\uf900\uf901')).toEqual(['岂更']);
  });

  it('treats kana and hangul like Han, in the same runs', () => {
    expect(tokenize('東京タワー')).toEqual(['東京', '京タ', 'タワ', 'ワー']);
    expect(tokenize('서울특별시')).toEqual(['서울', '울특', '특별', '별시']);
    expect(tokenize('・')).toEqual([]);
  });

  it('makes Latin words of letters and digits, split at hyphens', () => {
    expect(analyze('COVID-19')).toEqual(['covid', '19']);
    expect(analyze('COVID19')).toEqual(['covid19']);
    expect(analyze('New York Times')).toEqual(['new', 'york', 'times']);
  });

  it('keeps digit runs, separate from adjacent Han', () => {
    expect(tokenize('2020年3月5日')).toEqual(['2020', '年', '3', '月', '5', '日']);
    expect(tokenize('3.5% 1,000')).toEqual(['3', '5', '1', '000']);
  });

  it('splits mixed Latin and Han text (G20峰会)', () => {
    expect(analyze('G20峰会')).toEqual(['g20', '峰会']);
    expect(analyze('5G网络')).toEqual(['5g', '网络']);
  });

  it("drops a possessive 's and splits other apostrophes", () => {
    expect(analyze("Trump's plan")).toEqual(['trump', 'plan']);
    expect(analyze('Trump’s plan')).toEqual(['trump', 'plan']);
    expect(analyze("O'Neill rock'n'roll")).toEqual(['o', 'neill', 'rock', 'n', 'roll']);
    expect(analyze("the '90s")).toEqual(['the', '90s']);
  });

  it('ignores emoji and symbols but keeps words around them', () => {
    expect(analyze('😀香港👍🏽test')).toEqual(['香港', 'test']);
  });

  it('folds full-width Latin to plain words (through foldText)', () => {
    expect(analyze('ＡＢＣ１２３')).toEqual(['abc123']);
  });

  it('keeps letters of other scripts as lowercase words (accents are dropped from Latin only)', () => {
    expect(analyze('Москва Αθήνα')).toEqual(['москва', 'αθήνα']);
  });

  it('returns nothing for empty or punctuation-only text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' ，。！-- ')).toEqual([]);
  });

  it('maps every term to itself, so re-tokenizing terms is harmless', () => {
    const terms = analyze("國安法 COVID-19 G20峰会 𠮷野家 Trump's 2020年 東京タワー 港");
    for (const term of terms) expect(tokenize(term)).toEqual([term]);
  });
});

describe('tokenizeWithPositions', () => {
  it('gives each term its range in the folded text', () => {
    const folded = foldText('香港人 say "COVID-19"');
    const tokens = tokenizeWithPositions(folded);
    expect(tokens.map((t) => t.term)).toEqual(tokenize(folded));
    for (const token of tokens) expect(folded.slice(token.start, token.end)).toBe(token.term);
    expect(tokens[0]).toEqual({ term: '香港', start: 0, end: 2 });
  });

  it('counts surrogate pairs as two units', () => {
    expect(tokenizeWithPositions('𠮷野')).toEqual([{ term: '𠮷野', start: 0, end: 3 }]);
  });
});

describe('splitRuns', () => {
  it('returns word and cjk runs in order', () => {
    expect(splitRuns('g20峰会 ok')).toEqual([
      { kind: 'word', start: 0, end: 3 },
      { kind: 'cjk', start: 3, end: 5 },
      { kind: 'word', start: 6, end: 8 },
    ]);
  });
});

describe('isCjkCodePoint', () => {
  it('accepts Han, kana, hangul and rejects Latin, digits and CJK punctuation', () => {
    for (const c of ['中', '㐀', '𠮷', 'あ', 'ア', '한', '〇']) expect(isCjkCodePoint(c.codePointAt(0)!)).toBe(true);
    for (const c of ['a', '1', '，', '。', '「', '・', '😀']) expect(isCjkCodePoint(c.codePointAt(0)!)).toBe(false);
  });
});
