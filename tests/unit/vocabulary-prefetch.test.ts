import { describe, expect, it } from 'vitest';
import type { TermPartEntry } from '../../src/lib/search/format/index-format.ts';
import { connectionAllowsPrefetch, vocabularyWithin } from '../../src/worker/vocabulary-prefetch.ts';

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
  const older: TermPartEntry[] = [['a', 'o1', 400], ['m', 'o2', 400]];
  const newest: TermPartEntry[] = [['a', 'n1', 100], ['m', 'n2', 150]];
  it('takes both vocabularies when they fit', () => {
    expect(vocabularyWithin(older, newest, 1050)?.map(([, hash]) => hash)).toEqual(['o1', 'o2', 'n1', 'n2']);
  });
  it("falls back to the newest block's vocabulary, then to nothing", () => {
    expect(vocabularyWithin(older, newest, 1049)?.map(([, hash]) => hash)).toEqual(['n1', 'n2']);
    expect(vocabularyWithin(older, newest, 249)).toBeNull();
  });
});
