// @vitest-environment jsdom
/**
 * The App's search state against a fake worker: queries, answers to older searches dropped,
 * errors and their Retry, the URL read and written, "Load more", the head start taken over, the
 * reader. (jsdom: the state reads `navigator`, `location` and `history`, and Svelte's client
 * runtime keeps its `$derived` values current.)
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { HeadStart } from '../../src/ui/client/head-start.ts';
import { ZH_HANS } from '../../src/ui/i18n/i18n.ts';
import { HistorySync } from '../../src/ui/state/history-sync.ts';
import { SearchState, type SearchEvent, type SearchStateOptions } from '../../src/ui/state/search-state.svelte.ts';
import type { ArticleBody } from '../../src/protocol/worker-protocol.ts';
import { facetValues } from '../../src/ui/state/facet-values-list.ts';
import { answerOf, connection, FakeSearchWorker, settle, testManifest, workerError } from './support/fake-search-worker.ts';

let worker: FakeSearchWorker;
let events: SearchEvent[];
let stops: Array<() => void>;

beforeEach(() => {
  worker = new FakeSearchWorker();
  events = [];
  stops = [];
  history.replaceState(null, '', '/');
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(() => {
  for (const stop of stops) stop();
  vi.restoreAllMocks();
});

/** A started state on the fake worker (pages of 3: the manifest's newest list the first page), its index open (unless `open` is false). */
async function started(options: Partial<SearchStateOptions> = {}, extra: Parameters<typeof connection>[1] = {}, open = true): Promise<SearchState> {
  const state = new SearchState({ indexUrl: 'https://example.org/data/', lang: 'zh-Hans', pageSize: 3, onEvent: (event) => events.push(event), ...options }, connection(worker, extra));
  stops.push(state.start());
  if (open && !extra.opening) {
    worker.last('open').resolve(testManifest());
    await settle();
  }
  return state;
}

describe('queries', () => {
  test('typed words are searched (progressively), and the answer, its count and its event are shown', async () => {
    const state = await started();
    state.setText('选举');
    expect(state.isBusy).toBe(true);
    await settle();
    const search = worker.last('search');
    expect(search.params.query).toMatchObject({ text: '选举', limit: 3, sort: 'relevance' });
    expect('progressive' in search.params && search.params.progressive).toBe(true);
    search.resolve(answerOf([5, 7], 2));
    await settle();
    expect(state.rows).toEqual([5, 7]);
    expect(state.answerText).toBe('选举');
    expect(state.isBusy).toBe(false);
    expect(state.statusText).toBe(ZH_HANS.count(2, false));
    expect(events).toContainEqual({ type: 'query', detail: { query: '选举', total: 2 } });
  });

  test('the results shown are marked stale while a newer search runs (the page dims them), until its answer', async () => {
    const state = await started();
    expect(state.isStale).toBe(false);
    state.toggleOutlet('法广');
    expect(state.isStale).toBe(true);
    worker.last('search').resolve(answerOf([5], 1));
    await settle();
    expect(state.isStale).toBe(false);
    // A second outlet, so that the search is not the bare listing (answered at once from the manifest).
    state.toggleOutlet('美国之音');
    expect(state.isStale).toBe(true);
    worker.last('search').reject(workerError('unavailable'));
    await settle();
    expect(state.isStale).toBe(false);
  });

  test('the bare listing comes from the manifest, without asking the worker', async () => {
    const state = await started();
    expect(worker.requests('search')).toHaveLength(0);
    expect(state.rows).toEqual([0, 1, 2]);
    expect(state.statusText).toBe(ZH_HANS.allCount(40));
  });

  test('a filter is a committed change: searched at once with the outlet', async () => {
    const state = await started();
    state.toggleOutlet('法广');
    expect(worker.last('search').params.query).toMatchObject({ text: '', filters: { outlet: ['法广'] } });
    expect(state.hasFilters).toBe(true);
    state.setDateRange('2026-02-01', '2025-01-01');
    expect(worker.last('search').params.query).toMatchObject({ from: '2025-01-01', to: '2026-02-01' });
    state.clearFilters();
    expect(state.hasFilters).toBe(false);
  });

  test('author and tag filters are searched with the outlet in one filters object; a chip removes its one value', async () => {
    const state = await started();
    state.toggleFilter('tag', '香港');
    state.toggleFilter('author', '王小明');
    state.toggleOutlet('法广');
    expect(worker.last('search').params.query.filters).toEqual({ outlet: ['法广'], author: ['王小明'], tag: ['香港'] });
    const answer = answerOf([5], 1);
    worker.last('search').resolve({ ...answer, facets: { ...answer.facets, counts: { ...answer.facets.counts, author: { 王小明: 1, 李四: 2 } }, unknown: { tag: ['香港'] } } });
    await settle();
    // The results first; the filter panel's counts after the next paint.
    expect(state.rows).toEqual([5]);
    expect(state.panelFacets).not.toBe(state.answer?.facets);
    await vi.waitFor(() => expect(state.panelFacets).toBe(state.answer?.facets));
    expect(facetValues(state.panelFacets ?? undefined, state.facetTables?.['author'], 'author')).toEqual([
      { name: '李四', count: 2 },
      { name: '王小明', count: 1 },
    ]);
    expect([...state.unknownValues('tag')]).toEqual(['香港']);
    expect(state.activeFilters.map((chip) => [chip.facet, chip.value, chip.isUnknown])).toEqual([
      ['tag', '香港', true],
      ['author', '王小明', false],
      ['outlet', '法广', false],
    ]);
    state.removeFilter(state.activeFilters[1]!);
    expect(worker.last('search').params.query.filters).toEqual({ outlet: ['法广'], tag: ['香港'] });
    state.clearAllFilters();
    expect(state.filters).toEqual({});
  });

  test("the reader's author link closes the reader and narrows the search to that author alone", async () => {
    const state = await started();
    state.toggleFilter('author', '李四');
    state.openArticle(4, 'd4');
    expect(state.reader).not.toBeNull();
    expect(state.filterHref('author', '王小明')).toBe('?author=%E7%8E%8B%E5%B0%8F%E6%98%8E');
    state.filterBy('author', '王小明');
    expect(state.reader).toBeNull();
    expect(worker.last('search').params.query.filters).toEqual({ author: ['王小明'] });
  });

  test('partial answers show with how much was searched, then the complete one replaces them', async () => {
    const state = await started();
    state.setText('台风');
    await settle();
    const search = worker.last('search');
    search.options.onPartial?.(answerOf([3], 1, { articles: 10, of: 40 }));
    expect(state.isPartial).toBe(true);
    expect(state.isSearching).toBe(true);
    expect(state.statusText).toBe(`${ZH_HANS.count(1, true)}${ZH_HANS.searchedSoFar(10, 40)}`);
    search.resolve(answerOf([3, 4], 2));
    await settle();
    expect(state.isPartial).toBe(false);
    expect(state.rows).toEqual([3, 4]);
  });

  test('a query typed before the index opens says it is queued, then runs', async () => {
    const state = await started({}, {}, false);
    state.setText('疫苗');
    await settle();
    expect(state.statusText).toBe(ZH_HANS.loading(ZH_HANS.loadingManifest));
    worker.last('open').resolve(testManifest());
    await settle();
    expect(state.statusText).toBe(ZH_HANS.queuedQuery);
    worker.last('search').resolve(answerOf([9], 1));
    await settle();
    expect(state.statusText).toBe(ZH_HANS.count(1, false));
  });
});

describe('typing', () => {
  test('keystrokes of one task make one search; letters mid-IME make none; Enter in the same task searches once, not twice', async () => {
    const state = await started();
    const before = worker.requests('search').length;
    state.setText('zhong', true);
    state.setText('zhongguo', true);
    await settle();
    expect(worker.requests('search')).toHaveLength(before);
    state.setText('中');
    state.setText('中国');
    await settle();
    expect(worker.requests('search').slice(before).map((request) => request.params.query.text)).toEqual(['中国']);
    state.setText('中国人');
    state.submit();
    await settle();
    expect(worker.requests('search').slice(before).map((request) => request.params.query.text)).toEqual(['中国', '中国人']);
  });
});

describe('stale answers', () => {
  test('an answer to an older search is dropped, whichever arrives last', async () => {
    const state = await started();
    events.length = 0;
    state.setText('香港');
    await settle();
    state.setText('香港 选举');
    await settle();
    const [older, newer] = worker.requests('search');
    newer!.resolve(answerOf([2], 1));
    await settle();
    older!.resolve(answerOf([8, 9], 2));
    older!.options.onPartial?.(answerOf([8], 1, { articles: 5, of: 40 }));
    await settle();
    expect(state.rows).toEqual([2]);
    expect(state.answerText).toBe('香港 选举');
    expect(events.filter((event) => event.type === 'query')).toEqual([{ type: 'query', detail: { query: '香港 选举', total: 1 } }]);
  });

  test('a failure of an older search shows no error', async () => {
    const state = await started();
    state.setText('a');
    await settle();
    state.setText('b');
    await settle();
    worker.requests('search')[0]!.reject(workerError('unavailable'));
    await settle();
    expect(state.error).toBeNull();
    expect(state.isSearching).toBe(true);
  });

  test('keystrokes in one task are coalesced into one search', async () => {
    await started();
    const state = await started();
    const before = worker.requests('search').length;
    state.setText('上');
    state.setText('上海');
    await settle();
    expect(worker.requests('search').slice(before).map((request) => request.params.query.text)).toEqual(['上海']);
  });
});

describe('errors and Retry', () => {
  test('a failed search shows its message with no count; Retry searches again and clears it', async () => {
    const state = await started();
    state.setText('地震');
    await settle();
    worker.last('search').reject(workerError('unavailable'));
    await settle();
    expect(state.error?.message).toBe('partUnavailable');
    expect(state.statusText).toBe('');
    expect(events).toContainEqual({ type: 'error', detail: { message: ZH_HANS.partUnavailable } });
    state.retry();
    expect(state.error).toBeNull();
    expect(worker.requests('search')).toHaveLength(2);
    worker.last('search').resolve(answerOf([1], 1));
    await settle();
    expect(state.statusText).toBe(ZH_HANS.count(1, false));
  });

  test('an index that cannot be opened says so; a damaged one says it is damaged; Retry opens again', async () => {
    const state = await started({}, {}, false);
    worker.last('open').reject(workerError('unavailable'));
    await settle();
    expect(state.indexStatus).toBe('error');
    expect(state.error?.message).toBe('indexUnavailable');
    expect(state.statusText).toBe('');
    state.retry();
    expect(worker.requests('open')).toHaveLength(2);
    worker.last('open').reject(workerError('corrupt'));
    await settle();
    expect(state.error?.message).toBe('indexCorrupt');
    state.retry();
    worker.last('open').resolve(testManifest());
    await settle();
    expect(state.error).toBeNull();
    expect(state.indexStatus).toBe('ready');
    expect(state.rows).toEqual([0, 1, 2]);
  });

  test('offline, a file that could not be fetched is one this device has not stored', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const state = await started();
    state.submit();
    state.setText('台湾');
    await settle();
    worker.last('search').reject(workerError('unavailable'));
    await settle();
    expect(state.error?.message).toBe('offlinePartMissing');
  });

  test('a failed "Load more" keeps the rows and retries the same page', async () => {
    const state = await started();
    state.setText('经济');
    await settle();
    worker.last('search').resolve(answerOf([1, 2], 4));
    await settle();
    void state.loadMore();
    worker.last('search').reject(workerError('unavailable'));
    await settle();
    expect(state.rows).toEqual([1, 2]);
    expect(state.error?.message).toBe('partUnavailable');
    state.retry();
    expect(worker.last('search').params.query).toMatchObject({ text: '经济', offset: 2 });
  });
});

describe('load more', () => {
  test('appends the next page; a page for an older search is dropped', async () => {
    const state = await started({ pageSize: 2 });
    state.setText('贸易');
    await settle();
    worker.last('search').resolve(answerOf([1, 2], 5));
    await settle();
    expect(state.hasMore).toBe(true);
    const loading = state.loadMore();
    expect(state.isLoadingMore).toBe(true);
    expect(worker.last('search').params.query).toMatchObject({ offset: 2, limit: 2 });
    worker.last('search').resolve(answerOf([3, 4], 5));
    await loading;
    expect(state.rows).toEqual([1, 2, 3, 4]);
    expect(state.isLoadingMore).toBe(false);

    void state.loadMore();
    const stalePage = worker.last('search');
    state.submit();
    stalePage.resolve(answerOf([5], 5));
    await settle();
    expect(state.rows).toEqual([1, 2, 3, 4]);
  });
});

describe('the URL', () => {
  test('the search and the article are read from the URL, and changes are written back', async () => {
    history.replaceState(null, '', '/?q=%E9%80%89%E4%B8%BE&outlet=%E6%B3%95%E5%B9%BF&sort=newest#a=x7');
    const state = await started({ history: HistorySync });
    expect(state.text).toBe('选举');
    expect(state.outlets).toEqual(['法广']);
    expect(worker.last('search').params.query).toMatchObject({ text: '选举', filters: { outlet: ['法广'] }, sort: 'newest' });
    expect(worker.last('article').params).toEqual({ id: 'x7' });
    expect(state.reader?.id).toBe('x7');

    state.toggleOutlet('美国之音');
    const params = new URLSearchParams(location.search);
    expect(params.getAll('outlet')).toEqual(['法广', '美国之音']);
    expect(params.get('q')).toBe('选举');
    expect(location.hash).toBe('#a=x7');
  });

  test('Back restores the earlier search and closes the reader', async () => {
    const state = await started({ history: HistorySync });
    state.setText('水灾');
    await settle();
    state.submit();
    state.openArticle(4, 'd4');
    expect(location.hash).toBe('#a=d4');
    const searches = worker.requests('search').length;
    history.replaceState(null, '', '/?q=%E5%8F%B0%E9%A3%8E&sort=oldest');
    dispatchEvent(new PopStateEvent('popstate'));
    expect(state.text).toBe('台风');
    expect(state.sort).toBe('oldest');
    expect(worker.requests('search')).toHaveLength(searches + 1);
    expect(worker.last('search').params.query).toMatchObject({ text: '台风', sort: 'oldest' });
    expect(state.reader).toBeNull();
  });

  test('words typed before the App mounted win over the URL and are written to it', async () => {
    history.replaceState(null, '', '/?q=old');
    const state = await started({ history: HistorySync, typed: '新词' });
    expect(state.text).toBe('新词');
    expect(worker.last('search').params.query.text).toBe('新词');
    expect(new URLSearchParams(location.search).get('q')).toBe('新词');
  });

  test('an article link keeps the current search', async () => {
    const state = await started({ history: HistorySync });
    state.searchText('气候');
    expect(state.articleHref('abc')).toBe(`?q=${encodeURIComponent('气候')}#a=abc`);
  });
});

describe('the head start', () => {
  function headStart(settled: HeadStart['settled'], answer: Promise<HeadStart['settled']['answer'] & object>): HeadStart {
    return { text: '王毅', answer, summaries: new Promise(() => undefined), settled, onPartial: null };
  }

  test('an answer already in is shown at construction, and the first search does not ask the worker', async () => {
    history.replaceState(null, '', '/?q=%E7%8E%8B%E6%AF%85');
    const answer = answerOf([11, 12], 2);
    const state = new SearchState({ indexUrl: './data/', lang: 'zh-Hans', history: HistorySync }, connection(worker, { headStart: headStart({ answer }, Promise.resolve(answer)) }));
    expect(state.rows).toEqual([11, 12]);
    expect(state.isSearching).toBe(false);
    stops.push(state.start());
    expect(worker.requests('search')).toHaveLength(0);
  });

  test('a head start still running is taken over: its partial answers, then its answer', async () => {
    let finish: (answer: ReturnType<typeof answerOf>) => void = () => undefined;
    const head = headStart({}, new Promise((resolve) => (finish = resolve)));
    const state = await started({ typed: '王毅' }, { headStart: head });
    expect(worker.requests('search')).toHaveLength(0);
    head.onPartial?.(answerOf([1], 1, { articles: 10, of: 40 }));
    expect(state.isPartial).toBe(true);
    finish(answerOf([1, 2], 2));
    await settle();
    expect(state.rows).toEqual([1, 2]);
    expect(state.isSearching).toBe(false);
  });

  test('a failed head start is asked of the worker again', async () => {
    const head = headStart({}, Promise.reject(workerError('bug')));
    const state = await started({ typed: '王毅' }, { headStart: head });
    await settle();
    expect(worker.last('search').params.query.text).toBe('王毅');
    expect(state.error).toBeNull();
  });
});

describe('the reader', () => {
  const body: ArticleBody = { number: 4, id: 'd4', title: '标题', outlet: '法广', author: '', date: '2026-01-01', url: '', html: '<p>正文</p>' };

  test('opens an article with its related stories, and closes it', async () => {
    const state = await started();
    state.setText('正文');
    await settle();
    state.openArticle(4, 'd4');
    expect(state.reader).toMatchObject({ id: 'd4', status: 'loading', text: '正文' });
    expect(events.at(-1)?.type).toBe('open');
    worker.last('article').resolve(body);
    await settle();
    expect(state.reader?.status).toBe('ready');
    expect(worker.last('related').params).toEqual({ number: 4 });
    worker.last('related').resolve([]);
    await settle();
    expect(state.reader?.related).toEqual([]);
    state.closeArticle();
    expect(state.reader).toBeNull();
  });

  test('an article that arrives after the reader was closed, or moved on to another, is not shown', async () => {
    const state = await started();
    state.openArticle(4, 'd4');
    state.closeArticle();
    worker.last('article').resolve(body);
    await settle();
    expect(state.reader).toBeNull();

    state.openArticle(4, 'd4');
    state.openArticle(5, 'd5');
    const [, first, second] = worker.requests('article');
    first!.resolve(body);
    await settle();
    expect(state.reader).toMatchObject({ id: 'd5', status: 'loading', article: null });
    second!.resolve({ ...body, number: 5, id: 'd5' });
    await settle();
    expect(state.reader).toMatchObject({ id: 'd5', status: 'ready', number: 5 });
    const related = { number: 9, id: 'd9', title: '相关', outlet: '法广', date: '2026-01-01', score: 1 };
    for (const request of worker.requests('related').slice(0, -1)) request.resolve([related]);
    await settle();
    expect(state.reader?.related).toBeNull();
    worker.last('related').resolve([]);
    await settle();
    expect(state.reader?.related).toEqual([]);
  });

  test('an article that cannot be loaded shows its own error; its Retry asks again', async () => {
    const state = await started();
    state.openArticle(4, 'd4');
    worker.last('article').reject(workerError('unavailable'));
    await settle();
    expect(state.reader?.status).toBe('error');
    expect(state.reader?.error?.message).toBe('articleUnavailable');
    expect(state.error).toBeNull();
    state.reader?.error?.retry();
    expect(worker.requests('article')).toHaveLength(2);
    worker.last('article').resolve(body);
    await settle();
    expect(state.reader?.status).toBe('ready');
  });
});

describe('the language', () => {
  test('switches to English once its strings are here', async () => {
    const state = await started();
    state.setLang('en');
    expect(state.lang).toBe('zh-Hans');
    await vi.waitFor(() => expect(state.lang).toBe('en'));
    expect(state.t.allCount(3)).not.toBe(ZH_HANS.allCount(3));
  });
});

describe('an answer that leaves the categorical facets out (facetsPending)', () => {
  const summaryOf = (number: number) => ({
    number,
    id: `a${number}`,
    title: `标题${number}`,
    outlet: '法广',
    date: '2026-01-01',
    url: `https://example.org/${number}`,
    text: '选举',
    titleHighlights: [],
    snippet: { text: '', start: 0, highlights: [], leadingEllipsis: false, trailingEllipsis: false },
  });
  const pending = () => ({ ...answerOf([5, 7], 2), facets: { counts: {}, dates: {}, dateBucket: 'year' as const }, facetsPending: true as const });

  /** Searches 选举, answers with the facets pending and gives the rows their summaries (as rows on screen would get them). */
  async function answered(state: SearchState): Promise<void> {
    state.setText('选举');
    await settle();
    worker.last('search').resolve(pending());
    await settle();
    expect(worker.requests('count')).toEqual([]);
    (state as unknown as { loader: { seed(summaries: unknown[]): void } }).loader.seed([5, 7].map(summaryOf));
    await settle();
  }

  test('is completed by a count once its first page shows, whose facets it takes', async () => {
    const state = await started();
    await answered(state);
    await vi.waitFor(() => expect(worker.requests('count')).toHaveLength(1));
    expect(worker.last('count').params.query).toMatchObject({ text: '选举' });
    worker.last('count').resolve(answerOf([5, 7], 2));
    await settle();
    expect(state.answer?.facets.counts).toEqual({ outlet: { 法广: 2 } });
    expect(state.answer?.facetsPending).toBeUndefined();
    expect(state.rows).toEqual([5, 7]);
  });

  test('asks for no count once the App has stopped (the request would start another worker)', async () => {
    const state = await started();
    await answered(state);
    stops.pop()!();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(worker.requests('count')).toEqual([]);
  });
});

test('stopping terminates the worker and tells the host page nothing more', async () => {
  const state = await started();
  events.length = 0;
  state.setText('x');
  await settle();
  stops.pop()!();
  expect(worker.terminated).toBe(true);
  worker.last('search').resolve(answerOf([1], 1));
  await settle();
  expect(events.filter((event) => event.type === 'query')).toEqual([]);
});

describe('the facets\' values tables', () => {
  const tables = {
    author: { names: ['李华', '王小明'], counts: [1, 2], traditional: { 0: '李華' } },
    tag: { names: ['评论'], counts: [2], traditional: { 0: '評論' } },
  };
  const column = (name: string) => ({ name, key: `${name}s`, file: 'values-0.bin', bytes: 1, values: 2, codes: 2 });

  test('are asked for once; the traditional UI then names values in traditional characters; stored names replace a traditional form selected', async () => {
    const state = await started({ lang: 'zh-Hant', initial: { filters: { author: ['李華'] } } }, {}, false);
    worker.last('open').resolve({ ...testManifest(), columns: [column('author'), column('tag')] });
    await settle();
    expect(worker.requests('facetValues')).toHaveLength(0);
    state.loadFacetValues();
    state.loadFacetValues();
    expect(worker.requests('facetValues')).toHaveLength(1);
    expect(state.valueName('author', '李华')).toBe('李华'); // not in yet
    const searches = worker.requests('search').length;
    worker.last('facetValues').resolve(tables);
    await settle();
    expect(state.valueName('author', '李华')).toBe('李華');
    expect(state.valueName('tag', '评论')).toBe('評論');
    expect(state.valueName('author', '王小明')).toBe('王小明');
    expect(state.activeFilters.map((chip) => chip.label)).toEqual(['李華']);
    // The filter panel's controls give the stored names (storedFilters).
    state.useStoredNames({ author: ['李华'] });
    expect(state.filters).toEqual({ author: ['李华'] });
    expect(worker.requests('search').length).toBe(searches + 1);
    expect(worker.last('search').params.query.filters).toEqual({ author: ['李华'] });
    expect(state.activeFilters.map((chip) => chip.label)).toEqual(['李華']);
  });

  test('keep the stored names in the simplified UI, and are asked for again after a failure', async () => {
    const state = await started({}, {}, false);
    worker.last('open').resolve({ ...testManifest(), columns: [column('author')] });
    await settle();
    state.loadFacetValues();
    worker.last('facetValues').reject(workerError('unavailable'));
    await settle();
    state.loadFacetValues();
    expect(worker.requests('facetValues')).toHaveLength(2);
    worker.last('facetValues').resolve(tables);
    await settle();
    expect(state.valueName('author', '李华')).toBe('李华');
  });
});
