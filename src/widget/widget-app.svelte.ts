/**
 * The widget's App (`NewsSearch.svelte`, the search page's components and the Svelte runtime), a
 * chunk that `element.ts` imports once its first paint has shown the first results
 * (`first-paint.ts`), or the visitor asks for what only it does. Its props are reactive: changed settings reach
 * the mounted component (which sets up a new App).
 */
import { flushSync, mount, unmount } from 'svelte';
import NewsSearch from './NewsSearch.svelte';

type Props = Parameters<typeof NewsSearch>[1];

/** The mounted App: its settings to change, and its removal. */
export interface WidgetApp {
  set(changed: Pick<Props, 'settings' | 'compact'>): void;
  unmount(): void;
}

/** Mounts the App in `target` (the element's shadow root), rendered and its effects run before this returns. */
export function mountWidgetApp(target: ShadowRoot, initial: Props): WidgetApp {
  const props: Props = $state(initial);
  const app = mount(NewsSearch, { target, props });
  flushSync();
  return {
    set({ settings, compact }) {
      props.settings = settings;
      props.compact = compact;
    },
    unmount() {
      void unmount(app);
    },
  };
}
