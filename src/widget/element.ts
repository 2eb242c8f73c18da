/**
 * The `<news-search>` element class: an open shadow root that shows the widget's first paint
 * (`first-paint.ts`: a plain search box, the status line and the first page of results, no
 * Svelte) and, once those results are painted, the App (`widget-app.svelte.ts`, a chunk loaded
 * then), which takes over the box's words, focus and caret, the search and its summaries (in
 * compact mode, a combobox: `first-paint-compact.ts`). Props come from the attributes and from same-named
 * properties (`widget-props.ts`). Written by hand instead of Svelte's `customElement` mode, whose
 * generic wrapper and legacy class API cost 1.7 KB gzip.
 */
import { FirstPaint } from './first-paint.ts';
import { shadowPlace } from './shadow-place.ts';
import { ATTRIBUTES, fromAttribute, PROPS, type Prop, type WidgetProps } from './widget-props.ts';
import type { WidgetApp } from './widget-app.svelte.ts';
import { widgetSettings, type WidgetSettings } from './widget-settings.ts';

export class NewsSearchElement extends HTMLElement {
  static readonly observedAttributes: readonly string[] = Object.values(ATTRIBUTES);
  /** Marks this widget's class: a second copy of `widget.js` finds its tag taken by itself, not by a stranger. */
  static readonly isNewsSearchWidget = true;

  private readonly root = this.attachShadow({ mode: 'open' });
  private readonly props: WidgetProps = {};
  private app: WidgetApp | undefined;
  private firstPaint: FirstPaint | undefined;
  private connected = false;
  /** Counts set-ups: an App that arrives for an older one (an attribute changed, the element removed) is not mounted. */
  private setUps = 0;

  async connectedCallback(): Promise<void> {
    this.connected = true;
    // Like Svelte's custom elements: set up a microtask later (the parser may still be adding attributes).
    await Promise.resolve();
    if (!this.connected || this.app || this.firstPaint) return;
    const self = this as unknown as Record<Prop, unknown>;
    for (const prop of PROPS) {
      // A property set before the element was defined shadows the accessor: take it over,
      // unless an attribute already gave the prop its value.
      if (!Object.hasOwn(this, prop)) continue;
      const value = self[prop];
      delete self[prop];
      if (!(prop in this.props)) self[prop] = value;
    }
    this.setUp();
  }

  disconnectedCallback(): void {
    this.connected = false;
    // Moved, not removed, when it is connected again before the microtask: keep what it shows.
    void Promise.resolve().then(() => {
      if (this.connected) return;
      this.setUps++;
      this.app?.unmount();
      this.app = undefined;
      this.firstPaint?.stop();
      this.firstPaint = undefined;
    });
  }

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    const prop = PROPS.find((p) => ATTRIBUTES[p] === name);
    if (prop) this.setProp(prop, fromAttribute(prop, value));
  }

  private setProp<K extends Prop>(prop: K, value: WidgetProps[K]): void {
    this.props[prop] = value;
    if (this.app) this.app.set({ settings: this.settings(), compact: this.props.compact ?? false });
    else if (this.firstPaint) {
      // Set up again, as the App does for a changed attribute.
      this.firstPaint.stop();
      this.firstPaint = undefined;
      this.setUp();
    }
  }

  /** The first paint, which calls for the App once its first results are painted. */
  private setUp(): void {
    const setUp = ++this.setUps;
    const compact = this.props.compact ?? false;
    const settings = this.settings();
    const paint: FirstPaint = new FirstPaint(shadowPlace(this.root, compact, settings.placeholder), { ...settings, compact, due: () => this.mountApp(setUp, paint, compact) }, { host: this });
    this.firstPaint = paint;
  }

  /**
   * Loads the App and mounts it, taking over from `paint` (once its box is not mid-IME and its
   * latest search has settled). In compact mode, with the App's combobox (a chunk of its own, which
   * the App would otherwise ask for only once mounted: the first paint is removed once it is there).
   */
  private mountApp(setUp: number, paint: FirstPaint, compact: boolean): void {
    const current = () => setUp === this.setUps && this.connected;
    const combobox = compact ? import('../ui/components/on-demand/CompactSearch.svelte') : null;
    import('./widget-app.svelte.ts')
      .then(async ({ mountWidgetApp }) => {
        await combobox;
        const handing = await paint.handOver();
        if (!current()) return;
        this.app = mountWidgetApp(this.root, {
          host: this,
          settings: this.settings(),
          compact: this.props.compact ?? false,
          handOver: handing.take,
          announced: handing.announced,
        });
        this.firstPaint = undefined;
        handing.finish(this.root);
      })
      .catch((error: unknown) => {
        // The first paint stays: its box searches, its results show.
        if (current()) console.error('news-archive-search: the search page could not be loaded', error);
      });
  }

  /** The settings the attributes give now (the index by default beside widget.js, this module's file). */
  private settings(): WidgetSettings {
    return widgetSettings(this.props, document.baseURI, import.meta.url);
  }

  static {
    // Each prop is also a property of the element, as with Svelte's custom elements.
    for (const prop of PROPS) {
      Object.defineProperty(this.prototype, prop, {
        get(this: NewsSearchElement) {
          return this.props[prop];
        },
        set(this: NewsSearchElement, value: unknown) {
          this.setProp(prop, (prop === 'compact' && typeof value !== 'boolean' ? value != null : value) as WidgetProps[Prop]);
        },
      });
    }
  }
}
