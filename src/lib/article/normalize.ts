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

  const url = canonicalUrl(fm?.from) || canonicalUrl(raw.headerLink?.url);
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
  const date = pickDate(raw, body.text, baseName, warnings, options.now ?? Date.now());
  if (body.text.trim() === '') warnings.push({ kind: 'empty-body', message: 'the body has no visible text after cleaning' });

  return {
    article: { id: '', title, url, outlet, author, date, text: body.text, html: body.html, file },
    warnings,
  };
}

/** Tries each date source in order of trust; implausible dates fall through to the next one. */
function pickDate(raw: RawArticle, text: string, baseName: string, warnings: ArticleWarning[], now: number): string {
  const candidates: Array<{ source: string; millis: number | null; kind?: ArticleWarning['kind'] }> = [
    { source: 'front matter date', millis: raw.frontMatter?.date ? parseArchiveDate(raw.frontMatter.date) : null },
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
  for (const { source, millis, kind } of candidates) {
    if (millis === null) continue;
    if (!isPlausibleDate(millis, now)) {
      warnings.push({ kind: 'implausible-date', message: `ignored implausible ${source} ${safeIso(millis)}` });
      continue;
    }
    if (kind) warnings.push({ kind, message: `date taken from the ${source}` });
    return new Date(millis).toISOString();
  }
  warnings.push({ kind: 'missing-date', message: 'no date in front matter, stamp, file name or body' });
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
