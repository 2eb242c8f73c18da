import { afterEach, describe, expect, it } from 'vitest';
import { EARLY_OPEN_ID, EARLY_WORKER_GLOBAL, earlyWorkerScript, FIRST_PAGES_AHEAD, takeEarlyWorker, type EarlyWorker } from '../../src/boot/early-worker.ts';
import { partPagePath } from '../../src/lib/search/format/part-pages.ts';

/** A stand-in for the browser's Worker: records how it was made and what it was sent. */
class RecordingWorker {
  static made: RecordingWorker[] = [];
  readonly posted: unknown[] = [];
  onerror: ((event: { message: string; preventDefault(): void }) => void) | null = null;
  constructor(
    readonly url: string,
    readonly options: WorkerOptions,
  ) {
    RecordingWorker.made.push(this);
  }
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
}

/**
 * Runs the inline script as index.html would, with `fetch` answering the manifest with `manifest`
 * (and any other file with 404), the boot box holding `typed`, the page's URL query `search`.
 */
function runScript(script: string, manifest: Response | Error, { typed = '', search = '' } = {}): Record<string, unknown> & { fetched: string[] } {
  const self: Record<string, unknown> = {};
  const fetched: string[] = [];
  const fetch = (url: string) => {
    fetched.push(url);
    if (!url.endsWith('/manifest.json')) return Promise.resolve(new Response('', { status: 404 }));
    return manifest instanceof Error ? Promise.reject(manifest) : Promise.resolve(manifest);
  };
  const input = new EventTarget() as EventTarget & { value: string };
  input.value = typed;
  const document = { baseURI: 'https://example.org/archive/', querySelector: (selector: string) => (selector === '#boot input' ? input : null) };
  self.input = input;
  new Function('self', 'document', 'location', 'Worker', 'fetch', 'URL', script)(self, document, { search }, RecordingWorker, fetch, URL);
  return { ...self, fetched };
}

/** Lets the manifest's promise chain run. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  RecordingWorker.made = [];
  delete (globalThis as Record<string, unknown>).Worker;
});

describe('earlyWorkerScript', () => {
  it('starts the worker from the page folder and opens the index with the manifest it fetched', async () => {
    const script = earlyWorkerScript('assets/search-worker-AbCd1234.js');
    const scope = runScript(script, new Response('{"docs":[]}'));
    const early = scope[EARLY_WORKER_GLOBAL] as EarlyWorker;
    const worker = RecordingWorker.made[0]!;
    expect(worker.url).toBe('./assets/search-worker-AbCd1234.js');
    expect(worker.options).toEqual({ type: 'module', name: 'news-archive-search' });
    expect(scope.fetched).toEqual(['https://example.org/archive/data/manifest.json']);
    expect(early.folder).toBe('https://example.org/archive/data/');
    expect(new TextDecoder().decode(await early.manifest)).toBe('{"docs":[]}');
    await Promise.resolve();
    expect(worker.posted).toEqual([{ id: EARLY_OPEN_ID, type: 'open', params: { indexUrl: 'https://example.org/archive/data/', manifest: new TextEncoder().encode('{"docs":[]}') } }]);
  });

  it('records a script error for the page, and opens nothing when the manifest cannot be fetched', async () => {
    const scope = runScript(earlyWorkerScript('assets/w.js'), new Response('gone', { status: 404 }));
    const early = scope[EARLY_WORKER_GLOBAL] as EarlyWorker;
    await expect(early.manifest).rejects.toThrow('HTTP 404');
    expect(RecordingWorker.made[0]!.posted).toEqual([]);
    let prevented = false;
    RecordingWorker.made[0]!.onerror!({ message: 'refused', preventDefault: () => (prevented = true) });
    expect(early.error).toBe('refused');
    expect(prevented).toBe(true);
  });

  it("asks for the newest docs block and the part table pages of the boot box's words (or the link's), at most FIRST_PAGES_AHEAD", async () => {
    const manifest = {
      docs: [{ file: 'docs-old.bin', bytes: 1 }, { file: 'docs-new.bin', bytes: 1 }],
      // Pages by first term, sorted as the index sorts its terms (UTF-16 code units).
      newestPartPages: [['0', 'p0', 48, 1], ['trump', 'p1', 48, 1], ['王', 'p2', 48, 1], ['王毅', 'p3', 48, 1], ['近平', 'p4', 48, 1], ['香', 'p5', 48, 1]],
    };
    const base = 'https://example.org/archive/data/';
    const ahead = async (options: { typed?: string; search?: string }) => {
      const { fetched } = runScript(earlyWorkerScript('assets/w.js'), new Response(JSON.stringify(manifest)), options);
      await settled();
      return fetched.filter((url) => !url.endsWith('manifest.json')).map((url) => url.slice(base.length));
    };
    // 王毅: its bigram's page; the newest docs block first.
    expect(await ahead({ typed: '王毅' })).toEqual(['docs-new.bin', partPagePath('p3')]);
    // A link's words when nothing was typed; Latin words whole, lower-cased after NFKC (ＴＲＵＭＰ → trump);
    // 习近 sorts before 王, on trump's page (asked for once), 近平 on its own.
    expect(await ahead({ search: `?q=${encodeURIComponent('ＴＲＵＭＰ 习近平')}` })).toEqual(['docs-new.bin', partPagePath('p1'), partPagePath('p4')]);
    // At most FIRST_PAGES_AHEAD pages, each once.
    expect((await ahead({ typed: '王毅 香港 近平 trump' })).length).toBe(1 + FIRST_PAGES_AHEAD);
    // No words: the docs block alone, then the first words typed (not an IME's letters), once.
    const { fetched, input } = runScript(earlyWorkerScript('assets/w.js'), new Response(JSON.stringify(manifest)));
    await settled();
    expect(fetched.map((url) => url.slice(base.length))).toEqual(['manifest.json', 'docs-new.bin']);
    const box = input as EventTarget & { value: string };
    const type = (value: string, isComposing = false) => {
      box.value = value;
      box.dispatchEvent(Object.assign(new Event('input'), { isComposing }));
    };
    type('w', true);
    type('香');
    type('香港');
    expect(fetched.map((url) => url.slice(base.length))).toEqual(['manifest.json', 'docs-new.bin', partPagePath('p5')]);
  });

  it('asks for nothing more, and still opens the index, when the manifest is not what it expects', async () => {
    const { fetched } = runScript(earlyWorkerScript('assets/w.js'), new Response('not json'), { typed: '王毅' });
    await settled();
    expect(fetched).toEqual(['https://example.org/archive/data/manifest.json']);
    expect(RecordingWorker.made[0]!.posted).toHaveLength(1);
  });

  it('leaves no global when the browser refuses the worker', () => {
    const self: Record<string, unknown> = {};
    const Refusing = function () {
      throw new Error('SecurityError');
    };
    new Function('self', 'document', 'location', 'Worker', 'fetch', 'URL', earlyWorkerScript('assets/w.js'))(self, { baseURI: 'https://example.org/' }, { search: '' }, Refusing, () => Promise.reject(new Error('no')), URL);
    expect(self).toEqual({});
  });
});

describe('takeEarlyWorker', () => {
  it('hands the worker over once, for the folder it opened', () => {
    (globalThis as Record<string, unknown>).Worker = RecordingWorker;
    const early = { worker: new RecordingWorker('./w.js', {}), error: null, folder: 'https://example.org/data/', manifest: Promise.resolve(new ArrayBuffer(0)) };
    const scope: Record<string, unknown> = { [EARLY_WORKER_GLOBAL]: early };
    expect(takeEarlyWorker('https://example.org/other/', scope)).toBeNull();
    expect(takeEarlyWorker('https://example.org/data/', scope)).toBe(early);
    expect(takeEarlyWorker('https://example.org/data/', scope)).toBeNull();
  });
});
