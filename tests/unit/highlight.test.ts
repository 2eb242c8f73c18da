import { beforeAll, describe, expect, it } from 'vitest';
import { loadFoldingTable } from '../../src/lib/search/text/fold.ts';
import { findSnippet, highlightRanges, mergeRanges, type TextRange } from '../../src/lib/search/query/highlight.ts';
import { containsPhrase, findQueryMatches } from '../../src/lib/search/query/match-query.ts';
import { parseQuery } from '../../src/lib/search/query/parse-query.ts';

beforeAll(() => loadFoldingTable());

const marked = (text: string, ranges: TextRange[]) => ranges.map(([s, e]) => text.slice(s, e));

describe('highlightRanges', () => {
  it('marks a +word only where the text writes it as typed, not another script\'s form', () => {
    const text = '台灣與臺灣、台湾；國安法和国安法';
    expect(marked(text, highlightRanges(text, parseQuery('+臺灣 +国安法')))).toEqual(['臺灣', '国安法']);
    expect(marked(text, highlightRanges(text, parseQuery('臺灣')))).toEqual(['台灣', '臺灣', '台湾']);
  });

  it('marks traditional text for a simplified query, and the reverse', () => {
    const text = '立法會通過《國安法》。';
    expect(marked(text, highlightRanges(text, parseQuery('国安法')))).toEqual(['國安法']);
    expect(marked('香港国安法', highlightRanges('香港国安法', parseQuery('國安法')))).toEqual(['国安法']);
  });

  it('marks the typed prefix of a Latin word in its original case', () => {
    const text = 'The Covid crisis; COVID-19 and covert ops';
    expect(marked(text, highlightRanges(text, parseQuery('cov')))).toEqual(['Covid', 'COVID', 'covert']);
  });

  it('marks synonyms (川普 finds 特朗普, 脸书 finds Facebook)', () => {
    const text = '美国总统特朗普在Facebook上发文';
    expect(marked(text, highlightRanges(text, parseQuery('川普 脸书 ')))).toEqual(['特朗普', 'Facebook']);
  });

  it('marks typos within the allowed edit distance only', () => {
    // beijng → Beijing is one edit; Bejing is two (a transposition), Berlin more.
    const text = 'Beijing, Bejing and Berlin';
    expect(marked(text, highlightRanges(text, parseQuery('beijng ')))).toEqual(['Beijing']);
  });

  it('marks a whole phrase across the space or punctuation between its words', () => {
    const text = 'Flights to New-York and new   york; not York New.';
    expect(marked(text, highlightRanges(text, parseQuery('"new york"')))).toEqual(['New-York', 'new   york']);
  });

  it('falls back to the bigrams when a Chinese term is not contiguous in the text', () => {
    const text = '国安部门依法办事，安法二字';
    expect(marked(text, highlightRanges(text, parseQuery('国安法')))).toEqual(['国安', '安法']);
  });

  it('does not fall back to lone bigrams of a synonym', () => {
    // 武汉肺炎 expands to 严重特殊传染性肺炎; its bigram 严重 alone is not a match.
    expect(highlightRanges('局势严重', parseQuery('武汉肺炎'))).toEqual([]);
  });

  it('marks a one-character query wherever the character occurs', () => {
    const text = '香港人在港';
    expect(marked(text, highlightRanges(text, parseQuery('港')))).toEqual(['港', '港']);
  });

  it('merges overlapping and touching matches', () => {
    expect(highlightRanges('哈哈哈', parseQuery('哈哈'))).toEqual([[0, 3]]);
    const text = '香港政府';
    expect(highlightRanges(text, parseQuery('香港 政府'))).toEqual([[0, 4]]);
  });

  it('never highlights exclusions', () => {
    const text = '香港与澳门';
    expect(marked(text, highlightRanges(text, parseQuery('香港 -澳门')))).toEqual(['香港']);
    expect(highlightRanges(text, parseQuery('-香港'))).toEqual([]);
  });

  it('gives exact UTF-16 offsets around surrogate pairs and emoji', () => {
    expect(highlightRanges('𠮷野家', parseQuery('𠮷野'))).toEqual([[0, 3]]);
    expect(highlightRanges('😀👍🏽香港', parseQuery('香港'))).toEqual([[6, 8]]);
    expect(highlightRanges('a𠮷b', parseQuery('𠮷'))).toEqual([[1, 3]]);
  });

  it('maps NFKC expansions and full-width text to whole original characters', () => {
    expect(highlightRanges('ﬁnal ＣＯＶＩＤ－１９', parseQuery('final covid-19 '))).toEqual([
      [0, 4],
      [5, 13],
    ]);
    expect(marked('㈱東芝', highlightRanges('㈱東芝', parseQuery('株')))).toEqual(['㈱']);
  });

  it('matches across invisible characters inserted in words', () => {
    const text = '習\u200b近平講話';
    expect(highlightRanges(text, parseQuery('习近平'))).toEqual([[0, 4]]);
  });
});

describe('findQueryMatches', () => {
  it('tells which clause matched: terms first, then phrases', () => {
    const query = parseQuery('香港 "new york"');
    const matches = findQueryMatches('香港 and New York', query);
    expect(matches.map((m) => m.clause)).toEqual([0, 1]);
  });
});

describe('containsPhrase', () => {
  it('checks that the words follow each other, punctuation ignored', () => {
    const [phrase] = parseQuery('"香港 政府"').phrases;
    expect(containsPhrase('香港政府宣布', phrase!)).toBe(true);
    expect(containsPhrase('香港，政府', phrase!)).toBe(true);
    expect(containsPhrase('政府与香港', phrase!)).toBe(false);
    expect(containsPhrase('NEW YORK', parseQuery('"new york"').phrases[0]!)).toBe(true);
  });
});

describe('mergeRanges', () => {
  it('sorts and merges overlapping and touching ranges', () => {
    expect(mergeRanges([[4, 6], [0, 2], [1, 3], [6, 7]])).toEqual([[0, 3], [4, 7]]);
    expect(mergeRanges([])).toEqual([]);
  });
});

describe('findSnippet', () => {
  const filler = (n: number) => '这是一段与查询无关的填充文字'.repeat(n);

  it('returns a short text whole, without ellipses', () => {
    const snippet = findSnippet('  香港政府今天宣布新措施。 ', parseQuery('香港'));
    expect(snippet).toEqual({ text: '香港政府今天宣布新措施。', start: 2, highlights: [[0, 2]], leadingEllipsis: false, trailingEllipsis: false });
  });

  it('prefers the window covering the most distinct terms over one with more repeats of one term', () => {
    const text = `${filler(5)}。香港香港香港香港。${filler(5)}。香港与澳门签署协议。${filler(5)}。`;
    const snippet = findSnippet(text, parseQuery('香港 澳门'), { maxChars: 40 });
    expect(snippet.text).toContain('香港与澳门');
    expect(marked(snippet.text, snippet.highlights)).toEqual(['香港', '澳门']);
  });

  it('starts at the beginning of the sentence holding the match and ends at a sentence end', () => {
    const text = `${filler(5)}。政府发言人说，国安法将于明天生效。${filler(5)}`;
    const snippet = findSnippet(text, parseQuery('国安法'), { maxChars: 60 });
    expect(snippet.text.startsWith('政府发言人说')).toBe(true);
    expect(snippet.leadingEllipsis).toBe(true);
    expect(snippet.trailingEllipsis).toBe(true);
    expect(snippet.text.length).toBeLessThanOrEqual(60);
    expect(text.slice(snippet.start, snippet.start + snippet.text.length)).toBe(snippet.text);
  });

  it('snaps to a clause mark when the sentence start is out of reach', () => {
    const text = `${filler(10)}，国安法将于明天生效${filler(10)}`;
    const snippet = findSnippet(text, parseQuery('国安法'), { maxChars: 30 });
    expect(snippet.text.startsWith('国安法')).toBe(true);
    expect(snippet.text.length).toBeLessThanOrEqual(30);
  });

  it('snaps to Latin sentences and does not cut words', () => {
    const text = 'Markets fell sharply on Monday. The central bank said inflation would stay high for longer than expected this year, analysts said.';
    const snippet = findSnippet(text, parseQuery('inflation '), { maxChars: 60 });
    expect(snippet.text.startsWith('The central bank')).toBe(true);
    expect(/\w$/.test(snippet.text) && /\w/.test(text[snippet.start + snippet.text.length] ?? '')).toBe(false);
    expect(marked(snippet.text, snippet.highlights)).toEqual(['inflation']);
  });

  it('keeps highlights relative to the snippet and maps traditional matches', () => {
    const text = `${filler(8)}。立法會昨日通過國安法。${filler(8)}`;
    const snippet = findSnippet(text, parseQuery('国安法'), { maxChars: 50 });
    expect(marked(snippet.text, snippet.highlights)).toEqual(['國安法']);
  });

  it('starts at the beginning of the text when nothing matches', () => {
    const text = `  ${filler(20)}`;
    const snippet = findSnippet(text, parseQuery('澳门'), { maxChars: 30 });
    expect(snippet.start).toBe(2);
    expect(snippet.text.length).toBeLessThanOrEqual(30);
    expect(snippet.highlights).toEqual([]);
    expect(snippet.leadingEllipsis).toBe(false);
    expect(snippet.trailingEllipsis).toBe(true);
  });

  it('never splits a surrogate pair at either end', () => {
    const text = '𠮷'.repeat(100) + '香港' + '𠮷'.repeat(100);
    for (const maxChars of [9, 10, 11, 30, 31]) {
      const snippet = findSnippet(text, parseQuery('香港'), { maxChars });
      expect(snippet.text.length).toBeLessThanOrEqual(maxChars);
      expect(snippet.text.charCodeAt(0)).not.toBe(0xdfb7);
      expect(snippet.text.at(-1)).not.toBe('\ud842');
      expect(marked(snippet.text, snippet.highlights)).toEqual(['香港']);
    }
  });

  it('cuts a match longer than maxChars to a window starting at it', () => {
    const text = `前言。"${'长'.repeat(50)}"`;
    const snippet = findSnippet(text, parseQuery(`"${'长'.repeat(50)}"`), { maxChars: 20 });
    expect(snippet.text).toBe('长'.repeat(20));
    expect(snippet.highlights).toEqual([[0, 20]]);
  });

  it('uses about 120 characters by default', () => {
    const snippet = findSnippet(`${filler(30)}香港${filler(30)}`, parseQuery('香港'));
    expect(snippet.text.length).toBeLessThanOrEqual(120);
    expect(snippet.text.length).toBeGreaterThan(100);
  });
});
