// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { langKey, rememberedLang, rememberLang } from '../../src/ui/state/remembered-lang.ts';
import { traditionalOutletName } from '../../src/ui/i18n/on-demand/traditional-outlet-names.ts';

describe('the language chosen on a site', () => {
  afterEach(() => localStorage.clear());

  it('is kept per site: under the page\'s folder', () => {
    expect(langKey('/archive-a/')).toBe(langKey('/archive-a/index.html'));
    expect(langKey('/archive-a/')).not.toBe(langKey('/archive-b/'));
    expect(rememberedLang()).toBeUndefined();
    rememberLang('zh-Hant');
    expect(rememberedLang()).toBe('zh-Hant');
    localStorage.setItem(langKey(location.pathname), 'klingon');
    expect(rememberedLang()).toBeUndefined();
  });
});

describe('outlet names in the traditional UI', () => {
  it('are written in traditional characters; names without an entry stay as they are', () => {
    expect(traditionalOutletName('法广')).toBe('法廣');
    expect(traditionalOutletName('美国之音')).toBe('美國之音');
    expect(traditionalOutletName('RTI 中央廣播電臺')).toBe('RTI 中央廣播電臺');
    expect(traditionalOutletName('BBC')).toBe('BBC');
  });
});
