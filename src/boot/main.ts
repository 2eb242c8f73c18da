import { searchAhead } from './early-search.ts';
import { warmUpFonts } from './font-warmup.ts';
import { claimWorkerPreloads, preopenIndex } from './preopen-index.ts';
import { HOSTED_INDEX_FOLDER } from './early-worker.ts';

// Before the app's code arrives: start the worker, open the index, and search for the link's or
// the boot box's words (see preopen-index.ts, early-search.ts). Only then is the App imported and
// mounted (index.html preloads its chunks, scripts/vite/page-preloads.ts): the visitor types into
// index.html's boot box meanwhile.
const { client, opening } = preopenIndex(HOSTED_INDEX_FOLDER);
claimWorkerPreloads();
searchAhead(client);
// While the network brings the rest, the App's fonts are looked up (see font-warmup.ts).
const boot = document.getElementById('boot');
if (boot) void warmUpFonts(boot);
// Once the worker's first script runs (it answers "ping"; its core and the first index files are
// then on their way), or opening failed: the App's code would otherwise share the link with that
// script; not as late as the core's opening of the index, which painted later (see
// docs/benchmark-notes.md). A failure is the App's to show.
await Promise.race([opening, client.request('ping', {})]).catch(() => undefined);
const { mountApp } = await import('./mount-app.ts');

export default await mountApp(document.getElementById('app')!);
