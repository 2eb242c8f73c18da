import { describe, expect, it } from 'vitest';
import { parseUrlState } from '../../src/boot/url-read.ts';
import { DEFAULT_URL_STATE, sameUrlState, serializeUrlState, type UrlState } from '../../src/ui/state/url-state.ts';

describe('parseUrlState', () => {
  it('reads the query, repeated outlets, dates, sort and the open article', () => {
    expect(parseUrlState('?q=%E7%8E%8B%E6%AF%85+%E5%8C%97%E7%BA%A6&outlet=%E6%B3%95%E5%B9%BF&outlet=BBC&from=2020-07-01&to=2020-07-31&sort=newest', '#a=0xrlu2iugoz')).toEqual({
      text: '王毅 北约',
      outlets: ['法广', 'BBC'],
      from: '2020-07-01',
      to: '2020-07-31',
      sort: 'newest',
      articleId: '0xrlu2iugoz',
    });
  });

  it('gives the defaults for an empty URL', () => {
    expect(parseUrlState('', '')).toEqual(DEFAULT_URL_STATE);
  });

  it('falls back to defaults for malformed dates and unknown sorts', () => {
    const state = parseUrlState('?from=2021-02-30&to=yesterday&sort=random', '');
    expect(state).toEqual(DEFAULT_URL_STATE);
  });

  it('keeps a malformed article id (cut to 64 characters), for the reader to say it is not found', () => {
    expect(parseUrlState('', '#a=../../etc').articleId).toBe('../../etc');
    expect(parseUrlState('', `#a=${'x'.repeat(100)}`).articleId).toBe('x'.repeat(64));
    expect(serializeUrlState({ ...DEFAULT_URL_STATE, articleId: '../<b>&q=x' }).hash).toBe('#a=..%2F%3Cb%3E%26q%3Dx');
  });

  it('keeps an outlet named once when the link repeats it', () => {
    expect(parseUrlState('?outlet=BBC&outlet=BBC', '').outlets).toEqual(['BBC']);
  });

  it('reads the language, in any common spelling', () => {
    expect(parseUrlState('?lang=en', '').lang).toBe('en');
    expect(parseUrlState('?lang=zh-TW', '').lang).toBe('zh-Hant');
    expect(parseUrlState('?lang=fr', '').lang).toBeUndefined();
  });
});

describe('serializeUrlState', () => {
  it('leaves out defaults', () => {
    expect(serializeUrlState(DEFAULT_URL_STATE)).toEqual({ search: '', hash: '' });
  });

  it('round-trips every field', () => {
    const state: UrlState = { text: '台湾 "new york" -covid', outlets: ['RTI 中央廣播電臺', ''], from: '2020-01-01', to: '2020-12-31', sort: 'oldest', articleId: 'abc123', lang: 'en' };
    const { search, hash } = serializeUrlState(state);
    expect(parseUrlState(search, hash)).toEqual(state);
  });

  it('writes parameters in a fixed order', () => {
    const { search } = serializeUrlState({ ...DEFAULT_URL_STATE, sort: 'newest', to: '2020-02-02', outlets: ['BBC'], text: 'x' });
    expect(search).toBe('?q=x&outlet=BBC&to=2020-02-02&sort=newest');
  });
});

describe('sameUrlState', () => {
  it('compares what the URL shows, not object identity', () => {
    expect(sameUrlState({ ...DEFAULT_URL_STATE, text: 'a' }, { ...DEFAULT_URL_STATE, text: 'a' })).toBe(true);
    expect(sameUrlState({ ...DEFAULT_URL_STATE, text: 'a' }, { ...DEFAULT_URL_STATE, text: 'a', articleId: 'b' })).toBe(false);
  });
});
