import { parseDocument } from 'yaml';
import type { ArticleWarning } from './types.ts';

/** Front matter fields the archive uses; everything else in the YAML is ignored. */
export interface FrontMatter {
  layout?: string;
  title?: string;
  date?: string;
  author?: string;
  from?: string;
  tags: string[];
  categories: string[];
  /** Every other key whose value is short plain text or a list of it (see `otherFields`). */
  other: Record<string, string[]>;
}

/** An article file split into its headers and its HTML body, before any interpretation. */
export interface RawArticle {
  /** Parsed front matter, or null when the file has none (or it could not be parsed). */
  frontMatter: FrontMatter | null;
  /** The `<!--epochMillis-->` stamp, in milliseconds, or null. */
  stampMillis: number | null;
  /** Text and URL of the `[title](url)` line underlined with dashes, or null. */
  headerLink: { title: string; url: string } | null;
  /** A date line at the top of the body (`日期：Sat, 27 Jun 2020 13:30:55 +0000`), value only. */
  dateLine: string | null;
  /** The HTML body, with the headers above removed. */
  body: string;
  warnings: ArticleWarning[];
}

/** YAML aliases allowed in front matter before it counts as an alias bomb. */
const MAX_YAML_ALIASES = 100;
/** Front matter longer than this is not front matter but a broken file. */
const MAX_FRONT_MATTER_CHARS = 64 * 1024;
/** Keys that must never reach an object as properties (prototype pollution). */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const STAMP_LINE = /^<!--\s*(\d{10,13})\s*-->$/;
const UNDERLINE = /^-{3,}\s*$/;
const DATE_LINE = /^(?:日期|时间|時間|发布时间|發布時間|发布日期|發佈日期|Date|Published)\s*[:：]\s*(.{6,80})$/i;

/**
 * Splits an article file into front matter, epoch stamp, title-link header and HTML body. Every
 * header is optional and may appear in any combination, in this order. Hostile or broken YAML
 * becomes a warning and the file is parsed as if it had no front matter.
 *
 * @example
 * parseArticle('<!--1632857761000-->\n[标题](https://www.rfa.org/a.html)\n------\n<p>正文</p>')
 * // → { stampMillis: 1632857761000, headerLink: { title: '标题', url: 'https://www.rfa.org/a.html' }, body: '<p>正文</p>', … }
 */
export function parseArticle(source: string): RawArticle {
  const warnings: ArticleWarning[] = [];
  const lines = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  let i = 0;

  let frontMatter: FrontMatter | null = null;
  const top = frontMatterStart(lines);
  if (top > 0 || (top === 0 && lines[0] !== '---')) {
    warnings.push({ kind: 'front-matter-not-at-top', message: 'blank lines or spaces before the front matter’s opening --- line; read it as front matter' });
  }
  if (top >= 0) {
    if (top > 0) lines.splice(0, top);
    lines[0] = '---';
    const end = findFrontMatterEnd(lines);
    if (end === -1) {
      warnings.push({ kind: 'unterminated-front-matter', message: 'front matter has no closing --- line; parsed its key: value lines only' });
      let j = 1;
      while (j < lines.length && /^[A-Za-z_][\w-]*:(\s|$)/.test(lines[j]!)) j++;
      frontMatter = readFrontMatter(lines.slice(1, j).join('\n'), warnings);
      i = j;
    } else {
      frontMatter = readFrontMatter(lines.slice(1, end).join('\n'), warnings);
      i = end + 1;
    }
  }

  i = skipBlank(lines, i);
  let stampMillis: number | null = null;
  const stamp = STAMP_LINE.exec(lines[i]?.trim() ?? '');
  if (stamp) {
    const value = Number(stamp[1]);
    stampMillis = stamp[1]!.length <= 10 ? value * 1000 : value;
    i = skipBlank(lines, i + 1);
  }

  let headerLink: RawArticle['headerLink'] = null;
  const link = parseTitleLink(lines[i]?.trim() ?? '');
  if (link && UNDERLINE.test(lines[i + 1] ?? '')) {
    headerLink = link;
    i = skipBlank(lines, i + 2);
  }

  let dateLine: string | null = null;
  const dated = DATE_LINE.exec(lines[i]?.trim() ?? '');
  if (dated) {
    dateLine = dated[1]!.trim();
    i = skipBlank(lines, i + 1);
  }

  return { frontMatter, stampMillis, headerLink, dateLine, body: lines.slice(i).join('\n'), warnings };
}

/**
 * The line that opens the front matter: the first line when it is `---` (spaces around it
 * tolerated), or the first non-blank line when it is `---` followed by a `key:` line and a
 * closing `---` (blank lines before the front matter); -1 when there is none.
 */
function frontMatterStart(lines: string[]): number {
  if (lines[0]?.trim() === '---') return 0;
  const first = skipBlank(lines, 0);
  if (first === 0 || first >= lines.length || lines[first]!.trim() !== '---') return -1;
  if (!/^[A-Za-z_][\w-]*:(\s|$)/.test(lines[first + 1] ?? '')) return -1;
  return findFrontMatterEnd(lines.slice(first)) > 0 ? first : -1;
}

function findFrontMatterEnd(lines: string[]): number {
  let chars = 0;
  for (let j = 1; j < lines.length; j++) {
    const line = lines[j]!;
    if (line.trimEnd() === '---' || line.trimEnd() === '...') return j;
    chars += line.length + 1;
    if (chars > MAX_FRONT_MATTER_CHARS) return -1;
  }
  return -1;
}

function skipBlank(lines: string[], i: number): number {
  while (i < lines.length && lines[i]!.trim() === '') i++;
  return i;
}

/** `[title](url)` where the title may itself contain brackets: the URL is the last `](…)`. */
function parseTitleLink(line: string): { title: string; url: string } | null {
  if (!line.startsWith('[') || !line.endsWith(')')) return null;
  const split = line.lastIndexOf('](');
  if (split <= 0) return null;
  const url = line.slice(split + 2, -1).trim();
  if (/\s/.test(url)) return null;
  return { title: line.slice(1, split).trim(), url };
}

/** Parses YAML in the core schema (no custom tags, no code), keeping only the known fields. */
function readFrontMatter(yamlText: string, warnings: ArticleWarning[]): FrontMatter | null {
  let data: unknown;
  try {
    const doc = parseDocument(yamlText, { schema: 'core', uniqueKeys: false, prettyErrors: false });
    if (doc.errors.length > 0) {
      warnings.push({ kind: 'invalid-front-matter', message: `front matter is not valid YAML: ${firstLine(doc.errors[0]!.message)}` });
      return null;
    }
    data = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    // yaml throws on alias bombs ("Excessive alias count") and on exotic structures.
    warnings.push({ kind: 'invalid-front-matter', message: `front matter rejected: ${firstLine(String((error as Error).message ?? error))}` });
    return null;
  }
  if (data === null || data === undefined) return null;
  if (typeof data !== 'object' || Array.isArray(data)) {
    warnings.push({ kind: 'invalid-front-matter', message: 'front matter is not a key: value map' });
    return null;
  }
  const record = data as Record<string, unknown>;
  const unsafe = Object.keys(record).filter((key) => UNSAFE_KEYS.has(key));
  if (unsafe.length > 0) {
    warnings.push({ kind: 'unsafe-front-matter-key', message: `front matter key(s) ignored: ${unsafe.join(', ')}` });
  }
  const field = (key: string): string | undefined => (Object.hasOwn(record, key) ? scalarText(record[key]) : undefined);
  return {
    layout: field('layout'),
    title: field('title'),
    date: field('date'),
    author: field('author'),
    from: field('from'),
    tags: listText(Object.hasOwn(record, 'tags') ? record['tags'] : undefined),
    categories: listText(Object.hasOwn(record, 'categories') ? record['categories'] : undefined),
    other: otherFields(record),
  };
}

/** Front-matter keys read by name above; `otherFields` keeps the rest. */
const KNOWN_KEYS = new Set(['layout', 'title', 'date', 'author', 'from', 'tags', 'categories']);
/** Bounds of what `otherFields` keeps: front matter is untrusted, and every key lands in the compile cache. */
const MAX_OTHER_KEYS = 20;
const MAX_OTHER_VALUES = 30;
const MAX_OTHER_VALUE_LENGTH = 100;

/**
 * The other keys' values as lists of text, for facets declared by data (`--facet KEY`): scalars
 * and lists of scalars up to `MAX_OTHER_VALUE_LENGTH` characters; maps, long text and unsafe keys
 * are left out.
 */
function otherFields(record: Record<string, unknown>): Record<string, string[]> {
  const other: Record<string, string[]> = {};
  let kept = 0;
  for (const key of Object.keys(record)) {
    if (KNOWN_KEYS.has(key) || UNSAFE_KEYS.has(key) || key.length > MAX_OTHER_VALUE_LENGTH) continue;
    const values = listText(record[key]).filter((v) => v.length <= MAX_OTHER_VALUE_LENGTH).slice(0, MAX_OTHER_VALUES);
    if (values.length === 0) continue;
    other[key] = values;
    if (++kept === MAX_OTHER_KEYS) break;
  }
  return other;
}

function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  return undefined;
}

/** Jekyll accepts `tags: [a, b]`, `tags: a b` and `tags: a`. */
function listText(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(scalarText).filter((v): v is string => v !== undefined);
  const text = scalarText(value);
  return text ? [text] : [];
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.slice(0, 160);
}
