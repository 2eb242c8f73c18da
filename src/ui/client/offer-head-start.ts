import type { SearchQuery } from '../../lib/search/types.ts';
import { holdHeadStart, type HeadStart, type HeadStartRequests } from './head-start.ts';

/**
 * Asks for the search of `query` and its first hits' summaries, and offers them to the App
 * (`hold`: the hosted page's slot by default, a widget's own from its first paint,
 * `src/widget/first-paint.ts`); replaces any earlier offer.
 */
export function offerHeadStart(query: SearchQuery, ask: HeadStartRequests, hold: (query: SearchQuery, start: HeadStart) => void = holdHeadStart): HeadStart {
  const settled: HeadStart['settled'] = {};
  const answer = ask.search((partial) => {
    settled.partial = partial;
    start.onPartial?.(partial);
  });
  const summaries = ask.firstSummaries();
  const start: HeadStart = { text: query.text, answer, summaries, settled, onPartial: null };
  hold(query, start);
  // Nobody may be waiting: a failure is the App's to show when it takes the search over.
  answer.then((value) => (start.settled.answer = value), () => undefined);
  summaries.then((value) => (start.settled.summaries = value), () => undefined);
  return start;
}
