/**
 * Which form of a typed Chinese word an article wrote, read from the literal-form keys the build
 * adds beside the folded bigrams (`text/literal-forms.ts`): the match tier of a clause's match.
 */
import { type LiteralForm, literalFormKey } from '../text/literal-forms.ts';
import { MATCH_TIERS, OTHER_SCRIPT_ARTICLE } from './match-tiers.ts';

/**
 * The match tier (`MATCH_TIERS`) of an article whose folded terms match a typed clause, from one
 * step's postings: `typed` when it wrote every bigram of the clause's `forms` as typed, else
 * `otherScript`; plus `OTHER_SCRIPT_ARTICLE` when the article is written in the other script than
 * the query and the archive writes these bigrams in more than one way. A bigram typed as
 * `literal` is written so when the article holds its key; a bigram typed as its folded form
 * (simplified, or a form both scripts share) when the article holds that key, or no key of the
 * bigram at all (it wrote no other form). The keys' article sets are made once, on first use.
 * Null for a clause whose bigrams the archive writes one way only (香港): no tier to tell.
 * @param keysByFolded `PlanTerms#forms`
 * @param postingsOf a key's postings in this step (per field, flat `[number, freq, …]`)
 * @param isTraditional whether an article is written in traditional characters
 * @example const tierOf = typedFormTier(planTerms.forms, (key) => postings.get(key), isTraditional)(clause.forms, true); tierOf?.(17)
 */
export function typedFormTier(
  keysByFolded: ReadonlyMap<string, readonly string[]>,
  postingsOf: (key: string) => readonly Uint32Array[] | undefined,
  isTraditional: (number: number) => boolean,
): (forms: readonly LiteralForm[], typedTraditional: boolean) => ((number: number) => number) | null {
  const articles = new Map<string, Set<number>>();
  const articlesOf = (key: string): Set<number> => {
    let set = articles.get(key);
    if (!set) {
      set = new Set();
      for (const flat of postingsOf(key) ?? []) for (let i = 0; i < flat.length; i += 2) set.add(flat[i]!);
      articles.set(key, set);
    }
    return set;
  };
  return (forms, typedTraditional) => {
    // Per form, once per clause (not per article): the articles that wrote it as typed, and those that wrote it otherwise.
    const checks = forms.map(({ folded, literal }) => {
      const typedKey = literalFormKey(folded, literal);
      const others = (keysByFolded.get(folded) ?? []).filter((key) => key !== typedKey);
      return { typed: articlesOf(typedKey), others: others.map(articlesOf), unchanged: literal === folded, written: (keysByFolded.get(folded) ?? []).length > 0 };
    });
    const writtenOtherwise = checks.some((check) => check.written);
    // Words every article writes one way (香港, or any word of an archive in one script): no tier to tell.
    if (!writtenOtherwise && checks.every((check) => check.unchanged)) return null;
    return (number) => {
      let tier: number = MATCH_TIERS.typed;
      for (const check of checks) {
        if (check.typed.has(number)) continue;
        if (!check.unchanged || check.others.some((set) => set.has(number))) {
          tier = MATCH_TIERS.otherScript;
          break;
        }
      }
      return writtenOtherwise && isTraditional(number) !== typedTraditional ? tier + OTHER_SCRIPT_ARTICLE : tier;
    };
  };
}
