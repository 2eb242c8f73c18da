/**
 * The shapes that leave the article compiler. Everything here is plain data: it crosses from
 * `scripts/` into the index files and from there into the browser.
 */

/** One indexed news article, as the compiler produces it. */
export interface Article {
  /** Stable id: derived from the canonical URL (or, without one, from the file path). Safe in URLs. */
  id: string;
  /** Plain text title. Never HTML. */
  title: string;
  /** Canonical http(s) URL of the original, or '' when the file names none. */
  url: string;
  /** One outlet name, as the archive's own front matter spells it (法广, 路透, …). */
  outlet: string;
  /** A person's name when the file names one that is not the outlet; otherwise ''. */
  author: string;
  /** Topic tags: front-matter `tags`/`categories` and the body's "Post tags:", without outlet names (see `articleTags`). */
  tags: string[];
  /**
   * Other front-matter keys with short plain values (scalars, lists of scalars), by key; absent
   * when there are none. A facet declared by data (`--facet KEY`) reads its values here.
   */
  frontMatter?: Record<string, string[]>;
  /** ISO 8601 UTC (`2021-09-28T05:34:24.018Z`), or '' when no date could be found. */
  date: string;
  /** Visible plain text of the body (blocks separated by newlines), for searching and snippets. */
  text: string;
  /** Body HTML, cleaned of page furniture and sanitized with the strict policy. */
  html: string;
  /** Path of the source file relative to the input folder, with `/` separators. */
  file: string;
}

/** Kinds of warnings the compiler counts and reports. */
export type WarningKind =
  | 'invalid-utf8'
  | 'legacy-encoding'
  | 'missing-title'
  | 'missing-date'
  | 'implausible-date'
  | 'invalid-date'
  | 'front-matter-not-at-top'
  | 'long-url'
  | 'long-words'
  | 'date-from-file-name'
  | 'date-from-body'
  | 'unknown-outlet'
  | 'huge-file'
  | 'deep-html'
  | 'invalid-front-matter'
  | 'unterminated-front-matter'
  | 'unsafe-front-matter-key'
  | 'missing-url'
  | 'empty-body'
  /** Cleaning kept under half of the body's visible text (see `figures`). */
  | 'text-loss';

/** A warning about one file: the file is still indexed. */
export interface ArticleWarning {
  kind: WarningKind;
  message: string;
  /** For `text-loss`: visible characters (not whitespace) kept by cleaning, and in the body as it came. */
  figures?: { kept: number; visible: number };
}

/**
 * Thrown for a file that cannot be indexed at all. The message is a sentence that starts with the
 * module prefix and names the reason, e.g. `parse-article: file is empty`.
 */
export class ArticleError extends Error {
  override name = 'ArticleError';
}
