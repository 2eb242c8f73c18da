import { describe, expect, it } from 'vitest';
import { createDocsTable, decodeDocsBlockInto, encodeDocsBlock, lengthCode, lengthOfCode, storedLength } from '../../src/lib/search/format/docs-table.ts';

describe('field length codes', () => {
  it('keep lengths below 16 exact and every other within 1/16, one byte up to 2^17', () => {
    for (let n = 0; n < 16; n++) expect(storedLength(n)).toBe(n);
    let worst = 0;
    for (let n = 16; n < 1 << 17; n++) {
      const code = lengthCode(n);
      expect(code).toBeLessThan(128);
      // A stored length codes to itself: building, writing and reading again changes nothing.
      expect(lengthCode(lengthOfCode(code))).toBe(code);
      worst = Math.max(worst, Math.abs(storedLength(n) - n) / n);
    }
    expect(worst).toBeLessThanOrEqual(1 / 16);
    expect(storedLength(1000)).toBe(992);
  });

  it('grow with the length (a longer text never stores shorter)', () => {
    for (let n = 1; n < 5000; n++) expect(storedLength(n)).toBeGreaterThanOrEqual(storedLength(n - 1));
  });

  it('are what a docs block holds and gives back', () => {
    const table = createDocsTable(3, 2);
    table.fieldLength[0]!.set([3, 12, 15]);
    table.fieldLength[1]!.set([storedLength(40), storedLength(1000), storedLength(70_000)]);
    const read = createDocsTable(3, 2);
    decodeDocsBlockInto(read, encodeDocsBlock(table, 0, 3));
    expect([...read.fieldLength[0]!]).toEqual([3, 12, 15]);
    expect([...read.fieldLength[1]!]).toEqual([storedLength(40), 992, storedLength(70_000)]);
  });
});
