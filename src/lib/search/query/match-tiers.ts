/**
 * Match tiers, best first: how an article matched a clause of the query. Results sort by tier
 * (summed over the clauses), then by score: every article that holds the typed words as typed
 * ranks above every article that holds them only in another form, and those above the articles
 * that hold only a synonym.
 *
 * - `typed`: the words as typed (after NFKC and case).
 * - `otherScript`: the same words written otherwise: in the other script (traditional ⇄
 *   simplified: the index folds both alike; `literal-forms.ts` tells them apart), or another
 *   traditional variant (台灣 for 臺灣).
 * - `synonym`: a synonym only (川普 for 特朗普, NATO for 北约).
 *
 * Prefix and typo expansions of a Latin word are weighed below exact words within the token by
 * MiniSearch itself (`SEARCH_OPTIONS.weights`: 0.5 and 0.4), not by tier.
 */
export const MATCH_TIERS = { typed: 0, otherScript: 1, synonym: 2 } as const;

/**
 * Added to the tier of an article written in the other script than the query (the docs table's
 * flag) when the archive writes the query's words in more than one way: within `typed`, a
 * simplified article quoting 國安 once (while it writes 国安法 eleven times) holds every bigram of
 * 國安法 as typed, yet not the word; within `otherScript`, for 臺灣, a traditional article writing
 * 台灣 is nearer to it than a simplified one writing 台湾. Less than one tier: it never crosses one.
 */
export const OTHER_SCRIPT_ARTICLE = 0.5;
