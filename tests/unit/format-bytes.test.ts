import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../src/offline/format-bytes.ts';

describe('formatBytes', () => {
  it('writes sizes as toLocaleString does in the page’s three languages', () => {
    const reference = (bytes: number, locale: string) =>
      bytes >= 1_000_000 ? `${(bytes / 1_000_000).toLocaleString(locale, { maximumFractionDigits: 1 })} MB` : `${Math.max(1, Math.round(bytes / 1000)).toLocaleString(locale, { maximumFractionDigits: 0 })} KB`;
    const sizes = [0, 1, 499, 500, 999, 1_499, 1_500, 12_345, 840_000, 999_499, 999_500, 1_000_000, 1_049_999, 1_050_000, 1_099_999, 12_345_678, 99_960_000, 999_949_999, 1_234_567_890, 98_765_432_100];
    for (const locale of ['zh-Hans', 'zh-Hant', 'en']) for (const bytes of sizes) expect(formatBytes(bytes), `${bytes} in ${locale}`).toBe(reference(bytes, locale));
  });
});
