import { describe, expect, it } from 'vitest';
import { literalFirstPrecision } from '../../scripts/bench/quality.ts';
import { scoreResults } from '../../scripts/bench/recall.ts';

describe('literalFirstPrecision', () => {
  const truth = new Set([3, 7]);

  it('judges only as many results as the truth holds (up to 10), unlike precision@10', () => {
    const literalFirst = [7, 3, 11, 12, 13, 14, 15, 16, 17, 18];
    expect(literalFirstPrecision(literalFirst, truth)).toBe(1);
    expect(scoreResults(literalFirst, truth).precision).toBe(0.2);
    expect(literalFirstPrecision([7, 3], truth)).toBe(1);
  });

  it('counts the literal articles listed late against the engine', () => {
    expect(literalFirstPrecision([11, 7, 3], truth)).toBe(0.5);
    expect(literalFirstPrecision([11, 12, 3, 7], truth)).toBe(0);
  });

  it('is at most ten results deep, and undefined without a truth or results', () => {
    const big = new Set(Array.from({ length: 20 }, (_, i) => i));
    expect(literalFirstPrecision([...Array.from({ length: 10 }, (_, i) => i), 99], big)).toBe(1);
    expect(literalFirstPrecision([1, 2], new Set())).toBeNaN();
    expect(literalFirstPrecision([], truth)).toBeNaN();
  });
});
