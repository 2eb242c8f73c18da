/**
 * Opening the index: the manifest (awaited from the hosted page's head start when there is one,
 * else asked of the worker), and whether the index is loading, ready or could not be opened.
 */
import type { Manifest } from '../../lib/search/format/index-format.ts';
import type { StateWorker } from './types.ts';

export class IndexOpening {
  manifest: Manifest | null = $state.raw(null);
  status: 'loading' | 'ready' | 'error' = $state('loading');

  /**
   * @param preopening the hosted page's head start (`preopen.ts`): the first open awaits it instead of asking
   * @param opened called once the manifest is in
   * @param failed called when the index could not be opened
   */
  constructor(
    private readonly client: StateWorker,
    private readonly indexUrl: string,
    private preopening: Promise<Manifest> | null,
    private readonly opened: (manifest: Manifest) => void,
    private readonly failed: (error: unknown) => void,
  ) {}

  async open(): Promise<void> {
    this.status = 'loading';
    try {
      const preopening = this.preopening;
      this.preopening = null;
      const manifest = await (preopening ?? this.client.request('open', { indexUrl: this.indexUrl }));
      this.manifest = manifest;
      this.status = 'ready';
      this.opened(manifest);
    } catch (error) {
      this.status = 'error';
      this.failed(error);
    }
  }
}
