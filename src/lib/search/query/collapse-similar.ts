/**
 * Near-duplicates: the parts of a multi-part video ("… 1/3", "2/3"), two versions of one story,
 * the same wire story carried by several outlets. The build gives every article the number of the
 * first earlier article it nearly duplicates (its *similar group*, a docs table column); a query
 * then keeps the best article of each group and lists the others under it (Algolia's `distinct`,
 * at query time). What "near-identical" means, and what it groups in the real archive:
 * docs/near-duplicates.md.
 */
import { foldText } from '../text/fold.ts';
import type { SearchHit } from '../types.ts';

/** What near-duplicate detection reads of an article. */
export interface SimilarityInput {
  title: string;
  /** Plain text of the body (blocks separated by newlines). */
  text: string;
  /** ISO date, or '' when unknown. */
  date: string;
}

/** An article's keys: near-duplicates share one of them (and pass its extra check). */
export interface SimilarityKeys {
  /** Folded title without part markers, letters and digits only; '' when too short to trust. */
  title: string;
  /** The first {@link LEAD_CHARS} letters and digits of the body's long lines; '' when shorter. */
  lead: string;
  /** Character bigrams of the folded title, for the lead rule's title check. */
  titleBigrams: ReadonlySet<string>;
  /** Character bigrams of the lead as far as it goes (even under {@link LEAD_CHARS}). */
  leadBigrams: ReadonlySet<string>;
  /** Days since 1970, or NaN when undated. */
  day: number;
}

/** Titles shorter than this (letters and digits) are too generic to group by ("快讯"). */
const MIN_TITLE_KEY = 4;
/** Letters and digits of leading text compared; a body with fewer has no lead key. */
const LEAD_CHARS = 80;
/** Lines shorter than this are datelines, bylines and captions, not the story's lead. */
const MIN_LEAD_LINE = 20;
/** Same title (parts aside) counts only within this many days: weekly columns reuse titles. */
const TITLE_DAYS = 3;
/** Same lead counts only with titles this alike (bigram Dice): lecture series share an intro. */
const LEAD_TITLE_DICE = 0.6;
/** Titles this alike (a repost's "德国之声｜" prefix, 休斯顿/休斯敦) within {@link ALIKE_DAYS}, with alike leads. */
const ALIKE_TITLE_DICE = 0.8;
/** Alike titles count only this close in time: a daily market report's titles and leads are alike too. */
const ALIKE_DAYS = 1;
/** How alike the leads of two alike titles must be: a daily programme's titles differ by a date, its leads by everything. */
const ALIKE_LEAD_DICE = 0.5;

/**
 * Part markers at the end of a folded title: `1/3`, `（二）`, `(3)`, `之七`, `part 2`, `第2集`,
 * ` 下`. Removed repeatedly, so "（三）（四）" goes too.
 */
const PART_MARKER =
  /(?:[1-9]\d?\s*[/／]\s*[1-9]\d?|[（(]\s*(?:[一二三四五六七八九十]+|\d{1,2}|[上中下])\s*[)）]|之[一二三四五六七八九十]+|part\s*\d{1,2}|第[一二三四五六七八九十\d]{1,3}[部集篇节讲]|\s[上中下]篇?)\s*$/;

/**
 * The keys near-duplicate detection compares. The folding table must be loaded when the text is
 * traditional (`loadFoldingTable`).
 * @throws FoldingTableError as `foldText`
 * @example similarityKeys({ title: '香港史 - 02/01/17「解毒片」3/3', text: '…', date: '2017-01-02' }).title // '香港史020117解毒片'
 */
export function similarityKeys(article: SimilarityInput): SimilarityKeys {
  let title = foldText(article.title).trim();
  for (let previous = ''; previous !== title; ) {
    previous = title;
    title = title.replace(PART_MARKER, '').trim();
  }
  const titleKey = lettersAndDigits(title);
  const lead = leadOf(article.text);
  const millis = article.date ? Date.parse(article.date) : Number.NaN;
  return {
    title: titleKey.length >= MIN_TITLE_KEY ? titleKey : '',
    lead: lead.length === LEAD_CHARS ? lead : '',
    titleBigrams: bigrams(lettersAndDigits(foldText(article.title))),
    leadBigrams: bigrams(lead),
    day: Math.floor(millis / 86_400_000),
  };
}

/**
 * True when two articles are near-identical: the same title apart from part markers, dated within
 * three days of each other; or the same leading text under titles that are alike (bigram Dice ≥ 0.6);
 * or, dated within a day, titles nearly the same (Dice ≥ 0.8) over leads that are alike (Dice ≥ 0.5).
 * @example isNearDuplicate(similarityKeys(part1), similarityKeys(part2)) // true for "… 1/3" and "… 2/3"
 */
export function isNearDuplicate(a: SimilarityKeys, b: SimilarityKeys): boolean {
  const days = Math.abs(a.day - b.day);
  if (a.title !== '' && a.title === b.title && !(days > TITLE_DAYS)) return true;
  if (a.lead !== '' && a.lead === b.lead && dice(a.titleBigrams, b.titleBigrams) >= LEAD_TITLE_DICE) return true;
  return days <= ALIKE_DAYS && isAlikeTitle(a, b) && a.leadBigrams.size >= MIN_LEAD_LINE && dice(a.leadBigrams, b.leadBigrams) >= ALIKE_LEAD_DICE;
}

/** Titles alike enough for the third rule; the size check first, as it rules out most pairs for free. */
function isAlikeTitle(a: SimilarityKeys, b: SimilarityKeys): boolean {
  const [small, large] = a.titleBigrams.size < b.titleBigrams.size ? [a.titleBigrams.size, b.titleBigrams.size] : [b.titleBigrams.size, a.titleBigrams.size];
  if (small < MIN_TITLE_KEY || (2 * small) / (small + large) < ALIKE_TITLE_DICE) return false;
  return dice(a.titleBigrams, b.titleBigrams) >= ALIKE_TITLE_DICE;
}

/**
 * Similar groups for articles in number order (`undefined` for a number no article holds): each
 * article's group is the group of the first earlier article it nearly duplicates, else its own
 * number. Earlier articles never change group when later ones arrive, so an incremental build
 * rewrites only the new articles' rows. Linear: candidates come from maps by title and by lead.
 * @returns the group (an article number ≤ n) of each number
 * @throws FoldingTableError as `foldText`
 */
export function assignSimilarGroups(articles: ReadonlyArray<SimilarityInput | undefined>): Uint32Array {
  const groups = new Uint32Array(articles.length);
  const keys: Array<SimilarityKeys | undefined> = [];
  const byTitle = new Map<string, number[]>();
  const byLead = new Map<string, number[]>();
  articles.forEach((article, n) => {
    if (article) keys[n] = similarityKeys(article);
  });
  const nearInTime = articlesNearInTime(keys);
  articles.forEach((article, n) => {
    groups[n] = n;
    if (!article) return;
    const own = keys[n]!;
    const candidates = [...recent(byTitle.get(own.title)), ...recent(byLead.get(own.lead)), ...nearInTime(n)].sort((x, y) => x - y);
    const match = candidates.find((m) => isNearDuplicate(keys[m]!, own));
    if (match !== undefined) groups[n] = groups[match]!;
    if (own.title) push(byTitle, own.title, n);
    if (own.lead) push(byLead, own.lead, n);
  });
  return groups;
}

/** Dated articles compared per article by the third rule: the nearest in time with a lower number. */
const MAX_NEAR_IN_TIME = 400;

/**
 * For each article, the earlier-numbered articles dated within {@link ALIKE_DAYS} day of it (the
 * nearest {@link MAX_NEAR_IN_TIME}), whose titles are alike: the third rule's candidates.
 */
function articlesNearInTime(keys: ReadonlyArray<SimilarityKeys | undefined>): (n: number) => number[] {
  const dated: number[] = [];
  keys.forEach((key, n) => {
    if (key && !Number.isNaN(key.day)) dated.push(n);
  });
  dated.sort((x, y) => keys[x]!.day - keys[y]!.day || x - y);
  const position = new Map(dated.map((n, i) => [n, i]));
  return (n) => {
    const at = position.get(n);
    if (at === undefined) return [];
    const own = keys[n]!;
    const found: number[] = [];
    // Only earlier numbers count towards the limit, so later articles never change what an
    // earlier one is compared with (its group stays put in an incremental build).
    let examined = 0;
    for (let step = 1; examined < MAX_NEAR_IN_TIME && found.length < MAX_CANDIDATES; step++) {
      let inRange = false;
      for (const i of [at - step, at + step]) {
        const m = dated[i];
        if (m === undefined || Math.abs(keys[m]!.day - own.day) > ALIKE_DAYS) continue;
        inRange = true;
        if (m >= n) continue;
        examined++;
        if (isAlikeTitle(keys[m]!, own)) found.push(m);
      }
      if (!inRange) break;
    }
    return found;
  };
}

/** A hit with the near-duplicates collapsed under it (`similar`: same fields, best first). */
export type CollapsedHit = SearchHit;

/**
 * Collapses sorted hits by similar group: the first hit of each group stands for it (the best by
 * the current sort), the group's other hits follow it in `similar`, in the same order. Over the
 * whole result list, so that every page of groups is cut from the same list (no article on two
 * pages, none skipped).
 * @param groupOf the similar group of an article number (the docs table's column)
 * @example collapseHits([a1, b, a2], groupOf) // [{ ...a1, similar: [a2] }, b]
 */
export function collapseHits(hits: readonly SearchHit[], groupOf: (number: number) => number): CollapsedHit[] {
  const leaders: CollapsedHit[] = [];
  const leaderOf = new Map<number, CollapsedHit>();
  for (const hit of hits) {
    const group = groupOf(hit.number);
    const leader = leaderOf.get(group);
    if (leader) (leader.similar ??= []).push(hit);
    else {
      const copy: CollapsedHit = { ...hit };
      leaderOf.set(group, copy);
      leaders.push(copy);
    }
  }
  return leaders;
}

/**
 * One page of collapsed hits without collapsing the rest: the groups `offset … offset + limit - 1`
 * of {@link collapseHits}, and how many groups there are. What the engine runs per answer: one
 * map look-up per hit, a copy only for the page's leaders.
 * @example collapsePage(hits, groupOf, 10, 10) // { hits: groups 11–20, each with its similar, groups: 37 }
 */
export function collapsePage(hits: readonly SearchHit[], groupOf: (number: number) => number, offset: number, limit: number): { hits: CollapsedHit[]; groups: number } {
  const positionOf = new Map<number, number>();
  const page: CollapsedHit[] = [];
  const end = offset + limit;
  let groups = 0;
  for (const hit of hits) {
    const group = groupOf(hit.number);
    const at = positionOf.get(group);
    if (at === undefined) {
      positionOf.set(group, groups);
      if (groups >= offset && groups < end) page.push({ ...hit });
      groups++;
    } else if (at >= offset && at < end) {
      (page[at - offset]!.similar ??= []).push(hit);
    }
  }
  return { hits: page, groups };
}

/**
 * Pairs of near-duplicates in a list (indexes into it): what a quality benchmark counts in a
 * top ten. Quadratic: meant for short lists.
 * @throws FoldingTableError as `foldText`
 * @example nearDuplicatePairs(topTen) // [[0, 3]] when results 1 and 4 are parts of one video
 */
export function nearDuplicatePairs(articles: readonly SimilarityInput[]): Array<[number, number]> {
  const keys = articles.map(similarityKeys);
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < keys.length; i++) for (let j = i + 1; j < keys.length; j++) if (isNearDuplicate(keys[i]!, keys[j]!)) pairs.push([i, j]);
  return pairs;
}

/** The first {@link LEAD_CHARS} letters and digits of the long lines, folded; reads no further. */
function leadOf(text: string): string {
  let lead = '';
  for (let start = 0; start < text.length && lead.length < LEAD_CHARS; ) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    // Lines are scanned by length first: a body's long tail is never normalized.
    const line = end - start >= MIN_LEAD_LINE ? lettersAndDigits(text.slice(start, Math.min(end, start + 4 * LEAD_CHARS))) : '';
    if (line.length >= MIN_LEAD_LINE) lead += foldText(line);
    start = end + 1;
  }
  return lead.slice(0, LEAD_CHARS);
}

function lettersAndDigits(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function bigrams(key: string): Set<string> {
  const set = new Set<string>();
  for (let i = 0; i + 1 < key.length; i++) set.add(key.slice(i, i + 2));
  return set;
}

function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size + b.size === 0) return 0;
  let shared = 0;
  for (const gram of a) if (b.has(gram)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** Candidates compared per key: the latest ones (numbers follow dates), so a title every week repeats stays linear. */
const MAX_CANDIDATES = 64;

function recent(list: number[] | undefined): number[] {
  if (!list) return [];
  return list.length > MAX_CANDIDATES ? list.slice(-MAX_CANDIDATES) : list;
}

function push(map: Map<string, number[]>, key: string, n: number): void {
  const list = map.get(key);
  if (list) list.push(n);
  else map.set(key, [n]);
}
