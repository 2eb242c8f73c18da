import { afterEach, describe, expect, it } from 'vitest';
import { STAGE_MEASURE_PREFIX, StageMeasures } from '../../src/worker/stage-measures.ts';

const measures = () => performance.getEntriesByType('measure').filter((m) => m.name.startsWith(STAGE_MEASURE_PREFIX));

describe('StageMeasures', () => {
  afterEach(() => performance.clearMeasures());

  it('names each stretch by where it started and the stage that ended it, one after the other', () => {
    const stages = new StageMeasures();
    stages.begin('search request');
    stages.end('plan');
    stages.end('postings');
    stages.begin('postings (resumed)');
    stages.end('docs rows');
    const written = measures();
    expect(written.map((m) => m.name)).toEqual([
      'news-search search request → plan',
      'news-search plan → postings',
      'news-search postings (resumed) → docs rows',
    ]);
    // The second starts where the first ended: a long task's share of each is the part it covers.
    expect(written[1]!.startTime).toBeCloseTo(written[0]!.startTime + written[0]!.duration, 3);
    expect(written[2]!.startTime).toBeGreaterThanOrEqual(written[1]!.startTime + written[1]!.duration);
  });

  it('stops writing after 5000 measures, so that a long session does not fill the timeline', () => {
    const stages = new StageMeasures();
    for (let i = 0; i < 5100; i++) stages.end('stage');
    expect(measures()).toHaveLength(5000);
  });
});
