/**
 * `findQueryMatches` against a plain oracle: the atom-by-atom matcher as first written (one string
 * per atom, a map from atom text to positions), which the quicker one (offsets into the folded
 * text, `indexOf` for the first atom) must agree with exactly, on the real archive's texts
 * (../shared/corpus, read at test time) and on edge cases written here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { foldWithOffsets, loadFoldingTable } from '../../src/lib/search/text/fold.ts';
import { findQueryMatches, type QueryMatch } from '../../src/lib/search/query/match-query.ts';
import { parseQuery, type ParsedQuery, type QueryToken } from '../../src/lib/search/query/parse-query.ts';
import { forEachRun } from '../../src/lib/search/text/tokenize.ts';
import { BENCH_QUERIES } from '../../scripts/bench/queries.ts';

const CORPUS = path.resolve(import.meta.dirname, '../../../shared/corpus');

interface Atom {
  text: string;
  isWord: boolean;
  start: number;
  end: number;
}

/** The oracle: every atom of the folded text, compared one by one with each pattern. */
function oracleMatches(text: string, query: ParsedQuery): QueryMatch[] {
  if (query.terms.length === 0 && query.phrases.length === 0) return [];
  const { folded, starts, ends } = foldWithOffsets(text);
  const atoms: Atom[] = [];
  forEachRun(folded, (kind, start, end) => {
    if (kind === 'word') return void atoms.push({ text: folded.slice(start, end), isWord: true, start: starts[start]!, end: ends[end - 1]! });
    for (let i = start; i < end; ) {
      const width = folded.codePointAt(i)! > 0xffff ? 2 : 1;
      atoms.push({ text: folded.slice(i, i + width), isWord: false, start: starts[i]!, end: ends[i + width - 1]! });
      i += width;
    }
  });
  const patternOf = (formText: string, tokens: readonly QueryToken[]) => {
    const byTerm = new Map(tokens.map((token) => [token.term, token]));
    const pattern: Array<{ text: string; isWord: boolean; prefix: boolean; maxEdits: number }> = [];
    forEachRun(formText, (kind, start, end) => {
      if (kind === 'word') {
        const word = formText.slice(start, end);
        const token = byTerm.get(word);
        pattern.push({ text: word, isWord: true, prefix: token?.prefix ?? false, maxEdits: token?.fuzzy ? token.maxEdits : 0 });
      } else for (const c of formText.slice(start, end)) pattern.push({ text: c, isWord: false, prefix: false, maxEdits: 0 });
    });
    return pattern;
  };
  const edits = (a: string, b: string): number => {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      let diagonal = row[0]!;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const above = row[j]!;
        row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
        diagonal = above;
      }
    }
    return row[b.length]!;
  };
  const same = (atom: Atom, p: ReturnType<typeof patternOf>[number]) =>
    atom.text === p.text || (p.isWord && atom.isWord && ((p.prefix && atom.text.startsWith(p.text)) || (p.maxEdits > 0 && edits(atom.text, p.text) <= p.maxEdits)));
  const matches: QueryMatch[] = [];
  const find = (pattern: ReturnType<typeof patternOf>, clause: number) => {
    for (let at = 0; at + pattern.length <= atoms.length; at++) {
      if (pattern.length > 0 && pattern.every((p, k) => same(atoms[at + k]!, p))) matches.push({ start: atoms[at]!.start, end: atoms[at + pattern.length - 1]!.end, clause });
    }
  };
  const clauses = [...query.terms.map((term) => term.variants), ...query.phrases.map((phrase) => [phrase])];
  clauses.forEach((forms, clause) => {
    const before = matches.length;
    for (const form of forms) find(patternOf(form.text, form.tokens), clause);
    if (matches.length > before) return;
    for (const token of forms[0]!.tokens) find(patternOf(token.term, [token]), clause);
  });
  return matches.sort((a, b) => a.start - b.start || b.end - a.end);
}

const EXTRA_QUERIES = ['cov*', 'huawie~', '"香港 政府"', '國安法 香港', 'trump', 'g20 峰会', '𠮷野家', '2020年', 'ＣＯＶＩＤ'];

beforeAll(() => loadFoldingTable());

describe('findQueryMatches agrees with the plain oracle', () => {
  it('on edge cases: folds, expansions, surrogate pairs, invisible characters, possessives', () => {
    const texts = ['ﬁ國安法與COVID-19', 'a𠮷野家b 𠮷野家', '習\u200b近平講話', "Trump's tweets, TRUMP", '國安法國安法國', '', '2020年G20峰会', '㈱ＣＯＶＩＤ covid-19 cov covfefe'];
    for (const text of texts) for (const query of [...BENCH_QUERIES, ...EXTRA_QUERIES].map((q) => parseQuery(q))) {
      expect(findQueryMatches(text, query), `${text} / ${query.terms.map((t) => t.variants[0]?.text).join(' ')}`).toEqual(oracleMatches(text, query));
    }
  });

  it('on the real archive', () => {
    const files = readdirSync(CORPUS).filter((name) => /\.(md|markdown|txt|html)$/.test(name)).sort().filter((_, i) => i % 16 === 0);
    expect(files.length).toBeGreaterThan(150);
    const queries = [...BENCH_QUERIES, ...EXTRA_QUERIES].map((q) => parseQuery(q));
    let compared = 0;
    let matched = 0;
    for (const file of files) {
      const text = readFileSync(path.join(CORPUS, file), 'utf8').replace(/<[^>]*>/g, ' ');
      for (const query of queries) {
        const got = findQueryMatches(text, query);
        expect(got, `${file}`).toEqual(oracleMatches(text, query));
        compared++;
        matched += got.length;
      }
    }
    expect(compared).toBeGreaterThan(5000);
    expect(matched).toBeGreaterThan(1000); // the queries do match: the comparison is not of empty lists
  });
});
