import { afterEach, describe, expect, it } from 'vitest';
import { EARLY_OPEN_ID, EARLY_WORKER_GLOBAL, earlyWorkerScript, takeEarlyWorker, type EarlyWorker } from '../../src/boot/early-worker.ts';

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

/** Runs the inline script as index.html would, with `fetch` answering the manifest with `manifest`. */
function runScript(script: string, manifest: Response | Error): Record<string, unknown> {
  const self: Record<string, unknown> = {};
  const fetched: string[] = [];
  const fetch = (url: string) => {
    fetched.push(url);
    return manifest instanceof Error ? Promise.reject(manifest) : Promise.resolve(manifest);
  };
  new Function('self', 'document', 'Worker', 'fetch', 'URL', script)(self, { baseURI: 'https://example.org/archive/' }, RecordingWorker, fetch, URL);
  return { ...self, fetched };
}

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

  it('leaves no global when the browser refuses the worker', () => {
    const self: Record<string, unknown> = {};
    const Refusing = function () {
      throw new Error('SecurityError');
    };
    new Function('self', 'document', 'Worker', 'fetch', 'URL', earlyWorkerScript('assets/w.js'))(self, { baseURI: 'https://example.org/' }, Refusing, () => Promise.reject(new Error('no')), URL);
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
