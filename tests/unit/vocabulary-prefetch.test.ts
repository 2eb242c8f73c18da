import { describe, expect, it } from 'vitest';
import { connectionAllowsPrefetch } from '../../src/ui/vocabulary-prefetch.ts';

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
