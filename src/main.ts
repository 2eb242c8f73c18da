import { searchAhead } from './ui/early-search.ts';
import { preopenIndex } from './ui/preopen.ts';

// Before the app's code arrives: start the worker, open the index, and search for the link's or
// the boot box's words (see preopen.ts, early-search.ts). Only then is the App asked for: the
// visitor types into index.html's boot box meanwhile, and the worker's script, which the first
// results wait for, does not share the link with the App's chunks from the start (measured: the
// count 150 ms sooner than with the App's chunks preloaded by index.html).
const { client } = preopenIndex('./data/');
searchAhead(client);
const { mountApp } = await import('./ui/mount-app.ts');

export default await mountApp(document.getElementById('app')!);
