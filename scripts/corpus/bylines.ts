/**
 * Authors and topic tags for a synthetic archive that has them (`npm run corpus -- --authors N
 * --tags N`): an opinion archive names hundreds of writers in its front matter, a blog tags its
 * posts. Drawn from a stream of their own, so that an archive without them is byte-identical to
 * what the generator wrote before they existed.
 */
import type { Roster } from './names.ts';
import { Rng } from './random.ts';

/** How many different authors and tags the archive has (0: none). */
export interface BylineOptions {
  authors: number;
  tags: number;
}

/** One article's author (null: the outlet, as feeds write it) and topic tags. */
export interface Byline {
  author: string | null;
  tags: string[];
}

/** Topic words, written for this generator; pools past their number pair them up. */
const TAG_WORDS = `经济 外交 选举 疫情 教育 环境 科技 人权 法治 香港 台湾 新疆 西藏 贸易 能源 气候 军事 移民 媒体 网络
审查 劳工 农村 城市 住房 医疗 交通 金融 税收 文化 宗教 体育 电影 文学 历史 评论 访谈 专栏 调查 数据`.split(/\s+/);

/** Largest `--tags`: every pair of topic words. */
export const MAX_TAG_POOL = TAG_WORDS.length * TAG_WORDS.length;

/** The pool's tag `i`: a topic word, then pairs of them. */
function tagName(i: number): string {
  return i < TAG_WORDS.length ? TAG_WORDS[i]! : TAG_WORDS[i % TAG_WORDS.length]! + TAG_WORDS[Math.floor(i / TAG_WORDS.length) % TAG_WORDS.length]!;
}

/**
 * Article `index`'s byline: with `authors`, one of that many writers (the roster's people, the
 * first ones far more often: a few columnists write most pieces); with `tags`, one to three tags.
 */
export function bylineOf(seed: number, index: number, options: BylineOptions, roster: Roster): Byline {
  const rng = new Rng(seed ^ 0x5eed_b71e, index + 1);
  const pool = Math.min(options.authors, roster.people.length);
  const author = pool > 0 ? roster.people[Math.floor(pool * rng.next() ** 2)]!.zh : null;
  const tags = new Set<string>();
  if (options.tags > 0) {
    const count = 1 + Math.floor(rng.next() * 3);
    for (let k = 0; k < count; k++) tags.add(tagName(Math.floor(Math.min(options.tags, MAX_TAG_POOL) * rng.next() ** 2)));
  }
  return { author, tags: [...tags] };
}
