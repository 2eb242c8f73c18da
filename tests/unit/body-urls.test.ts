import { describe, expect, it } from 'vitest';
import { resolveUrl } from '../../src/lib/article/body-urls.ts';

describe('resolveUrl', () => {
  it.each([
    ['https://a.example/x', undefined, 'https://a.example/x'],
    ['  //a.example/x ', undefined, 'https://a.example/x'],
    ['/x?y=1', 'https://a.example/p/q.html', 'https://a.example/x?y=1'],
    ['x.jpg', 'https://a.example/p/q.html', 'https://a.example/p/x.jpg'],
    ['/x', undefined, ''],
    ['#top', 'https://a.example/', ''],
    ['mailto:a@b.example', 'https://a.example/', ''],
    ['javascript:alert(1)', 'https://a.example/', ''],
    ['https://www.economist.comhttp://iea.example/r', undefined, 'http://iea.example/r'],
    ['/x', 'not a url', ''],
  ])('%s against %s → %s', (value, base, expected) => {
    expect(resolveUrl(value, base)).toBe(expected);
  });
});
