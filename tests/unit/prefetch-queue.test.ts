import { describe, expect, it } from 'vitest';
import type { TermPartEntry } from '../../src/lib/search/format/index-format.ts';
import { PrefetchQueue, scaledBudget } from '../../src/worker/prefetch-queue.ts';

const newest: TermPartEntry[] = ['', '一', '中', '中国', '人', '香', '香港', '香港人', '龙'].map((first, i) => [first, `n${i}`]);
const older: TermPartEntry[] = [['', 'o0'], ['中', 'o1'], ['香', 'o2']];
const path = ([, hash]: TermPartEntry) => hash;

function drain(queue: PrefetchQueue): string[] {
  const out: string[] = [];
  for (let p = queue.next(); p !== undefined; p = queue.next()) out.push(p);
  return out;
}

describe('PrefetchQueue', () => {
  it("hands out the newest block's parts before the older blocks', each in table order, every part once", () => {
    const queue = new PrefetchQueue([{ parts: newest, path }, { parts: older, path }]);
    expect(drain(queue)).toEqual([...newest, ...older].map(path));
  });

  it('moves the parts of a searched range and two neighbours on each side to the front, nearest first', () => {
    const queue = new PrefetchQueue([{ parts: newest, path }, { parts: older, path }]);
    queue.focus([['香港', '香港']]);
    const order = drain(queue);
    expect(order.slice(0, 5)).toEqual(['n6', 'n7', 'n5', 'n8', 'n4']);
    expect(order.slice(5, 8)).toEqual(['o2', 'o1', 'o0']);
    expect(new Set(order).size).toBe(newest.length + older.length);
  });

  it('never hands out again a part already handed out when a later search focuses on it', () => {
    const queue = new PrefetchQueue([{ parts: newest, path }]);
    expect([queue.next(), queue.next()]).toEqual(['n0', 'n1']);
    queue.focus([['一', '中国']]);
    const order = drain(queue);
    expect(order.slice(0, 4)).toEqual(['n2', 'n3', 'n4', 'n5']);
    expect(order).not.toContain('n0');
    expect(order).not.toContain('n1');
  });

  it('hands out a pack once for all its parts, and a searched part’s pack first', () => {
    // Packs of three neighbouring parts (`term-packs.ts`), the older vocabulary part by part.
    const packed = (_: TermPartEntry, i: number) => `pack${Math.floor(i / 3)}`;
    const queue = new PrefetchQueue([{ parts: newest, path: packed }, { parts: older, path }]);
    queue.focus([['香港', '香港']]);
    // 香港 is part 6 (pack 2), its neighbours 7, 5, 8, 4 (packs 2 and 1); then the older vocabulary's.
    expect(drain(queue)).toEqual(['pack2', 'pack1', 'o2', 'o1', 'o0', 'pack0']);
  });
});

describe('scaledBudget', () => {
  it('raises the budget with the estimated bandwidth up to twice it, and keeps it without an estimate', () => {
    expect(scaledBudget(8_000_000, { downlink: 10 })).toBe(16_000_000);
    expect(scaledBudget(8_000_000, { downlink: 7.5 })).toBe(12_000_000);
    expect(scaledBudget(8_000_000, { downlink: 5 })).toBe(8_000_000);
    expect(scaledBudget(8_000_000, {})).toBe(8_000_000);
  });

  it('never lowers it: a browser that has measured nothing yet reports about 1.4 Mbit/s', () => {
    expect(scaledBudget(8_000_000, { downlink: 1.4 })).toBe(8_000_000);
    expect(scaledBudget(8_000_000, { downlink: 0.4 })).toBe(8_000_000);
  });
});
