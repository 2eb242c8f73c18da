/**
 * Searches before the App has arrived: for the URL's query (a shared link) at once, and for what
 * the visitor types in the boot box (`boot-box.ts`) as they type. The worker fetches the query's
 * index parts and its first results' fragments while the App's code is still downloading; the
 * latest search, its answer and its first results' summaries are offered to the App
 * (`head-start.ts`), which mounts showing them.
 */
import { bootInput, watchBootBox } from './boot-box.ts';
import { holdHeadStart, type HeadStart, type HeadStartRequests } from './head-start.ts';
import { isBareListing, PAGE_SIZE, queryOf, type SearchInputs } from './search-request.ts';
import { parseUrlState } from './url-read.ts';
import type { SearchQuery } from '../lib/search/types.ts';
import type { SearchWorkerClient } from './worker-client.ts';

/** Starts searching ahead with `client` (whose index is opening). */
export function searchAhead(client: SearchWorkerClient, doc: Document = document): void {
  const fromUrl: SearchInputs = parseUrlState(doc.location.search, doc.location.hash);
  let last: string | null = null;
  const ask = (text: string) => {
    const query = { ...queryOf({ ...fromUrl, text }), limit: PAGE_SIZE };
    if (isBareListing(query) || text === last) return;
    last = text;
    // Both at once: the worker makes the first hits' summaries as soon as it has answered.
    offerHeadStart(query, {
      search: (onPartial) => client.request('search', { query, progressive: true }, { onPartial }),
      firstSummaries: () => client.request('firstSummaries', { query, count: PAGE_SIZE }),
    });
  };
  const input = bootInput(doc);
  // The shared link's words show in the box, unless the visitor typed before this script ran.
  if (input && !input.value) input.value = fromUrl.text;
  ask(input ? input.value : fromUrl.text);
  if (!input) return;
  // Enter: the search is under way already (before this script, the form's GET loads `?q=…`).
  // The listeners go with the box, which the App removes.
  input.form?.addEventListener('submit', (event) => event.preventDefault());
  watchBootBox(input, ask);
}

/**
 * Asks for the search of `query` and its first hits' summaries, and offers them to the App; replaces any earlier offer.
 * Here, not in `head-start.ts`: only the hosted page's entry offers, and the widget shares that module.
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
