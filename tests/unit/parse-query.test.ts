import { beforeAll, describe, expect, it } from 'vitest';
import { loadFoldingTable } from '../../src/lib/search/text/fold.ts';
import { parseQuery, type QueryTerm } from '../../src/lib/search/query/parse-query.ts';
import { queryWords, withoutQueryWord } from '../../src/lib/search/query/query-operators.ts';

beforeAll(() => loadFoldingTable());

const texts = (terms: QueryTerm[]) => terms.map((term) => term.text);
const tokensOf = (term: QueryTerm | undefined, variant = 0) => term?.variants[variant]?.tokens.map((token) => token.term);

describe('parseQuery terms', () => {
  it('folds terms and splits them on spaces, full-width ones included', () => {
    const query = parseQuery('臺灣\u3000Trump 報導 ');
    expect(texts(query.terms)).toEqual(['台湾', 'trump', '报导']);
    expect(query.terms[0]!.raw).toBe('臺灣');
  });

  it('turns a Chinese term into all its bigrams', () => {
    expect(tokensOf(parseQuery('國安法').terms[0])).toEqual(['国安', '安法']);
  });

  it('marks a one-character Chinese term as a prefix (it starts bigrams in the index)', () => {
    const [term] = parseQuery('港 ').terms;
    expect(term!.variants[0]!.tokens).toEqual([{ term: '港', prefix: true, fuzzy: false, maxEdits: 0 }]);
  });

  it('splits mixed Latin and Han chunks into separate terms (G20峰会)', () => {
    const query = parseQuery('G20峰会');
    expect(texts(query.terms)).toEqual(['g20', '峰会']);
    expect(query.terms.map((term) => term.raw)).toEqual(['G20', '峰会']);
  });

  it('folds full-width Latin (ＡＢＣ１２３)', () => {
    expect(texts(parseQuery('ＡＢＣ１２３ ').terms)).toEqual(['abc123']);
  });

  it('keeps a chunk that is a synonym as one term with its variants (COVID-19)', () => {
    const query = parseQuery('COVID-19 ');
    expect(query.terms).toHaveLength(1);
    expect(query.terms[0]!.text).toBe('covid 19');
    expect(tokensOf(query.terms[0])).toEqual(['covid', '19']);
    expect(query.terms[0]!.variants.map((v) => v.text)).toContain('新冠');
  });

  it('expands synonyms into variants, the typed form first', () => {
    const [term] = parseQuery('川普 ').terms;
    expect(term!.variants.map((v) => v.text)).toEqual(['川普', '特朗普']);
    expect(tokensOf(term, 1)).toEqual(['特朗', '朗普']);
  });

  it('drops repeated terms', () => {
    expect(texts(parseQuery('香港 香港 香港').terms)).toEqual(['香港']);
  });

  it('ignores chunks with nothing searchable (emoji, punctuation)', () => {
    expect(parseQuery('😀 ，。 ').terms).toEqual([]);
  });
});

describe('parseQuery alternatives (OR)', () => {
  it('makes terms joined by OR one term whose variants are each alternative and its synonyms', () => {
    const query = parseQuery('王毅 川普 OR 拜登 ');
    expect(texts(query.terms)).toEqual(['王毅', '川普']);
    expect(query.terms[1]!.raw).toBe('川普 OR 拜登');
    expect(query.terms[1]!.variants.map((v) => v.text)).toEqual(['川普', '特朗普', '拜登']);
  });

  it('chains alternatives, and reads | and ｜ as OR', () => {
    expect(parseQuery('香港 OR 臺灣 | 澳门 ｜ 新疆').terms.map((t) => t.variants.map((v) => v.text))).toEqual([['香港', '台湾', '澳门', '新疆']]);
  });

  it('binds OR to the words next to it, each taken whole (G20峰会)', () => {
    const [term] = parseQuery('G20峰会 OR 会谈 ').terms;
    expect(term!.variants.map((v) => v.text)).toEqual(['g20 峰会', '会谈']);
    expect(tokensOf(term)).toEqual(['g20', '峰会']);
  });

  it('ignores an OR with no term on one side, and lower-case or is a word', () => {
    expect(texts(parseQuery('OR 香港 OR').terms)).toEqual(['香港']);
    expect(texts(parseQuery('OR').terms)).toEqual([]);
    const query = parseQuery('"国家安全" OR 香港 OR -台湾');
    expect(texts(query.terms)).toEqual(['香港']);
    expect(query.phrases.map((p) => p.text)).toEqual(['国家安全']);
    expect(texts(query.excludedTerms)).toEqual(['台湾']);
    expect(texts(parseQuery('rock or roll ').terms)).toEqual(['rock', 'or', 'roll']);
  });

  it('matches the alternative being typed as a prefix', () => {
    const [term] = parseQuery('trump OR bid').terms;
    expect(term!.variants.find((v) => v.text === 'bid')!.tokens[0]!.prefix).toBe(true);
    expect(term!.variants[0]!.tokens[0]!.prefix).toBe(false);
  });
});

describe('queryWords and withoutQueryWord (the page\'s "search without" suggestions)', () => {
  it('keeps alternatives together and leaves out an OR that joins nothing', () => {
    expect(queryWords('王毅 美国 OR 日本 | 韩国 OR')).toEqual(['王毅', '美国 OR 日本 OR 韩国']);
    expect(withoutQueryWord('王毅 美国 OR 日本', '美国 OR 日本')).toBe('王毅');
    expect(withoutQueryWord('王毅 美国 OR 日本', '王毅')).toBe('美国 OR 日本');
  });
});

describe('parseQuery prefix and typos', () => {
  it('flags the last Latin word as a prefix while it is being typed', () => {
    const query = parseQuery('香港 cov');
    expect(query.terms[1]!.variants[0]!.tokens[0]).toMatchObject({ term: 'cov', prefix: true });
    expect(query.terms[0]!.variants[0]!.tokens.every((t) => !t.prefix)).toBe(true);
  });

  it('flags no prefix once the query ends with a space', () => {
    expect(parseQuery('cov ').terms[0]!.variants[0]!.tokens[0]!.prefix).toBe(false);
    expect(parseQuery('cov\u3000').terms[0]!.variants[0]!.tokens[0]!.prefix).toBe(false);
  });

  it('flags no prefix for digits only, for a closed phrase or an exclusion at the end', () => {
    expect(parseQuery('2020').terms[0]!.variants[0]!.tokens[0]!.prefix).toBe(false);
    expect(parseQuery('"new yo"').phrases[0]!.tokens.every((t) => !t.prefix)).toBe(true);
    expect(parseQuery('香港 -cov').excludedTerms[0]!.variants[0]!.tokens[0]!.prefix).toBe(false);
  });

  it('allows typos only in typed Latin words of 5 or more letters', () => {
    const [short, five, long, number] = parseQuery('trum trump coronavirus 12345 ').terms;
    expect(short!.variants[0]!.tokens[0]).toMatchObject({ fuzzy: false, maxEdits: 0 });
    expect(five!.variants[0]!.tokens[0]).toMatchObject({ fuzzy: true, maxEdits: 1 });
    expect(long!.variants[0]!.tokens[0]).toMatchObject({ fuzzy: true, maxEdits: 2 });
    expect(number!.variants[0]!.tokens[0]).toMatchObject({ fuzzy: false });
    expect(parseQuery('香港政府 ').terms[0]!.variants[0]!.tokens.every((t) => !t.fuzzy)).toBe(true);
  });

  it('does not allow typos in synonym variants', () => {
    const [term] = parseQuery('脸书 ').terms;
    expect(term!.variants[1]!.tokens[0]).toMatchObject({ term: 'facebook', fuzzy: false });
  });
});

describe('parseQuery phrases', () => {
  it('reads straight, curly, corner and full-width quotes as phrases', () => {
    const query = parseQuery('"new york" “香港 政府” 「臺灣」 ＂covid-19＂');
    expect(query.phrases.map((p) => p.text)).toEqual(['new york', '香港 政府', '台湾', 'covid 19']);
    expect(query.phrases[1]!.tokens.map((t) => t.term)).toEqual(['香港', '政府']);
    expect(query.phrases[2]!.raw).toBe('臺灣');
    expect(query.terms).toEqual([]);
  });

  it('starts a phrase in the middle of a chunk', () => {
    const query = parseQuery('香港"国安法"');
    expect(texts(query.terms)).toEqual(['香港']);
    expect(query.phrases.map((p) => p.text)).toEqual(['国安法']);
  });

  it('ignores an unbalanced quote so the words still search', () => {
    const query = parseQuery('"new yor');
    expect(query.phrases).toEqual([]);
    expect(texts(query.terms)).toEqual(['new', 'yor']);
    expect(query.terms[1]!.variants[0]!.tokens[0]!.prefix).toBe(true);
  });

  it('ignores empty quotes', () => {
    expect(parseQuery('"" 香港').phrases).toEqual([]);
  });
});

describe('parseQuery +word (as written)', () => {
  it('reads +word and +"phrase" as phrases searched as written, never as a prefix being typed', () => {
    const query = parseQuery('+臺灣 ＋"國家 安全" 香港 +covi');
    expect(query.phrases.map((p) => [p.raw, p.text, p.asWritten])).toEqual([
      ['臺灣', '台湾', true],
      ['國家 安全', '国家 安全', true],
      ['covi', 'covi', true],
    ]);
    expect(query.phrases[2]!.tokens[0]!.prefix).toBe(false);
    expect(texts(query.terms)).toEqual(['香港']);
  });

  it('ignores a lone +, and keeps a + inside a word or after a minus out of it', () => {
    const query = parseQuery('香港 + 澳门 -+川普');
    expect(query.phrases).toEqual([]);
    expect(texts(query.terms)).toEqual(['香港', '澳门']);
    expect(texts(query.excludedTerms)).toEqual(['川普']);
    expect(parseQuery('"香港"').phrases[0]!.asWritten).toBeUndefined();
  });
});

describe('parseQuery exclusions', () => {
  it('excludes -word and -"phrase", keeping them out of the terms', () => {
    const query = parseQuery('香港 -川普 -"new york"');
    expect(texts(query.terms)).toEqual(['香港']);
    expect(texts(query.excludedTerms)).toEqual(['川普']);
    expect(query.excludedTerms[0]!.variants.map((v) => v.text)).toContain('特朗普');
    expect(query.excludedPhrases.map((p) => p.text)).toEqual(['new york']);
  });

  it('keeps an excluded mixed chunk as one term (all its runs)', () => {
    const query = parseQuery('峰会 -G20峰会');
    expect(texts(query.excludedTerms)).toEqual(['g20 峰会']);
    expect(tokensOf(query.excludedTerms[0])).toEqual(['g20', '峰会']);
  });

  it('accepts full-width minus and ignores a lone minus', () => {
    expect(texts(parseQuery('香港 －川普').excludedTerms)).toEqual(['川普']);
    const lone = parseQuery('香港 - 澳门 -');
    expect(texts(lone.terms)).toEqual(['香港', '澳门']);
    expect(lone.excludedTerms).toEqual([]);
  });

  it('treats a hyphen inside a word as a separator, not an exclusion', () => {
    const query = parseQuery('covid-19 ');
    expect(query.excludedTerms).toEqual([]);
    expect(query.terms).toHaveLength(1);
  });
});

describe('parseQuery edge cases', () => {
  it('returns empty clauses for an empty or blank query', () => {
    for (const raw of ['', '   ', '\u3000']) {
      expect(parseQuery(raw)).toEqual({ raw, terms: [], phrases: [], excludedTerms: [], excludedPhrases: [] });
    }
  });

  it('returns plain data that survives structured cloning (worker → page)', () => {
    const query = parseQuery('國安法 "new york" -川普 cov');
    expect(structuredClone(query)).toEqual(query);
  });
});
