import { describe, expect, test } from 'vitest';
import { MAX_QUERY_CHARS, MAX_QUERY_CLAUSES } from '../../src/lib/search/query/query-limits.ts';
import { EN } from '../../src/ui/i18n/on-demand/messages-en.ts';
import { ZH_HANS } from '../../src/ui/i18n/i18n.ts';
import { errorMessage, queryCutText, statusText, type StatusInputs } from '../../src/ui/state/status-text.ts';
import { answerOf, testManifest, workerError } from './support/fake-search-worker.ts';

const idle: StatusInputs = { answer: null, manifest: null, indexStatus: 'loading', isSearching: false, isManifestListing: false, isQuery: false, searchFailed: false };

describe('statusText', () => {
  test('before the manifest: loading; after it: the archive count, or the query queued', () => {
    expect(statusText(idle, ZH_HANS)).toBe(ZH_HANS.loading(ZH_HANS.loadingManifest));
    expect(statusText({ ...idle, manifest: testManifest(40), indexStatus: 'ready' }, ZH_HANS)).toBe(ZH_HANS.allCount(40));
    expect(statusText({ ...idle, manifest: testManifest(40), indexStatus: 'ready', isQuery: true }, EN)).toBe(EN.queuedQuery);
  });

  test('an answer: its count, grouped results, and how much a partial answer has searched', () => {
    expect(statusText({ ...idle, answer: answerOf([1, 2], 2), isQuery: true }, ZH_HANS)).toBe(ZH_HANS.count(2, false));
    expect(statusText({ ...idle, answer: { ...answerOf([1], 5), groups: 3 }, isQuery: true }, EN)).toBe(EN.count(5, false) + EN.groupCount(3));
    const partial = answerOf([1], 1, { articles: 10, of: 40 });
    expect(statusText({ ...idle, answer: partial, isQuery: true, isSearching: true }, ZH_HANS)).toBe(`${ZH_HANS.count(1, true)}${ZH_HANS.searchedSoFar(10, 40)}`);
  });

  test('a query typed over the manifest listing is queued, not given the listing count', () => {
    expect(statusText({ ...idle, answer: answerOf([0], 40), isManifestListing: true, isSearching: true, isQuery: true }, ZH_HANS)).toBe(ZH_HANS.queuedQuery);
  });

  test('nothing while the search or the index failed (the error notice speaks)', () => {
    expect(statusText({ ...idle, answer: answerOf([1], 1), searchFailed: true }, ZH_HANS)).toBe('');
    expect(statusText({ ...idle, indexStatus: 'error' }, ZH_HANS)).toBe('');
  });
});

test('queryCutText names what the limits cut, and nothing otherwise', () => {
  expect(queryCutText(answerOf([1]), EN)).toBe('');
  expect(queryCutText({ ...answerOf([1]), cut: { chars: 300 } }, EN)).toBe(EN.queryCutChars(300, MAX_QUERY_CHARS));
  const both = queryCutText({ ...answerOf([1]), cut: { chars: 300, clauses: 40 } }, ZH_HANS);
  expect(both).toBe(`${ZH_HANS.queryCutChars(300, MAX_QUERY_CHARS)} ${ZH_HANS.queryCutClauses(40, MAX_QUERY_CLAUSES)}`);
});

describe('errorMessage', () => {
  test('damaged beats everything; offline names what this device has not stored; else what failed', () => {
    expect(errorMessage(workerError('corrupt'), 'search', false)).toBe('indexCorrupt');
    expect(errorMessage(workerError('unavailable'), 'open', false)).toBe('offlineIndexMissing');
    expect(errorMessage(workerError('unavailable'), 'article', false)).toBe('offlineArticleMissing');
    expect(errorMessage(workerError('unavailable'), 'summaries', true)).toBe('summariesUnavailable');
    expect(errorMessage(new Error('boom'), 'open', false)).toBe('indexUnavailable');
    expect(errorMessage(workerError('bug'), 'search', true)).toBe('partUnavailable');
  });
});
