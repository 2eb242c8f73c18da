import { describe, expect, it } from 'vitest';
import type { PlanTerms } from '../../src/lib/search/query/load-terms.ts';
import type { PlanClause, QueryPlan } from '../../src/lib/search/query/query-plan.ts';
import { candidateArticles } from '../../src/lib/search/query/query-steps.ts';
import type { TermEntry } from '../../src/lib/search/format/term-part.ts';

/** A rare term: inline postings (title field empty, text field these numbers). */
const rare = (...numbers: number[]): TermEntry => ({
  df: [0, numbers.length],
  postings: [new Uint32Array(0), Uint32Array.from(numbers.flatMap((n) => [n, 1]))],
  chunks: [],
  newest: null,
});
/** A common term: chunked, no inline postings. */
const common: TermEntry = { df: [10, 5000], postings: null, chunks: [{ block: 0, hash: 'x' }], newest: null };

const clause = (...variants: string[][]): PlanClause => ({
  source: variants[0]!.join(''),
  phrase: false,
  variants: variants.map((tokens) => ({ text: tokens.join(''), tokens: tokens.map((term) => ({ term, prefix: /^[a-z]/.test(term), maxEdits: 0 })), synonym: false })),
});
const terms = (entries: Record<string, TermEntry>, fuzzy: string[] = []): PlanTerms => ({ entries: new Map(Object.entries(entries)), fuzzy: new Set(fuzzy), corrections: new Map(), merged: new Set() });
const plan = (...include: PlanClause[]): QueryPlan => ({ include, exclude: [] });

describe('candidateArticles', () => {
  it('bounds a query by its rarest token of a clause', () => {
    const found = candidateArticles(plan(clause(['香港']), clause(['国安', '安法'])), terms({ 香港: common, 国安: rare(1, 2, 3), 安法: rare(2, 3) }));
    expect(found && [...found].sort()).toEqual([2, 3]);
  });

  it('does not bound a clause when one of its variants has only common tokens (a synonym group)', () => {
    expect(candidateArticles(plan(clause(['北约'], ['nato'])), terms({ 北约: rare(4), nato: common }))).toBeNull();
  });

  it('joins the variants\' candidates when each has a rare token', () => {
    const found = candidateArticles(plan(clause(['北约'], ['nato'])), terms({ 北约: rare(4), nato: rare(9, 4) }));
    expect(found && [...found].sort((a, b) => a - b)).toEqual([4, 9]);
  });

  it('counts a variant that no article holds as matching nothing', () => {
    const found = candidateArticles(plan(clause(['北约'], ['缺席'])), terms({ 北约: rare(4) }));
    expect(found && [...found]).toEqual([4]);
  });

  it('takes every loaded term a prefix token matches, and never bounds by a typo token', () => {
    expect(candidateArticles(plan(clause(['covid'])), terms({ covid: rare(1), covid19: common }))).toBeNull();
    expect([...candidateArticles(plan(clause(['covid'])), terms({ covid: rare(1), covid19: rare(7) }))!].sort()).toEqual([1, 7]);
    expect(candidateArticles(plan(clause(['huawai'])), terms({ huawei: rare(3) }, ['huawai']))).toBeNull();
  });

  it('is null for an empty plan (the whole archive)', () => {
    expect(candidateArticles(plan(), terms({}))).toBeNull();
  });
});
