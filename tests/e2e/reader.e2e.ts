import type { Page } from '@playwright/test';
import { expect, results, test } from './fixtures.ts';

/** Id of the fixture article with this title (ids come from the index, not from the test). */
async function idOf(page: Page, title: string): Promise<string> {
  const manifest = (await (await page.request.get('data/manifest.json')).json()) as { newest: Array<{ id: string; title: string }> };
  return manifest.newest.find((article) => article.title === title)!.id;
}

test.describe('the reader', () => {
  test('opens in the page, takes focus, and gives it back to the result on Escape', async ({ page, search, filterByOutlet, openResult }) => {
    await page.goto('./');
    await search('王毅');
    await filterByOutlet('自由亚洲电台');
    const reader = await openResult(0);
    await expect(reader.getByRole('heading', { level: 2 })).toHaveText('北约秘书长呼吁北京就核武展开对话');
    await expect(reader.getByText('自由亚洲电台', { exact: true })).toBeVisible();
    await expect(reader.locator('article time')).toHaveText('2021年9月28日');
    await expect(page).toHaveURL(/#a=[0-9a-z]+$/);
    await expect(reader.getByRole('button', { name: '关闭' })).toBeFocused();

    const original = reader.getByRole('link', { name: '阅读原文' });
    await expect(original).toHaveAttribute('href', 'https://www.rfa.org/mandarin/yataibaodao/junshiwaijiao/test-09282021.html');
    await expect(original).toHaveAttribute('target', '_blank');
    await expect(original).toHaveAttribute('rel', 'noopener noreferrer nofollow');
    // The query's words are marked in the body too.
    await expect(reader.locator('.body mark').first()).toHaveText('王毅');

    await page.keyboard.press('Escape');
    await expect(reader).toBeHidden();
    await expect(results(page).nth(0).getByRole('link')).toBeFocused();
    await expect(page).not.toHaveURL(/#a=/);
  });

  test('opens from a shared #a= link and closes with Back', async ({ page }) => {
    const id = await idOf(page, '外长会谈聚焦北约与亚太安全');
    await page.goto(`./?q=${encodeURIComponent('北约')}#a=${id}`);
    const reader = page.getByRole('dialog');
    await expect(reader.getByRole('heading', { level: 2 })).toHaveText('外长会谈聚焦北约与亚太安全');
    await reader.getByRole('button', { name: '关闭' }).click();
    await expect(reader).toBeHidden();
    await expect(page.getByRole('searchbox')).toBeFocused();

    await results(page).first().getByRole('link').click();
    await expect(reader).toBeVisible();
    await page.goBack();
    await expect(reader).toBeHidden();
  });

  test('says so when a shared link names an article the index does not have', async ({ page }) => {
    await page.goto('./#a=zzzzzzzzzz');
    await expect(page.getByRole('dialog').getByRole('heading', { name: '找不到这篇文章，链接可能已失效。' })).toBeVisible();
  });

  test('lists the same story from other outlets and opens it', async ({ page, search, openResult }) => {
    await page.goto('./');
    await search('外长会谈');
    const reader = await openResult(0);
    await expect(reader.getByRole('heading', { level: 2 })).toHaveText('外长会谈聚焦北约与亚太安全');
    const related = reader.getByRole('region', { name: '其他媒体的同题报道' });
    await expect(related.getByRole('listitem')).toHaveCount(1);
    // The rfi article about 王毅 and 北约 is from 2023: not the same story.
    await expect(related.getByRole('link')).toHaveText('北约秘书长呼吁北京就核武展开对话');
    await expect(related).toContainText('自由亚洲电台');
    await related.getByRole('link').click();
    await expect(reader.getByRole('heading', { level: 2 })).toHaveText('北约秘书长呼吁北京就核武展开对话');
    await expect(reader.getByRole('heading', { level: 2 })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(reader).toBeHidden();
    await expect(page).not.toHaveURL(/#a=/);
  });
});

test.describe('untrusted article HTML', () => {
  test('is sanitized in the reader: no scripts, handlers, javascript: links, styles or forms', async ({ page, search, openResult }) => {
    await page.goto('./');
    await search('恶意代码');
    await expect(results(page).first().locator('mark').first()).toBeVisible();
    const reader = await openResult(0);
    const body = reader.locator('.body');
    await expect(body).toContainText('恶意代码测试结束');

    const findings = await body.evaluate((root) => {
      const elements = [...root.querySelectorAll('*')];
      return {
        forbiddenTags: elements.filter((el) => /^(script|style|form|input|button|iframe|object|embed|svg|math|base|meta|link|noscript)$/i.test(el.localName)).map((el) => el.localName),
        handlerAttributes: elements.flatMap((el) => el.getAttributeNames().filter((name) => name.startsWith('on'))),
        styleAttributes: elements.filter((el) => el.hasAttribute('style')).length,
        badUrls: elements.flatMap((el) => ['href', 'src', 'action', 'formaction', 'xlink:href'].map((name) => el.getAttribute(name)).filter((v): v is string => v !== null && !/^https?:\/\//i.test(v))),
        links: [...root.querySelectorAll('a')].map((a) => ({ href: a.getAttribute('href'), target: a.getAttribute('target'), rel: a.getAttribute('rel') })),
        images: [...root.querySelectorAll('img')].map((img) => ({ loading: img.getAttribute('loading'), referrerpolicy: img.getAttribute('referrerpolicy') })),
      };
    });
    expect(findings.forbiddenTags).toEqual([]);
    expect(findings.handlerAttributes).toEqual([]);
    expect(findings.styleAttributes).toBe(0);
    expect(findings.badUrls).toEqual([]);
    expect(findings.links.length).toBeGreaterThan(0);
    for (const link of findings.links) expect(link).toMatchObject({ target: '_blank', rel: 'noopener noreferrer nofollow' });
    expect(findings.images.length).toBeGreaterThan(0);
    for (const image of findings.images) expect(image).toEqual({ loading: 'lazy', referrerpolicy: 'no-referrer' });

    // Clicking what is left runs nothing either.
    for (const link of await body.getByRole('link').all()) await link.click({ modifiers: ['Shift'], trial: true });
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
  });

  test('never runs in results, snippets or the reader', async ({ page, search, openResult }) => {
    await page.goto('./');
    for (const text of ['恶意代码', '欧盟 预算', '点击这里', '样式攻击']) {
      await search(text);
      await expect(results(page).first()).toBeVisible();
      if (text === '欧盟 预算') await expect(results(page).first().getByRole('link')).toContainText('<script>');
      const reader = await openResult(0);
      await page.keyboard.press('Escape');
      await expect(reader).toBeHidden();
    }
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    // The style attack would have hidden the whole page.
    await expect(page.getByRole('searchbox')).toBeVisible();
  });
});

test.describe('a malformed article link', () => {
  test('says not found, as for a well-formed unknown id', async ({ page }) => {
    await page.goto('./#a=..%2F%3Cscript%3E');
    await expect(page.getByRole('dialog').getByRole('heading', { name: '找不到这篇文章，链接可能已失效。' })).toBeVisible();
  });
});
