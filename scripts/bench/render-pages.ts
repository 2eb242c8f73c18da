/**
 * The Pagefind comparison's static site: every article of an index folder as an HTML page, as a
 * site generator would render it, plus a search page with Pagefind's Component UI. The articles
 * come from the index folder's own fragments (`a/<n>.json`: title, URL, outlet, date, text;
 * `h/<n>.html`: the sanitized body), so both engines index exactly the same articles.
 *
 * Every page is `<html lang="zh-CN">`: Pagefind keeps one index per page language and segments
 * `zh-*` text into words (its extended binary, which the npm package runs). Tagging traditional
 * articles `zh-TW` would put them in a second index that a `zh-CN` search page never searches.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type ArticleFragment, fragmentPath, htmlPath, type Manifest } from '../../src/lib/search/index.ts';

/** The language every rendered page declares. */
export const SITE_LANG = 'zh-CN';

/** Escapes text for HTML content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** URL path of article `number`'s page; {@link articleNumberOfUrl} reads it back. */
export function articlePageUrl(articleNumber: number): string {
  return `/a/${articleNumber}/`;
}

/** The article number in a page URL written by {@link articlePageUrl}, or null for any other URL. */
export function articleNumberOfUrl(url: string): number | null {
  const match = /^\/a\/(\d+)\/(?:index\.html)?$/.exec(url);
  return match ? Number(match[1]) : null;
}

/**
 * One article as a static page. Pagefind indexes only `<article data-pagefind-body>`: the title
 * (its `<h1>`, also the result's title) and the body. Outlet (filter), date (meta and sort key)
 * and the original URL are `<meta>` tags in the head, so they are not indexed as words.
 * `bodyHtml` is the compiler's sanitized body and goes in as it is; everything else is escaped.
 */
export function renderArticlePage(fragment: Pick<ArticleFragment, 'title' | 'url' | 'outlet' | 'date'>, bodyHtml: string): string {
  const title = escapeHtml(fragment.title);
  const meta = [
    `<meta data-pagefind-filter="outlet[content]" content="${escapeHtml(fragment.outlet)}">`,
    fragment.date ? `<meta data-pagefind-meta="date[content]" data-pagefind-sort="date[content]" content="${escapeHtml(fragment.date)}">` : '',
    `<link rel="canonical" href="${escapeHtml(fragment.url)}">`,
  ].filter(Boolean);
  return `<!doctype html>
<html lang="${SITE_LANG}">
<head>
<meta charset="utf-8">
<title>${title}</title>
${meta.join('\n')}
</head>
<body>
<article data-pagefind-body>
<h1>${title}</h1>
${bodyHtml}
</article>
</body>
</html>
`;
}

/** The search page: Pagefind's Component UI (search box, result count, results), nothing else. */
export function renderSearchPage(): string {
  return `<!doctype html>
<html lang="${SITE_LANG}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>搜索</title>
<link rel="stylesheet" href="/pagefind/pagefind-component-ui.css">
<script type="module" src="/pagefind/pagefind-component-ui.js"></script>
</head>
<body>
<main>
<pagefind-input></pagefind-input>
<pagefind-summary></pagefind-summary>
<pagefind-results></pagefind-results>
</main>
</body>
</html>
`;
}

/**
 * Renders every article of `indexDir` to `siteDir/a/<n>/index.html` and the search page to
 * `siteDir/index.html`.
 * @returns the number of article pages written
 */
export async function renderArticleSite(indexDir: string, siteDir: string): Promise<number> {
  const manifest = JSON.parse(await readFile(path.join(indexDir, 'manifest.json'), 'utf8')) as Manifest;
  await mkdir(siteDir, { recursive: true });
  await writeFile(path.join(siteDir, 'index.html'), renderSearchPage());
  for (let n = 0; n < manifest.articles; n++) {
    const fragment = JSON.parse(await readFile(path.join(indexDir, fragmentPath(n)), 'utf8')) as ArticleFragment;
    const body = await readFile(path.join(indexDir, htmlPath(n)), 'utf8');
    const dir = path.join(siteDir, articlePageUrl(n));
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'index.html'), renderArticlePage(fragment, body));
  }
  return manifest.articles;
}
