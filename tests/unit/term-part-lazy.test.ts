import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ByteReader } from '../../src/lib/search/format/bytes.ts';
import { type ChunkRef, decodePostings, type TermEntry, TermPart } from '../../src/lib/search/format/term-part.ts';
import { buildTestIndexes } from '../helpers/test-indexes.ts';

/**
 * The reader TermPart replaced, kept as the reference: it decoded the whole directory at once,
 * a string, an object and a Map entry per term.
 */
function eagerPart(data: Uint8Array, fieldCount: number): { terms: string[]; entries: Map<string, TermEntry> } {
  const reader = new ByteReader(data);
  const count = reader.uint();
  const terms: string[] = [];
  const found: Array<{ df: number[] | null; chunks: ChunkRef[]; postings: Uint8Array | null }> = [];
  let previous = '';
  for (let i = 0; i < count; i++) {
    const term = previous.slice(0, reader.uint()) + reader.string();
    const kind = reader.uint();
    if (kind === 1) {
      const df = Array.from({ length: fieldCount }, () => reader.uint());
      const chunks: ChunkRef[] = [];
      let block = 0;
      for (let c = reader.uint(); c > 0; c--) {
        block += reader.uint();
        chunks.push({ block, hash: reader.string() });
      }
      found.push({ df, chunks, postings: null });
    } else {
      const df = kind === 2 ? Array.from({ length: fieldCount }, () => reader.uint()) : null;
      found.push({ df, chunks: [], postings: new Uint8Array(reader.uint()) });
    }
    terms.push(term);
    previous = term;
  }
  const entries = new Map<string, TermEntry>();
  found.forEach((entry, i) => {
    if (!entry.postings) {
      entries.set(terms[i]!, { df: entry.df!, postings: null, chunks: entry.chunks, newest: null });
      return;
    }
    const postings = decodePostings(reader.take(entry.postings.length), fieldCount);
    entries.set(terms[i]!, { df: entry.df ?? postings.map((flat) => flat.length / 2), postings, chunks: [], newest: null });
  });
  return { terms, entries };
}

/** An entry as text, its postings' type included. */
function show(entry: TermEntry | undefined): string {
  if (!entry) return 'undefined';
  const postings = entry.postings?.map((flat) => `${flat.constructor.name}[${flat.join(',')}]`) ?? null;
  return JSON.stringify({ ...entry, postings });
}

/** Every part of an index folder, after gunzip. */
async function partsOf(dir: string): Promise<Uint8Array[]> {
  const files = (await readdir(dir)).filter((file) => file.startsWith('terms-'));
  return Promise.all(files.map(async (file) => new Uint8Array(gunzipSync(await readFile(path.join(dir, file))))));
}

/** Asserts that TermPart answers every lookup as the eager reader did; returns how many terms it checked. */
function compareWithEager(data: Uint8Array, fieldCount: number): number {
  const lazy = new TermPart(data, fieldCount);
  const eager = eagerPart(data, fieldCount);
  expect(lazy.terms).toEqual(eager.terms);
  const prefixes = new Set<string>(['', '\uffff']);
  for (const term of eager.terms) {
    // Every UTF-16 prefix (also those that split a surrogate pair), and a term just past it.
    for (let end = 1; end <= term.length; end++) prefixes.add(term.slice(0, end));
    prefixes.add(`${term}\u0000`);
  }
  // Compared as text, once per part: deep equality of some 40,000 entries takes seconds.
  const lookups = [...eager.terms, ...prefixes];
  expect(lookups.map((text) => show(lazy.get(text))).join('\n')).toBe(lookups.map((text) => show(eager.entries.get(text))).join('\n'));
  const sorted = eager.terms;
  const withPrefix = (prefix: string) => {
    let i = 0;
    let hi = sorted.length;
    while (i < hi) {
      const mid = (i + hi) >>> 1;
      if (sorted[mid]! < prefix) i = mid + 1;
      else hi = mid;
    }
    const found: string[] = [];
    for (; i < sorted.length && sorted[i]!.startsWith(prefix); i++) found.push(sorted[i]!);
    return found;
  };
  expect([...prefixes].map((prefix) => lazy.withPrefix(prefix))).toEqual([...prefixes].map(withPrefix));
  return eager.terms.length;
}

let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'nas-lazy-part-'));
  await buildTestIndexes(root, 'lazy-part');
}, 120_000);
afterAll(() => rm(root, { recursive: true, force: true }));

describe('TermPart', () => {
  it('answers every term and every prefix of the fixtures index as the eager reader did', async () => {
    let checked = 0;
    for (const data of await partsOf(path.join(root, 'fixtures'))) checked += compareWithEager(data, 2);
    expect(checked).toBeGreaterThan(100);
  });

  it('answers alike on an index with blocks, chunked terms and the newest vocabulary', async () => {
    const parts = await partsOf(path.join(root, 'blocked'));
    const kinds = new Set<string>();
    let checked = 0;
    for (const data of parts) {
      checked += compareWithEager(data, 2);
      const part = new TermPart(data, 2);
      for (const term of part.terms) kinds.add(part.get(term)!.postings ? 'inline' : 'chunked');
    }
    expect(kinds).toEqual(new Set(['inline', 'chunked']));
    expect(checked).toBeGreaterThan(10_000);
  });

  it('throws a RangeError on a truncated part, as before', async () => {
    const [data] = await partsOf(path.join(root, 'fixtures'));
    expect(() => new TermPart(data!.subarray(0, data!.length - 1), 2)).toThrow(RangeError);
    expect(() => new TermPart(data!.subarray(0, 40), 2)).toThrow(RangeError);
  });
});
