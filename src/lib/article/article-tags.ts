import { canonicalOutletName, isGenericCategory, isKnownOutlet } from './outlets.ts';

/** Most tags kept per article: more is a keyword dump, not editorial tagging. */
export const MAX_TAGS = 30;
/** Longest tag kept (characters): longer values are sentences, not tags. */
export const MAX_TAG_LENGTH = 40;

/**
 * The tags of the "Post tags:" line that ends China Digital Times' feed bodies (WordPress' Better
 * Feed footer: `Post tags: <a rel="tag">审查</a>, <a rel="tag">抖音</a>`), in their order. Body
 * cleaning removes the line with the rest of the feed footer; this reads it from the body as it
 * came. Only the last such line counts (a quoted one earlier in the story is text).
 *
 * @example postTagsOf('<p>…<br/>Post tags: <a href="/tag/x" rel="tag">审查</a>, <a rel="tag">抖音</a></p>') // ['审查', '抖音']
 */
export function postTagsOf(html: string): string[] {
  const at = html.search(/Post tags\s*:(?![\s\S]*Post tags\s*:)/i);
  if (at < 0) return [];
  const line = /^Post tags\s*:\s*((?:<a\b[^>]*>[^<]*<\/a>\s*,?\s*)+)/i.exec(html.slice(at));
  if (!line) return [];
  return [...line[1]!.matchAll(/<a\b[^>]*>([^<]*)<\/a>/gi)].map((m) => m[1]!);
}

/** What `articleTags` reads: front-matter lists, harvested tags, and who published the article. */
export interface TagSources {
  tags: readonly string[];
  categories: readonly string[];
  /** From the body (`postTagsOf`). */
  postTags: readonly string[];
  /** The article's outlet (canonical name). */
  outlet: string;
  /** The front matter's `author` as written (a feed often repeats its own name as a tag). */
  author?: string;
}

/**
 * The article's topic tags: front-matter `tags` and `categories` and the body's "Post tags:",
 * in that order, without outlet names (`tags: [法广]` names the outlet, which has its own facet), the
 * feed's own name, generic words (`news`, `新闻`), empty, overlong or repeated values (NFKC and
 * case folded; the first spelling is kept). `clean` turns a value into plain text (entities).
 *
 * @example articleTags({ tags: ['法广', '香港'], categories: ['news'], postTags: ['国安法'], outlet: '法广' }, (v) => v) // ['香港', '国安法']
 */
export function articleTags(sources: TagSources, clean: (value: string) => string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  const feed = sources.author ? key(clean(sources.author)) : '';
  for (const raw of [...sources.tags, ...sources.categories, ...sources.postTags]) {
    const tag = clean(raw);
    if (tag === '' || tag.length > MAX_TAG_LENGTH || isGenericCategory(tag)) continue;
    if (isKnownOutlet(tag) || canonicalOutletName(tag) === sources.outlet || key(tag) === feed) continue;
    const k = key(tag);
    if (seen.has(k)) continue;
    seen.add(k);
    tags.push(tag);
    if (tags.length === MAX_TAGS) break;
  }
  return tags;
}

function key(value: string): string {
  return value.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}
