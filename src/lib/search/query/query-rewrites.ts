import { needsFoldingTable } from '../text/fold.ts';
import type { PlanTerms } from './load-terms.ts';
import type { ParsedQuery } from './parse-query.ts';
import type { QueryPlan } from './query-plan.ts';
import type { QueryRewrite, SearchHit } from '../types.ts';

/**
 * The typo corrections and synonyms a search's results owe something to: a word looked up with
 * typos, with the correction the archive holds most often; a synonym that some result matched
 * (an article matched by the typed form alone brings no rewrite). Included clauses only.
 *
 * @example engineRewrites(plan('huawai'), planTerms, hits) // [{ from: 'huawai', to: 'huawei', kind: 'typo' }]
 */
export function engineRewrites(plan: QueryPlan, planTerms: Pick<PlanTerms, 'corrections' | 'entries'>, hits: readonly SearchHit[]): QueryRewrite[] {
  const rewrites: QueryRewrite[] = [];
  const add = (rewrite: QueryRewrite) => {
    if (!rewrites.some((r) => r.from === rewrite.from && r.to === rewrite.to)) rewrites.push(rewrite);
  };
  const frequency = (term: string) => planTerms.entries.get(term)?.df.reduce((a, b) => a + b, 0) ?? 0;
  for (const clause of plan.include) {
    for (const variant of clause.variants) {
      for (const token of variant.tokens) {
        const near = planTerms.corrections.get(token.term);
        if (!near?.length) continue;
        const best = [...near].sort((a, b) => frequency(b) - frequency(a) || (a < b ? -1 : 1))[0]!;
        add({ from: token.term, to: best, kind: 'typo' });
      }
      if (!variant.synonym) continue;
      const matched = hits.some((hit) => variant.tokens.every((t) => hit.terms.some((term) => term === t.term || (t.prefix && term.startsWith(t.term)))));
      if (matched) add({ from: clause.source, to: variant.text, kind: 'synonym' });
    }
  }
  return rewrites;
}

/**
 * Terms and phrases typed in traditional characters: the index folds them to simplified ones, so
 * articles in either script match (`臺灣` → `台湾`).
 * @example scriptRewrites(parseQuery('臺灣 选举')) // [{ from: '臺灣', to: '台湾', kind: 'script' }]
 */
export function scriptRewrites(parsed: ParsedQuery): QueryRewrite[] {
  return [...parsed.terms, ...parsed.phrases].filter((term) => needsFoldingTable(term.raw)).map((term) => ({ from: term.raw, to: term.text, kind: 'script' }));
}
