import { describe, expect, it } from 'vitest';
import { ByteReader, ByteWriter } from '../../src/lib/search/format/bytes.ts';
import { decodePostings, encodePostings, joinPostings, postingsSize, TermPart, TermPartWriter, writePostings } from '../../src/lib/search/format/term-part.ts';

describe('ByteWriter', () => {
  it('writes strings as TextEncoder does, lone surrogates included, short or long', () => {
    const strings = ['', 'a', 'é', '台湾', '𠀀𠀁', 'x\uD800y', '\uDC00', 'end\uD83D', 'é'.repeat(42), '台'.repeat(43), 'long '.repeat(100)];
    for (const text of strings) {
      const bytes = new ByteWriter().string(text).finish();
      const reader = new ByteReader(bytes);
      const length = reader.uint();
      expect([...reader.take(length)], JSON.stringify(text)).toEqual([...new TextEncoder().encode(text)]);
      expect(reader.done).toBe(true);
    }
  });

  it('round-trips varints below and above 32 bits', () => {
    const values = [0, 1, 127, 128, 16_383, 16_384, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1, 2 ** 32, 2 ** 40 + 5, Number.MAX_SAFE_INTEGER];
    const writer = new ByteWriter();
    for (const value of values) writer.uint(value);
    const reader = new ByteReader(writer.finish());
    expect(values.map(() => reader.uint())).toEqual(values);
    expect(() => new ByteWriter().uint(-1)).toThrow(RangeError);
    expect(() => new ByteWriter().uint(1.5)).toThrow(RangeError);
  });

  it('grows past its first buffer and views what it wrote without a copy', () => {
    const writer = new ByteWriter();
    for (let i = 0; i < 1000; i++) writer.uint(300);
    expect(writer.size).toBe(2000);
    expect(writer.view()).toEqual(writer.finish());
  });
});

describe('writePostings', () => {
  // Two fields in one pool: title pairs 0–1, text pairs 2–4.
  const pool = Uint32Array.of(3, 1, 9, 2, 3, 4, 8, 1, 200, 7);
  const bounds = [0, 2, 2, 5];

  it('writes what encodePostings writes for the same postings, and says its size', () => {
    const writer = new ByteWriter();
    writePostings(writer, pool, bounds);
    const expected = encodePostings([pool.slice(0, 4), pool.slice(4, 10)]);
    expect(writer.finish()).toEqual(expected);
    expect(postingsSize(pool, bounds)).toBe(expected.length);
  });

  it('decodes back to the pairs (numbers as deltas from the range start)', () => {
    const writer = new ByteWriter();
    writePostings(writer, pool, [1, 2, 3, 5]);
    expect(decodePostings(writer.finish(), 2).map((flat) => [...flat])).toEqual([[9, 2], [8, 1, 200, 7]]);
  });
});

describe('TermPartWriter', () => {
  it('writes a part that TermPart reads back: inline and chunked terms, shared prefixes, astral characters', () => {
    const pool = Uint32Array.of(0, 2, 5, 1, 7, 3, 1, 1);
    const part = new TermPartWriter();
    part.addInline('香港', pool, [0, 1, 1, 3]);
    part.addChunked('香港人', [40, 900], [
      { block: 0, hash: 'aaaaaaaa' },
      { block: 3, hash: 'bbbbbbbb' },
    ]);
    part.addInline('𠀀𠀁', pool, [3, 4, 4, 4]);
    expect(part.size).toBe(3);
    const read = new TermPart(part.finish(), 2);
    expect(read.terms).toEqual(['香港', '香港人', '𠀀𠀁']);
    expect(read.get('香港')!.postings!.map((flat) => [...flat])).toEqual([[0, 2], [5, 1, 7, 3]]);
    expect(read.get('香港人')).toMatchObject({ df: [40, 900], postings: null, chunks: [{ block: 0, hash: 'aaaaaaaa' }, { block: 3, hash: 'bbbbbbbb' }] });
    expect(read.get('𠀀𠀁')).toMatchObject({ df: [1, 0] });
    expect(read.withPrefix('香港')).toEqual(['香港', '香港人']);
  });

  it('stores document frequencies of their own with inline postings when given (the newest vocabulary)', () => {
    const pool = Uint32Array.of(10_001, 2, 10_005, 1);
    const part = new TermPartWriter();
    part.addInline('台湾', pool, [0, 1, 1, 2], [120, 3_400]);
    part.addInline('湾', pool, [0, 0, 0, 2]);
    const read = new TermPart(part.finish(), 2);
    expect(read.get('台湾')).toMatchObject({ df: [120, 3_400], chunks: [] });
    expect(read.get('台湾')!.postings!.map((flat) => [...flat])).toEqual([[10_001, 2], [10_005, 1]]);
    expect(read.get('湾')!.df).toEqual([0, 2]);
  });
});

describe('joinPostings', () => {
  it('joins pieces field by field, in order, and hands a single piece back as it is', () => {
    const a = [Uint32Array.of(1, 2), Uint32Array.of(3, 1)];
    const b = [Uint32Array.of(9, 1), Uint32Array.of()];
    expect(joinPostings([a, b], 2).map((flat) => [...flat])).toEqual([[1, 2, 9, 1], [3, 1]]);
    expect(joinPostings([a], 2)[0]).toBe(a[0]);
  });
});
