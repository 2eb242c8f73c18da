import { searchAhead } from './ui/early-search.ts';
import { preopenIndex } from './ui/preopen.ts';

// Before the app's code arrives: start the worker, open the index, and search for the link's or
// the boot box's words (see preopen.ts, early-search.ts). Only then is the App asked for: the
// visitor types into index.html's boot box meanwhile, and the worker's script, which the first
// results wait for, does not share the link with the App's chunks (measured: the count 150 ms
// sooner than with the App's chunks preloaded by index.html; first 10 painted 638 vs 715 ms
// median when the App waits for the worker's answer to "open" rather than for the entry alone).
const { client, opening } = preopenIndex('./data/');
searchAhead(client);
// Once the worker runs (it has answered "open"), or failed: the App's code would otherwise share
// the link with the worker's script. A failure is the App's to show.
await opening.catch(() => undefined);
const { mountApp } = await import('./ui/mount-app.ts');

export default await mountApp(document.getElementById('app')!);
