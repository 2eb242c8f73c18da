/**
 * Lays a composed article out as a file the way the archive's tools did: YAML front matter
 * (Jekyll), an `<!--epochMillis-->` stamp, a `[title](url)` line underlined with dashes, or a
 * mix; file names `YYYY-MM-DD-title.md`, `NNNNNNN_title.md` or `NNN_hash.txt`.
 */
import type { ComposedArticle } from './compose-article.ts';

/** Which headers a file has. */
export type HeaderStyle = 'front-matter+stamp+link' | 'front-matter+link' | 'front-matter' | 'stamp+link';

/** An article as file text plus its proposed name (the writer makes names unique per folder). */
export interface ArticleFile {
  fileName: string;
  text: string;
  header: HeaderStyle;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
/** Characters file systems reject or shells mangle; `/` becomes `--` as in the archive. */
const UNSAFE_FILE_CHARS = /[\\:*?"<>\u0000-\u001f]/g;
/** Code points of title kept in a file name: 80 CJK characters stay well under 255 bytes. */
const MAX_NAME_TITLE = 80;

/** Lays out one article. Uses the article's own random stream, so layout is deterministic too. */
export function layoutArticle(article: ComposedArticle): ArticleFile {
  const { rng, outlet } = article;
  let header: HeaderStyle = 'stamp+link';
  if (rng.chance(outlet.frontMatterShare)) {
    const r = rng.next();
    header = r < 0.6 ? 'front-matter+stamp+link' : r < 0.88 ? 'front-matter+link' : 'front-matter';
  }
  const hasFrontMatter = header !== 'stamp+link';

  let text = hasFrontMatter ? frontMatter(article) : '';
  if (header === 'front-matter+stamp+link' || header === 'stamp+link') text += `<!--${stamp(article)}-->\n`;
  if (header === 'front-matter') text += '\n';
  else {
    text += `[${article.title}](${article.url})\n------\n\n`;
    // China Digital Times' feed put a date line above the body.
    if (outlet.key === 'cdt' && rng.chance(0.15)) text += `日期：${rfc2822(article.published)}\n\n`;
  }
  // Jekyll-exported files wrap the body in a <div>; feed dumps paste it as it came.
  text += rng.chance(hasFrontMatter ? 0.8 : 0.15) ? `<div>\n${article.body}\n</div>` : article.body;
  if (rng.chance(0.7)) text += '\n';

  return { fileName: fileName(article, hasFrontMatter), text, header };
}

function frontMatter(article: ComposedArticle): string {
  const { rng, outlet } = article;
  const title = article.title.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  // Feeds that copied URLs from the address bar left Chinese slugs unescaped in `from:`.
  const from = rng.chance(0.5) && /%[0-9a-f]{2}/i.test(article.url) ? safeDecode(article.url) : article.url;
  const categories = rng.chance(0.7) ? `[ news, ${outlet.name} ]` : `[ ${outlet.name} ]`;
  const layout = rng.chance(0.95) ? 'layout: post\n' : '';
  const author = article.byline?.author ?? outlet.name;
  const tags = [outlet.name, ...(article.byline?.tags ?? [])].join(', ');
  return `---\n${layout}title: "${title}"\ndate: ${frontMatterDate(article)}\nauthor: ${author}\nfrom: ${from}\ntags: [ ${tags} ]\ncategories: ${categories}\n---\n`;
}

/** ISO with milliseconds mostly; sometimes Jekyll's local time with offset, rarely the day only. */
function frontMatterDate(article: ComposedArticle): string {
  const r = article.rng.next();
  const iso = new Date(article.published).toISOString();
  if (r < 0.82) return iso;
  if (r < 0.95) {
    const offset = article.outlet.utcOffset;
    const local = new Date(article.published + offset * 3600_000).toISOString();
    const sign = offset < 0 ? '-' : '+';
    return `${local.slice(0, 10)} ${local.slice(11, 19)} ${sign}${pad2(Math.abs(offset))}:00`;
  }
  return iso.slice(0, 10);
}

/** The epoch stamp: zaobao stamps whole minutes; a few tools wrote seconds (10 digits). */
function stamp(article: ComposedArticle): number {
  if (article.outlet.key === 'zaobao') return article.published - (article.published % 60_000);
  return article.rng.chance(0.05) ? Math.floor(article.published / 1000) : article.published;
}

function fileName(article: ComposedArticle, hasFrontMatter: boolean): string {
  const { rng } = article;
  if (rng.chance(0.03)) return `${String(article.index % 1000).padStart(3, '0')}_${rng.hex(16)}.txt`;
  const r = rng.next();
  const extension = r < 0.9 ? 'md' : r < 0.95 ? 'txt' : r < 0.99 ? 'html' : 'markdown';
  const title = Array.from(article.title.replace(/\//g, '--').replace(UNSAFE_FILE_CHARS, '-').trim()).slice(0, MAX_NAME_TITLE).join('');
  const dated = rng.chance(hasFrontMatter ? 0.85 : 0.15);
  if (dated) {
    const suffix = rng.chance(0.1) ? `_${1_000_000 + article.index}` : '';
    return `${new Date(article.published).toISOString().slice(0, 10)}-${title}${suffix}.${extension}`;
  }
  const number = rng.chance(0.9) ? String(1_000_000 + article.index) : String(article.index).padStart(6, '0');
  return `${number}_${title}.${extension}`;
}

function rfc2822(millis: number): string {
  return new Date(millis).toUTCString().replace('GMT', '+0000');
}

function safeDecode(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}
