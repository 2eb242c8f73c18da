import { articleTags, postTagsOf } from './article-tags.ts';
import { dateFromFileName, isPlausibleDate, parseArchiveDate } from './dates.ts';
import { canonicalOutletName, isKnownOutlet, outletFromHost, outletFromTaxonomy } from './outlets.ts';
import type { RawArticle } from './parse-article.ts';
import { stripOutletSuffix } from './title-suffixes.ts';
import type { Article, ArticleWarning } from './types.ts';
import { canonicalUrl, hostOf } from './urls.ts';

/** The cleaned body, as `cleanArticleBody` returns it. */
export interface CleanBody {
  html: string;
  text: string;
}

/** What normalizing adds besides the article: the key duplicates are found by. */
export interface NormalizedArticle {
  /** The article, with `id` still empty: ids are assigned once duplicates are merged. */
  article: Article;
  warnings: ArticleWarning[];
}

/** Options that make normalizing deterministic in tests. */
export interface NormalizeOptions {
  /** "Now" for the plausibility check of dates; defaults to the current time. */
  now?: number;
}

/** Longest URL stored: far above any real article's (browsers and CDNs stop near 8 KB). */
export const MAX_URL_LENGTH = 2048;

/** Suffixes that scrapers append to titles and file names. */
const TITLE_SUFFIX = /\s+[-–—|]\s+(?:法国国际广播电台\s+-\s+RFI|BBC News 中文|RFI|BBC News|美国之音|VOA|DW|德国之声)$/;

/**
 * Interprets a parsed file as one `Article`: title, canonical URL, outlet, author, ISO date,
 * text and HTML. Never throws for missing pieces: each fallback is a warning.
 *
 * @param raw the file split by `parseArticle`
 * @param body the body after `cleanArticleBody`
 * @param file the path relative to the input folder (`/` separators)
 */
export function normalizeArticle(raw: RawArticle, body: CleanBody, file: string, options: NormalizeOptions = {}): NormalizedArticle {
  const warnings: ArticleWarning[] = [...raw.warnings];
  const fm = raw.frontMatter;
  const baseName = file.split('/').pop() ?? file;

  const url = storableUrl(canonicalUrl(fm?.from), 'from:', warnings) || storableUrl(canonicalUrl(raw.headerLink?.url), '[title](url) header', warnings);
  if (!url) warnings.push({ kind: 'missing-url', message: 'no http(s) URL in front matter `from:` or a [title](url) header' });

  let title = plainText(fm?.title ?? '') || plainText(raw.headerLink?.title ?? '');
  if (!title) {
    title = titleFromFileName(baseName);
    warnings.push({ kind: 'missing-title', message: `no title in front matter or header; used the file name “${title}”` });
  }

  const host = hostOf(url);
  let outlet = fm ? outletFromTaxonomy(fm.tags, fm.categories) : null;
  if (!outlet && host) outlet = outletFromHost(host);
  if (!outlet && fm?.author && isKnownOutlet(fm.author)) outlet = canonicalOutletName(fm.author);
  if (!outlet) {
    outlet = host.replace(/^www\./, '');
    warnings.push({ kind: 'unknown-outlet', message: host ? `no outlet known for host ${host}` : 'no outlet: no tags, categories or URL' });
  }

  title = stripOutletSuffix(title, outlet);

  const author = personAuthor(fm?.author, outlet);
  const tags = articleTags({ tags: fm?.tags ?? [], categories: fm?.categories ?? [], postTags: postTagsOf(raw.body), outlet, author: fm?.author }, plainText);
  const date = pickDate(raw, body.text, baseName, warnings, options.now ?? Date.now());
  if (body.text.trim() === '') warnings.push({ kind: 'empty-body', message: 'the body has no visible text after cleaning' });

  return {
    article: { id: '', title, url, outlet, author, tags, date, text: body.text, html: body.html, file, ...(fm && Object.keys(fm.other).length ? { frontMatter: fm.other } : {}) },
    warnings,
  };
}

/**
 * Tries each date source in order of trust; implausible dates fall through to the next one. A
 * front-matter date that is not a calendar date, and an implausible one, is a warning that names
 * the value and what was used instead.
 */
function pickDate(raw: RawArticle, text: string, baseName: string, warnings: ArticleWarning[], now: number): string {
  const typed = raw.frontMatter?.date;
  const candidates: Array<{ source: string; millis: number | null; kind?: ArticleWarning['kind'] }> = [
    { source: 'front matter date', millis: typed ? parseArchiveDate(typed) : null },
    { source: 'epoch stamp', millis: raw.stampMillis },
    { source: 'file name', millis: dateFromFileName(baseName), kind: 'date-from-file-name' },
    { source: 'date line', millis: raw.dateLine ? parseArchiveDate(raw.dateLine) : null, kind: 'date-from-body' },
    { source: 'first line of the body', millis: dateFromTopOfText(text), kind: 'date-from-body' },
  ];
  // A date line on the file name's day is the same date, told to the second: prefer it.
  const [, , named, line] = candidates;
  if (named!.millis !== null && line!.millis !== null && Math.floor(line!.millis / 86_400_000) === Math.floor(named!.millis / 86_400_000)) {
    named!.millis = line!.millis;
  }
  // Dates passed over, each told with the fallback once it is known.
  const passedOver: Array<{ kind: ArticleWarning['kind']; message: string }> = [];
  if (typed && candidates[0]!.millis === null) {
    passedOver.push({ kind: 'invalid-date', message: `front matter date “${clipValue(typed)}” is not a calendar date` });
  }
  for (const { source, millis, kind } of candidates) {
    if (millis === null) continue;
    if (!isPlausibleDate(millis, now)) {
      passedOver.push({ kind: 'implausible-date', message: `ignored implausible ${source} ${safeIso(millis)}` });
      continue;
    }
    const date = new Date(millis).toISOString();
    for (const skipped of passedOver) warnings.push({ kind: skipped.kind, message: `${skipped.message}; used the ${source} (${date})` });
    if (kind) warnings.push({ kind, message: `date taken from the ${source}` });
    return date;
  }
  for (const skipped of passedOver) warnings.push({ kind: skipped.kind, message: `${skipped.message}; no other date found, the article is undated` });
  warnings.push({ kind: 'missing-date', message: passedOver.length ? 'no usable date in front matter, stamp, file name or body' : 'no date in front matter, stamp, file name or body' });
  return '';
}

/** A value from a file, short and on one line, for a warning. */
function clipValue(value: string): string {
  const line = value.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  return line.length > 40 ? `${line.slice(0, 40)}…` : line;
}

/**
 * `url`, or '' when it is longer than `MAX_URL_LENGTH` (warned: the article is kept, without a
 * link). Every URL is stored in the article's fragment, and the newest ones in the manifest that
 * every visitor loads: a 3 MB `from:` would make a 3 MB manifest.
 */
function storableUrl(url: string, source: string, warnings: ArticleWarning[]): string {
  if (url.length <= MAX_URL_LENGTH) return url;
  warnings.push({ kind: 'long-url', message: `the URL in ${source} is ${url.length} characters long (limit ${MAX_URL_LENGTH}); not stored` });
  return '';
}

/** RFI and others open the body with a bare date line (`26/09/2023 - 11:37`). */
function dateFromTopOfText(text: string): number | null {
  for (const line of text.split('\n', 3)) {
    const millis = parseArchiveDate(line.replace(/^(?:日期|时间|時間|发布时间|發布時間)\s*[:：]\s*/, ''));
    if (millis !== null) return millis;
  }
  return null;
}

function safeIso(millis: number): string {
  const date = new Date(millis);
  return Number.isNaN(date.getTime()) ? String(millis) : date.toISOString();
}

/** `author` is kept only when it names a person, not the outlet (`author: 法广`, `城寨 Singjai`). */
function personAuthor(author: string | undefined, outlet: string): string {
  const name = plainText(author ?? '');
  if (!name) return '';
  if (isKnownOutlet(name) || canonicalOutletName(name) === outlet) return '';
  if (name.startsWith(outlet) || outlet.startsWith(name)) return '';
  return name;
}

/** Titles are plain text: common entities decoded, whitespace collapsed (markup stays literal text). */
export function plainText(value: string): string {
  return value
    .replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_, name: string) => ENTITIES[name] ?? '')
    .replace(/&#(\d+);/g, (_, code: string) => safeCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => safeCodePoint(parseInt(code, 16)))
    .replace(/\s+/g, ' ')
    .trim();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };

function safeCodePoint(code: number): string {
  return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '';
}

/** `1046909_疫情冲击足坛 – 法国国际广播电台 - RFI.md` → `疫情冲击足坛`. */
export function titleFromFileName(baseName: string): string {
  return (
    baseName
      .replace(/\.(md|markdown|txt|html?)$/i, '')
      .replace(/^\d{4}-\d{2}-\d{2}-/, '')
      .replace(/^\d+_/, '')
      .replace(TITLE_SUFFIX, '')
      .replace(/[_\s]+/g, ' ')
      .trim() || baseName
  );
}
