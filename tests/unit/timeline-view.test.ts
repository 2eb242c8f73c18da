import { describe, expect, it } from 'vitest';
import { TIMELINE_MESSAGES } from '../../src/ui/i18n/on-demand/timeline-messages.ts';
import { LANGS } from '../../src/ui/i18n/lang.ts';
import { bucketRange, centralSpan, daysOf, timelineView } from '../../src/ui/components/on-demand/timeline-view.ts';

const days = (entries: Record<string, number>) => new Map(Object.entries(entries));

/** An archive like the issue's: nearly everything in 2020, a few stray older and newer articles. */
const skewed = days({ '2003-06-01': 1, '2011-02-03': 2, '2020-01-15': 300, '2020-03-02': 2000, '2020-03-09': 1500, '2020-11-30': 200, '2024-05-05': 1 });

describe('the timeline', () => {
  it('spans the central 98% of the dates: stray old and new articles do not squeeze the rest into one bar', () => {
    expect(centralSpan(skewed)).toEqual({ from: '2020-01-15', to: '2020-11-30' });
    // Under 100 results nothing is left out.
    expect(centralSpan(days({ '2003-06-01': 1, '2020-03-02': 50 }))).toEqual({ from: '2003-06-01', to: '2020-03-02' });
    expect(centralSpan(new Map())).toBeNull();
  });

  it('shows months over that span, counts what falls outside, and keeps the first step of the breadcrumb current', () => {
    const view = timelineView(skewed, '', '');
    expect(view.level).toBe('month');
    expect(view.bars.map((bar) => bar.key)).toEqual(['2020-01', '2020-02', '2020-03', '2020-04', '2020-05', '2020-06', '2020-07', '2020-08', '2020-09', '2020-10', '2020-11']);
    expect(view.bars.find((bar) => bar.key === '2020-03')!.count).toBe(3500);
    expect([view.before, view.after]).toEqual([3, 1]);
    expect(view.crumbs).toEqual([{ key: '', from: '', to: '', current: true }]);
  });

  it('drills down year → month → day as the filter narrows to a bar', () => {
    const wide = days({ '2012-05-01': 40, '2016-07-04': 30, '2020-03-02': 30 });
    expect(timelineView(wide, '', '').level).toBe('year');
    const year = timelineView(wide, '2020-01-01', '2020-12-31');
    expect(year.level).toBe('month');
    expect(year.bars).toHaveLength(12);
    expect(year.crumbs.map((crumb) => [crumb.key, crumb.current])).toEqual([['', false], ['2020', true]]);
    const month = timelineView(wide, '2020-03-01', '2020-03-31');
    expect(month.level).toBe('day');
    expect(month.bars).toHaveLength(31);
    expect(month.bars[1]).toEqual({ key: '2020-03-02', from: '2020-03-02', to: '2020-03-02', count: 30 });
    expect(month.crumbs.map((crumb) => crumb.key)).toEqual(['', '2020', '2020-03']);
    expect([month.before, month.after]).toEqual([70, 0]);
    // One day: shown within its month, with the day as the current step.
    const day = timelineView(wide, '2020-03-02', '2020-03-02');
    expect(day.bars).toHaveLength(31);
    expect(day.crumbs.map((crumb) => [crumb.key, crumb.current])).toEqual([['', false], ['2020', false], ['2020-03', false], ['2020-03-02', true]]);
  });

  it('names a dragged range as its own step, within the steps that contain it', () => {
    const view = timelineView(skewed, '2020-02-01', '2020-05-31');
    expect(view.level).toBe('month');
    expect(view.crumbs.map((crumb) => [crumb.key, crumb.current])).toEqual([['', false], ['2020', false], ['2020-02-01/2020-05-31', true]]);
  });

  it('is never finer than its data: the start page counts only by month or year', () => {
    const { days: coarse, resolution } = daysOf({ outlets: {}, dates: { '2020-03': 5, '2020-04': 2 }, dateBucket: 'month' });
    expect(resolution).toBe('month');
    const view = timelineView(coarse, '', '', resolution);
    expect(view.level).toBe('month');
    expect(view.bars.map((bar) => [bar.key, bar.count])).toEqual([['2020-03', 5], ['2020-04', 2]]);
    expect(daysOf({ outlets: {}, dates: {}, dateBucket: 'year', days: { '2020-03-02': 1 } }).resolution).toBe('day');
  });

  it('knows the days of years, months (leap years included) and days', () => {
    expect(bucketRange('2020-02')).toEqual({ from: '2020-02-01', to: '2020-02-29' });
    expect(bucketRange('2021-02')).toEqual({ from: '2021-02-01', to: '2021-02-28' });
    expect(bucketRange('2020')).toEqual({ from: '2020-01-01', to: '2020-12-31' });
    expect(bucketRange('2020-12-31')).toEqual({ from: '2020-12-31', to: '2020-12-31' });
  });
});

describe("the timeline's strings", () => {
  it('are there in all three languages, the count first in each bar\'s name', () => {
    for (const lang of LANGS) {
      const messages = TIMELINE_MESSAGES[lang];
      expect(Object.keys(messages).sort()).toEqual(Object.keys(TIMELINE_MESSAGES['zh-Hans']).sort());
      expect(messages.bucketCount('2020', 12)).toMatch(/12/);
      expect(messages.outsideView(3, 0)).toMatch(/3/);
      expect(messages.outsideView(3, 0)).not.toMatch(/0/);
    }
  });
});
