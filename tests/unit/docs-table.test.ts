import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { createDocsTable, decodeDocsBlockInto, decodeFacetRowsInto, encodeDocsBlock, encodeFacetRows } from '../../src/lib/search/format/docs-table.ts';

/** A table of `count` live articles whose similar groups are `groups` (the first article of each). */
function tableWith(groups: number[]) {
  const table = createDocsTable(groups.length, 2);
  table.outlet.fill(0);
  table.similar = Uint32Array.from(groups);
  return table;
}

/** Every block of `table` (of `blockSize` rows) decoded on its own into a fresh table: its similar column. */
function readBlocks(table: ReturnType<typeof tableWith>, blockSize: number): number[][] {
  const blocks: number[][] = [];
  for (let start = 0; start < table.count; start += blockSize) {
    const end = Math.min(table.count, start + blockSize);
    const read = createDocsTable(table.count, 2);
    decodeDocsBlockInto(read, encodeDocsBlock(table, start, end), start);
    blocks.push([...read.similar!.subarray(start, end)]);
  }
  return blocks;
}

describe('docs block similar groups', () => {
  it('give back every group, each block read without the older ones', () => {
    // 0 alone; 1, 3, 6, 9 one group (across three blocks of 4); 2, 5 one; 7 alone; 4, 8, 10 one.
    const groups = [0, 1, 2, 1, 4, 2, 1, 7, 4, 1, 4];
    expect(readBlocks(tableWith(groups), 4).flat()).toEqual(groups);
  });

  it('resolve a row that follows a group first met in the same block (its previous row named the older group)', () => {
    // Block 1 (rows 4–7): row 5 names group 0 (an older block), rows 6 and 7 point back to it.
    const groups = [0, 1, 2, 3, 4, 0, 0, 0];
    expect(readBlocks(tableWith(groups), 4)).toEqual([
      [0, 1, 2, 3],
      [4, 0, 0, 0],
    ]);
  });

  it('write one zero per row when every article is alone', () => {
    const table = createDocsTable(3, 1);
    const bytes = encodeDocsBlock(table, 0, 3);
    // start, count, fields, 3 days, 3 lengths, 3 scripts, 3 similar kinds
    expect([...bytes.subarray(3 + 9, 3 + 12)]).toEqual([0, 0, 0]);
    expect(bytes.length).toBe(3 + 12);
  });

  it('take less room than distances back to each group’s first article when copies span the archive', () => {
    // Ten copies of 500 stories, each copy's stories in a slightly different order (as dates
    // interleave): the shape of ../shared/corpus copied ×10.
    let seed = 1;
    const jitter = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % 40;
    const groups: number[] = [];
    const first = new Map<number, number>();
    for (let copy = 0; copy < 10; copy++) {
      const order = Array.from({ length: 500 }, (_, story) => [story + jitter(), story] as const).sort((a, b) => a[0] - b[0]);
      for (const [, story] of order) {
        if (!first.has(story)) first.set(story, groups.length);
        groups.push(first.get(story)!);
      }
    }
    const table = tableWith(groups);
    expect(readBlocks(table, 2500).flat()).toEqual(groups);
    // Version 7's column (each row's distance back to its group's first article), gzip.
    const distances: number[] = [];
    for (let n = 2500; n < 5000; n++) distances.push(...varint(n - groups[n]!));
    const before = gzipSync(Uint8Array.from(distances)).length;
    // This version's: the block less the same block with every article alone.
    const after = gzipSync(encodeDocsBlock(table, 2500, 5000)).length - gzipSync(encodeDocsBlock(tableWith(groups.map((_, n) => n)), 2500, 5000)).length;
    expect(after).toBeLessThan(before * 0.7);
  });

  it('refuse a row pointing outside its block or a group after its article', () => {
    const table = tableWith([0, 0, 0, 0]);
    const good = encodeDocsBlock(table, 2, 4);
    // Row 2 is far (group 0), row 3 near (back 1). Make the far group 2 (row 2 itself): refused.
    const kindsAt = good.length - 4; // …kinds (2), the near distance, the far group
    expect([...good.subarray(kindsAt, kindsAt + 2)]).toEqual([2, 1]);
    const farGroup = Uint8Array.from(good);
    farGroup[good.length - 1] = 4; // zigzag 2
    expect(() => decodeDocsBlockInto(createDocsTable(4, 2), farGroup, 2)).toThrow(/not before its article/);
    const nearBack = Uint8Array.from(good);
    nearBack[good.length - 2] = 4; // back 2 from the block's second row
    expect(() => decodeDocsBlockInto(createDocsTable(4, 2), nearBack, 2)).toThrow(/outside its block/);
    const kind = Uint8Array.from(good);
    kind[kindsAt] = 3;
    expect(() => decodeDocsBlockInto(createDocsTable(4, 2), kind, 2)).toThrow(/unknown similar-group kind/);
  });

  it('mark holes (deleted articles) in the rank rows, which need no outlet', () => {
    const table = tableWith([0, 1, 2]);
    table.outlet[1] = 0xffff;
    const read = createDocsTable(3, 2);
    decodeDocsBlockInto(read, encodeDocsBlock(table, 0, 3), 0);
    expect([...read.live!]).toEqual([1, 0, 1]);
    expect([...read.outlet]).toEqual([0xffff, 0xffff, 0xffff]);
  });
});

describe('docs block files', () => {
  it('refuse the other file of their block under their name', () => {
    const table = tableWith([0, 1, 2, 3]);
    table.columns = [];
    const read = createDocsTable(4, 2);
    expect(() => decodeDocsBlockInto(read, encodeFacetRows(table, 0, 4), 0)).toThrow(/docs-table:/);
    expect(() => decodeFacetRowsInto(createDocsTable(4, 2, 2), encodeDocsBlock(table, 0, 4), 0)).toThrow(/docs-table:/);
  });
});

function varint(value: number): number[] {
  const bytes: number[] = [];
  while (value > 0x7f) {
    bytes.push((value & 0x7f) | 0x80);
    value >>>= 7;
  }
  bytes.push(value);
  return bytes;
}
