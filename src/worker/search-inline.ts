/**
 * The widget's inline mode: the search service (`search-service.ts`) served in the page, for a
 * host whose CSP admits the widget's script but no worker (or a browser without module workers).
 * Loaded as a chunk only then. The page talks to it over a `MessageChannel`, exactly as to the
 * worker: every message is a task of its own and is copied (or transferred) as `postMessage` does,
 * so the page's code and the service never share an object. Between the stages of a search, it
 * lets the page run (`yield-to-page.ts`).
 */
import { serveSearch } from './search-service.ts';
import { yieldToPage } from './yield-to-page.ts';

/** One end of a new channel whose other end the search service answers on. */
export function openInlineSearch(): MessagePort {
  const channel = new MessageChannel();
  // On the page's own thread: the search lets the page run between its stages.
  serveSearch(channel.port1, { pause: yieldToPage });
  return channel.port2;
}
