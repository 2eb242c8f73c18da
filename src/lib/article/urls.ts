/**
 * Canonical article URLs. The archive's links carry scraping quirks (`http://www.rfi.fr//cn/…`,
 * stray whitespace, tracking parameters); the canonical form repairs them so that the same article
 * saved twice is recognised, and the reader links to a working page.
 */

const TRACKING_PARAM = /^(utm_\w+|fbclid|gclid|ref|spm|from|share|ocid|at_\w+)$/i;

/**
 * Canonical http(s) URL, or '' when `raw` is not an absolute http(s) URL.
 * Collapses duplicate slashes in the path, drops the fragment and tracking parameters,
 * lowercases the host. Percent-encoding is kept as the source wrote it.
 * @example canonicalUrl('http://www.rfi.fr//cn/中国/20200630-x') // 'http://www.rfi.fr/cn/%E4%B8%AD%E5%9B%BD/20200630-x'
 */
export function canonicalUrl(raw: string | undefined): string {
  if (!raw) return '';
  const text = raw.trim().replace(/^<|>$/g, '');
  let url: URL;
  try {
    url = new URL(text.startsWith('//') ? `https:${text}` : text);
  } catch {
    return ''; // not a URL at all: the article is kept, without a link
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return '';
  url.pathname = url.pathname.replace(/\/{2,}/g, '/');
  url.hash = '';
  for (const key of [...url.searchParams.keys()]) {
    if (TRACKING_PARAM.test(key)) url.searchParams.delete(key);
  }
  return url.toString();
}

/**
 * Key under which two URLs count as the same article: no scheme, no `www.`, no trailing slash,
 * percent-decoded and lowercased path.
 */
export function urlIdentity(canonical: string): string {
  const url = new URL(canonical);
  let path = url.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // malformed %-escapes: compare the raw path
  }
  return `${url.hostname.replace(/^www\./, '')}${path.replace(/\/$/, '')}${url.search}`.toLowerCase();
}

/** Hostname of a canonical URL, or '' for none. */
export function hostOf(canonical: string): string {
  if (!canonical) return '';
  return new URL(canonical).hostname;
}
