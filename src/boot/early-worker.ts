/**
 * The search worker started by index.html itself, before any of the page's scripts have arrived.
 *
 * A worker's script cannot be preloaded (the browser fetches it apart from the page's preloads), so
 * started by the entry it was asked for only once the entry had downloaded and run, and the first
 * index files a round trip after that. The build writes a small inline script into index.html's
 * head (scripts/vite/page-preloads.ts, allowed by its hash in the page's CSP,
 * scripts/vite/hosted-page-csp.ts) that, as soon as the HTML is parsed, starts the worker and
 * fetches the manifest (index.html's preload) and hands it to the worker in an "open" of its own
 * (`EARLY_OPEN_ID`): the worker then fetches the newest docs block whether or not the entry has
 * arrived. It leaves the worker and the manifest here; `preopen-index.ts` hands both to the worker
 * client, whose own "open" of the same folder finds the index opening. A page without the script
 * (the dev server, an older index.html) starts the worker from the entry, as before.
 *
 * With the manifest, the script also asks for what the first answer will read first, into the
 * HTTP cache, where the worker (whose script is still downloading) then finds it: the newest docs
 * block (every query reads it) and the part table pages (`dir-*.bin`) of the words in the boot box
 * or the link's `?q=`, or else of the first words typed (`FIRST_PAGES_AHEAD` at most): their range looked up in the manifest's
 * `newestPartPages` by each Chinese word's bigrams, or the whole word, after NFKC and lower case
 * (the query parser's rules, not its folding: a traditional word's guess may miss, which only
 * costs that fetch). The worker's own lookup then reads them from the cache instead of a round
 * trip after its script has arrived.
 */

/** The global the inline script leaves its worker on; read once. */
export const EARLY_WORKER_GLOBAL = '__newsArchiveSearchWorker';
/** The hosted page's index folder, relative to the page. */
export const HOSTED_INDEX_FOLDER = './data/';
/** The request id of the inline script's "open": the worker's reply to it is nobody's (the client's ids start at 0). */
export const EARLY_OPEN_ID = -1;

/** Part table pages the inline script asks for ahead at most. */
export const FIRST_PAGES_AHEAD = 3;

/** What the inline script leaves. */
export interface EarlyWorker {
  worker: Worker;
  /** Its script's error, when one fired before the page took the worker. */
  error: string | null;
  /** The index folder it opened (absolute, ending in `/`). */
  folder: string;
  /** The manifest's bytes (rejects when the fetch failed: the worker then fetches, and reports, itself). */
  manifest: Promise<ArrayBuffer>;
}

/**
 * The inline script, for the worker's built file `file` (relative to the page, `assets/…`).
 * Classic script, no module syntax: it runs as the parser reaches it, before the entry's module.
 */
export function earlyWorkerScript(file: string): string {
  // In a function of its own: nothing but the global below is left on the page's scope.
  return [
    '(function(){try{',
    `var d=new URL(${JSON.stringify(HOSTED_INDEX_FOLDER)},document.baseURI).href,`,
    `w=new Worker(${JSON.stringify(`./${file}`)},{type:"module",name:"news-archive-search"}),`,
    `s=self.${EARLY_WORKER_GLOBAL}={worker:w,error:null,folder:d,manifest:fetch(d+"manifest.json").then(function(r){if(!r.ok)throw new Error("HTTP "+r.status);return r.arrayBuffer()})};`,
    'w.onerror=function(e){e.preventDefault();s.error=e.message||"script error"};',
    `s.manifest.then(function(b){w.postMessage({id:${EARLY_OPEN_ID},type:"open",params:{indexUrl:d,manifest:new Uint8Array(b)}});ahead(b)},function(){})`,
    '}catch(e){}',
    FIRST_FILES_AHEAD,
    '})()',
  ].join('');
}

/**
 * The inline script's `ahead(manifestBytes)` (see the module's comment), for folder `d`: a function
 * declaration, hoisted, that never throws.
 */
const FIRST_FILES_AHEAD = [
  'function ahead(b){try{',
  'var m=JSON.parse(new TextDecoder().decode(b)),',
  'F=function(p){fetch(d+p).catch(function(){})},',
  'k=m.docs&&m.docs[m.docs.length-1],P=m.newestPartPages||[],I=document.querySelector("#boot input"),S={},n=0,',
  // The part table pages of `q`'s words.
  'G=function(q){q.normalize("NFKC").toLowerCase().split(/\\s+/).forEach(function(x){',
  'var c=Array.from(x),t=c.length>1&&/[\\u3400-\\u9fff]/.test(x)?c.slice(1).map(function(e,j){return c[j]+e}):[x];',
  't.forEach(function(t){if(!t||n>=' + FIRST_PAGES_AHEAD + '||!P.length)return;',
  'for(var l=0,h=P.length-1;l<h;){var o=(l+h+1)>>1;if(P[o][0]<=t)l=o;else h=o-1}',
  'var e=P[l];if(!S[e[1]]){S[e[1]]=1;n++;F("dir-"+e[1]+".bin")}})})},',
  'q=(I&&I.value)||new URLSearchParams(location.search).get("q")||"";',
  'if(k)F(k.file);',
  // Nothing typed yet: the first words typed (not an IME's letters), if the worker is still on its way.
  'if(q)G(q);else if(I)I.addEventListener("input",function L(e){if(e.isComposing||!I.value)return;I.removeEventListener("input",L);G(I.value)})',
  '}catch(e){}}',
].join('');

/** The worker index.html started for the index at `folder` (absolute), once; null without one (the caller starts its own). */
export function takeEarlyWorker(folder: string, scope: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): EarlyWorker | null {
  const early = scope[EARLY_WORKER_GLOBAL] as EarlyWorker | undefined;
  if (!early || typeof early !== 'object' || typeof Worker !== 'function' || !(early.worker instanceof Worker) || early.folder !== folder) return null;
  delete scope[EARLY_WORKER_GLOBAL];
  return early;
}
