import { searchAhead } from './early-search.ts';
import { warmUpFonts } from './font-warmup.ts';
import { claimWorkerPreloads, preopenIndex } from './preopen-index.ts';
import { HOSTED_INDEX_FOLDER } from './early-worker.ts';
import { paintFirst, paintsFirst } from './hosted-first-paint.ts';
import { parseUrlState } from './url-read.ts';
import { resolveIndexFolder } from '../ui/client/preopen.ts';

// Before the App's code arrives: start the worker, open the index (see preopen-index.ts), and show
// the first results of the link's or the boot box's words without it (hosted-first-paint.ts); the
// App is imported and mounted once they are painted, and takes the page over. A link to filters,
// dates, an order or an article searches ahead instead (early-search.ts) while the App downloads at once.
const preopened = preopenIndex(HOSTED_INDEX_FOLDER);
const { client, opening } = preopened;
claimWorkerPreloads();
// While the network brings the rest, the App's fonts are looked up (see font-warmup.ts).
const boot = document.getElementById('boot');
if (boot) void warmUpFonts(boot);
const target = document.getElementById('app')!;
const state = parseUrlState(location.search, location.hash);

const painting =
  paintsFirst(state) &&
  paintFirst(preopened, resolveIndexFolder(HOSTED_INDEX_FOLDER), state, (paint) => {
    import('./mount-app.ts')
      .then(async ({ mountApp }) => {
        // The App's module is evaluated in the task that brought it: its mount (the longest task
        // of a cold load on a slow phone) gets a task of its own.
        await new Promise((resolve) => setTimeout(resolve));
        return mountApp(target, await paint.handOver());
      })
      // The first paint stays: its box searches, its results show.
      .catch((error: unknown) => console.error('news-archive-search: the search page could not be loaded', error));
  });

if (!painting) {
  const app = import('./mount-app.ts');
  searchAhead(client);
  // Once the worker's first script runs (it answers "ping"; its core and the first index files are
  // then on their way), or opening failed: the App's code would otherwise share the link with that
  // script (see docs/benchmark-notes.md). A failure is the App's to show.
  await Promise.race([opening, client.request('ping', {})]).catch(() => undefined);
  const { mountApp } = await app;
  await mountApp(target);
}
