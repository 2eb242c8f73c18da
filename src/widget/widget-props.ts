/**
 * `<news-search>`'s attributes and the props they give (`element.ts` reads them; the first paint
 * and the App take them): strings as they are, `results-per-page` as a number, `compact` true when present.
 */

/** Props and their attributes. */
export const ATTRIBUTES = {
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

export type Prop = keyof typeof ATTRIBUTES;
export type WidgetProps = { [K in Prop]?: K extends 'resultsPerPage' ? number : K extends 'compact' ? boolean : string };

export const PROPS = Object.keys(ATTRIBUTES) as Prop[];

/** A prop's value from its attribute's (null: the attribute is absent). */
export function fromAttribute(prop: Prop, value: string | null): WidgetProps[Prop] {
  if (prop === 'compact') return value !== null;
  if (value === null) return undefined;
  return prop === 'resultsPerPage' ? +value : value;
}
