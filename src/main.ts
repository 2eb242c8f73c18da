import { preopenIndex } from './ui/preopen.ts';

// Before the app's code arrives: start the worker and open the index (see preopen.ts). The App
// is imported afterwards; index.html preloads its chunks, so that costs no extra round trip.
preopenIndex('./data/');
const { mountApp } = await import('./ui/mount-app.ts');

export default mountApp(document.getElementById('app')!);
