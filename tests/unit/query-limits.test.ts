import { beforeAll, describe, expect, it } from 'vitest';
import { loadFoldingTable } from '../../src/lib/search/text/fold.ts';
import { parseQuery } from '../../src/lib/search/query/parse-query.ts';
import { limitQuery, limitQueryText, MAX_QUERY_CHARS, MAX_QUERY_CLAUSES, MAX_TYPO_WORD_LENGTH } from '../../src/lib/search/query/query-limits.ts';
import { MAX_TERM_LENGTH } from '../../src/lib/search/text/term-length.ts';
import { tokenize } from '../../src/lib/search/text/tokenize.ts';

beforeAll(() => loadFoldingTable());

const tokens = (text: string) => {
  const { parsed } = limitQuery(text, parseQuery);
  return parsed.terms.flatMap((t) => t.variants[0]!.tokens);
};

describe('limitQueryText', () => {
  it('keeps a query of the limit whole and cuts a longer one to its first characters, counting code points', () => {
    expect(limitQueryText('王毅 北约')).toEqual({ text: '王毅 北约' });
    const long = '港'.repeat(MAX_QUERY_CHARS + 100);
    expect(limitQueryText(long)).toEqual({ text: '港'.repeat(MAX_QUERY_CHARS), chars: MAX_QUERY_CHARS + 100 });
    const astral = '𠀀'.repeat(MAX_QUERY_CHARS + 1);
    expect(limitQueryText(astral).text).toBe('𠀀'.repeat(MAX_QUERY_CHARS));
  });
});

describe('limitQuery', () => {
  it('cuts nothing from an ordinary query', () => {
    expect(limitQuery('王毅 北约 -"new york" huawai', parseQuery).cut).toBeNull();
  });

  it('keeps the first clauses typed and says how many there were', () => {
    const words = Array.from({ length: MAX_QUERY_CLAUSES + 4 }, (_, i) => `w${i}`);
    const text = [...words.slice(0, 3), '"a phrase"', '-gone', ...words.slice(3)].join(' ');
    const { parsed, cut } = limitQuery(text, parseQuery);
    expect(cut).toEqual({ clauses: MAX_QUERY_CLAUSES + 6 });
    const kept = parsed.terms.length + parsed.phrases.length + parsed.excludedTerms.length + parsed.excludedPhrases.length;
    expect(kept).toBe(MAX_QUERY_CLAUSES);
    expect(parsed.phrases.map((p) => p.text)).toEqual(['a phrase']);
    expect(parsed.excludedTerms.map((t) => t.text)).toEqual(['gone']);
    expect(parsed.terms.map((t) => t.text)).toEqual(words.slice(0, MAX_QUERY_CLAUSES - 2));
  });

  it('says how long a cut query was', () => {
    expect(limitQuery('a'.repeat(50_000), parseQuery).cut).toEqual({ chars: 50_000 });
  });

  it('matches typos only in Latin words of sane length', () => {
    expect(tokens('huawai')[0]).toMatchObject({ fuzzy: true, maxEdits: 1 });
    expect(tokens('a'.repeat(MAX_TYPO_WORD_LENGTH))[0]!.fuzzy).toBe(true);
    expect(tokens('a'.repeat(MAX_TYPO_WORD_LENGTH + 1))[0]).toMatchObject({ fuzzy: false, maxEdits: 0 });
    expect(tokens('москва')[0]).toMatchObject({ fuzzy: false, maxEdits: 0 });
  });

  it('cuts a word to the index’s longest term, as the index does', () => {
    const word = 'b'.repeat(200);
    expect(tokens(word)[0]!.term).toBe('b'.repeat(MAX_TERM_LENGTH));
    expect(tokenize(word)).toEqual(['b'.repeat(MAX_TERM_LENGTH)]);
  });
});
