import { describe, expect, it } from 'vitest';
import { LANGS, loadedMessages, loadMessages, parseLang, preferredChinese, ZH_HANS } from '../../src/ui/i18n.ts';

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
