import { decodeArticleFile } from '../../src/lib/article/decode-file.ts';
import { normalizeArticle } from '../../src/lib/article/normalize.ts';
import { parseArticle } from '../../src/lib/article/parse-article.ts';
import { type Article, ArticleError, type ArticleWarning } from '../../src/lib/article/types.ts';
import { countLongWords, MAX_TERM_LENGTH } from '../../src/lib/search/build/index.ts';
import { countNonSpace } from '../../src/lib/article/visible-text.ts';
import { readArticleBytes } from './walk-archive.ts';

/** Characters of body HTML stored per article; longer bodies are cut at an element boundary. */
export const MAX_STORED_HTML_CHARS = 200_000;
/** Characters of plain text indexed and stored per article. */
export const MAX_TEXT_CHARS = 400_000;

/** Cleans and sanitizes one body; `cleanArticleBody` bound to a DOM. */
export type BodyCleaner = (
  html: string,
  context: { baseUrl?: string; title?: string; maxHtmlChars: number },
) => { html: string; text: string; truncated: boolean; deepNesting: boolean; visibleChars?: number };

/** What became of one file: an article with its warnings, or the reason it was skipped. */
export type FileOutcome = { article: Article; warnings: ArticleWarning[] } | { skip: string };

/**
 * Reads, decodes, parses, cleans and normalizes one file. Never throws: a file that cannot be
 * indexed becomes `{ skip: reason }`.
 */
export async function compileFile(file: string, target: string, size: number, cleanBody: BodyCleaner, now?: number): Promise<FileOutcome> {
  try {
    return await compileOrThrow(file, target, size, cleanBody, now);
  } catch (error) {
    return { skip: reasonOf(error) };
  }
}

async function compileOrThrow(file: string, target: string, size: number, cleanBody: BodyCleaner, now?: number) {
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
  const body = cleanBody(raw.body, { baseUrl, title: raw.frontMatter?.title ?? raw.headerLink?.title, maxHtmlChars: MAX_STORED_HTML_CHARS });
  if (body.truncated) raw.warnings.push({ kind: 'huge-file', message: `body HTML cut to ${MAX_STORED_HTML_CHARS} characters for the reader` });
  if (body.deepNesting) raw.warnings.push({ kind: 'deep-html', message: 'deeply nested HTML was flattened' });
  const kept = countNonSpace(body.text);
  if (body.visibleChars !== undefined && kept * 2 < body.visibleChars) {
    const percent = Math.round((kept / body.visibleChars) * 100);
    raw.warnings.push({
      kind: 'text-loss',
      message: `cleaning kept ${kept} of the body's ${body.visibleChars} visible characters (${percent}%)`,
      figures: { kept, visible: body.visibleChars },
    });
  }
  let text = body.text;
  if (text.length > MAX_TEXT_CHARS) {
    raw.warnings.push({ kind: 'huge-file', message: `text cut to ${MAX_TEXT_CHARS} characters for the index (was ${text.length})` });
    text = text.slice(0, MAX_TEXT_CHARS);
  }
  const longWords = countLongWords(text) + countLongWords(raw.frontMatter?.title ?? raw.headerLink?.title ?? '');
  if (longWords > 0) {
    raw.warnings.push({ kind: 'long-words', message: `${longWords} word(s) longer than ${MAX_TERM_LENGTH} characters indexed as their first ${MAX_TERM_LENGTH}` });
  }
  return normalizeArticle(raw, { html: body.html, text }, file, { now });
}

function reasonOf(error: unknown): string {
  if (error instanceof ArticleError) return error.message.replace(/^[\w-]+: /, '');
  // Anything else is a bug in a cleaning step, but one file must still not sink the archive.
  return `could not be processed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
}
