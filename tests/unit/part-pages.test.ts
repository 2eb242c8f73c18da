import { describe, expect, it } from 'vitest';
import { cutPartPages } from '../../src/lib/search/build/cut-part-pages.ts';
import type { TermPartEntry } from '../../src/lib/search/format/index-format.ts';
import { decodePartPage, isPartPagePath, MAX_PAGES, MIN_PARTS_PER_PAGE, partsPerPage } from '../../src/lib/search/format/part-pages.ts';

/** A part table of `n` parts with sorted first terms. */
function table(n: number): TermPartEntry[] {
  return Array.from({ length: n }, (_, i) => [i === 0 ? '' : `t${String(i).padStart(7, '0')}`, i.toString(36).padStart(8, '0')]);
}

const decode = (data: Uint8Array | string) => (typeof data === 'string' ? new TextEncoder().encode(data) : data);

describe('part table pages', () => {
  it('keeps the directory to at most MAX_PAGES entries at any size, pages of at least MIN_PARTS_PER_PAGE parts', () => {
    for (const n of [1, 47, 48, 931, 4_850, 48_000, 200_000]) {
      const { pages } = cutPartPages(table(n));
      expect(pages.length, `${n} parts`).toBeLessThanOrEqual(MAX_PAGES);
      expect(pages.reduce((sum, page) => sum + page[2], 0)).toBe(n);
      expect(partsPerPage(n)).toBeGreaterThanOrEqual(MIN_PARTS_PER_PAGE);
    }
  });

  it('reads back every page as the parts it was cut from, in order', () => {
    const parts = table(300);
    const { pages, files } = cutPartPages(parts);
    expect(files.map((f) => f.path)).toEqual(pages.map(([, hash]) => `dir-${hash}.bin`));
    expect(files.every((f) => f.gzip && isPartPagePath(f.path))).toBe(true);
    const read = pages.flatMap((page, i) => decodePartPage(decode(files[i]!.data), page, pages[i + 1]?.[0]));
    expect(read).toEqual(parts);
    // Content-hashed: the same parts, the same names; another part, another name.
    expect(cutPartPages(table(300)).pages).toEqual(pages);
    const changed = table(300);
    changed[5] = [changed[5]![0], 'zzzzzzzz'];
    expect(cutPartPages(changed).pages[0]![1]).not.toBe(pages[0]![1]);
    expect(cutPartPages(changed).pages[1]).toEqual(pages[1]);
  });

  it("refuses a page that is not the one its manifest entry describes", () => {
    const { pages, files } = cutPartPages(table(300));
    const [first, second] = [decode(files[0]!.data), decode(files[1]!.data)];
    expect(() => decodePartPage(second, pages[0]!, pages[1]![0])).toThrow(/lists|order/);
    expect(() => decodePartPage(first, [pages[0]![0], pages[0]![1], pages[0]![2] + 1, 0], pages[1]![0])).toThrow(/lists \d+ parts, the manifest says/);
    expect(() => decodePartPage(first, pages[0]!, 't0000010')).toThrow(/not in the range/);
    expect(() => decodePartPage(decode('{"not": "a page"}'), pages[0]!, undefined)).toThrow(/lists no parts/);
    expect(() => decodePartPage(decode('[["", "NOT A HASH"]]'), ['', 'x', 1, 0], undefined)).toThrow(/invalid part entry 0/);
    expect(() => decodePartPage(decode('garbage'), pages[0]!, undefined)).toThrow(/not a part table page/);
  });
});
