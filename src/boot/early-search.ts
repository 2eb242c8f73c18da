/**
 * Searches before the App has arrived: for the URL's query (a shared link) at once, and for what
 * the visitor types in the boot box (`boot-box.ts`) as they type. The worker fetches the query's
 * index parts and its first results' fragments while the App's code is still downloading; the
 * latest search, its answer and its first results' summaries are offered to the App
 * (`head-start.ts`), which mounts showing them.
 */
import { bootInput, watchBootBox } from './boot-box.ts';
import { offerHeadStart } from '../ui/client/offer-head-start.ts';
import { isBareListing, PAGE_SIZE, queryOf, type SearchInputs } from '../protocol/search-request.ts';
import { parseUrlState } from './url-read.ts';
import type { SearchWorkerClient } from '../ui/client/worker-client.ts';

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
