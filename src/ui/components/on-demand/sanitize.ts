/**
 * The page's only DOMPurify call and the only source of HTML content (the reader's body). Article HTML was
 * sanitized when the index was built, and is sanitized again here, with the same strict policy,
 * because it crossed the network: a tampered or stale index must not run code in this page.
 */
import DOMPurify from 'dompurify';
import { sanitizeArticleHtml as sanitizeWithPolicy } from '../../../lib/article/sanitize-policy.ts';

/**
 * Article body HTML, safe for `innerHTML`: no scripts, handlers, styles, forms or frames; links
 * and images only to http(s), links open in a new tab without referrer, images load lazily
 * without referrer.
 */
export function sanitizeArticleHtml(html: string): string {
  return sanitizeWithPolicy(DOMPurify, html);
}
