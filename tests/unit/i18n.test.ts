import { describe, expect, it } from 'vitest';
import { offlineMessages } from '../../src/offline/offline-messages.ts';
import { formatBucket, formatDate, LANGS, loadedMessages, loadMessages, parseLang, preferredChinese, ZH_HANS } from '../../src/ui/i18n/i18n.ts';
import { chipsMessages } from '../../src/ui/i18n/on-demand/chips-messages.ts';
import { facetMessages } from '../../src/ui/i18n/on-demand/facet-messages.ts';
import { readerMessages } from '../../src/ui/i18n/on-demand/reader-messages.ts';
import { rewritesMessages } from '../../src/ui/i18n/on-demand/rewrites-messages.ts';

describe('UI strings', () => {
  it('has simplified Chinese at once and loads the other languages once, on demand', async () => {
    expect(loadedMessages('zh-Hans')).toBe(ZH_HANS);
    expect(loadedMessages('en')).toBeUndefined();
    const first = loadMessages('en');
    expect(loadMessages('en')).toBe(first);
    const en = await first;
    expect(en.retry).toBe('Retry');
    expect(loadedMessages('en')).toBe(en);
    const hant = await loadMessages('zh-Hant');
    expect(hant.appTitle).toBe('新聞存檔搜尋');
    // Traditional falls back to the simplified strings only where they are the same text.
    expect(hant.searchLabel).not.toBe(ZH_HANS.searchLabel);
  });

  it('gives every language every string, the count first in the status line', async () => {
    for (const lang of LANGS) {
      const messages = await loadMessages(lang);
      expect(Object.keys(messages).sort()).toEqual(Object.keys(ZH_HANS).sort());
      const status = messages.count(12, true) + messages.searchedSoFar(10000, 100000);
      expect(/\d+/.exec(status)![0]).toBe('12');
    }
  });

  it('reads language tags and the browser preference', () => {
    expect(parseLang('zh-TW')).toBe('zh-Hant');
    expect(parseLang('en-GB')).toBe('en');
    expect(parseLang('fr')).toBeUndefined();
    expect(preferredChinese(['en-US', 'zh-HK'])).toBe('zh-Hant');
    expect(preferredChinese(['en-US'])).toBe('zh-Hans');
  });
});

describe('dates', () => {
  const days = ['1999-12-31', '2000-01-01', '2008-02-29', '2024-03-05', '2024-10-10', '2026-11-30T23:59:59Z', '2026-12-01T00:30:00+08:00'];
  const intl = (locale: string, iso: string, options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso));

  it('writes Chinese dates exactly as Intl.DateTimeFormat does for zh-CN and zh-TW, in UTC', async () => {
    for (const messages of [ZH_HANS, await loadMessages('zh-Hant')]) {
      for (const day of days) {
        expect(formatDate(day, messages)).toBe(intl(messages.locale, day, { year: 'numeric', month: 'long', day: 'numeric' }));
        const month = new Date(day.length === 10 ? `${day}T00:00:00Z` : day).toISOString().slice(0, 7);
        expect(formatBucket(month, messages)).toBe(intl(messages.locale, `${month}-01`, { year: 'numeric', month: 'short' }));
        expect(formatBucket(month.slice(0, 4), messages)).toBe(intl(messages.locale, `${month.slice(0, 4)}-01-01`, { year: 'numeric' }));
      }
    }
    expect(formatDate('2024-03-05', ZH_HANS)).toBe('2024年3月5日');
    expect(formatBucket('2024-03', ZH_HANS)).toBe('2024年3月');
    expect(formatBucket('2024', ZH_HANS)).toBe('2024年');
    // The day is the UTC day, as the date filters count it.
    expect(formatDate('2026-12-01T00:30:00+08:00', ZH_HANS)).toBe('2026年11月30日');
  });

  it('writes English dates with Intl, and nothing for a missing or invalid date', async () => {
    const en = await loadMessages('en');
    expect(formatDate('2024-03-05', en)).toBe('March 5, 2024');
    expect(formatBucket('2024-03', en)).toBe('Mar 2024');
    expect(formatDate('', ZH_HANS)).toBe('');
    expect(formatDate('not a date', ZH_HANS)).toBe('');
  });
});


describe('strings that travel with their chunk', () => {
  const modules = { reader: readerMessages, facets: facetMessages, offline: offlineMessages, rewrites: rewritesMessages, chips: chipsMessages };
  /** A string, or what a message function says for sample arguments (`1`: a count or a date, either reads). */
  const textOf = (value: unknown): string => (typeof value === 'function' ? String((value as (...args: unknown[]) => unknown)('1', '1')) : String(value));

  it('gives every language each chunk\u2019s strings, in its own script, by the locale the App shows', async () => {
    for (const [name, messagesOf] of Object.entries(modules)) {
      const [hans, hant, en] = [ZH_HANS, await loadMessages('zh-Hant'), await loadMessages('en')].map((messages) => messagesOf(messages.locale) as unknown as Record<string, unknown>);
      expect(Object.keys(hant!).sort(), name).toEqual(Object.keys(hans!).sort());
      expect(Object.keys(en!).sort(), name).toEqual(Object.keys(hans!).sort());
      // Each language its own text: traditional is not the simplified strings again, English not Chinese.
      expect(Object.keys(hans!).filter((key) => textOf(hant![key]) !== textOf(hans![key])).length, name).toBeGreaterThan(0);
      for (const value of Object.values(en!)) expect(textOf(value), name).not.toMatch(/[\u4e00-\u9fff]/);
    }
    expect(readerMessages('zh-TW').readerClose).toBe('關閉');
    expect(facetMessages('en').showAllValues(3, 3)).toBe('Show all (3 more with no results)');
    expect(facetMessages('zh-CN').showAllValues(12, 3)).toBe('显示全部（另有 12 个）');
    expect(offlineMessages('zh-CN').reload).toBe('重新载入');
    expect(rewritesMessages('zh-TW').rewriteScript('台湾', 'simplified')).toBe('已包含簡體 台湾 的結果');
    expect(rewritesMessages('zh-CN').rewriteScript('台灣', 'traditional')).toBe('已包含繁体 台灣 的结果');
    expect(chipsMessages('zh-CN').removeFilter('法广')).toBe('移除筛选：法广');
  });

  it('is not among the App\u2019s own strings', () => {
    for (const messagesOf of Object.values(modules)) {
      for (const key of Object.keys(messagesOf('zh-CN'))) expect(ZH_HANS).not.toHaveProperty(key);
    }
  });
});
