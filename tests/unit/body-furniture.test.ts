import { describe, expect, it } from 'vitest';
import {
  classifyBoilerplate,
  isFeedPromoUrl,
  isFurnitureImage,
  isFurnitureToken,
  isShareUrl,
  isSubscribeUrl,
  titleKey,
  type ImageFacts,
} from '../../src/lib/article/body-furniture.ts';

describe('isFurnitureToken', () => {
  it.each(['ad', 'ads', 'dfp-ad-imu1-wrapper', 'dfp-tag-wrapper', 'innity-in-post', 'imu', 'gpt-ad-slot-2', 'bbccom_mpu_3', 'mpu-ad', 'o-ads',
    'in-article-advert', 'm-block-ad__label', 'cx_paywall_placeholder', 'o-self-promo', 'sharedaddy', 'share-facebook', 'sd-social-icon',
    'off-screen', 'entry-meta', 'zoomattribute', 'StandardArticleBody_trustBadgeContainer'])('%s is furniture', (token) => {
    expect(isFurnitureToken(token)).toBe(true);
  });

  it.each(['lead', 'head', 'thread', 'upload', 'story-body', 'image-caption', 'social-embed', 'media-landscape', 'entry-content', 'Attribution_container'])(
    '%s is not',
    (token) => {
      expect(isFurnitureToken(token)).toBe(false);
    },
  );
});

describe('isShareUrl', () => {
  it.each([
    'https://www.facebook.com/dialog/share?app_id=1',
    'https://www.facebook.com/sharer/sharer.php?u=x',
    'whatsapp://send?text=x',
    'https://web.whatsapp.com/send?text=x',
    'https://x.com/intent/tweet?url=x',
    'https://twitter.com/share?url=x',
    'http://service.weibo.com/share/share.php?url=x',
    'https://social-plugins.line.me/lineit/share?url=x',
    'https://t.me/share/url?url=x',
    'http://del.icio.us/post?url=x',
    'https://site.example/archives/1?share=telegram',
  ])('%s is a share link', (href) => {
    expect(isShareUrl(href)).toBe(true);
  });

  it.each(['https://twitter.com/reporter', 'https://www.facebook.com/reporter/posts/1', 'https://weibo.com/12345', 'https://example.org/shareholders'])(
    '%s is not',
    (href) => {
      expect(isShareUrl(href)).toBe(false);
    },
  );
});

describe('other link tests', () => {
  it('recognizes the feedx relay and subscription targets', () => {
    expect(isFeedPromoUrl('https://feedx.net')).toBe(true);
    expect(isFeedPromoUrl('https://feedx.best/rss')).toBe(true);
    expect(isFeedPromoUrl('https://example.org/feedx.html')).toBe(false);
    expect(isSubscribeUrl('https://subscribe.sph.com.sg/promotions/x')).toBe(true);
    expect(isSubscribeUrl('https://sso.nytcn.me/email/?source=top')).toBe(true);
    expect(isSubscribeUrl('https://www.example.com/news/economy')).toBe(false);
  });
});

describe('isFurnitureImage', () => {
  const image = (facts: Partial<ImageFacts>): ImageFacts => ({ src: 'https://img.example/a.jpg', alt: '', width: null, height: null, style: '', hasPingerMark: false, ...facts });

  it('flags pixels, trackers, icons, spacers and paywall banners', () => {
    expect(isFurnitureImage(image({ width: '1', height: '1' }))).toBe(true);
    expect(isFurnitureImage(image({ height: '0' }))).toBe(true);
    expect(isFurnitureImage(image({ style: 'width:1px;height:1px' }))).toBe(true);
    expect(isFurnitureImage(image({ src: 'https://ir-na.amazon-adsystem.com/e/ir?t=x' }))).toBe(true);
    expect(isFurnitureImage(image({ src: 'https://www.rfa.example/++plone++rfa-resources/img/icon-zoom.png' }))).toBe(true);
    expect(isFurnitureImage(image({ alt: 'Presentational white space' }))).toBe(true);
    expect(isFurnitureImage(image({ src: 'https://static.example/freemium_images/a.png' }))).toBe(true);
    expect(isFurnitureImage(image({ hasPingerMark: true }))).toBe(true);
  });

  it('keeps ordinary photos, whatever their size attributes say', () => {
    expect(isFurnitureImage(image({ width: '100%' }))).toBe(false);
    expect(isFurnitureImage(image({ width: '624', height: '351', alt: '照片' }))).toBe(false);
  });
});

describe('classifyBoilerplate', () => {
  it.each([
    ['获取更多RSS：https://feedx.net', 'block'],
    ['分享 :', 'block'],
    ['Feed enhanced by Better Feed from Ozh', 'block'],
    ['© 作者 for 站点 |Permalink |Add toPost tags: 甲, 乙', 'block'],
    ['相关文章', 'label'],
    ['相关报道 另一篇文章', 'block-with-link'],
    ['（欢迎点击此处订阅简报，我们每天发送。）', 'block-with-link'],
    ['The podcast comes with a newsletter. Sign up here.', 'block-with-link'],
  ])('%s → %s', (text, kind) => {
    expect(classifyBoilerplate(text)).toBe(kind);
  });

  it('leaves ordinary sentences and long blocks alone', () => {
    expect(classifyBoilerplate('用户订阅数量增长，也更多地分享内容。')).toBeNull();
    expect(classifyBoilerplate(`相关报道${'很长的正文'.repeat(100)}`)).toBeNull();
  });
});

describe('titleKey', () => {
  it('ignores punctuation, spacing and width differences', () => {
    expect(titleKey(' INS #1 |《论90后/00后》 ')).toBe(titleKey('INS #1 |《论90后-00后》'));
    expect(titleKey('ＡＢＣ　新闻')).toBe(titleKey('abc新闻'));
    expect(titleKey('甲')).not.toBe(titleKey('乙'));
  });
});
