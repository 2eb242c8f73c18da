/**
 * Literal forms: how an article actually wrote a Chinese word, which the folded index forgets.
 * The index folds traditional to simplified characters (`fold.ts`), so 臺灣, 台灣 and 台湾 are one
 * term, 台湾. Match tiers (`query/rank-clauses.ts`, `query/typed-form-tier.ts`) need to know which of them an article wrote: the
 * query's own form ranks above the other script's.
 *
 * The build adds, for every Chinese bigram an article writes in more than one way or in a form
 * other than its folded one, one extra term per form it wrote: `<folded><MARK><literal>`
 * (`台湾\u0001臺灣`). An article that writes a bigram only as its folded form (simplified text,
 * and words like 香港 that both scripts share) gets none, so most articles add nothing. The keys
 * sort right after their folded term (U+0001 comes before every character of a term), so they lie
 * in the vocabulary part the query loads for the term itself: no extra request as a rule. They are
 * never matched as words (`termsWithPrefix` leaves them out), count in no field length, and carry
 * no frequency (each is 1): only whether an article holds them is read.
 */
import { foldWithOffsets, needsFoldingTable } from './fold.ts';
import { forEachBigram, forEachRun } from './tokenize.ts';

/** Separates a literal-form key's folded bigram from its literal one (analysed text holds no U+0001). */
export const LITERAL_FORM_MARK = '\u0001';

/** One Chinese bigram of a text: its folded form (the index term) and the form written (after NFKC and case). */
export interface LiteralForm {
  folded: string;
  literal: string;
}

/** The vocabulary key of `literal` written for folded bigram `folded`. @example literalFormKey('台湾', '臺灣') // '台湾\u0001臺灣' */
export function literalFormKey(folded: string, literal: string): string {
  return folded + LITERAL_FORM_MARK + literal;
}

/** What every literal-form key of folded bigram `folded` starts with. */
export function literalFormPrefix(folded: string): string {
  return folded + LITERAL_FORM_MARK;
}

/** True for a key of {@link literalFormKey}: never a word of the text. */
export function isLiteralFormKey(term: string): boolean {
  return term.includes(LITERAL_FORM_MARK);
}

// Invisible characters that folding drops too (zero-width spaces inside words).
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;

/**
 * Each Chinese bigram of `text`, in order: its folded form and its literal form (NFKC and
 * lowercase, invisible characters dropped, no script folding). The folding table must be loaded
 * when `text` holds traditional characters (`prepareFolding`).
 * @throws FoldingTableError as `foldText`
 * @example literalForms('臺灣人') // [{ folded: '台湾', literal: '臺灣' }, { folded: '湾人', literal: '灣人' }]
 */
export function literalForms(text: string): LiteralForm[] {
  const { folded, starts, ends } = foldWithOffsets(text);
  const forms: LiteralForm[] = [];
  forEachRun(folded, (kind, start, end) => {
    if (kind !== 'cjk') return;
    forEachBigram(folded, start, end, (s, e) => {
      const bigram = folded.slice(s, e);
      // A run of one character is pushed whole: not a bigram.
      if (bigram.length < 2 || (bigram.length === 2 && (bigram.charCodeAt(0) & 0xfc00) === 0xd800)) return;
      forms.push({ folded: bigram, literal: text.slice(starts[s], ends[e - 1]).normalize('NFKC').toLowerCase().replace(IGNORABLE, '') });
    });
  });
  return forms;
}

/**
 * The literal-form keys an article adds to the index (see the module comment): for each folded
 * bigram written in some form other than itself, one key per form written, its folded form
 * included when written too. Empty for text with no character the folding table changes.
 * @throws FoldingTableError as `foldText`
 * @example literalFormKeys('臺灣與台湾') // ['台湾\u0001臺灣', '台湾\u0001台湾', '湾与\u0001灣與', '与台\u0001與台']
 */
export function literalFormKeys(text: string): string[] {
  if (!needsFoldingTable(text)) return [];
  const byFolded = new Map<string, Set<string>>();
  for (const { folded, literal } of literalForms(text)) {
    let written = byFolded.get(folded);
    if (!written) byFolded.set(folded, (written = new Set()));
    written.add(literal);
  }
  const keys: string[] = [];
  for (const [folded, written] of byFolded) {
    if (written.size === 1 && written.has(folded)) continue;
    for (const literal of written) keys.push(literalFormKey(folded, literal));
  }
  return keys;
}
