/**
 * URLs in archived bodies: lazy, relative, protocol-relative or mangled. One function turns any
 * of them into an absolute http(s) URL or into nothing.
 */
import { isHttpUrl } from './sanitize-policy.ts';

/**
 * An absolute http(s) URL for an attribute value, or '' when there is none: fixes the
 * Economist's doubled prefix (`https://www.economist.comhttps://…`), gives protocol-relative
 * URLs `https:`, resolves relative ones against `baseUrl`, drops page-internal `#` links.
 */
export function resolveUrl(value: string, baseUrl: string | undefined): string {
  let url = value.trim();
  if (!url || url.startsWith('#')) return '';
  const doubled = /^https?:\/\/[^/?#]+?(https?:\/\/.+)$/i.exec(url);
  if (doubled) url = doubled[1]!;
  if (url.startsWith('//')) url = `https:${url}`;
  if (isHttpUrl(url)) return url;
  if (!baseUrl || /^[a-z][a-z0-9+.-]*:/i.test(url)) return ''; // another scheme, or nothing to resolve against
  try {
    const resolved = new URL(url, baseUrl).href;
    return isHttpUrl(resolved) ? resolved : '';
  } catch {
    return ''; // a base URL that is not a URL resolves nothing
  }
}
