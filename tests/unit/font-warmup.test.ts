// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { TEXT_STYLES, warmUpFonts } from '../../src/boot/font-warmup.ts';

describe('warmUpFonts', () => {
  it('lays out one text style per task, then marks the box done', async () => {
    const container = document.createElement('div');
    document.body.append(container);
    const steps: Array<() => void> = [];
    const nextTask = () => new Promise<void>((resolve) => steps.push(resolve));
    const done = warmUpFonts(container, document, nextTask);
    const box = container.querySelector<HTMLElement>('[aria-hidden="true"]')!;
    // Nothing laid out in the entry's own task: only the empty box.
    expect(box.children).toHaveLength(0);
    for (let i = 1; i <= TEXT_STYLES.length; i++) {
      steps.shift()!();
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(box.children).toHaveLength(i);
    }
    await done;
    expect(box.dataset.warmed).toBe('');
    expect([...box.children].map((line) => (line as HTMLElement).style.fontWeight)).toEqual(TEXT_STYLES.map((style) => String(style.weight)));
  });

  it('stops once the App has replaced the shell', async () => {
    const container = document.createElement('div');
    document.body.append(container);
    const steps: Array<() => void> = [];
    const done = warmUpFonts(container, document, () => new Promise<void>((resolve) => steps.push(resolve)));
    const box = container.querySelector<HTMLElement>('[aria-hidden="true"]')!;
    container.remove();
    steps.shift()!();
    await done;
    expect(box.children).toHaveLength(0);
    expect(box.dataset.warmed).toBeUndefined();
  });
});
