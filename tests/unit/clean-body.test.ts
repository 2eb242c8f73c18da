import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDomEnv } from '../../scripts/lib/dom-env.ts';
import { MAX_NESTING_DEPTH } from '../../src/lib/article/body-limits.ts';
import { cleanArticleBody, type CleanBodyEnv } from '../../src/lib/article/clean-body.ts';
import { SHARED_CORPUS } from '../helpers/paths.ts';

const env = createDomEnv();
afterAll(() => env.close());

const BASE = 'https://news.example.com/zh/2020/07/article.html';

function clean(html: string, options: Partial<Omit<CleanBodyEnv, 'document' | 'purify'>> = {}) {
  return cleanArticleBody(html, { document: env.document, purify: env.purify, ...options });
}

/** Parses output again so that assertions look at elements, not substrings. */
function parse(html: string): HTMLDivElement {
  const root = env.document.implementation.createHTMLDocument('').createElement('div');
  root.innerHTML = html;
  return root;
}

function maxDepth(root: Element): number {
  let deepest = 0;
  const stack: Array<[Element, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [element, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    for (let child = element.firstElementChild; child; child = child.nextElementSibling) stack.push([child, depth + 1]);
  }
  return deepest;
}

describe('cleanArticleBody: ad slots', () => {
  it('removes DFP, innity and imu slots between paragraphs (zaobao)', () => {
    const { html, text } = clean(
      '<div><p>第一段新闻。</p><section id="imu"><div id="dfp-ad-imu1-wrapper" class="dfp-tag-wrapper"><div id="dfp-ad-imu1"> </div></div></section>' +
        '<p>第二段新闻。</p><div id="innity-in-post"></div><div id="dfp-ad-midarticlespecial-wrapper" class="dfp-tag-wrapper"><div id="dfp-ad-midarticlespecial"></div></div></div>',
    );
    expect(html).toBe('<p>第一段新闻。</p><p>第二段新闻。</p>');
    expect(text).toBe('第一段新闻。\n第二段新闻。');
  });

  it('removes BBC mpu slots, FT o-ads blocks, GPT slots, sponsor boxes and the label of an ad box', () => {
    const { html } = clean(
      '<p>甲</p><div id="bbccom_mpu_3" class="bbccom_slot mpu-ad" aria-hidden="true"><div class="bbccom_advert">Ad text</div></div>' +
        '<div data-o-ads-name="mpu-middle1" class="o-ads in-article-advert">FT ad</div><div id="gpt-ad-slot-2">GPT ad</div>' +
        '<div class="sponsored-content">赞助内容</div><div class="m-interstitial"><div class="m-interstitial__ad"><div>广告</div></div></div>' +
        '<div><div>广告</div><div></div></div><p>乙</p>',
    );
    expect(html).toBe('<p>甲</p><p>乙</p>');
  });

  it('keeps ordinary elements whose class merely contains the letters "ad"', () => {
    const { html } = clean('<p class="lead">导语</p><div class="thread-head"><p>正文</p></div><p class="upload">上传</p>');
    expect(parse(html).textContent).toBe('导语正文上传');
  });
});

describe('cleanArticleBody: share bars', () => {
  it('removes an RFI-style share block with its caption, links and custom elements', () => {
    const { html, text } = clean(
      '<p>正文。</p><div><div>分享 :</div><div>' +
        '<a href="https://www.facebook.com/dialog/share?app_id=1&amp;href=https%3A%2F%2Fx" target="_blank"><span></span></a>' +
        '<a href="whatsapp://send?text=x"><span></span></a><a href="https://web.whatsapp.com/send?text=x"><span></span></a>' +
        '<a href="https://x.com/intent/tweet?url=x"><span></span></a><a href="https://service.weibo.com/share/share.php?url=x">微博</a>' +
        '<a href="https://social-plugins.line.me/lineit/share?url=x">LINE</a><a href="https://t.me/share/url?url=x">Telegram</a>' +
        '<span data-root-share><share-button v-on:open="openModal"></share-button><share-modal></share-modal></span></div></div>',
    );
    expect(html).toBe('<p>正文。</p>');
    expect(text).toBe('正文。');
  });

  it('removes a WordPress sharedaddy box and share-button widgets', () => {
    const { html } = clean(
      '<p>正文。</p><div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">共享此文章：</h3><ul><li class="share-facebook">' +
        '<a href="https://site.example/archives/1?share=facebook"><span class="sharing-screen-reader-text">在 Facebook 上共享</span></a></li></ul></div>' +
        '<div class="share-button">Share</div>',
    );
    expect(html).toBe('<p>正文。</p>');
  });

  it('keeps links to social profiles that are not share links', () => {
    const { html } = clean('<p>欢迎在<a href="https://twitter.com/reporter">Twitter</a>和<a href="https://www.facebook.com/reporter">Facebook</a>上关注他。</p>');
    expect(parse(html).querySelectorAll('a[href]')).toHaveLength(2);
  });
});

describe('cleanArticleBody: subscriptions, paywalls and promotions', () => {
  it('removes zaobao subscribe banners, freemium images and the paywall placeholder', () => {
    const { html } = clean(
      '<div><p>正文。</p><a href="https://subscribe.sph.com.sg/promotions/zbpe/?utm_source=zb" target="_blank">' +
        '<img class="lazyload" data-src="https://static.example.sg/s3fs-public/freemium_images/a.png" pinger-seen="true" src="https://static.example.sg/s3fs-public/freemium_images/a.png"></a>' +
        '<div class="cx_paywall_placeholder" id="sph_cdp_40"></div></div>',
    );
    expect(html).toBe('<p>正文。</p>');
  });

  it('removes a short newsletter pitch with a link, in Chinese and in English', () => {
    const { html } = clean(
      '<p><i>（欢迎</i><a href="https://sso.example.me/email/?source=top"><i>点击此处</i></a><i>订阅</i><a href="https://m.example.com/morning-brief/"><i>简报</i></a><i>，我们每天发送。）</i></p>' +
        '<p>正文说到订阅制度的变化。</p><p>Our newsletter is great. Sign up <a href="https://www.example.com/newsletter-signup/">here</a>.</p>',
    );
    expect(html).toBe('<p>正文说到订阅制度的变化。</p>');
  });

  it('removes self-promotion blocks marked with data-selfpromo-*', () => {
    const { html } = clean('<p>正文。</p><div class="o-self-promo" data-selfpromo-newsletter></div><div data-selfpromo-app>下载应用</div>');
    expect(html).toBe('<p>正文。</p>');
  });

  it('removes a link whose only text is "订阅", and keeps words of a subscribe link inside a sentence', () => {
    const { html } = clean('<p>正文。<a href="https://shop.example.com/x">订阅</a></p><p>我们推荐您<a href="https://site.example/membership/">成为会员</a>阅读全文。</p>');
    expect(html).toBe('<p>正文。</p><p>我们推荐您成为会员阅读全文。</p>');
  });
});

describe('cleanArticleBody: feed footers', () => {
  it('removes the feedx "获取更多RSS" footer together with the <br><hr> before it', () => {
    const { html, text } = clean(
      '<div><p>正文。</p><br><hr><div>获取更多RSS：<br><a href="https://feedx.net" style="color:orange" target="_blank">https://feedx.net</a> <br><a href="https://feedx.xyz">https://feedx.xyz</a><br></div></div>',
    );
    expect(html).toBe('<p>正文。</p>');
    expect(text).toBe('正文。');
  });

  it('removes the China Digital Times footer: bookmark line, post tags and "Feed enhanced by"', () => {
    const { html } = clean(
      '<p>正文。</p><hr /><p><small>&copy; 作者 for <a href="https://site.example/chinese">站点</a>, 2020. |<a href="https://site.example/p/">Permalink</a> |' +
        '<a href="https://site.example/p/#comments">No comment</a> |Add to<a href="http://del.icio.us/post?url=https://site.example/p/&amp;title=t">del.icio.us</a>' +
        '<br/>Post tags: <a href="https://site.example/tag/a/" rel="tag">甲</a>, <a href="https://site.example/tag/b/" rel="tag">乙</a><br/></small></p>' +
        "<p><small>Feed enhanced by <a href='http://plugin.example/better-feed/'>Better Feed</a> from <a href='http://plugin.example/'>Ozh</a></small></p>",
    );
    expect(html).toBe('<p>正文。</p>');
  });
});

describe('cleanArticleBody: boilerplate lines', () => {
  it('removes the DW copyright notice, the BBC player placeholder and a bookstore pitch', () => {
    const { html } = clean(
      '<p>正文。</p><div><div><img src="https://img.example/v.jpg"><div>你的器材不支持播放多媒体材料</div></div></div>' +
        '<p>—————</p><p>请点击购买作者著作：<a href="https://www.amazon.example/dp/1">某书</a></p>' +
        '<p><em>© 2020</em><em>年德国之声版权声明：本文所有内容受到著作权法保护，如无特别授权，不得擅自使用。</em></p>',
    );
    expect(html).toBe('<p>正文。</p><div><div><img src="https://img.example/v.jpg" loading="lazy" referrerpolicy="no-referrer"></div></div><p>—————</p>');
  });

  it('keeps a paragraph that merely talks about subscriptions or sharing', () => {
    const body = '<p>该公司预计第三季度订阅者增长放缓，用户也更少在社交媒体分享视频。</p>';
    expect(clean(body).html).toBe(body);
  });

  it('trims whitespace at the very start and end of the body', () => {
    expect(clean('<div>\n  「节目」主持：某人 \n</div>').html).toBe('「节目」主持：某人');
  });
});

describe('cleanArticleBody: related links', () => {
  it('removes RFA-style lists of related-article links near the top', () => {
    const { html, text } = clean(
      '<p>第一段比较长的正文内容，介绍事件。</p><ul><li><b><a class="external-link" href="http://www.rfa.example/a.html">相关旧闻一</a></b></li></ul>' +
        '<ul><li><b><a href="http://www.rfa.example/b.html">相关旧闻二</a></b></li></ul><p>第二段比较长的正文内容，继续报道。</p>',
    );
    expect(html).toBe('<p>第一段比较长的正文内容，介绍事件。</p><p>第二段比较长的正文内容，继续报道。</p>');
    expect(text).not.toContain('旧闻');
  });

  it('removes "相关报道" and "延伸阅读" paragraphs that point elsewhere', () => {
    const { html } = clean(
      '<p>正文第一段。</p><p><em><strong>相关报道 <a href="https://www.rfi.example/cn/1">另一篇文章</a></strong></em></p>' +
        '<p>延伸阅读: <a href="https://api.dw.example/detail/2">又一篇</a></p><p><a href="https://api.dw.example/detail/3" rel="ArticleRef">延伸阅读:第三篇</a><span></span></p><p>正文第二段。</p>',
    );
    expect(html).toBe('<p>正文第一段。</p><p>正文第二段。</p>');
  });

  it('removes a "相关文章" heading together with the list after it', () => {
    const { html } = clean('<p>正文。</p><h3>相关文章</h3><ul><li>第一篇 <a href="https://x.example/1">链接</a></li><li>第二篇</li></ul>');
    expect(html).toBe('<p>正文。</p>');
  });

  it('keeps lists that are content: items with their own text', () => {
    const list = '<ul><li>要点一：<a href="https://x.example/1">来源</a>说明了很多细节</li><li>要点二没有链接</li></ul>';
    expect(clean(`<p>正文。</p>${list}`).html).toBe(`<p>正文。</p>${list.replace('<a href="https://x.example/1">', '<a href="https://x.example/1" target="_blank" rel="noopener noreferrer nofollow">')}`);
  });

  it('keeps a list of links when it is most of the body (an index page)', () => {
    const { html } = clean('<li><a href="https://x.example/1">第一条新闻标题</a></li><li><a href="https://x.example/2">第二条新闻标题</a></li>');
    expect(parse(html).querySelectorAll('li a')).toHaveLength(2);
    const { text } = clean('<p>本周：</p><ul><li><a href="https://x.example/1">第一条新闻标题很长很长</a></li><li><a href="https://x.example/2">第二条新闻标题很长很长</a></li></ul>');
    expect(text).toContain('第一条新闻标题');
  });
});

describe('cleanArticleBody: images', () => {
  it('removes tracking pixels: 1×1 images, tracker hosts and pinger-marked images', () => {
    const { html } = clean(
      '<p>书<img src="https://ir-na.amazon-adsystem.com/e/ir?t=x" width="1" height="1" border="0" />' +
        '<img src="https://pixel.example/p.gif" width="1" height="1"><img src="https://stats.wp.com/g.gif"><img src="https://img.example/real.jpg" pinger-seen="true"></p>',
    );
    expect(html).toBe('<p>书</p>');
  });

  it('removes icons and decorative images (RFA zoom icon and widget, Plone resources, BBC spacer lines)', () => {
    const { html } = clean(
      '<figure><img src="https://www.rfa.example/a.html/photo.jpg" alt="照片"><figcaption>图说</figcaption><div id="zoomattribute"><a href="/a.html/photo.jpg"><img src="/++plone++rfa-resources/img/icon-zoom.png"/></a></div></figure>' +
        '<img src="/rfa_resources/graphics/icon-zoom.png"><img alt="Presentational white space" src="https://ichef.example/news/640/_97415642_007_in_numbers_624.png"><img src="https://ichef.example/news/640/presentational_grey_line464-nc.jpg">',
      { baseUrl: 'https://www.rfa.example/mandarin/a.html' },
    );
    const images = parse(html).querySelectorAll('img');
    expect(images).toHaveLength(1);
    expect(images[0]?.getAttribute('src')).toBe('https://www.rfa.example/a.html/photo.jpg');
  });

  it('uses data-src, data-original or data-lazy-src when src is missing, a placeholder or different', () => {
    const { html } = clean(
      '<img class="lazyload" data-src="https://img.example/1.jpg" src="data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==">' +
        '<img data-original="https://img.example/2.jpg"><img data-lazy-src="//img.example/3.jpg" src="https://img.example/placeholder-small.jpg">',
    );
    expect(Array.from(parse(html).querySelectorAll('img')).map((image) => image.getAttribute('src'))).toEqual([
      'https://img.example/1.jpg',
      'https://img.example/2.jpg',
      'https://img.example/3.jpg',
    ]);
  });

  it('drops a lazy placeholder that has no real source at all', () => {
    expect(clean('<p>字</p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-image-dataset="{}">').html).toBe('<p>字</p>');
  });

  it('keeps a <noscript> image once: dropped when the same image is shown, kept when it is the only copy', () => {
    const twice = clean('<img src="https://img.example/a.jpg"><noscript><img src="https://img.example/a.jpg"></noscript>').html;
    expect(parse(twice).querySelectorAll('img')).toHaveLength(1);
    const once = clean('<figure><img src="data:image/gif;base64,R0lGOD" alt="图"/><noscript><img src="https://img.example/b.jpg" alt="图"/></noscript><figcaption>说明</figcaption></figure>').html;
    expect(once).toBe('<figure><img src="https://img.example/b.jpg" alt="图" loading="lazy" referrerpolicy="no-referrer"><figcaption>说明</figcaption></figure>');
  });

  it('turns emoji images into their alt text', () => {
    const { html, text } = clean('<p>好<img class="W_img_face" title="[挤眼]" src="https://img.t.example/t4/appstyle/expression/ext/normal/43/jiyan.png" alt="[挤眼]" /></p>');
    expect(html).toBe('<p>好[挤眼]</p>');
    expect(text).toBe('好[挤眼]');
  });

  it('drops srcset and sizes and keeps numeric width and height', () => {
    const { html } = clean('<img src="https://img.example/a.jpg" srcset="https://img.example/a.jpg 719w" sizes="(max-width: 500px) 100vw" width="500" height="344" alt="">');
    expect(html).toBe('<img src="https://img.example/a.jpg" width="500" height="344" alt="" loading="lazy" referrerpolicy="no-referrer">');
  });
});

describe('cleanArticleBody: URLs', () => {
  it('resolves relative and protocol-relative URLs against the base URL', () => {
    const { html } = clean('<p><a href="/investing/index?symbol=.CSI300">.CSI300</a> <a href="//www.example.com/companies/0981.HK">0981.HK</a><img src="../img/a.jpg"></p>', {
      baseUrl: BASE,
    });
    const root = parse(html);
    expect(Array.from(root.querySelectorAll('a')).map((a) => a.getAttribute('href'))).toEqual([
      'https://news.example.com/investing/index?symbol=.CSI300',
      'https://www.example.com/companies/0981.HK',
    ]);
    expect(root.querySelector('img')?.getAttribute('src')).toBe('https://news.example.com/zh/2020/img/a.jpg');
  });

  it('without a base URL, drops relative links (keeping their text) and relative images', () => {
    const { html } = clean('<p><a href="/a.html">旧文</a><img src="/b.jpg"></p>');
    expect(html).toBe('<p>旧文</p>');
  });

  it('unwraps page-internal #fragment links and repairs doubled URL prefixes', () => {
    const { html } = clean('<p><a href="#jump">跳</a> <a href="https://www.economist.comhttps://projects.example.com/forecast">预测</a></p>', { baseUrl: BASE });
    expect(html).toBe('<p>跳 <a href="https://projects.example.com/forecast" target="_blank" rel="noopener noreferrer nofollow">预测</a></p>');
  });
});

describe('cleanArticleBody: empty wrappers and line breaks', () => {
  it('removes elements left empty and collapses runs of <br>', () => {
    const { html } = clean('<div><p> </p><p><br/><br/>正文<br><br><br><br>下一行<br></p><div><span></span><small style="color:#999"></small></div><a href="https://x.example/"></a></div>');
    expect(html).toBe('<p>正文<br><br>下一行</p>');
  });

  it('keeps images, rules and tables even without text', () => {
    const { html } = clean('<p>甲</p><div><img src="https://img.example/a.jpg"></div><hr><table><tbody><tr><td></td></tr></tbody></table><p>乙</p>');
    const root = parse(html);
    expect(root.querySelector('img')).not.toBeNull();
    expect(root.querySelector('hr')).not.toBeNull();
    expect(root.querySelector('td')).not.toBeNull();
  });
});

describe('cleanArticleBody: the title heading', () => {
  const caa =
    '<article class="vce-single post"><header class="entry-header"><span class="meta-category"><a href="https://site.example/cat">出版</a></span>' +
    '<h1 class="entry-title"> INS 第1期｜《论90后/00后的文化》 </h1><div class="entry-meta"><div class="meta-item date"><span class="updated">2017-07-16</span></div>' +
    '<div class="meta-item views">1,434 Views</div></div></header><div class="entry-content"><p>正文。</p></div>' +
    '<footer class="entry-footer"><div class="meta-tags"><a href="https://site.example/tag/x" rel="tag">标签</a></div></footer></article>';

  it('removes the WordPress entry header when its heading repeats the title, punctuation aside', () => {
    const { html, text } = clean(caa, { title: 'INS 第1期 |《论90后-00后的文化》' });
    expect(html).toBe('<p>正文。</p>');
    expect(text).toBe('正文。');
  });

  it('keeps a different heading (as h2) and never the category, date, view count or tags', () => {
    const { html, text } = clean(caa, { title: '另一个标题' });
    expect(parse(html).querySelector('h2')?.textContent?.trim()).toBe('INS 第1期｜《论90后/00后的文化》');
    expect(text).toBe('INS 第1期｜《论90后/00后的文化》\n正文。');
  });

  it('does not remove a heading that is the whole body', () => {
    expect(clean('<h2>只有标题</h2>', { title: '只有标题' }).text).toBe('只有标题');
  });
});

describe('cleanArticleBody: what stays', () => {
  it('keeps the date line at the top (RFI) as the first line of the text', () => {
    const { html, text } = clean('<div>26/09/2023 - 11:37</div><img src="https://s.example.fr/media/a.jpg"><p><strong>导语。</strong></p><div><p>正文。</p></div>');
    expect(text.split('\n')[0]).toBe('26/09/2023 - 11:37');
    expect(html.startsWith('<div>26/09/2023 - 11:37</div>')).toBe(true);
  });

  it('keeps paragraphs, figures with captions, tables, blockquotes and links', () => {
    const body =
      '<p>正文<a href="https://x.example/a">链接</a>。</p><figure><img src="https://img.example/a.jpg" alt="替代文字"><figcaption>图片说明</figcaption></figure>' +
      '<table><tbody><tr><th>项</th><td>值</td></tr></tbody></table><blockquote><p>引述的话。</p></blockquote>';
    const { html, text } = clean(body);
    const root = parse(html);
    expect(root.querySelector('figure figcaption')?.textContent).toBe('图片说明');
    expect(root.querySelector('table td')?.textContent).toBe('值');
    expect(root.querySelector('blockquote p')?.textContent).toBe('引述的话。');
    expect(root.querySelector('a')?.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    expect(text).toBe('正文链接。\n图片说明\n项 值\n引述的话。');
  });

  it('turns a div holding an image and its caption into a figure (BBC, RFA)', () => {
    const { html } = clean('<div class="media-landscape"><span><img src="https://img.example/a.jpg"></span><figcaption><span class="off-screen">Image caption</span>说明</figcaption></div>');
    expect(html).toBe('<figure><img src="https://img.example/a.jpg" loading="lazy" referrerpolicy="no-referrer"><figcaption>说明</figcaption></figure>');
  });

  it('joins a caption to the image-only block right before it (zaobao)', () => {
    const { html } = clean('<div><div class="figure-media"><img src="https://img.example/a.jpg" alt="图"></div>   <figcaption>说明</figcaption>  <p>正文。</p></div>');
    expect(html.replace(/>\s+</g, '><')).toBe('<figure><img src="https://img.example/a.jpg" alt="图" loading="lazy" referrerpolicy="no-referrer"><figcaption>说明</figcaption></figure><p>正文。</p>');
  });

  it('renames section/article/header containers to div so their text keeps its own line', () => {
    expect(clean('<section>第一节</section><article>第二节</article>').text).toBe('第一节\n第二节');
  });
});

describe('cleanArticleBody: plain text', () => {
  it('puts one block per line, collapses whitespace and never leaves blank lines', () => {
    const { text } = clean('<div>\n  <p>  第一段   文字\n 继续 </p>\n\n<p></p><h2>标题</h2><ul><li>一</li><li>二</li></ul>第三<br>第四</div>');
    expect(text).toBe('第一段 文字 继续\n标题\n一\n二\n第三\n第四');
  });

  it('leaves out image alt text but includes captions', () => {
    const { text } = clean('<figure><img src="https://img.example/a.jpg" alt="不要我"><figcaption>要我</figcaption></figure>');
    expect(text).toBe('要我');
  });

  it('does not put spaces between inline elements', () => {
    expect(clean('<p>“<span>S</span><small>OMEONE’S</small> <b>busy</b>”</p>').text).toBe('“SOMEONE’S busy”');
  });
});

describe('cleanArticleBody: XSS payloads', () => {
  it.each([
    ['<script>', '<p>字</p><script>document.cookie</script>', /<script|cookie/i],
    ['onerror on an image', '<p>字<img src="https://img.example/a.jpg" onerror="alert(1)"></p>', /onerror/i],
    ['onclick on a paragraph', '<p onclick="alert(1)">字</p>', /onclick/i],
    ['javascript: in href', '<p><a href="javascript:alert(1)">字</a></p>', /javascript/i],
    ['JaVaScRiPt: in href', '<p><a href="JaVaScRiPt:alert(1)">字</a></p>', /javascript/i],
    ['entity-encoded javascript:', '<p><a href="&#x6A;avascript&colon;alert(1)">字</a></p>', /javascript|href/i],
    ['data: in src', '<p>字<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+"></p>', /data:|<img/i],
    ['data: in href', '<p><a href="data:text/html,<script>alert(1)</script>">字</a></p>', /data:|href/i],
    ['<style> and style attributes', '<style>*{x:y}</style><p style="color:red">字</p>', /style/i],
    ['forms', '<form action="https://evil.example/"><input value="x"><button>按</button><p>表单</p></form><p>字</p>', /<form|<input|<button|按|表单/i],
    ['<iframe>', '<iframe src="https://evil.example/"></iframe><p>字</p>', /iframe/i],
    ['<object> and <embed>', '<object data="x.swf"></object><embed src="x.swf"><p>字</p>', /object|embed/i],
    ['<base>', '<base href="https://evil.example/"><p>字</p>', /base/i],
    ['<meta http-equiv=refresh>', '<meta http-equiv="refresh" content="0;url=https://evil.example/"><p>字</p>', /meta|refresh/i],
    ['<svg onload>', '<svg onload="alert(1)"></svg><p>字</p>', /svg|onload/i],
    ['<math>', '<math><mi xlink:href="javascript:alert(1)">x</mi></math><p>字</p>', /math|javascript/i],
    ['mXSS through svg and style', '<svg><p><style><img src=x onerror=alert(1)></style></p></svg><p>字</p>', /onerror|alert/i],
    ['mXSS through noscript', '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript><p>字</p>', /onerror|alert/i],
  ])('neutralizes %s', (_name, body, forbidden) => {
    const { html, text } = clean(body);
    expect(html).not.toMatch(forbidden);
    expect(text).toContain('字');
    expect(text).not.toMatch(/alert|cookie/);
  });
});

describe('cleanArticleBody: robustness', () => {
  it('flattens 100,000 nested <div>s without throwing and reports it', () => {
    const { html, text, deepNesting } = clean(`${'<div>'.repeat(100_000)}深处的字${'</div>'.repeat(100_000)}<p>后面</p>`);
    expect(deepNesting).toBe(true);
    expect(text).toBe('深处的字\n后面');
    expect(maxDepth(parse(html))).toBeLessThanOrEqual(MAX_NESTING_DEPTH);
  });

  it('survives 50,000 unclosed tags of mixed kinds, and self-closed divs', () => {
    for (const body of ['<b><i><span>'.repeat(50_000) + '字', '<div/>'.repeat(50_000) + '字', '<p><font>'.repeat(50_000) + '字']) {
      const { html, text, deepNesting } = clean(body);
      expect(deepNesting).toBe(true);
      expect(text).toContain('字');
      expect(maxDepth(parse(html))).toBeLessThanOrEqual(MAX_NESTING_DEPTH);
    }
  });

  it('keeps the parser from reopening thousands of unclosed formatting tags in every paragraph', () => {
    let body = '';
    for (let i = 0; i < 3000; i++) body += `<p><b class="c${i}">字`;
    const { html, text, deepNesting } = clean(body);
    expect(deepNesting).toBe(true);
    expect(text.match(/字/g)).toHaveLength(3000);
    // Without the cap every paragraph would hold all earlier <b>s: ~4.5 million elements.
    expect(parse(html).getElementsByTagName('*').length).toBeLessThan(20_000);
  });

  it('flattens tables nested through stray end tags in cells', () => {
    const { text, deepNesting } = clean('<div><table><tr><td>字</div>'.repeat(5000));
    expect(deepNesting).toBe(true);
    expect(text.match(/字/g)).toHaveLength(5000);
  });

  it('handles ordinary unclosed tags without flattening anything', () => {
    const { html, deepNesting } = clean('<p>第一段<p>第二段<ul><li>一<li>二</ul><p>最后<b>粗体');
    expect(deepNesting).toBe(false);
    expect(html).toBe('<p>第一段</p><p>第二段</p><ul><li>一</li><li>二</li></ul><p>最后<b>粗体</b></p>');
  });

  it('returns empty results for empty, blank and tag-only bodies', () => {
    for (const body of ['', '   \n ', '<div><span></span></div>']) {
      expect(clean(body)).toEqual({ html: '', text: '', truncated: false, deepNesting: false, visibleChars: 0, spared: 0 });
    }
  });

  it('gives the same result when one environment cleans many bodies in a row', () => {
    const body = '<p>正文<a href="/x">链</a></p><div id="dfp-ad-1"></div>';
    const first = clean(body, { baseUrl: BASE });
    for (let i = 0; i < 100; i++) expect(clean(`<p>第${i}篇</p>`).text).toBe(`第${i}篇`);
    expect(clean(body, { baseUrl: BASE })).toEqual(first);
  });
});

describe('cleanArticleBody: maxHtmlChars', () => {
  const paragraphs = Array.from({ length: 50 }, (_, i) => `<p>第${i}段的文字内容。</p>`).join('');

  it('cuts the HTML at an element boundary and leaves the text whole', () => {
    const { html, text, truncated } = clean(paragraphs, { maxHtmlChars: 200 });
    expect(truncated).toBe(true);
    expect(html.length).toBeLessThanOrEqual(200);
    expect(html).toMatch(/^(<p>第\d+段的文字内容。<\/p>)+$/);
    expect(parse(html).innerHTML).toBe(html);
    expect(text.split('\n')).toHaveLength(50);
  });

  it('descends into a single large wrapper instead of dropping everything', () => {
    const { html, truncated } = clean(`<blockquote>${paragraphs}</blockquote>`, { maxHtmlChars: 300 });
    expect(truncated).toBe(true);
    expect(html.length).toBeLessThanOrEqual(300);
    expect(html.startsWith('<blockquote><p>第0段的文字内容。</p>')).toBe(true);
    expect(parse(html).innerHTML).toBe(html);
  });

  it('reports nothing when the HTML fits', () => {
    expect(clean('<p>短</p>', { maxHtmlChars: 100 }).truncated).toBe(false);
  });
});

/** Splits an archive file into its body: front matter, `<!--epoch-->` and `[title](url)` + `------` headers removed. */
function splitArchiveFile(text: string): { body: string; title: string; url: string } {
  let body = text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  let title = '';
  let url = '';
  if (body.startsWith('---\n')) {
    const end = body.indexOf('\n---', 4);
    if (end !== -1) {
      const frontMatter = body.slice(4, end);
      title = /^title:\s*"?(.*?)"?\s*$/m.exec(frontMatter)?.[1] ?? '';
      url = /^from:\s*(\S+)/m.exec(frontMatter)?.[1] ?? '';
      body = body.slice(end + 4).replace(/^[^\n]*\n/, '');
    }
  }
  body = body.replace(/^\s*<!--\d+-->[ \t]*\n?/, '');
  const header = /^\[(.*)\]\((.*)\)\n-{3,}\n/.exec(body);
  if (header) {
    title ||= header[1] ?? '';
    url ||= header[2] ?? '';
    body = body.slice(header[0].length);
  }
  return { body, title, url };
}

describe('cleanArticleBody on the real archive', () => {
  it('leaves no script, handler, javascript: URL, style, ad slot, paywall link or feed footer in any file', () => {
    const files = readdirSync(SHARED_CORPUS).filter((name) => name.endsWith('.md'));
    expect(files.length).toBeGreaterThan(3000);
    const forbidden: Array<[string, RegExp]> = [
      ['<script', /<script/i],
      ['event handler', / on\w+=/i],
      ['javascript:', /javascript:/i],
      ['style=', /style=/i],
      ['dfp-ad', /dfp-ad/],
      ['subscribe.sph.com.sg', /subscribe\.sph\.com\.sg/],
      ['获取更多RSS', /获取更多RSS/],
      ['feedx', /feedx/],
      ['facebook share dialog', /facebook\.com\/dialog\/share/],
    ];
    const failures: string[] = [];
    let withText = 0;
    for (const file of files) {
      const { body, title, url } = splitArchiveFile(readFileSync(path.join(SHARED_CORPUS, file), 'utf8'));
      const result = cleanArticleBody(body, { document: env.document, purify: env.purify, baseUrl: url || undefined, title });
      for (const [name, pattern] of forbidden) if (pattern.test(result.html)) failures.push(`${file}: ${name}`);
      if (/获取更多RSS|Feed enhanced by|Post tags:/.test(result.text)) failures.push(`${file}: footer text`);
      if (result.text.trim() !== '') withText++;
    }
    expect(failures).toEqual([]);
    expect(withText / files.length).toBeGreaterThanOrEqual(0.99);
  });
});

describe('cleanArticleBody: customized built-in elements', () => {
  it('stores no is= attribute, not even an empty one', () => {
    const { html } = clean('<div is="x-evil"><p is="y-evil">正文第一段。</p><p>正文第二段。</p></div>');
    expect(html).not.toMatch(/\bis=/);
    expect(parse(html).textContent).toContain('正文第一段。');
  });
});
