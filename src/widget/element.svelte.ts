/**
 * The `<news-search>` element class: an open shadow root with `NewsSearch.svelte` mounted in it,
 * its props taken from the attributes (and from same-named properties). Written by hand instead of
 * Svelte's `customElement` mode, whose generic wrapper (slots, reflected props, component events)
 * and legacy class API cost the widget 1.7 KB gzip; it reads attributes the same way: strings as
 * they are, `results-per-page` as a number, `compact` true when present.
 */
import { mount, unmount } from 'svelte';
import NewsSearch from './NewsSearch.svelte';

/** Props and their attributes. */
const ATTRIBUTES = {
  indexUrl: 'index-url',
  lang: 'lang',
  placeholder: 'placeholder',
  resultsPerPage: 'results-per-page',
  outlet: 'outlet',
  from: 'from',
  to: 'to',
  openIn: 'open-in',
  pageUrl: 'page-url',
  compact: 'compact',
} as const;

type Prop = keyof typeof ATTRIBUTES;
type Props = { [K in Prop]?: K extends 'resultsPerPage' ? number : K extends 'compact' ? boolean : string };

const PROPS = Object.keys(ATTRIBUTES) as Prop[];

/** A prop's value from its attribute's (null: the attribute is absent). */
function fromAttribute(prop: Prop, value: string | null): Props[Prop] {
  if (prop === 'compact') return value !== null;
  if (value === null) return undefined;
  return prop === 'resultsPerPage' ? +value : value;
}

export class NewsSearchElement extends HTMLElement {
  static readonly observedAttributes: readonly string[] = Object.values(ATTRIBUTES);
  /** Marks this widget's class: a second copy of `widget.js` finds its tag taken by itself, not by a stranger. */
  static readonly isNewsSearchWidget = true;

  private readonly root = this.attachShadow({ mode: 'open' });
  /** Reactive (a `$state` proxy passed to `mount`): the component sees every change. */
  private readonly props: Props & { host: HTMLElement } = $state({ host: this });
  private app: ReturnType<typeof mount> | undefined;
  private connected = false;

  async connectedCallback(): Promise<void> {
    this.connected = true;
    // Like Svelte's custom elements: mount a microtask later (the parser may still be adding attributes).
    await Promise.resolve();
    if (!this.connected || this.app) return;
    const self = this as unknown as Record<Prop, unknown>;
    for (const prop of PROPS) {
      // A property set before the element was defined shadows the accessor: take it over,
      // unless an attribute already gave the prop its value.
      if (!Object.hasOwn(this, prop)) continue;
      const value = self[prop];
      delete self[prop];
      if (!(prop in this.props)) self[prop] = value;
    }
    this.app = mount(NewsSearch, { target: this.root, props: this.props });
  }

  disconnectedCallback(): void {
    this.connected = false;
    // Moved, not removed, when it is connected again before the microtask: keep the App.
    void Promise.resolve().then(() => {
      if (this.connected || !this.app) return;
      void unmount(this.app);
      this.app = undefined;
    });
  }

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    const prop = PROPS.find((p) => ATTRIBUTES[p] === name);
    if (prop) this.setProp(prop, fromAttribute(prop, value));
  }

  private setProp(prop: Prop, value: Props[Prop]): void {
    (this.props as Record<Prop, Props[Prop]>)[prop] = value;
  }

  static {
    // Each prop is also a property of the element, as with Svelte's custom elements.
    for (const prop of PROPS) {
      Object.defineProperty(this.prototype, prop, {
        get(this: NewsSearchElement) {
          return this.props[prop];
        },
        set(this: NewsSearchElement, value: unknown) {
          this.setProp(prop, (prop === 'compact' && typeof value !== 'boolean' ? value != null : value) as Props[Prop]);
        },
      });
    }
  }
}
