/**
 * Page furniture that archived news bodies carry around the story: ad slots, share bars, paywall
 * banners, feed-relay footers, related-link lists, lazy images, tracking pixels. The shapes follow
 * what the real archive's outlets emit (class names, ids, URL patterns) so the body cleaner meets
 * the same markup it has to remove; all text and URLs are generated.
 */
import type { Rng } from './random.ts';

/** What every body renderer gets: the story text plus generators for the extras. */
export interface BodyContext {
  rng: Rng;
  /** Story paragraphs in the article's script and language, not yet HTML-escaped. */
  paragraphs: readonly string[];
  title: string;
  url: string;
  published: number;
  english: boolean;
  /** A furniture label (相关报道, 责编) in the article's script. */
  label: (simplified: string) => string;
  /** A new picture caption in the article's script. */
  caption: () => string;
  /** A link to another article of the same outlet. */
  related: () => { title: string; url: string };
  /** A person's name for bylines, in the article's script. */
  byline: () => string;
}

const HTML_SPECIAL = /[&<>"]/;

/** Escapes text for element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  if (!HTML_SPECIAL.test(text)) return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A 1×1 transparent GIF: the placeholder `src` lazy loaders swap out. */
const PLACEHOLDER_GIF = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';

/** A lazy-loaded image: the real URL in `data-src`, a placeholder (or the same URL) in `src`. */
export function lazyImage(rng: Rng, src: string, alt: string): string {
  const shown = rng.chance(0.5) ? PLACEHOLDER_GIF : src;
  return `<img class="img-fluid lazyload" data-src="${src}" title="${escapeHtml(alt)}" alt="${escapeHtml(alt)}" src="${shown}" referrerpolicy="no-referrer">`;
}

/** A figure with a caption. */
export function figure(rng: Rng, src: string, caption: string): string {
  const image = rng.chance(0.5) ? lazyImage(rng, src, caption) : `<img src="${src}" alt="${escapeHtml(caption)}">`;
  return `<figure class="figure-media">${image}<figcaption>${escapeHtml(caption)}</figcaption></figure>`;
}

/** An empty ad slot in one of the shapes the outlets use. */
export function adSlot(rng: Rng): string {
  switch (rng.int(5)) {
    case 0:
      return '<section id="imu"><div id="dfp-ad-imu1">        </div></section>';
    case 1:
      return `<div id="dfp-ad-midarticle${rng.int(4)}">        </div>`;
    case 2:
      return `<div class="ad-slot"><p>${rng.pick(['广告', 'Advertisement'])}</p></div>`;
    case 3:
      return `<ins class="adsbygoogle" style="display:block" data-ad-client="ca-pub-${rng.digits(16)}" data-ad-slot="${rng.digits(10)}"></ins>`;
    default:
      return '<div id="innity-in-post"></div>';
  }
}

/** A share bar with the usual networks, pointing at the article. */
export function shareBar(ctx: BodyContext): string {
  const url = encodeURIComponent(ctx.url);
  const title = encodeURIComponent(ctx.title);
  return (
    `<div class="share-bar"><span>${ctx.label('分享')}：</span>` +
    `<a href="https://www.facebook.com/sharer/sharer.php?u=${url}" target="_blank" rel="noopener">Facebook</a> ` +
    `<a href="https://twitter.com/intent/tweet?url=${url}&amp;text=${title}" target="_blank" rel="noopener">Twitter</a> ` +
    `<a href="https://service.weibo.com/share/share.php?url=${url}&amp;title=${title}" target="_blank">${ctx.label('微博')}</a> ` +
    `<a href="mailto:?subject=${title}&amp;body=${url}">Email</a></div>`
  );
}

/** The feed relay's footer appended to many archived bodies. */
export function rssFooter(rng: Rng): string {
  const second = rng.pick(['https://feedx.xyz', 'https://feedx.best', 'https://feedx.site']);
  return (
    '<br><hr><div>获取更多RSS：<br><a href="https://feedx.net" style="color:orange" target="_blank">https://feedx.net</a> ' +
    `<br><a href="${second}" style="color:orange" target="_blank">${second}</a><br></div>`
  );
}

/** A related-links block: a label paragraph and a list, or a bare list of bold links. */
export function relatedList(ctx: BodyContext): string {
  const count = ctx.rng.range(2, 4);
  let items = '';
  for (let i = 0; i < count; i++) {
    const link = ctx.related();
    items += `<li><a href="${link.url}"><strong>${escapeHtml(link.title)}</strong></a></li>`;
  }
  if (ctx.rng.chance(0.4)) return `<ul class="related-links">${items}</ul>`;
  const label = ctx.english ? 'Related coverage' : ctx.label(ctx.rng.pick(['相关报道', '延伸阅读', '相关新闻']));
  return `<p><strong>${label}</strong></p><ul>${items}</ul>`;
}

/** A subscription pitch: banner images wrapped in links to the subscribe page. */
export function paywall(rng: Rng, host: string): string {
  const campaign = `sub${rng.digits(3)}`;
  const href = `https://${host}/subscribe/promotions/?utm_campaign=${campaign}&amp;utm_medium=publication&amp;utm_content=subscribelink-endofarticle`;
  const folder = `https://static.${host}/freemium_images/${rng.digits(8)}`;
  const banner = (kind: string): string => {
    const src = `${folder}/paywall_${kind}-${campaign}.png`;
    return `<a href="${href}" target="_blank"><img class="view-${kind} lazyload" data-src="${src}" alt pinger-seen="true" src="${src}"></a>`;
  };
  return `<div class="paywall-promo">${banner('desktop')}      ${banner('mobile')}</div>`;
}

/** An analytics beacon image. */
export function trackingPixel(rng: Rng): string {
  return rng.chance(0.5)
    ? `<img src="https://pixel.wp.com/g.gif?v=ext&amp;blog=${rng.digits(8)}&amp;post=${rng.digits(6)}" alt="" width="1" height="1">`
    : `<img src="https://feeds.feedburner.com/~r/news/~4/${rng.hex(11)}" height="1" width="1" alt="">`;
}

/** Paragraph text as `<p>` elements. */
export function paragraphsHtml(paragraphs: readonly string[], from = 0, to = paragraphs.length): string {
  let html = '';
  for (let i = from; i < to; i++) html += `<p>${escapeHtml(paragraphs[i]!)}</p>`;
  return html;
}

/** Story paragraphs with an extra piece of markup inserted after every `every`-th paragraph. */
export function interleave(paragraphs: readonly string[], every: number, insert: (position: number) => string): string {
  let html = '';
  for (let i = 0; i < paragraphs.length; i++) {
    html += `<p>${escapeHtml(paragraphs[i]!)}</p>`;
    if ((i + 1) % every === 0 && i + 1 < paragraphs.length) html += insert(i);
  }
  return html;
}

/** A UUID-shaped random string, as image CDNs use. */
export function uuid(rng: Rng): string {
  return `${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`;
}
