import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { adoptedStyles } from '../../scripts/vite/adopted-styles.ts';

/** The plugin's `load` hook, called as Vite would (only `this.error` is used). */
function load(id: string): string | undefined {
  const hook = adoptedStyles().load;
  if (typeof hook !== 'function') throw new Error('adopted-styles: load is not a plain function');
  const context = {
    error(message: string): never {
      throw new Error(message);
    },
  };
  // The hook's declared `this` is Rollup's whole plugin context; it reads only `error`.
  return (hook as unknown as (this: typeof context, id: string) => string | undefined).call(context, id);
}

const SVELTE_CSS = path.join(path.dirname(createRequire(import.meta.url).resolve('svelte/package.json')), 'src/internal/client/dom/css.js');
const scratch = mkdtemp(path.join(os.tmpdir(), 'nas-adopted-styles-'));
afterAll(async () => rm(await scratch, { recursive: true, force: true }));

describe('adoptedStyles', () => {
  it('replaces the installed Svelte\u2019s append_styles with one that adopts constructed sheets', () => {
    const code = load(SVELTE_CSS);
    expect(code).toMatch(/export function append_styles\(anchor, css\)/);
    expect(code).toContain('adoptComponentCss(anchor.getRootNode(), css)');
    expect(code).not.toMatch(/createElement|create_element/);
  });

  it('stops the build when Svelte\u2019s css.js is not the reviewed one', async () => {
    const changed = path.join(await scratch, 'node_modules/svelte/src/internal/client/dom/css.js');
    await mkdir(path.dirname(changed), { recursive: true });
    await writeFile(changed, 'export function append_styles(anchor, css) { /* a newer Svelte */ }\n');
    expect(() => load(changed)).toThrow(/is not the one scripts\/vite\/adopted-styles\.ts replaces/);
  });

  it('leaves every other module alone', () => {
    expect(load(path.join(path.dirname(SVELTE_CSS), 'operations.js'))).toBeUndefined();
  });
});
