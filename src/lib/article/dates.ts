/**
 * Dates in the archive come as ISO strings in front matter, epoch stamps, file-name prefixes and
 * date lines in the body (`Sat, 27 Jun 2020 13:30:55 +0000`, `26/09/2023 - 11:37`). All become
 * ISO 8601 UTC strings; anything outside a plausible news window is rejected so one broken stamp
 * cannot stretch the date facet across centuries.
 */

/** Earliest plausible article date: before the web, a date is a parsing accident. */
export const EARLIEST_PLAUSIBLE = Date.UTC(1990, 0, 1);
/** Articles may be stamped a little ahead (time zones, scheduled posts), not years ahead. */
const FUTURE_SLACK_MS = 2 * 24 * 3600 * 1000;

/** True when a timestamp could be a real article date relative to `now`. */
export function isPlausibleDate(millis: number, now: number = Date.now()): boolean {
  return Number.isFinite(millis) && millis >= EARLIEST_PLAUSIBLE && millis <= now + FUTURE_SLACK_MS;
}

const DATE_ONLY = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s*-?\s*(\d{1,2}):(\d{2}))?$/;
const CJK_DATE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:\s*(\d{1,2})[:：](\d{2}))?/;
const LOOSE_ISO = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Parses the date formats the archive uses into epoch milliseconds (UTC), or null.
 * Dates without a time are midnight UTC; times without a zone are UTC.
 * @example parseArchiveDate('2015-12-25') // Date.UTC(2015, 11, 25)
 */
export function parseArchiveDate(value: string): number | null {
  const text = value.trim();
  if (text === '') return null;
  let m = DATE_ONLY.exec(text);
  if (m) return utc(+m[1]!, +m[2]!, +m[3]!);
  m = LOOSE_ISO.exec(text);
  if (m) {
    // Date.parse rolls 30 February over into March: check the calendar first.
    if (!isCalendarTime(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0))) return null;
    const zone = m[8] ? (m[8] === 'Z' ? 'Z' : m[8].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')) : 'Z';
    const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${m[7] ?? ''}${zone}`;
    const millis = Date.parse(iso);
    return Number.isNaN(millis) ? null : millis;
  }
  m = DMY.exec(text);
  if (m) return utc(+m[3]!, +m[2]!, +m[1]!, +(m[4] ?? 0), +(m[5] ?? 0));
  m = CJK_DATE.exec(text);
  if (m) return utc(+m[1]!, +m[2]!, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0));
  // RFC 2822 (`Sat, 27 Jun 2020 13:30:55 +0000`) and other forms Date.parse reads the same everywhere.
  const isoDay = /^(\d{4})-(\d{2})-(\d{2})T/.exec(text);
  if (isoDay && !isCalendarTime(+isoDay[1]!, +isoDay[2]!, +isoDay[3]!)) return null;
  const rfc = /^[A-Za-z]{3},?\s+(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})/.exec(text);
  if (rfc && !isCalendarTime(+rfc[3]!, MONTHS.indexOf(rfc[2]!.toLowerCase()) + 1, +rfc[1]!)) return null;
  if (rfc || isoDay) {
    const millis = Date.parse(text);
    return Number.isNaN(millis) ? null : millis;
  }
  return null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function utc(year: number, month: number, day: number, hour = 0, minute = 0): number | null {
  return isCalendarTime(year, month, day, hour, minute) ? Date.UTC(year, month - 1, day, hour, minute) : null;
}

/** True when the numbers name a real day and time: no 30 February, no 31 April, no 25:00. */
function isCalendarTime(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return false;
  // Date.UTC rolls 31 February into March; a date that rolled over was not a date.
  return new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
}

/** The `YYYY-MM-DD` prefix of a file name (`2020-07-30-标题.md`), or null. */
export function dateFromFileName(fileName: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?!\d)/.exec(fileName);
  return m ? utc(+m[1]!, +m[2]!, +m[3]!) : null;
}

