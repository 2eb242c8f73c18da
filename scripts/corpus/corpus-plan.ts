/**
 * Everything a corpus is made from, rebuilt identically in every thread from the same options:
 * the seed, the calendar with its events, the vocabulary, the roster, the article composer; and
 * the folder plan that cuts the index range into folders of at most {@link FILES_PER_FOLDER}
 * articles of one month each. Folders are the unit of work, so threads never share a folder.
 */
import { Calendar } from './calendar.ts';
import { ArticleComposer } from './compose-article.ts';
import { createEvents } from './events.ts';
import { Lexicon } from './lexicon.ts';
import { MAX_TAG_POOL } from './bylines.ts';
import { buildRoster } from './names.ts';
import { hashSeed, Rng } from './random.ts';

/** Options after validation: plain data, so it can be posted to worker threads. */
export interface CorpusSpec {
  /** 32-bit seed derived from `--seed`. */
  seed: number;
  count: number;
  /** Midnight UTC of the first day. */
  startMillis: number;
  /** Number of days, the last one included. */
  days: number;
  /** Different authors and topic tags in front matter (0: the outlet as author, no tags; see `bylines.ts`). */
  authors?: number;
  tags?: number;
}

/** One folder of consecutive articles: indexes [start, end) written to `folder` (relative). */
export interface FolderJob {
  start: number;
  end: number;
  /** `YYYY/MM/NN`. */
  folder: string;
}

/** Files per leaf folder: small enough for any file browser, large enough to keep folders few. */
export const FILES_PER_FOLDER = 2000;
/** Largest accepted article count. */
export const MAX_COUNT = 10_000_000;
/** Most `--authors`: the roster's people (`buildRoster`). */
export const MAX_AUTHORS = 600;
/** Events per 30 days of calendar: about one every seven weeks. */
const EVENTS_PER_MONTH = 0.6;
const DAY_MS = 86_400_000;

/**
 * Validates the user's options.
 * @throws {RangeError} with a sentence naming the option, for a bad count or date.
 * @example resolveSpec({ count: 10, seed: 'x', from: '2020-01-01', to: '2020-12-31' }).days // 366
 */
export function resolveSpec(options: { count: number; seed: string | number; from: string; to: string; authors?: number; tags?: number }): CorpusSpec {
  const { count } = options;
  if (!Number.isInteger(count) || count < 1 || count > MAX_COUNT) {
    throw new RangeError(`generate-corpus: --count must be a whole number from 1 to ${MAX_COUNT.toLocaleString('en')}, got ${count}`);
  }
  const startMillis = parseDay(options.from, '--from');
  const endMillis = parseDay(options.to, '--to');
  if (endMillis < startMillis) throw new RangeError(`generate-corpus: --to (${options.to}) is before --from (${options.from})`);
  for (const [name, value, max] of [['--authors', options.authors, MAX_AUTHORS], ['--tags', options.tags, MAX_TAG_POOL]] as const) {
    if (value !== undefined && !(Number.isInteger(value) && value >= 0 && value <= max)) throw new RangeError(`generate-corpus: ${name} must be a whole number from 0 to ${max}, got ${value}`);
  }
  const bylines = options.authors || options.tags ? { authors: options.authors ?? 0, tags: options.tags ?? 0 } : {};
  return { seed: hashSeed(String(options.seed)), count, startMillis, days: Math.round((endMillis - startMillis) / DAY_MS) + 1, ...bylines };
}

/** The composer (and its calendar) of a corpus; the same spec gives the same articles in any thread. */
export function createComposer(spec: CorpusSpec): { composer: ArticleComposer; calendar: Calendar } {
  const lexicon = new Lexicon();
  const roster = buildRoster();
  const eventCount = Math.max(1, Math.round((spec.days / 30) * EVENTS_PER_MONTH));
  const events = createEvents(new Rng(spec.seed, 0xe7e7), lexicon, roster, spec.days, eventCount);
  const calendar = new Calendar(spec.seed, spec.startMillis, spec.days, events);
  const composer = new ArticleComposer(spec.seed, spec.count, calendar, lexicon, roster);
  if (spec.authors || spec.tags) composer.bylines = { authors: spec.authors ?? 0, tags: spec.tags ?? 0 };
  return { composer, calendar };
}

/**
 * Cuts articles 0…count-1 into folder jobs. Months are contiguous index ranges (dates rise with
 * the index), so each month's end is found by galloping and binary search: a few dozen day
 * draws per month instead of one per article.
 */
export function planFolders(composer: ArticleComposer, calendar: Calendar, count: number): FolderJob[] {
  const monthAt = (index: number): string => calendar.monthOf(composer.dayOf(index));
  const jobs: FolderJob[] = [];
  let start = 0;
  while (start < count) {
    const month = monthAt(start);
    let lo = start; // last index known to be in `month`
    let hi = start + 1; // first index known to be past it, or count
    for (let step = 1; hi < count && monthAt(hi) === month; step *= 2) {
      lo = hi;
      hi = Math.min(count, start + step * 2);
    }
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (monthAt(mid) === month) lo = mid;
      else hi = mid;
    }
    for (let part = 0, first = start; first < hi; first += FILES_PER_FOLDER, part++) {
      jobs.push({ start: first, end: Math.min(hi, first + FILES_PER_FOLDER), folder: `${month}/${String(part).padStart(2, '0')}` });
    }
    start = hi;
  }
  return jobs;
}

/** Midnight UTC of a `YYYY-MM-DD` day. */
function parseDay(value: string, option: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const millis = match ? Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!) : Number.NaN;
  if (!match || Number.isNaN(millis) || new Date(millis).toISOString().slice(0, 10) !== value) {
    throw new RangeError(`generate-corpus: ${option} must be a date like 2015-01-01, got "${value}"`);
  }
  return millis;
}
