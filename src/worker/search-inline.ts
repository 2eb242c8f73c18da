/**
 * The widget's inline mode: the search service (`search-service.ts`) served in the page, for a
 * host whose CSP admits the widget's script but no worker (or a browser without module workers).
 * Loaded as a chunk only then. The page talks to it over a `MessageChannel`, exactly as to the
 * worker: every message is a task of its own and is copied (or transferred) as `postMessage` does,
 * so the page's code and the service never share an object. Between the stages of a search, it
 * lets the page run (`yield-to-page.ts`), and names each stage on the page's performance timeline
 * (`stage-measures.ts`).
 */
import type { WorkerReply, WorkerRequest } from '../protocol/worker-protocol.ts';
import { serveSearch, type SearchPort } from './search-service.ts';
import { StageMeasures } from './stage-measures.ts';
import { yieldToPage } from './yield-to-page.ts';

/** One end of a new channel whose other end the search service answers on. */
export function openInlineSearch(): MessagePort {
  const channel = new MessageChannel();
  const own = channel.port1;
  const measures = new StageMeasures();
  // The type of each request still to answer: a reply's measure names it.
  const pending = new Map<number, string>();
  // The service's port, with each request's arrival and each reply measured.
  const port: SearchPort = {
    postMessage(reply: WorkerReply) {
      if ('progress' in reply) measures.end('progress posted');
      else if ('partial' in reply) measures.end(`${pending.get(reply.id) ?? 'request'}: partial answer posted`);
      else {
        measures.end(`${pending.get(reply.id) ?? 'request'}: answered`);
        pending.delete(reply.id);
      }
      own.postMessage(reply);
    },
    set onmessage(handler: ((event: MessageEvent<WorkerRequest>) => unknown) | null) {
      own.onmessage = handler
        ? (event: MessageEvent<WorkerRequest>) => {
            measures.begin(`${event.data.type} request`);
            pending.set(event.data.id, event.data.type);
            return handler(event);
          }
        : null;
    },
    get onmessage() {
      return own.onmessage;
    },
  };
  // On the page's own thread: the search lets the page run between its stages.
  serveSearch(port, {
    pause: async (stage = 'search') => {
      measures.end(stage);
      await yieldToPage();
      measures.begin(`${stage} (resumed)`);
    },
  });
  return channel.port2;
}
