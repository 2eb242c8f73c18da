/**
 * The hosted page's offline side as its App loads it, once, a second after its first results
 * (`App.svelte`): the session and the two components that show it. One import for the App to
 * make, so that the App's chunk (which the widget shares, and never uses this) carries one line
 * for it; the three still download together.
 */
export { default as OfflineControl } from '../ui/components/on-demand/OfflineControl.svelte';
export { default as UpdateNotice } from '../ui/components/on-demand/UpdateNotice.svelte';
export { OfflineSession } from './offline-session.svelte.ts';
