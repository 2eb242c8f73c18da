/**
 * The widget's search in the page (its inline mode) names each stretch of its work on the page's
 * performance timeline, so that a long task can be put down to the code that ran in it
 * (`scripts/bench/widget-long-tasks.ts`, docs/widget.md): a `performance.measure` named
 * `news-search <from> → <to>`, from the search's latest start (a request arriving, a pause
 * ending, the previous measure's end) to the end of a stage (a pause, a reply or progress posted).
 * A stretch that began with a fetch's answer is measured from the search's start before it: what
 * ran inside a long task is the part of the measure that the task covers, which the probe takes.
 */

/** The prefix of every measure's name. */
export const STAGE_MEASURE_PREFIX = 'news-search ';

/** Measures written at most, per page: the timeline keeps user timing entries until cleared. */
const MAX_MEASURES = 5000;

export class StageMeasures {
  private since = performance.now();
  private from = 'start';
  private written = 0;

  /** A stretch of the search starts after `from`: a request arrived, or a pause ended. */
  begin(from: string): void {
    this.since = performance.now();
    this.from = from;
  }

  /** The stretch since the latest start ends at `stage`; the next one starts there. */
  end(stage: string): void {
    const now = performance.now();
    if (this.written < MAX_MEASURES) {
      this.written++;
      performance.measure(`${STAGE_MEASURE_PREFIX}${this.from} → ${stage}`, { start: this.since, end: now });
    }
    this.since = now;
    this.from = stage;
  }
}
