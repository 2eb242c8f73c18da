import { afterAll, describe, expect, it } from 'vitest';
import { createDomEnv } from '../../scripts/lib/dom-env.ts';
import { DEFAULT_MARKUP_LIMITS, flattenDeepElements, limitMarkup } from '../../src/lib/article/body-limits.ts';

const env = createDomEnv();
afterAll(() => env.close());

const limits = (overrides: Partial<typeof DEFAULT_MARKUP_LIMITS>) => ({ ...DEFAULT_MARKUP_LIMITS, ...overrides });

describe('limitMarkup', () => {
  it('leaves ordinary sloppy markup byte-for-byte unchanged', () => {
    const html =
      '<p>一<p>二<ul><li>甲<li>乙</ul><table><tr><td>格<td>格<tr><td>格</table><img src="x.jpg"><br/><hr>' +
      '<script>if (a < b) document.write("<div><div><div>")</script><!-- <div><div> --><svg><path d="M0"/><g/></svg><p>三';
    expect(limitMarkup(html, limits({ maxDepth: 3 }))).toEqual({ html, flattened: false });
  });

  it('drops start and end tags nested deeper than the limit and keeps all text', () => {
    const { html, flattened } = limitMarkup('<div>a<div>b<div>c<div>d</div>e</div>f</div>g</div>', limits({ maxDepth: 2 }));
    expect(flattened).toBe(true);
    expect(html).toBe('<div>a<div>bcdef</div>g</div>');
  });

  it('caps the child elements of one element', () => {
    const { html, flattened } = limitMarkup('<p>1</p><p>2</p><p>3</p><p>4</p>', limits({ maxChildElements: 2 }));
    expect(flattened).toBe(true);
    expect(html).toBe('<p>1</p><p>2</p>34');
  });

  it('caps the elements of the whole body', () => {
    const { html } = limitMarkup('<b>1</b><i>2</i><u>3</u>', limits({ maxElements: 2 }));
    expect(html).toBe('<b>1</b><i>2</i>3');
  });

  it('caps formatting elements left open, which the parser would reopen in every later block', () => {
    const { html, flattened } = limitMarkup('<p><b>1<p><i>2<p><u>3</u><p><s>4</s>', limits({ maxOpenFormatting: 2 }));
    expect(flattened).toBe(true);
    expect(html).toBe('<p><b>1<p><i>2<p>3<p>4');
  });

  it('does not let a stray end tag inside a table cell close the cell (the parser ignores it)', () => {
    const { html, flattened } = limitMarkup('<div><table><tr><td>x</div>'.repeat(3), limits({ maxDepth: 6 }));
    expect(flattened).toBe(true);
    expect(html.startsWith('<div><table><tr><td>x</div>')).toBe(true);
  });

  it('runs in linear time on 100,000 nested tags', () => {
    const started = performance.now();
    const { html, flattened } = limitMarkup(`${'<div>'.repeat(100_000)}x${'</div>'.repeat(100_000)}`);
    expect(flattened).toBe(true);
    expect(html).toBe(`${'<div>'.repeat(128)}x${'</div>'.repeat(128)}`);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('stops at an unterminated tag or comment without throwing', () => {
    expect(limitMarkup('<p>a<div class="x').html).toBe('<p>a<div class="x');
    expect(limitMarkup('<p>a<!-- open').html).toBe('<p>a<!-- open');
  });
});

describe('flattenDeepElements', () => {
  it('moves the text, images and line breaks under the depth limit into the element at the limit', () => {
    const root = env.document.implementation.createHTMLDocument('').createElement('div');
    root.innerHTML = '<div><div><p>a<b>b<img src="https://img.example/x.jpg"><i>c<br>d</i></b></p></div></div>';
    expect(flattenDeepElements(root, 2)).toBe(true);
    expect(root.innerHTML).toBe('<div><div>ab<img src="https://img.example/x.jpg">c<br>d</div></div>');
  });

  it('reports nothing for a shallow tree', () => {
    const root = env.document.implementation.createHTMLDocument('').createElement('div');
    root.innerHTML = '<p>a<b>b</b></p>';
    expect(flattenDeepElements(root, 5)).toBe(false);
    expect(root.innerHTML).toBe('<p>a<b>b</b></p>');
  });
});
