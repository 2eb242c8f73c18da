/**
 * What counts as page furniture in the archived article bodies: ad slots, share bars, paywall
 * and newsletter promotions, feed footers, tracking pixels, icons. Pure string tests, learned
 * from the archive's outlets (zaobao, RFI, RFA, VOA, DW, BBC, Reuters, FT, NYT, China Digital
 * Times, caa-ins.org, theinitium, the Economist, …); the DOM work lives in `clean-body.ts`.
 */

/**
 * Class or id tokens of ad slots and sponsored or promotional blocks. Anchored alternatives so
 * `lead`, `thread` or `upload` never match: `ad` must stand alone or be joined by `-`/`_`.
 */
const AD_TOKEN =
  /^(?:ads?|adv|adsbygoogle|adslot|adunit|ad[-_].*|.*[-_]ads?|.*[-_]ads?[-_].*|.*advert.*|dfp(?:[-_].*)?|gpt[-_]?ad.*|.*[-_]gpt|innity.*|imu\d*|mpu(?:[-_].*)?|.*[-_]mpu(?:[-_].*)?|bbccom_.*|o-ads.*|.*sponsor.*|.*paywall.*|taboola.*|trc_.*|tbl-.*|outbrain.*|.*self-?promo.*|m-interstitial.*|.*trustbadge.*)$/i;

/** Class or id tokens of share bars, subscription boxes and related-post widgets. */
const SHARE_TOKEN =
  /^(?:share|shares|sharing|sharedaddy|share[-_].*|.*[-_]share(?:[-_].*)?|sd-sharing.*|sd-social.*|social[-_]?share.*|addthis.*|a2a_.*|jp-relatedposts.*|related[-_]?posts?|.*[-_]related(?:[-_].*)?|.*subscribe.*|.*newsletter.*)$/i;

/**
 * Class or id tokens of page chrome around the story: WordPress entry meta (category, views,
 * tags), screen-reader-only text (BBC's "图片版权"/"Image caption" labels), RFA's zoom widget,
 * embed warnings. Hidden text would otherwise end up in the plain text.
 */
const CHROME_TOKEN =
  /^(?:entry-meta|meta-category|meta-item|meta-tags|entry-footer|post-meta|post-tags|tags-links|screen-reader-text|sharing-screen-reader-text|off-screen|sr-only|visually-?hidden|hidden|embed-youtube-warning|jump-link|zoomattribute)$/i;

/** Attributes whose mere presence marks a promo or share container (RFI, FT). */
const FURNITURE_ATTRIBUTE = /^(?:data-selfpromo|data-root-share|data-o-ads|data-ad-|data-google-query-id|data-ad$)/i;

/** Inline styles that hide an element: its content is not part of the visible article. */
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

/**
 * Share and bookmarking endpoints. Matched against the raw `href`, before URL checks, because
 * several use non-http schemes (`whatsapp:`) that would otherwise just lose their href.
 */
const SHARE_URL =
  /^(?:whatsapp:|sms:|mailto:\?|fb-messenger:|line:|weixin:)|facebook\.com\/(?:sharer|dialog\/(?:share|feed)|share\.php)|(?:twitter|x)\.com\/(?:intent|share)|(?:web|api)\.whatsapp\.com\/send|wa\.me\/\?|service\.weibo\.com\/share|(?:social-plugins|lineit)\.line\.me|line\.me\/R\/msg|(?:t|telegram)\.me\/share|linkedin\.com\/(?:shareArticle|sharing)|reddit\.com\/submit|pinterest\.com\/pin\/create|del\.icio\.us\/post|delicious\.com\/save|digg\.com\/submit|plus\.google\.com\/share|getpocket\.com\/save|tumblr\.com\/share|vk\.com\/share|addthis\.com\/bookmark|[?&]share=(?:facebook|twitter|telegram|email|custom|weibo|line|whatsapp|print|reddit|linkedin|pocket)/i;

/** The RSS relay (feedx) that appended "获取更多RSS：" footers to many archived bodies. */
const FEED_PROMO_URL = /^(?:https?:)?\/\/(?:[\w-]+\.)*feedx\.[a-z]+(?:[/?#]|$)/i;

/** Subscription, paywall and newsletter sign-up targets (zaobao, NYT, theinitium, Economist). */
const SUBSCRIBE_URL =
  /subscribe\.sph\.com\.sg|\/subscri(?:be|ption)|paywall|\/membership\/|sso\.nytcn\.me\/email|\/morning-brief\/|\/newsletters?(?:[/?#]|$)/i;

/** Link texts that are only a truncation marker or a subscribe button. */
const LINK_ONLY_TEXT = /^(?:\.{2,}|…)?\s*(?:more|read more|more »|阅读更多|閱讀更多|阅读全文|閱讀全文|订阅|訂閱|subscribe|立即订阅|立即訂閱)\s*»?$/i;

/** Hosts and paths of analytics beacons and affiliate pixels. */
const TRACKER_SRC =
  /amazon-adsystem\.com|doubleclick\.net|google-analytics\.com|googletagmanager\.com|googlesyndication\.com|scorecardresearch\.com|pixel\.wp\.com|stats\.wp\.com|feeds\.feedburner\.com\/~r\/|feedburner\.com\/~ff\/|quantserve\.com|chartbeat\.(?:com|net)|facebook\.com\/tr[/?]|mc\.yandex\.|\/pixel(?:\.gif|\.png)?(?:[?#]|$)|\/beacon[/?.]/i;

/**
 * Decorative images: RFA's zoom icon and Plone resources, favicons, spacer GIFs, BBC's
 * presentational rules and blank spacers.
 */
const ICON_SRC =
  /icon-zoom\.png|\/\+\+plone\+\+|\/rfa_resources\/graphics\/|favicon|\/icons?\/|spacer\.gif|blank\.gif|transparent\.gif|1x1\.(?:gif|png)|presentational[_-]|_transparent[-_.]|grey_line|white_space/i;
const DECORATIVE_ALT = /^(?:presentational|transparent line|white space|spacer)\b/i;

/** Paywall banners (zaobao's freemium images) and subscribe buttons as images. */
const PAYWALL_SRC = /freemium_images|paywall|subscribe/i;

/** Weibo and WordPress emoji images: shown as their alt text (`[挤眼]`) instead. */
const EMOJI_CLASS = /^(?:W_img_face|wp-smiley|emoji|wp-emoji)$/i;
const EMOJI_SRC = /\/expression\/|s\.w\.org\/images\/core\/emoji|\/emoji\//i;

/** True for a class or id token that names an ad slot, share bar or page chrome. */
export function isFurnitureToken(token: string): boolean {
  return AD_TOKEN.test(token) || SHARE_TOKEN.test(token) || CHROME_TOKEN.test(token);
}

/** True for an attribute name that marks a promo, ad or share container. */
export function isFurnitureAttribute(name: string): boolean {
  return FURNITURE_ATTRIBUTE.test(name);
}

/** True for an inline style that hides the element. */
export function isHiddenStyle(style: string): boolean {
  return HIDDEN_STYLE.test(style);
}

/** True for a share or bookmarking link target (any scheme). */
export function isShareUrl(href: string): boolean {
  return SHARE_URL.test(href.trim());
}

/** True for a link to the feedx RSS relay, whose footer is not part of any article. */
export function isFeedPromoUrl(href: string): boolean {
  return FEED_PROMO_URL.test(href.trim());
}

/** True for a subscription, paywall or newsletter sign-up link. */
export function isSubscribeUrl(href: string): boolean {
  return SUBSCRIBE_URL.test(href);
}

/** True for link text that is only "...more" or a subscribe button. */
export function isLinkOnlyText(text: string): boolean {
  return LINK_ONLY_TEXT.test(text.trim());
}

/** What the cleaner knows about an image before deciding to keep it. */
export interface ImageFacts {
  src: string;
  alt: string;
  width: string | null;
  height: string | null;
  style: string;
  /** Presence of zaobao's impression-tracking marker. */
  hasPingerMark: boolean;
}

/** True for a tracking pixel, spacer, icon or paywall banner: images that are not content. */
export function isFurnitureImage(image: ImageFacts): boolean {
  if (image.hasPingerMark) return true;
  if (isAtMostOnePixel(image.width) || isAtMostOnePixel(image.height)) return true;
  if (/(?:^|;)\s*(?:width|height)\s*:\s*[01]px/i.test(image.style)) return true;
  if (TRACKER_SRC.test(image.src) || ICON_SRC.test(image.src) || PAYWALL_SRC.test(image.src)) return true;
  return DECORATIVE_ALT.test(image.alt.trim());
}

/** True for an emoji image (by class token or by source path). */
export function isEmojiImage(classTokens: readonly string[], src: string): boolean {
  return classTokens.some((token) => EMOJI_CLASS.test(token)) || EMOJI_SRC.test(src);
}

function isAtMostOnePixel(value: string | null): boolean {
  if (value === null) return false;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(?:px)?\s*$/i.exec(value);
  return match !== null && Number(match[1]) <= 1;
}

/**
 * A block (paragraph, list item, small div) whose whole text says it is furniture. Applied to
 * blocks of at most {@link MAX_BOILERPLATE_BLOCK_CHARS} characters only, so a story that merely
 * mentions a newsletter is never touched.
 */
export type BoilerplateKind =
  /** Remove the block. */
  | 'block'
  /** Remove the block only if it holds a link ("相关报道 <a>…</a>", NYT's "点击此处订阅…"). */
  | 'block-with-link'
  /** A bare label ("相关文章"): remove it, and the list right after it. */
  | 'label';

export const MAX_BOILERPLATE_BLOCK_CHARS = 300;

/** Cheap prefilter for text nodes: only blocks containing one of these are examined further. */
export const BOILERPLATE_TRIGGER =
  /获取更多RSS|分享|共享|广告|廣告|Advertisement|播放|版权声明|Media playback|购买|購買|Share|Feed enhanced|Post tags|相关|相關|延伸|推荐阅读|推薦閱讀|更多阅读|Related|Read more|See also|订阅|訂閱|subscribe|sign up|newsletter/i;

const BOILERPLATE_RULES: ReadonlyArray<{ kind: BoilerplateKind; pattern: RegExp }> = [
  // feedx's footer, China Digital Times' feed footer and bookmark line, share-bar captions.
  { kind: 'block', pattern: /^获取更多RSS/ },
  { kind: 'block', pattern: /^Feed enhanced by\b/i },
  { kind: 'block', pattern: /Post tags\s*:/i }, // no \b: a <br> joins it to the word before
  { kind: 'block', pattern: /^(?:分享|分享到|分享至|共享此文章|Share(?: this(?: article| story)?)?)\s*[:：]?$/i },
  // The label left behind by an ad slot (RFI's "广告" box), BBC's video-player placeholder.
  { kind: 'block', pattern: /^(?:广告|廣告|Advertisement)$/i },
  // DW's copyright notice under every article: legal boilerplate, and noise for every search on 版权.
  { kind: 'block', pattern: /^©?\s*\d{4}\s*年?德国之声版权声明/ },
  { kind: 'block', pattern: /^(?:你的器材不支持播放多媒体材料|你的器材不支持播放多媒體材料|您的设备不支持播放多媒体材料|Media playback is unsupported on your device)$/i },
  // A heading with nothing else: the list after it is the related-links box.
  {
    kind: 'label',
    pattern: /^(?:相关(?:报道|文章|阅读|新闻|链接)|相關(?:報導|文章|閱讀|新聞|連結)|延伸阅读|延伸閱讀|推荐阅读|推薦閱讀|更多阅读|Related(?: articles| stories| coverage| links)?|See also)\s*[:：]?$/i,
  },
  {
    kind: 'block-with-link',
    pattern: /^(?:相关(?:报道|文章|阅读|新闻|链接)|相關(?:報導|文章|閱讀|新聞|連結)|延伸阅读|延伸閱讀|推荐阅读|推薦閱讀|更多阅读|Related(?: articles| stories| coverage| links)?|Read more|See also)\s*[:：]?/i,
  },
  // China Digital Times' bookstore pitches ("请点击购买…著作：<a>…</a>").
  { kind: 'block-with-link', pattern: /^(?:请|請)?(?:点击|點擊)?(?:购买|購買)/ },
  // Newsletter and subscription pitches (NYT's 简报 line, the Economist's sign-up lines).
  {
    kind: 'block-with-link',
    pattern: /点击此处订阅|點擊此處訂閱|欢迎订阅|歡迎訂閱|订阅.{0,12}简报|訂閱.{0,12}簡報|\bsubscribe\b|\bsign up\b|\bnewsletter\b/i,
  },
];

/** Classifies a block's whitespace-collapsed text; `null` when it is ordinary content. */
export function classifyBoilerplate(text: string): BoilerplateKind | null {
  if (text.length > MAX_BOILERPLATE_BLOCK_CHARS) return null;
  for (const rule of BOILERPLATE_RULES) if (rule.pattern.test(text)) return rule.kind;
  return null;
}

/**
 * Reduces a title or heading to letters and digits, lower-cased, so that archive titles and
 * body headings that differ only in punctuation or spacing compare equal
 * (`INS #1 |《论90后/00后》` vs `INS #1 |《论90后-00后》`).
 */
export function titleKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}
