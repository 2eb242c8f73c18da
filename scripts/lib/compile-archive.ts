import { articleId } from '../../src/lib/article/article-id.ts';
import { decodeArticleFile } from '../../src/lib/article/decode-file.ts';
import { normalizeArticle } from '../../src/lib/article/normalize.ts';
import { parseArticle } from '../../src/lib/article/parse-article.ts';
import { type Article, ArticleError, type ArticleWarning, type WarningKind } from '../../src/lib/article/types.ts';
import { urlIdentity } from '../../src/lib/article/urls.ts';
import { listArchive, readArticleBytes, type WalkNotice } from './walk-archive.ts';

/** Characters of body HTML stored per article; longer bodies are cut at an element boundary. */
export const MAX_STORED_HTML_CHARS = 200_000;
/** Characters of plain text indexed and stored per article. */
export const MAX_TEXT_CHARS = 400_000;

/** Cleans and sanitizes one body; `cleanArticleBody` bound to a DOM. */
export type BodyCleaner = (
  html: string,
  context: { baseUrl?: string; title?: string; maxHtmlChars: number },
) => { html: string; text: string; truncated: boolean; deepNesting: boolean };

/** The JSON report of one compile: every file is indexed, skipped or a duplicate. */
export interface CompileReport {
  input: string;
  files: number;
  indexed: number;
  skipped: Array<{ file: string; reason: string }>;
  duplicates: Array<{ file: string; keptAs: string }>;
  warnings: Record<string, { count: number; files: Array<{ file: string; message: string }> }>;
  notices: WalkNotice[];
}

export interface CompileOptions {
  input: string;
  cleanBody: BodyCleaner;
  /** Called after each file with the number done and the total. */
  onProgress?: (done: number, total: number) => void;
  /** "Now" for date plausibility; fixed in tests. */
  now?: number;
}

export interface CompileResult {
  /** Indexed articles, sorted by id (stable across runs and machines). */
  articles: Article[];
  report: CompileReport;
}

/**
 * Compiles every article file under `input` into `Article`s. Never throws for a bad file: each
 * one is skipped with a reason in the report, and every other file is still indexed.
 * @throws Error only when `input` cannot be listed at all.
 */
export async function compileArchive(options: CompileOptions): Promise<CompileResult> {
  const notices: WalkNotice[] = [];
  const found = await listArchive(options.input, notices);
  const skipped: CompileReport['skipped'] = [];
  const warnings: CompileReport['warnings'] = {};
  const compiled: Array<{ article: Article; warnings: ArticleWarning[] }> = [];

  let done = 0;
  for (const entry of found) {
    if ('skip' in entry) {
      skipped.push({ file: entry.file, reason: entry.skip });
    } else {
      try {
        compiled.push(await compileFile(entry.file, entry.target, entry.size, options));
      } catch (error) {
        skipped.push({ file: entry.file, reason: reasonOf(error) });
      }
    }
    options.onProgress?.(++done, found.length);
  }

  const { kept, duplicates } = mergeDuplicates(compiled);
  for (const { article, warnings: list } of kept) {
    for (const warning of list) addWarning(warnings, warning.kind, article.file, warning.message);
  }
  const articles = assignIds(kept.map((entry) => entry.article));
  return {
    articles,
    report: {
      input: options.input,
      files: found.length,
      indexed: articles.length,
      skipped,
      duplicates,
      warnings: sortKeys(warnings),
      notices,
    },
  };
}

async function compileFile(file: string, target: string, size: number, options: CompileOptions) {
  const { bytes, truncatedFrom } = await readArticleBytes(target, size).catch((error: unknown) => {
    throw new ArticleError(`cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  });
  const decoded = decodeArticleFile(bytes);
  const raw = parseArticle(decoded.text);
  raw.warnings.unshift(...decoded.warnings);
  if (truncatedFrom !== null) {
    raw.warnings.push({ kind: 'huge-file', message: `file is ${truncatedFrom} bytes; only the first ${bytes.length} were read` });
  }
  const baseUrl = raw.frontMatter?.from ?? raw.headerLink?.url;
  const body = options.cleanBody(raw.body, { baseUrl, title: raw.frontMatter?.title ?? raw.headerLink?.title, maxHtmlChars: MAX_STORED_HTML_CHARS });
  if (body.truncated) raw.warnings.push({ kind: 'huge-file', message: `body HTML cut to ${MAX_STORED_HTML_CHARS} characters for the reader` });
  if (body.deepNesting) raw.warnings.push({ kind: 'deep-html', message: 'deeply nested HTML was flattened' });
  let text = body.text;
  if (text.length > MAX_TEXT_CHARS) {
    raw.warnings.push({ kind: 'huge-file', message: `text cut to ${MAX_TEXT_CHARS} characters for the index (was ${text.length})` });
    text = text.slice(0, MAX_TEXT_CHARS);
  }
  return normalizeArticle(raw, { html: body.html, text }, file, { now: options.now });
}

/**
 * Files with the same URL are one article. The copy with the most text is kept; its missing date
 * or author is filled in from the others. Order of `kept` follows the input order.
 */
function mergeDuplicates(compiled: Array<{ article: Article; warnings: ArticleWarning[] }>) {
  const groups = new Map<string, Array<{ article: Article; warnings: ArticleWarning[] }>>();
  const kept: typeof compiled = [];
  for (const entry of compiled) {
    if (!entry.article.url) {
      kept.push(entry);
      continue;
    }
    const key = urlIdentity(entry.article.url);
    const group = groups.get(key);
    if (group) group.push(entry);
    else {
      groups.set(key, [entry]);
      kept.push(entry);
    }
  }
  const duplicates: CompileReport['duplicates'] = [];
  for (let i = 0; i < kept.length; i++) {
    const first = kept[i]!;
    if (!first.article.url) continue;
    const group = groups.get(urlIdentity(first.article.url))!;
    if (group.length === 1) continue;
    const best = group.reduce((a, b) => (b.article.text.length > a.article.text.length ? b : a));
    for (const other of group) {
      if (other === best) continue;
      best.article.date ||= other.article.date;
      best.article.author ||= other.article.author;
      duplicates.push({ file: other.article.file, keptAs: best.article.file });
    }
    kept[i] = best;
  }
  return { kept, duplicates };
}

/** Ids hash the URL identity, else the file path; a (rare) hash collision takes the next seed. */
function assignIds(articles: Article[]): Article[] {
  const used = new Set<string>();
  for (const article of articles) {
    const key = article.url ? urlIdentity(article.url) : `file:${article.file}`;
    let seed = 0;
    let id = articleId(key, seed);
    while (used.has(id)) id = articleId(key, ++seed);
    used.add(id);
    article.id = id;
  }
  return articles.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function addWarning(warnings: CompileReport['warnings'], kind: WarningKind, file: string, message: string): void {
  const entry = (warnings[kind] ??= { count: 0, files: [] });
  entry.count++;
  entry.files.push({ file, message });
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function reasonOf(error: unknown): string {
  if (error instanceof ArticleError) return error.message.replace(/^[\w-]+: /, '');
  // Anything else is a bug in a cleaning step, but one file must still not sink the archive.
  return `could not be processed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
}
