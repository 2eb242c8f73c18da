/** The hosted page's App, mounted: what `main.ts` imports once the worker has its head start. */
import { mount } from 'svelte';
import App from './App.svelte';

export function mountApp(target: HTMLElement): ReturnType<typeof mount> {
  return mount(App, { target });
}
