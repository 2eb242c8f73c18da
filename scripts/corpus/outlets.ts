/**
 * The twelve outlets of the synthetic archive: the name front matter uses, relative volume, time
 * zone, how often each writes in traditional characters or English, how often its files carry
 * front matter, and its URL shapes (ids that grow with time, slugs, RFI's `//cn/` quirk).
 */
import { BODY_RENDERERS, type BodyRenderer } from './outlet-bodies.ts';
import type { Rng } from './random.ts';
import { EN_SLUG_WORDS } from './words-en.ts';

/** What a URL builder knows about the article. */
export interface UrlContext {
  rng: Rng;
  published: number;
  /** Final title (after script conversion and decoration). */
  title: string;
  traditional: boolean;
  english: boolean;
}

/** One outlet of the synthetic archive. */
export interface OutletSpec {
  key: string;
  /** Name exactly as the archive's front matter writes it (author, tags, categories). */
  name: string;
  /** Relative volume: the biggest outlet publishes about 5× the smallest. */
  weight: number;
  /** Hours from UTC of the news desk, for publishing times. */
  utcOffset: number;
  /** Share of articles with YAML front matter (the rest have the stamp + title-link header). */
  frontMatterShare: number;
  /** Share of articles in traditional characters. */
  traditionalShare: number;
  /** Share of articles in English. */
  englishShare: number;
  url: (ctx: UrlContext) => string;
  /** Outlet habits in titles: RFI's site-name suffix, RTI's [section], CDT's "source | title". */
  decorateTitle?: (rng: Rng, title: string) => string;
  body: BodyRenderer;
}

const DAY_MS = 86_400_000;
const ID_EPOCH = Date.UTC(2000, 0, 1);
const pad2 = (n: number): string => String(n).padStart(2, '0');

function ymd(millis: number, separator = ''): string {
  const d = new Date(millis);
  return `${d.getUTCFullYear()}${separator}${pad2(d.getUTCMonth() + 1)}${separator}${pad2(d.getUTCDate())}`;
}

/** An id that grows with time like a CMS's sequence: `base + perDay × days since 2000 + jitter`. */
function serial(ctx: UrlContext, base: number, perDay: number): number {
  const days = Math.max(0, Math.floor((ctx.published - ID_EPOCH) / DAY_MS));
  return base + days * perDay + ctx.rng.int(perDay);
}

/** A title as a URL slug: punctuation and spaces become hyphens. */
function titleSlug(title: string): string {
  return title
    .replace(/[\s\p{P}\p{S}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

/** An English slug of 3–6 words: `china-trade-sanctions-talks`. */
function englishSlug(rng: Rng): string {
  const count = rng.range(3, 6);
  const words: string[] = [];
  for (let i = 0; i < count; i++) words.push(rng.pick(EN_SLUG_WORDS));
  return words.join('-');
}

function slugFor(ctx: UrlContext): string {
  return ctx.english ? englishSlug(ctx.rng) : encodeURIComponent(titleSlug(ctx.title));
}

const RFI_SECTIONS = ['中国', '国际', '政治', '经济', '亚洲', '法国', '欧洲', '港澳台', '科技与文化'];
const RFA_PATHS = ['yataibaodao/zhengzhi', 'yataibaodao/junshiwaijiao', 'yataibaodao/gangtai', 'yataibaodao/jingmao', 'yataibaodao/renquanfazhi', 'Xinwen', 'pinglun'];
const RFA_DESKS = ['hc', 'cl', 'ac', 'rc', 'lf', 'gf', 'jt', 'ql', 'sd', 'ym'];

/** All outlets, biggest first. */
export const OUTLETS: readonly OutletSpec[] = [
  {
    key: 'rfi',
    name: '法广',
    weight: 12,
    utcOffset: 1,
    frontMatterShare: 0.45,
    traditionalShare: 0.02,
    englishShare: 0.03,
    url(ctx) {
      // RFI's feed served `http://www.rfi.fr//cn/…` for years; the archive kept the double slash.
      const quirk = ctx.rng.chance(ctx.published < Date.UTC(2021, 0, 1) ? 0.7 : 0.15);
      const root = quirk ? 'http://www.rfi.fr//cn/' : 'https://www.rfi.fr/cn/';
      const section = quirk && ctx.rng.chance(0.4) ? 'contenu' : encodeURIComponent(ctx.rng.pick(RFI_SECTIONS));
      return `${root}${section}/${ymd(ctx.published)}-${slugFor(ctx)}`;
    },
    decorateTitle: (rng, title) => (rng.chance(0.3) ? `${title} – 法国国际广播电台 - RFI` : title),
    body: BODY_RENDERERS['rfi']!,
  },
  {
    key: 'reuters',
    name: '路透',
    weight: 11,
    utcOffset: 8,
    frontMatterShare: 0.5,
    traditionalShare: 0,
    englishShare: 0.05,
    url(ctx) {
      const d = new Date(ctx.published);
      const code = `${ctx.rng.pick(['KCS', 'KBS', 'L4N'])}${ctx.rng.digits(2)}${ctx.rng.hex(4).toUpperCase()}`;
      return `https://cn.reuters.com/article/${englishSlug(ctx.rng)}-${pad2(d.getUTCMonth() + 1)}${pad2(d.getUTCDate())}-idCN${code}`;
    },
    body: BODY_RENDERERS['reuters']!,
  },
  {
    key: 'zaobao',
    name: '联合早报',
    weight: 10,
    utcOffset: 8,
    frontMatterShare: 0.8,
    traditionalShare: 0.01,
    englishShare: 0.01,
    url: (ctx) => `https://www.zaobao.com/${ctx.rng.pick(['realtime', 'realtime', 'news'])}/${ctx.rng.pick(['china', 'world', 'singapore', 'sea'])}/story${ymd(ctx.published)}-${serial(ctx, 200000, 120)}`,
    body: BODY_RENDERERS['zaobao']!,
  },
  {
    key: 'voa',
    name: '美国之音',
    weight: 9,
    utcOffset: -5,
    frontMatterShare: 0.4,
    traditionalShare: 0.03,
    englishShare: 0.03,
    url(ctx) {
      const id = serial(ctx, 1000000, 600);
      return ctx.rng.chance(0.7) ? `https://www.voachinese.com/a/${englishSlug(ctx.rng)}-${ymd(ctx.published)}/${id}.html` : `https://www.voachinese.com/a/${id}.html`;
    },
    body: BODY_RENDERERS['voa']!,
  },
  {
    key: 'dw',
    name: '德国之声',
    weight: 7,
    utcOffset: 1,
    frontMatterShare: 0.45,
    traditionalShare: 0.03,
    englishShare: 0.03,
    url: (ctx) => `https://www.dw.com/zh/${slugFor(ctx)}/a-${serial(ctx, 10000000, 6000)}`,
    body: BODY_RENDERERS['dw']!,
  },
  {
    key: 'bbc',
    name: 'BBC',
    weight: 6,
    utcOffset: 0,
    frontMatterShare: 0.45,
    traditionalShare: 0.04,
    englishShare: 0.03,
    url(ctx) {
      const scheme = ctx.published < Date.UTC(2021, 0, 1) ? 'http' : 'https';
      const section = ctx.rng.pick(['chinese-news', 'world', 'business', 'science', 'uk', 'world-asia']);
      return `${scheme}://www.bbc.com/zhongwen/${ctx.traditional ? 'trad' : 'simp'}/${section}-${serial(ctx, 20000000, 6000)}`;
    },
    body: BODY_RENDERERS['bbc']!,
  },
  {
    key: 'cdt',
    name: '中国数字时代',
    weight: 6,
    utcOffset: -8,
    frontMatterShare: 0.6,
    traditionalShare: 0.02,
    englishShare: 0.02,
    url(ctx) {
      const d = new Date(ctx.published);
      // WordPress percent-encodes slugs in lower case.
      const slug = ctx.english ? englishSlug(ctx.rng) : encodeURIComponent(titleSlug(ctx.title)).toLowerCase();
      return `https://chinadigitaltimes.net/chinese/${d.getUTCFullYear()}/${pad2(d.getUTCMonth() + 1)}/${slug}/`;
    },
    decorateTitle: (rng, title) => (rng.chance(0.35) ? `${rng.pick(['网文', '立此存照', '自由亚洲', '德国之声', '端传媒', '读者投稿'])} | ${title}` : title),
    body: BODY_RENDERERS['cdt']!,
  },
  {
    key: 'rti',
    name: 'RTI 中央廣播電臺',
    weight: 5,
    utcOffset: 8,
    frontMatterShare: 0.7,
    traditionalShare: 1,
    englishShare: 0,
    url: (ctx) => `https://www.rti.org.tw/news/view/id/${serial(ctx, 1000000, 140)}`,
    body: BODY_RENDERERS['rti']!,
  },
  {
    key: 'rfa',
    name: '自由亚洲电台',
    weight: 5,
    utcOffset: -5,
    frontMatterShare: 0.35,
    traditionalShare: 0.02,
    englishShare: 0.02,
    url(ctx) {
      const d = new Date(ctx.published - 5 * 3600_000);
      const stamp = `${pad2(d.getUTCMonth() + 1)}${pad2(d.getUTCDate())}${d.getUTCFullYear()}${d.toISOString().slice(11, 19).replace(/:/g, '')}`;
      return `https://www.rfa.org/mandarin/${ctx.rng.pick(RFA_PATHS)}/${ctx.rng.pick(RFA_DESKS)}-${stamp}.html`;
    },
    body: BODY_RENDERERS['rfa']!,
  },
  {
    key: 'ft',
    name: '金融时报',
    weight: 4,
    utcOffset: 8,
    frontMatterShare: 0.5,
    traditionalShare: 0.03,
    englishShare: 0.05,
    url(ctx) {
      const id = `001${String(serial(ctx, 0, 25) % 1_000_000).padStart(6, '0')}`;
      if (ctx.rng.chance(0.1)) return `http://www.ftchinese.com/story/${id}`;
      return `https://cn.ft.com/story/${id}${ctx.rng.chance(0.7) ? '?full=y' : ''}`;
    },
    body: BODY_RENDERERS['ft']!,
  },
  {
    key: 'nyt',
    name: '纽约时报',
    weight: 3,
    utcOffset: 8,
    frontMatterShare: 0.45,
    traditionalShare: 0.05,
    englishShare: 0.06,
    url(ctx) {
      const section = ctx.rng.pick(['china', 'world', 'business', 'opinion', 'technology', 'culture', 'asia-pacific', 'usa', 'health']);
      return `https://cn.nytimes.com/${section}/${ymd(ctx.published)}/${englishSlug(ctx.rng)}/${ctx.traditional ? 'zh-hant/' : ''}`;
    },
    body: BODY_RENDERERS['nyt']!,
  },
  {
    key: 'initium',
    name: '端傳媒',
    weight: 2.5,
    utcOffset: 8,
    frontMatterShare: 0.6,
    traditionalShare: 0.9,
    englishShare: 0.02,
    url(ctx) {
      const section = ctx.rng.pick(['mainland', 'hongkong', 'taiwan', 'international', 'opinion', 'culture', 'society', 'economy']);
      return `https://theinitium.com/article/${ymd(ctx.published)}-${section}-${englishSlug(ctx.rng)}/`;
    },
    body: BODY_RENDERERS['initium']!,
  },
];
