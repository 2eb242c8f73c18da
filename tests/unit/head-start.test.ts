import { describe, expect, it } from 'vitest';
import { offerHeadStart } from '../../src/ui/client/offer-head-start.ts';
import { type FirstSummaries, HeadStartSlot, type HeadStartRequests, searchKey, takeHeadStart } from '../../src/ui/client/head-start.ts';
import type { SearchQuery } from '../../src/lib/search/types.ts';
import type { SearchAnswer } from '../../src/protocol/worker-protocol.ts';

function answerWith(...numbers: number[]): SearchAnswer {
  return {
    total: numbers.length,
    approximate: false,
    hits: numbers.map((number) => ({ number, score: 1, terms: [] })),
    facets: { counts: { outlet: {} }, dates: {}, dateBucket: 'year' },
    searched: { articles: 10, of: 10 },
  };
}

const summariesOf = (...numbers: number[]): FirstSummaries => ({ numbers, summaries: [], failed: [] });
/** Requests that answer with these promises, recording the order they were sent in. */
function requests(answer: Promise<SearchAnswer>, summaries: Promise<FirstSummaries>, sent: string[] = []): HeadStartRequests {
  return {
    search: () => (sent.push('search'), answer),
    firstSummaries: () => (sent.push('firstSummaries'), summaries),
  };
}
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('searchKey', () => {
  it('is the same for the same search however its fields are given, and differs for any other', () => {
    const key = searchKey({ text: '王毅', limit: 10 });
    expect(searchKey({ limit: 10, text: '王毅', filters: { outlet: [] }, sort: 'relevance', offset: 0 })).toBe(key);
    expect(searchKey({ text: '王毅', limit: 10, filters: { tag: ['香港'], outlet: ['BBC'] } })).toBe(searchKey({ text: '王毅', limit: 10, filters: { outlet: ['BBC'], tag: ['香港'] } }));
    const others: SearchQuery[] = [
      { text: '王毅 ', limit: 10 },
      { text: '王毅', limit: 20 },
      { text: '王毅', limit: 10, filters: { outlet: ['法广'] } },
      { text: '王毅', limit: 10, filters: { tag: ['法广'] } },
      { text: '王毅', limit: 10, sort: 'newest' as const },
      { text: '王毅', limit: 10, from: '2024-01-01' },
      { text: '王毅', limit: 10, offset: 10 },
    ];
    for (const other of others) expect(searchKey(other)).not.toBe(key);
  });
});

describe('offerHeadStart / takeHeadStart', () => {
  it('hands the search to exactly the same query, once, with what has arrived readable at once', async () => {
    const answer = answerWith(4, 8, 15);
    offerHeadStart({ text: '台湾', limit: 10 }, requests(Promise.resolve(answer), Promise.resolve(summariesOf(4, 8, 15))));
    expect(takeHeadStart({ text: '台湾', limit: 20 })).toBeNull();
    // A miss uses the offer up: nothing is left for a later identical search either.
    expect(takeHeadStart({ text: '台湾', limit: 10 })).toBeNull();

    const start = offerHeadStart({ text: '台湾', limit: 10 }, requests(Promise.resolve(answer), Promise.resolve(summariesOf(4, 8, 15))));
    expect(start.settled).toEqual({});
    await flush();
    expect(takeHeadStart({ text: '台湾', limit: 10 })).toBe(start);
    expect(start.settled.answer).toBe(answer);
    expect(start.settled.summaries?.numbers).toEqual([4, 8, 15]);
    expect(takeHeadStart({ text: '台湾', limit: 10 })).toBeNull();
  });

  it('keeps only the newest offer', () => {
    const never = new Promise<never>(() => undefined);
    offerHeadStart({ text: '台', limit: 10 }, requests(never, never));
    const newer = offerHeadStart({ text: '台湾', limit: 10 }, requests(never, never));
    expect(takeHeadStart({ text: '台', limit: 10 })).toBeNull();
    offerHeadStart({ text: '台', limit: 10 }, requests(never, never));
    offerHeadStart({ text: '台湾', limit: 10 }, requests(never, never));
    expect(takeHeadStart({ text: '台湾', limit: 10 })).not.toBe(newer);
  });

  it('keeps failures to itself: nothing settles, and only whoever waits sees the rejection', async () => {
    const failing = offerHeadStart({ text: 'x', limit: 10 }, requests(Promise.reject(new Error('index unavailable')), Promise.reject(new Error('index unavailable'))));
    await flush();
    expect(failing.settled).toEqual({});
    await expect(failing.answer).rejects.toThrow('index unavailable');

    const noSummaries = offerHeadStart({ text: 'y', limit: 10 }, requests(Promise.resolve(answerWith(7)), Promise.reject(new Error('fragment unavailable'))));
    await flush();
    expect(noSummaries.settled.answer?.total).toBe(1);
    expect(noSummaries.settled.summaries).toBeUndefined();
    await expect(noSummaries.summaries).rejects.toThrow('fragment unavailable');
  });

  it('asks for the search before its summaries (the worker finds the search they are for)', () => {
    const sent: string[] = [];
    offerHeadStart({ text: '北约', limit: 10 }, requests(new Promise(() => undefined), new Promise(() => undefined), sent));
    expect(sent).toEqual(['search', 'firstSummaries']);
  });

  it('keeps the latest partial answer, and passes later ones to whoever took the search over', () => {
    let step!: (answer: SearchAnswer) => void;
    const start = offerHeadStart(
      { text: '', from: '2000-01-01', limit: 10 },
      { search: (onPartial) => ((step = onPartial), new Promise(() => undefined)), firstSummaries: () => new Promise(() => undefined) },
    );
    step(answerWith(9));
    expect(start.settled.partial?.hits.map((hit) => hit.number)).toEqual([9]);
    const seen: number[][] = [];
    start.onPartial = (answer) => seen.push(answer.hits.map((hit) => hit.number));
    step(answerWith(9, 8));
    expect(seen).toEqual([[9, 8]]);
    expect(start.settled.partial?.hits.length).toBe(2);
    expect(start.settled.answer).toBeUndefined();
  });
});

describe('HeadStartSlot', () => {
  it('keeps each widget\'s offer to itself: another slot, or the hosted page\'s, does not see it', () => {
    const [first, second] = [new HeadStartSlot(), new HeadStartSlot()];
    const query = { text: '王毅', limit: 10 };
    const mine = offerHeadStart(query, requests(new Promise(() => undefined), new Promise(() => undefined)), first.hold);
    const theirs = offerHeadStart(query, requests(new Promise(() => undefined), new Promise(() => undefined)), second.hold);
    expect(takeHeadStart(query)).toBeNull();
    expect(first.take({ ...query, limit: 3 })).toBeNull();
    // A mismatch used the offer up, as on the hosted page: a later search asks the worker itself.
    expect(first.take(query)).toBeNull();
    expect(second.take(query)).toBe(theirs);
    expect(second.take(query)).toBeNull();
    expect(mine.text).toBe('王毅');
  });
});

