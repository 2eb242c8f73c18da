import { searchAhead } from './ui/early-search.ts';
import { preopenIndex } from './ui/preopen.ts';

// Before the app's code arrives: start the worker, open the index, and search for the link's or
// the boot box's words (see preopen.ts, early-search.ts). The App is imported afterwards;
// index.html preloads its chunks, so that costs no extra round trip.
const { client } = preopenIndex('./data/');
searchAhead(client);
const { mountApp } = await import('./ui/mount-app.ts');

export default await mountApp(document.getElementById('app')!);
