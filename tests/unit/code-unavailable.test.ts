import { describe, expect, it } from 'vitest';
import { CodeUnavailableError, loadCode } from '../../src/lib/search/code-unavailable.ts';

describe('loadCode', () => {
  it('hands over what the chunk exports', async () => {
    await expect(loadCode(async () => ({ answer: 42 }))).resolves.toEqual({ answer: 42 });
  });

  it('turns a chunk that cannot be fetched into a CodeUnavailableError, keeping its text and cause', async () => {
    const failure = new TypeError('Failed to fetch dynamically imported module: https://host/assets/search-core-AAAAAAAA.js');
    const error = await loadCode(() => Promise.reject(failure)).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(CodeUnavailableError);
    expect((error as CodeUnavailableError).message).toBe(`TypeError: ${failure.message}`);
    expect((error as CodeUnavailableError).cause).toBe(failure);
  });

  it('tells an unavailable chunk by its class, whatever the browser says', async () => {
    // Firefox and Safari word it otherwise than Chromium: no "fetch" or "import" in the text.
    const error = await loadCode(() => Promise.reject(new TypeError('error loading dynamically imported module'))).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(CodeUnavailableError);
    const other = await loadCode(() => Promise.reject(new Error('NetworkError when attempting to load the resource'))).catch((thrown: unknown) => thrown);
    expect(other).toBeInstanceOf(CodeUnavailableError);
  });
});
