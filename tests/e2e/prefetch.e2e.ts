import { expect, resultCount, test } from './fixtures.ts';

/**
 * The hosted page fetches the whole vocabulary (a few megabytes) once the visitor has searched
 * for words. Over the real archive (`/corpus/`): hundreds of parts, of which a query needs a few.
 */
test('after a first search, the vocabulary is fetched ahead and new words need no round trip', async ({ page, search }) => {
  // About a thousand parts, three at a time: a loaded machine needs well over the default bounds.
  test.setTimeout(120_000);
  const parts = new Set<string>();
  page.context().on('request', (request) => {
    if (/\/data\/terms-[^/]+\.bin$/.test(request.url())) parts.add(new URL(request.url()).pathname);
  });
  await page.goto('./corpus/');
  // The manifest lists the part table's pages, each with its number of parts.
  const manifest = (await (await page.request.get('./corpus/data/manifest.json')).json()) as { partPages: Array<[string, string, number, number]>; newestPartPages: Array<[string, string, number, number]> };
  const total = [...manifest.partPages, ...manifest.newestPartPages].reduce((sum, page) => sum + page[2], 0);
  expect(total).toBeGreaterThan(100);
  await search('王毅');
  const afterFirst = parts.size;
  expect(afterFirst).toBeLessThan(total);
  await expect.poll(() => parts.size, { timeout: 80_000 }).toBe(total);

  // From now on the vocabulary never touches the network: a new word still finds its articles.
  await page.context().route(/\/corpus\/data\/(terms|dir)-[^/]+\.bin$/, (route) => route.abort('connectionrefused'));
  await search('蔡英文 台湾');
  expect(await resultCount(page)).toBeGreaterThan(0);
  await expect(page.locator('.notice .error')).toHaveCount(0);
});
