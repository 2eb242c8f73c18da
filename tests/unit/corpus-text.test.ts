/**
 * Folds and tokenizes every article of the real archive (read from ../shared/corpus at test time,
 * never copied into the repo; skipped where it is absent) and reports throughput. Timing is
 * printed, not asserted.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { foldText, foldWithOffsets, loadFoldingTable } from '../../src/lib/search/text/fold.ts';
import { findSnippet } from '../../src/lib/search/query/highlight.ts';
import { parseQuery } from '../../src/lib/search/query/parse-query.ts';
import { tokenize, tokenizeWithPositions } from '../../src/lib/search/text/tokenize.ts';

const CORPUS = path.resolve(import.meta.dirname, '../../../shared/corpus');

// Crude tag stripping is enough here: the point is realistic text volume and characters.
const plainText = (file: string) =>
  readFileSync(path.join(CORPUS, file), 'utf8')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ');

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe('the archive corpus', () => {
  let files: string[] = [];
  let texts: string[] = [];
  beforeAll(async () => {
    await loadFoldingTable();
    files = readdirSync(CORPUS).filter((name) => /\.(md|markdown|txt|html)$/.test(name));
    texts = files.map(plainText);
  });

  it('folds and tokenizes every file into at least one term, and reports throughput', () => {
    expect(files.length).toBeGreaterThan(1000);
    const foldTimes: number[] = [];
    const tokenizeTimes: number[] = [];
    let tokenCount = 0;
    const empty: string[] = [];
    for (let round = 0; round < 3; round++) {
      let started = performance.now();
      const folded = texts.map(foldText);
      foldTimes.push(performance.now() - started);
      started = performance.now();
      tokenCount = 0;
      folded.forEach((text, i) => {
        const count = tokenize(text).length;
        if (count === 0 && round === 0) empty.push(files[i]!);
        tokenCount += count;
      });
      tokenizeTimes.push(performance.now() - started);
    }
    expect(empty).toEqual([]);
    const chars = texts.reduce((sum, text) => sum + text.length, 0);
    const foldMs = median(foldTimes);
    const tokenizeMs = median(tokenizeTimes);
    console.log(
      `corpus: ${files.length} files, ${(chars / 1e6).toFixed(2)} M UTF-16 units, ${(tokenCount / 1e6).toFixed(2)} M tokens; ` +
        `median of 3: foldText ${foldMs.toFixed(0)} ms (${(chars / foldMs / 1000).toFixed(1)} M units/s), ` +
        `tokenize ${tokenizeMs.toFixed(0)} ms (${(tokenCount / tokenizeMs / 1000).toFixed(1)} M tokens/s)`,
    );
  });

  it('folds every file idempotently, and foldWithOffsets agrees with foldText', () => {
    for (const text of texts) {
      const folded = foldText(text);
      expect(foldText(folded)).toBe(folded);
      expect(foldWithOffsets(text).folded).toBe(folded);
    }
  });

  it('gives positioned tokens equal to the plain ones', () => {
    for (const text of texts.slice(0, 300)) {
      const folded = foldText(text);
      expect(tokenizeWithPositions(folded).map((token) => token.term)).toEqual(tokenize(folded));
    }
  });

  it('makes a snippet for every file without throwing, within maxChars', () => {
    const query = parseQuery('香港 川普 covid');
    for (const text of texts) {
      const snippet = findSnippet(text, query);
      expect(snippet.text.length).toBeLessThanOrEqual(120);
      expect(text.slice(snippet.start, snippet.start + snippet.text.length)).toBe(snippet.text);
    }
  });
});
