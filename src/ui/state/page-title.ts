/**
 * The hosted page's title while searching: the words first, so that each entry of the browser's
 * history (the Back menu, tabs) says which search it was.
 */

/**
 * `<query> – <site title>` while there are words, the site title alone otherwise.
 *
 * @param siteTitle the page's own title (index.html's, or `build --title`'s), read before the App changed it
 * @example pageTitle('  王毅 北约 ', '新闻存档搜索') // '王毅 北约 – 新闻存档搜索'
 */
export function pageTitle(text: string, siteTitle: string): string {
  const query = text.trim().replace(/\s+/g, ' ');
  return query ? `${query} – ${siteTitle}` : siteTitle;
}
