import { needsFoldingTable } from '../text/fold.ts';
import type { PlanTerms } from './load-terms.ts';
import type { ParsedQuery } from './parse-query.ts';
import type { PlanClause, QueryPlan } from './query-plan.ts';
import { type LiteralForm, literalFormKey, literalFormPrefix } from '../text/literal-forms.ts';
import { MATCH_TIERS } from './match-tiers.ts';
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
  return [...parsed.terms, ...parsed.phrases.filter((phrase) => !phrase.asWritten)].filter((term) => needsFoldingTable(term.raw)).map((term) => ({ from: term.raw, to: term.text, kind: 'script', script: 'simplified' }));
}

/**
 * Chinese terms typed in simplified characters that some result matched only as written in the
 * other script (`typedTierOf` of its clause at `MATCH_TIERS.otherScript` or below; a synonym match
 * does not count): `to` is the word as the archive writes it most often otherwise, stitched from
 * its bigrams' literal-form keys (`台湾` → `台灣`). Nothing for a word both scripts write alike
 * (香港), and nothing when every result wrote the word as typed.
 *
 * @param typedTierOf per clause, the tier of an article's match of its typed form (`typedFormTier`), or null
 * @example otherScriptRewrites(plan('台湾'), planTerms, hits, tierOf) // [{ from: '台湾', to: '台灣', kind: 'script', script: 'traditional' }]
 */
export function otherScriptRewrites(
  plan: QueryPlan,
  planTerms: Pick<PlanTerms, 'entries' | 'forms'>,
  hits: readonly SearchHit[],
  typedTierOf: (clause: PlanClause) => ((number: number) => number) | null,
): QueryRewrite[] {
  const rewrites: QueryRewrite[] = [];
  for (const clause of plan.include) {
    const typed = clause.variants.find((variant) => !variant.synonym);
    if (clause.traditional || clause.asWritten || !clause.forms || !typed) continue;
    const tierOf = typedTierOf(clause);
    if (!tierOf) continue;
    const holdsTyped = (hit: SearchHit) => typed.tokens.every((token) => hit.terms.includes(token.term));
    if (!hits.some((hit) => holdsTyped(hit) && Math.floor(tierOf(hit.number)) >= MATCH_TIERS.otherScript)) continue;
    const written = otherForm(clause.forms, planTerms);
    if (written && written !== typed.text && !rewrites.some((r) => r.from === clause.source && r.to === written)) {
      rewrites.push({ from: clause.source, to: written, kind: 'script', script: 'traditional' });
    }
  }
  return rewrites;
}

/**
 * The word of `forms` (its bigrams as typed) as the archive writes it most often otherwise: per
 * bigram, its most frequent literal form other than the typed one that fits the previous bigram
 * (else the typed form), joined. Null when the bigrams do not join into one word.
 */
function otherForm(forms: readonly LiteralForm[], planTerms: Pick<PlanTerms, 'entries' | 'forms'>): string | null {
  const frequency = (key: string) => planTerms.entries.get(key)?.df.reduce((a, b) => a + b, 0) ?? 0;
  let word = '';
  for (const { folded, literal } of forms) {
    const typedKey = literalFormKey(folded, literal);
    const last = word ? [...word].at(-1)! : '';
    const fits = (form: string) => !last || form.startsWith(last);
    const others = (planTerms.forms.get(folded) ?? [])
      .filter((key) => key !== typedKey)
      .sort((a, b) => frequency(b) - frequency(a) || (a < b ? -1 : 1))
      .map((key) => key.slice(literalFormPrefix(folded).length))
      .filter(fits);
    const form = others[0] ?? (fits(literal) ? literal : null);
    if (form === null) return null;
    word += last ? form.slice(last.length) : form;
  }
  return word;
}
