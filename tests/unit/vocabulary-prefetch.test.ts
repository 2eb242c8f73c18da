import { describe, expect, it } from 'vitest';
import type { PartPageEntry } from '../../src/lib/search/format/part-pages.ts';
import { connectionAllowsPrefetch } from '../../src/ui/state/vocabulary-prefetch-once.ts';
import { vocabularyWithin } from '../../src/worker/vocabulary-prefetch.ts';

describe('connectionAllowsPrefetch', () => {
  it('allows a fast connection and a browser without the Network Information API', () => {
    expect(connectionAllowsPrefetch({ saveData: false, effectiveType: '4g' })).toBe(true);
    expect(connectionAllowsPrefetch({})).toBe(true);
  });
  it('refuses Save-Data and slow connections', () => {
    expect(connectionAllowsPrefetch({ saveData: true, effectiveType: '4g' })).toBe(false);
    expect(connectionAllowsPrefetch({ effectiveType: '3g' })).toBe(false);
    expect(connectionAllowsPrefetch({ effectiveType: 'slow-2g' })).toBe(false);
  });
});

describe('vocabularyWithin', () => {
  const older: PartPageEntry[] = [['a', 'o1', 48, 400], ['m', 'o2', 48, 400]];
  const newest: PartPageEntry[] = [['a', 'n1', 48, 100], ['m', 'n2', 48, 150]];
  it('takes both vocabularies when they fit (their pages count their parts)', () => {
    expect(vocabularyWithin(older, newest, 1050)).toEqual({ scope: 'all', bytes: 1050 });
  });
  it("falls back to the newest block's vocabulary, then to as much of it as the budget allows", () => {
    expect(vocabularyWithin(older, newest, 1049)).toEqual({ scope: 'newest', bytes: 250 });
    expect(vocabularyWithin(older, newest, 249)).toEqual({ scope: 'newest', bytes: 249 });
    expect(vocabularyWithin([], [], 249)).toBeNull();
  });
});
