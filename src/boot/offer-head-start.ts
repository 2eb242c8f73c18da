import type { SearchQuery } from '../lib/search/types.ts';
import { holdHeadStart, type HeadStart, type HeadStartRequests } from '../ui/client/head-start.ts';

/**
 * Asks for the search of `query` and its first hits' summaries, and offers them to the App; replaces any earlier offer.
 * Not in `src/ui/client/head-start.ts`: only the hosted page's entry (`early-search.ts`) offers, and the widget
 * shares that module.
 */
export function offerHeadStart(query: SearchQuery, ask: HeadStartRequests): HeadStart {
  const settled: HeadStart['settled'] = {};
  const answer = ask.search((partial) => {
    settled.partial = partial;
    start.onPartial?.(partial);
  });
  const summaries = ask.firstSummaries();
  const start: HeadStart = { text: query.text, answer, summaries, settled, onPartial: null };
  holdHeadStart(query, start);
  // Nobody may be waiting: a failure is the App's to show when it takes the search over.
  answer.then((value) => (start.settled.answer = value), () => undefined);
  summaries.then((value) => (start.settled.summaries = value), () => undefined);
  return start;
}
