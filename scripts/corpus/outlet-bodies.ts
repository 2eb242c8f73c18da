/**
 * One body renderer per outlet: the story paragraphs wrapped in that outlet's markup and
 * furniture, in the shapes its archived pages have (RFI's date line and promo boxes, BBC's media
 * blocks and mpu slots, Reuters' attribution, RTI's teaser cut off with "...more").
 */
import {
  adSlot,
  type BodyContext,
  escapeHtml,
  figure,
  interleave,
  lazyImage,
  paragraphsHtml,
  paywall,
  relatedList,
  rssFooter,
  shareBar,
  trackingPixel,
  uuid,
} from './furniture.ts';

/** Renders an article body for one outlet. */
export type BodyRenderer = (ctx: BodyContext) => string;

const pad2 = (n: number): string => String(n).padStart(2, '0');
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function rfc1123(millis: number): string {
  const d = new Date(millis);
  return `${WEEKDAYS[d.getUTCDay()]}, ${pad2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${d.toISOString().slice(11, 19)} GMT`;
}

/** Shifts a UTC time to an outlet's local clock, for dates the page prints. */
function local(millis: number, offsetHours: number): Date {
  return new Date(millis + offsetHours * 3600_000);
}

/** 联合早报: lazy figure with caption, IMU ad after the third paragraph, paywall banners. */
const zaobao: BodyRenderer = (ctx) => {
  const { rng } = ctx;
  const d = new Date(ctx.published);
  let html = '';
  if (rng.chance(0.6)) {
    const src = `https://static.zaobao.com/s3fs-public/styles/article_large_full/public/${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}/${rng.digits(3)}_${rng.int(9)}.jpg?itok=${rng.hex(8)}`;
    const caption = ctx.caption();
    html += `<div class="figure-media">${lazyImage(rng, src, caption)}</div>      <figcaption>${escapeHtml(caption)}</figcaption>              `;
  }
  html += interleave(ctx.paragraphs, 3, () => adSlot(rng));
  if (rng.chance(0.5)) html += '<div id="innity-in-post"></div><div id="dfp-ad-midarticlespecial">        </div>';
  html += `      <div class="cx_paywall_placeholder" id="sph_cdp_${rng.int(60)}"></div>`;
  if (rng.chance(0.5)) html += paywall(rng, 'zaobao.com.sg');
  return html;
};

/** 自由亚洲电台: related list after the lead, captioned inline images with a zoom icon, staff byline. */
const rfa: BodyRenderer = (ctx) => {
  const { rng } = ctx;
  let html = `<p></p>${paragraphsHtml(ctx.paragraphs, 0, 1)}`;
  if (rng.chance(0.5)) html += `<p><br/></p>${relatedList(ctx)}<p><br/></p>`;
  for (let i = 1; i < ctx.paragraphs.length; i++) {
    html += paragraphsHtml(ctx.paragraphs, i, i + 1);
    if (i === 2 && rng.chance(0.5)) {
      const src = `${ctx.url}/${rng.pick(['hj', 'rc', 'ql', 'cl'])}${rng.digits(4)}z.jpg`;
      const caption = escapeHtml(ctx.caption());
      html +=
        `<p><div class="image-inline captioned" style="width:680px;"><div style="width:680px;"><img alt="${caption}" src="${src}" title="${caption}"/></div>` +
        `<div class="image-caption"><span style="width:680px;">${caption}</span><span class="copyright"> </span></div>` +
        `<div id="zoomattribute"><a class="single_image" href="${src}" title="${caption}"><img src="/rfa_resources/graphics/icon-zoom.png"/></a></div></div></p>`;
    }
  }
  const city = ctx.label(rng.pick(['华盛顿', '台北', '香港', '巴黎', '伦敦', '东京']));
  html += `<p><br/><span>${ctx.label('自由亚洲电台记者')}${ctx.byline()}${city}${ctx.label('报道')}   ${ctx.label('责编')}：${ctx.byline()}   ${ctx.label('网编')}：${ctx.byline()}</span></p>`;
  return html;
};

/** 法广: date line, lead image, bold lead, body container with interstitial and promo boxes, share tag, feed footer. */
const rfi: BodyRenderer = (ctx) => {
  const { rng } = ctx;
  const t = local(ctx.published, 1);
  const date = `${pad2(t.getUTCDate())}/${pad2(t.getUTCMonth() + 1)}/${t.getUTCFullYear()} - ${pad2(t.getUTCHours())}:${pad2(t.getUTCMinutes())}`;
  const image = `https://s.rfi.fr/media/display/${uuid(rng)}/w:1280/p:16x9/${rng.hex(12).toUpperCase()}.jpg`;
  const [lead = '', ...rest] = ctx.paragraphs;
  let html = `<div>${date}</div><img src="${image}"><p><strong>${escapeHtml(lead)}        </strong></p><div class="t-content__body u-clearfix"><div class="m-interstitial"></div>`;
  html += interleave(rest, 4, () => '<div class="m-interstitial"></div>');
  html += '<div class="o-self-promo o-self-promo--nl o-self-promo--hidden" data-selfpromo-newsletter></div><div class="o-self-promo o-self-promo--app o-self-promo--hidden" data-selfpromo-app></div></div>';
  if (rng.chance(0.5)) html += `<div><span data-root-share><share-button v-on:open="openModal"></share-button></span>${shareBar(ctx)}</div>`;
  if (rng.chance(0.7)) html += rssFooter(rng);
  return html;
};

/** 美国之音: RFC 1123 date, proxied lead image with grey caption, floated inline images, feed footer. */
const voa: BodyRenderer = (ctx) => {
  const { rng } = ctx;
  const image = (): string => `https://images.weserv.nl?url=gdb.voanews.com/${uuid(rng).toUpperCase()}_w900.jpg`;
  let html = `<div><i>${rfc1123(ctx.published)}</i></div><img src="${image()}" width="100%"><div><small style="color: #999;">${escapeHtml(ctx.caption())}</small></div>`;
  html += interleave(ctx.paragraphs, 4, () => {
    const caption = escapeHtml(ctx.caption());
    return `<div class="contentImage floatLeft" ><img  class="photo" src="${image()}" alt="${caption}" border="0"/><div><small style="color: #999;">${caption}</small></div></div>`;
  });
  if (rng.chance(0.6)) html += rssFooter(rng);
  return html;
};

/** 德国之声: title and ISO date, proxied images with captions, bold subheads, copyright line, feed footer. */
const dw: BodyRenderer = (ctx) => {
  const { rng } = ctx;
  const image = (): string => {
    const src = `https://images.weserv.nl/?url=api.dw.com/image/${rng.digits(8)}_303.jpg`;
    return rng.chance(0.4) ? figure(rng, src, ctx.caption()) : `<img src="${src}" width="100%"><div><small style="color: #999;">${escapeHtml(ctx.caption())}</small></div>`;
  };
  let html = `<div><i>${escapeHtml(ctx.title)}<br>${new Date(ctx.published).toISOString()}</i></div>${image()}`;
  html += interleave(ctx.paragraphs, 3, (i) => (i % 2 === 0 ? image() : `<p><strong>${escapeHtml(ctx.paragraphs[i]!.slice(0, 8))}</strong></p>`));
  html += `<p> </p><p><em>© ${new Date(ctx.published).getUTCFullYear()} ${ctx.label('德国之声')}</em> <em>${ctx.label('版权所有')}</em></p>`;
  if (rng.chance(0.7)) html += rssFooter(rng);
  return html;
};

/** BBC: Chinese date, story-body container, media blocks with off-screen credits and captions, mpu ad slots. */
const bbc: BodyRenderer = (ctx) => {
  const { rng } = ctx;
  const t = new Date(ctx.published);
  const media = (): string => {
    const src = `https://images.weserv.nl/?url=ichef.bbci.co.uk/news/640/cpsprodpb/${rng.hex(4).toUpperCase()}/production/_${rng.digits(9)}_${rng.hex(6)}.jpg`;
    const caption = escapeHtml(ctx.caption());
    const credit = rng.pick(['AFP', 'Getty Images', 'Reuters', 'EPA']);
    return (
      `<div class="media-landscape has-caption full-width"><span class="image-and-copyright-container"><img class="js-image-replace" alt="${caption}" src="${src}" width="976" height="549">` +
      `<span class="off-screen">${ctx.label('图像来源')}，</span><span class="story-image-copyright">${credit}</span></span>` +
      `<figcaption class="media-caption"><span class="off-screen">${ctx.label('图像加注文字')}，</span><span class="media-caption__text">${caption}</span></figcaption></div>`
    );
  };
  let html = `<div><i>${t.getUTCFullYear()}年 ${t.getUTCMonth() + 1}月 ${t.getUTCDate()}日</i></div><div><div class="story-body__inner" property="articleBody">${media()}`;
  html += interleave(ctx.paragraphs, 3, (i) =>
    i % 2 === 0 ? `<div id="bbccom_mpu_${rng.int(5)}" class="bbccom_slot mpu-ad" aria-hidden="true"><div class="bbccom_advert"></div></div>` : media(),
  );
  if (rng.chance(0.4)) html += relatedList(ctx);
  return `${html}</div></div>`;
};

/** 路透: dateline in the first paragraph, "(完)", attribution and trust-principles boxes. */
const reuters: BodyRenderer = (ctx) => {
  const { rng } = ctx;
  const t = local(ctx.published, 8);
  const paragraphs = [...ctx.paragraphs];
  if (ctx.english) {
    paragraphs[0] = `${rng.pick(['BEIJING', 'SHANGHAI', 'HONG KONG', 'TAIPEI', 'WASHINGTON'])}, ${MONTHS[t.getUTCMonth()]} ${t.getUTCDate()} (Reuters) - ${paragraphs[0]}`;
  } else {
    const city = ctx.label(rng.pick(['北京', '上海', '香港', '台北', '华盛顿', '新加坡', '东京']));
    paragraphs[0] = `${ctx.label('路透')}${city}${t.getUTCMonth() + 1}月${t.getUTCDate()}日 - ${paragraphs[0]}`;
    paragraphs[paragraphs.length - 1] += '(完)';
  }
  let html = `<div><i>${t.toISOString().slice(0, 19)}</i></div><div class="StandardArticleBody_body">${paragraphsHtml(paragraphs)}`;
  html += `<div class="Attribution_container"><div class="Attribution_attribution"><p class="Attribution_content">${ctx.label('编译')} ${ctx.byline()}/${ctx.byline()}；${ctx.label('审校')} ${ctx.byline()} </p></div></div>`;
  html += `<div class="StandardArticleBody_trustBadgeContainer"><span class="StandardArticleBody_trustBadgeTitle">${ctx.label('我们的标准')}：</span><span class="trustBadgeUrl"><a href="https://www.thomsonreuters.com/en/about-us/trust-principles.html">${ctx.label('信任原则')}</a></span></div></div>`;
  return html;
};

/** RTI: plain text cut off into a teaser with a "...more" link, or short paragraphs. */
const rti: BodyRenderer = (ctx) => {
  if (ctx.rng.chance(0.35)) return paragraphsHtml(ctx.paragraphs);
  const text = ctx.paragraphs.join('');
  const cut = Math.min(text.length, ctx.rng.range(180, 420));
  return `${escapeHtml(text.slice(0, cut))}...<a target="_blank" href="${ctx.url}">...more</a>`;
};

/** 金融时报: story lead, thumbor images, o-ads slots between paragraphs, feed footer. */
const ft: BodyRenderer = (ctx) => {
  const { rng } = ctx;
  const picture = (): string => `https://thumbor.ftacademy.cn/unsafe/picture/${rng.int(10)}/000${rng.digits(6)}_piclink.jpg`;
  const [lead = '', ...rest] = ctx.paragraphs;
  let html = `<div></div><div class="story-lead">${escapeHtml(lead.slice(0, 60))}</div><div class=" story-image image"><img src="https://thumbor.ftacademy.cn/unsafe/1340x754/${picture()}"></div><div class="story-body"><div id="story-body-container">`;
  html += paragraphsHtml([lead]);
  let slot = 0;
  html += interleave(rest, 3, () => {
    slot++;
    return rng.chance(0.5)
      ? `<div class="pic"><img src="${picture()}"></div>`
      : `<div  data-o-ads-name="mpu-middle${slot}" class="o-ads in-article-advert" data-o-ads-formats-default="false"  data-o-ads-formats-small="FtcMobileMpu" data-o-ads-targeting="cnpos=middle${slot};"></div>`;
  });
  html += '</div><div class="clearfloat"></div></div>';
  if (rng.chance(0.6)) html += rssFooter(rng);
  return html;
};

/** 纽约时报: byline and time, proxied lead image, newsletter pitch, inline links, feed footer. */
const nyt: BodyRenderer = (ctx) => {
  const { rng } = ctx;
  const t = local(ctx.published, 8);
  const y = t.getUTCFullYear();
  const image = `https://images.weserv.nl?url=static01.nyt.com/images/${y}/${pad2(t.getUTCMonth() + 1)}/${pad2(t.getUTCDate())}/world/${rng.hex(6)}/merlin_${rng.digits(9)}_${uuid(rng)}-articleLarge.jpg`;
  let html = `<div><i>${ctx.byline()}<br>${t.toISOString().slice(0, 19).replace('T', ' ')}</i></div><img src="${image}" width="100%"><div><small style="color: #999;">${escapeHtml(ctx.caption())}</small></div>`;
  html += `<p><i>${ctx.label('欢迎订阅每日简报，')}</i><a rel="nofollow" target="_blank" href="https://sso.nytcn.me/email/?source=top-right"><i>${ctx.label('点击此处订阅')}</i></a></p>`;
  for (let i = 0; i < ctx.paragraphs.length; i++) {
    const text = escapeHtml(ctx.paragraphs[i]!);
    if (i > 0 && rng.chance(0.3)) {
      const link = ctx.related();
      const split = Math.floor(text.length / 2);
      html += `<p>${text.slice(0, split)}<a rel="nofollow" target="_blank" href="${link.url}">${escapeHtml(link.title)}</a>${text.slice(split)}</p>`;
    } else html += `<p>${text}</p>`;
  }
  if (rng.chance(0.6)) html += rssFooter(rng);
  return html;
};

/** 中国数字时代: WordPress images with srcset, blockquotes, copyright/permalink/tags footer, feed plugin line. */
const cdt: BodyRenderer = (ctx) => {
  const { rng } = ctx;
  const t = new Date(ctx.published);
  const base = `https://chinadigitaltimes.net/chinese/files/${t.getUTCFullYear()}/${pad2(t.getUTCMonth() + 1)}/${rng.hex(10)}`;
  let html = `<p><img class="aligncenter wp-image-${rng.digits(6)}" src="${base}.png" alt="" width="500" height="${rng.range(240, 700)}" srcset="${base}.png 611w, ${base}-300x245.png 300w" sizes="(max-width: 500px) 100vw, 500px" /></p>`;
  html += interleave(ctx.paragraphs, 3, (i) => `<blockquote><p>${escapeHtml(ctx.paragraphs[i]!)}</p></blockquote>`);
  const tags = [ctx.label('中国数字时代'), ...ctx.paragraphs.slice(0, 2).map((p) => p.slice(0, 4))];
  const tagLinks = tags.map((tag) => `<a href="https://chinadigitaltimes.net/chinese/tag/${encodeURIComponent(tag).toLowerCase()}/" rel="tag">${escapeHtml(tag)}</a>`).join(', ');
  html +=
    `<hr /><p><small>&copy; ${ctx.byline()} for <a href="https://chinadigitaltimes.net/chinese/">${ctx.label('中国数字时代')}</a>, ${t.getUTCFullYear()}. | ` +
    `<a href="${ctx.url}">Permalink</a> | <a href="${ctx.url}#comments">No comment</a> | Add to <a href="http://del.icio.us/post?url=${encodeURIComponent(ctx.url)}&amp;title=${encodeURIComponent(ctx.title)}">del.icio.us</a>` +
    `<br/>Post tags: ${tagLinks}<br/></small></p><p><small>Feed enhanced by <a href='http://planetozh.com/blog/my-projects/wordpress-plugin-better-feed-rss/'>Better Feed</a> from  <a href='http://planetozh.com/blog/'>Ozh</a></small></p>`;
  if (rng.chance(0.3)) html += trackingPixel(rng);
  return html;
};

/** 端傳媒: section/article wrapper, membership pitch, footer with the original link. */
const initium: BodyRenderer = (ctx) => {
  const pitch = `<p><strong>${ctx.label('本文为付费会员内容，')}<a href="https://theinitium.com/membership/">${ctx.label('立即订阅')}</a></strong></p>`;
  return (
    `<section>  <article>${ctx.rng.chance(0.6) ? pitch : ''}${paragraphsHtml(ctx.paragraphs)}</article>  <footer>          <p>        <span>${ctx.label('本文原文链接')}：</span><a href="${ctx.url}">${ctx.url}</a>      </p>` +
    `      <p>        <span>${ctx.label('关于我们')}：</span><a href="https://theinitium.com/misc/about/">https://theinitium.com/misc/about/</a>      </p>      </footer></section>`
  );
};

/** Body renderers by outlet key (see `outlets.ts`). */
export const BODY_RENDERERS: Readonly<Record<string, BodyRenderer>> = { zaobao, rfa, rfi, voa, dw, bbc, reuters, rti, ft, nyt, cdt, initium };

