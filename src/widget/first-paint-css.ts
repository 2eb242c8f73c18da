/**
 * The first paint's sheet: the App's own rules for the elements `first-paint-view.ts` makes, as
 * its components write them (`NewsSearch.svelte`, `App.svelte`, `SearchBox.svelte`,
 * `FacetPanel.svelte`, `ResultList.svelte`, `ResultItem.svelte`; in compact mode
 * `CompactSearch.svelte`), so that nothing moves when the
 * App takes over. The e2e test `tests/e2e/widget-first-paint.e2e.ts` compares the boxes before and
 * after; a change to those components' measures belongs here too.
 */
/** The App's palette (`App.svelte`'s `.news-search`, each themable as `--news-search-<name>`). */
export const PALETTE_CSS = `--bg:var(--news-search-bg,#fff);--fg:var(--news-search-fg,#1b1b1f);--muted:var(--news-search-muted,#55565c);--border:var(--news-search-border,#c9cad0);--surface:var(--news-search-surface,#f3f4f7);--accent:var(--news-search-accent,#0b57d0);--accent-soft:var(--news-search-accent-soft,#d8e4fb);--mark-bg:var(--news-search-mark-bg,#ffe27a);--mark-fg:var(--news-search-mark-fg,#1b1b1f);--focus:var(--news-search-focus,#0b57d0);--radius:var(--news-search-radius,.4rem);--font:var(--news-search-font,system-ui,-apple-system,'PingFang SC','Hiragino Sans GB','Noto Sans CJK SC','Microsoft YaHei',sans-serif)`;
/** The palette in dark mode. */
export const PALETTE_DARK_CSS = `--bg:var(--news-search-bg,#16171b);--fg:var(--news-search-fg,#e6e6ea);--muted:var(--news-search-muted,#aeb0b8);--border:var(--news-search-border,#4a4c55);--surface:var(--news-search-surface,#22242a);--accent:var(--news-search-accent,#93b8ff);--accent-soft:var(--news-search-accent-soft,#2a3a5c);--mark-bg:var(--news-search-mark-bg,#7a6300);--mark-fg:var(--news-search-mark-fg,#fff);--focus:var(--news-search-focus,#93b8ff);color-scheme:dark`;

/**
 * The rules for the elements inside `.news-search`, as the components write them: unscoped (the
 * widget's shadow root holds nothing else); the hosted page's first paint scopes them to its
 * boot box (`src/boot/first-paint-hosted-css.ts`).
 */
export const FIRST_PAINT_RULES = `
.news-search *,.news-search *::before,.news-search *::after{box-sizing:border-box}
.news-search :focus-visible{outline:3px solid var(--focus);outline-offset:2px;border-radius:2px}
mark{background:var(--mark-bg);color:var(--mark-fg);border-radius:2px;padding:0 1px}
a{color:var(--accent)}
button,input,select{font:inherit;color:inherit}
button{cursor:pointer;padding:.3rem .75rem;border:1px solid var(--border);border-radius:var(--radius);background:var(--surface);min-height:2.25rem}
.visually-hidden{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.news-search.stale .list{opacity:.5;transition:opacity .15s .15s}
.columns{display:grid;grid-template-columns:minmax(0,1fr);gap:1rem 2rem;align-items:start}
@media (min-width:48rem){.columns{grid-template-columns:minmax(14rem,18rem) minmax(0,1fr)}}
.search{position:relative;margin-bottom:.5rem}
.field{position:relative}
input{width:100%;padding:.6rem .8rem;font-size:1.15rem;border:2px solid var(--border);border-radius:var(--radius);background:var(--bg)}
input:focus-visible{border-color:var(--focus)}
.hint{margin:.25rem 0 0;font-size:.85rem;color:var(--muted)}
@media (hover:none) and (pointer:coarse){.hint{display:none}}
.facets{position:relative;border:1px solid var(--border);border-radius:var(--radius);padding:.25rem .75rem .75rem;background:var(--bg)}
summary{cursor:pointer;padding:.25rem 0}
summary h2{display:inline;font-size:1.1rem;margin:0}
.head{display:flex;flex-wrap:wrap;align-items:baseline;gap:.25rem 1rem;border-bottom:1px solid var(--border);padding-bottom:.5rem}
.head h2{font-size:1.1rem;margin:0}
.count{margin:0;color:var(--muted);flex:1 1 auto}
.sort{display:flex;align-items:center;gap:.4rem;font-size:.9rem}
select{padding:.25rem;border:1px solid var(--border);border-radius:var(--radius);background:var(--bg)}
.query-cut{margin:.5rem 0 0;font-size:.9rem;color:var(--muted)}
.list{list-style:none;margin:0;padding:0}
.list>li{border-bottom:1px solid var(--border)}
.similar-toggle{margin:0 .25rem .75rem;padding:.15rem .5rem;font-size:.85rem;color:var(--muted);background:none;border:1px solid var(--border);border-radius:var(--radius);cursor:pointer}
.chevron{margin-left:.3em}
.more{display:block;margin:1rem auto;min-width:10rem}
.result{padding:.75rem .25rem}
h3{margin:0;font-size:1.1rem;line-height:1.4;overflow-wrap:anywhere}
h3 a{text-decoration:none}
h3 a:hover{text-decoration:underline}
.result .meta{margin:.15rem 0;font-size:.85rem;color:var(--muted);display:flex;flex-wrap:wrap;gap:.35rem}
.result .snippet{margin:.25rem 0 0;overflow-wrap:anywhere}
.placeholder{color:var(--muted)}
p.placeholder{height:3em;border-radius:var(--radius);background:var(--surface)}
.missing{color:var(--muted);font-size:.9rem}
[hidden]{display:none}
.compact{position:relative}
.compact form{margin:0}
.compact input{padding:.5rem .75rem;font-size:1.05rem}
.compact .status{margin:.2rem 0 0;min-height:1.2em;font-size:.85rem;color:var(--muted)}
.compact ul{position:absolute;z-index:1;inset-inline:0;top:100%;margin:0;padding:.25rem;list-style:none;max-height:min(28rem,70vh);overflow-y:auto;background:var(--bg);border:1px solid var(--border);border-radius:var(--radius);box-shadow:0 .5rem 1.5rem rgb(0 0 0/.18)}
.compact li{display:grid;gap:.1rem;padding:.5rem .6rem;border-radius:var(--radius);cursor:pointer}
.compact li:hover{background:var(--accent-soft)}
.compact .title{font-weight:600;color:var(--accent)}
.compact .meta,.compact .snippet{font-size:.85rem;color:var(--muted)}
.compact .snippet{color:var(--fg)}
`;

export const FIRST_PAINT_CSS = `
:host{all:initial;display:block}
:host([hidden]){display:none}
.root{all:initial;display:block}
.news-search{${PALETTE_CSS};box-sizing:border-box;max-width:none;min-height:0;margin:0 auto;padding:.75rem;background:var(--bg);color:var(--fg);font-family:var(--font);font-size:1rem;line-height:1.6;color-scheme:light}
@media (prefers-color-scheme:dark){.news-search{${PALETTE_DARK_CSS}}}${FIRST_PAINT_RULES}`;
