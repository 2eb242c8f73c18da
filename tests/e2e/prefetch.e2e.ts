import { decodePack } from '../../src/lib/search/format/term-packs.ts';
import { expect, resultCount, test } from './fixtures.ts';

/**
 * The hosted page fetches the whole vocabulary (a few megabytes) once the visitor has searched
 * for words, in packs of neighbouring parts. Over the real archive (`/corpus/`): hundreds of
 * parts, of which a query needs a few.
 */
test('after a first search, the vocabulary is fetched ahead in packs and new words need no round trip', async ({ page, search }) => {
  // About a thousand parts in packs of eight: a loaded machine needs more than the default bounds.
  test.setTimeout(120_000);
  /** Parts (by hash) the page has received, one by one or in a pack; and the requests that brought them. */
  const parts = new Set<string>();
  let requests = 0;
  page.context().on('response', async (response) => {
    const file = new URL(response.url()).pathname.split('/').pop()!;
    if (!/^(terms|pack)-[0-9a-z]+\.bin$/.test(file) || !response.ok()) return;
    requests++;
    if (file.startsWith('terms-')) parts.add(file.slice('terms-'.length, -'.bin'.length));
    else for (const hash of decodePack(await response.body()).keys()) parts.add(hash);
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
  // Packs of eight: far fewer requests than parts.
  expect(requests).toBeLessThan(total / 4);

  // From now on the vocabulary never touches the network: a new word still finds its articles.
  await page.context().route(/\/corpus\/data\/(terms|dir|pack)-[^/]+\.bin$/, (route) => route.abort('connectionrefused'));
  await search('蔡英文 台湾');
  expect(await resultCount(page)).toBeGreaterThan(0);
  await expect(page.locator('.notice .error')).toHaveCount(0);
});
