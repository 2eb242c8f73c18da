import { afterAll, describe, expect, it } from 'vitest';
import { createDomEnv } from '../../scripts/lib/dom-env.ts';
import { collapseBreaks, extractText, removeEmptyElements, trimEdges, truncateChildren } from '../../src/lib/article/body-dom.ts';

const env = createDomEnv();
afterAll(() => env.close());

function tree(html: string): HTMLDivElement {
  const root = env.document.implementation.createHTMLDocument('').createElement('div');
  root.innerHTML = html;
  return root;
}

describe('extractText', () => {
  it('keeps the line structure of <pre> and separates table rows and cells', () => {
    expect(extractText(tree('<pre>a  b\nc</pre><table><tr><td>1</td><td>2</td></tr><tr><th>3</th></tr></table>'))).toBe('a b\nc\n1 2\n3');
  });

  it('closes the lines of nested blocks as it climbs out of them', () => {
    expect(extractText(tree('<div><div><p>一</p>二</div>三</div>四'))).toBe('一\n二\n三\n四');
  });
});

describe('removeEmptyElements', () => {
  it('removes nested empty wrappers bottom up and keeps images', () => {
    const root = tree('<div><div><span> </span><br></div></div><p><img src="https://img.example/a.jpg"></p>');
    removeEmptyElements(root);
    expect(root.innerHTML).toBe('<p><img src="https://img.example/a.jpg"></p>');
  });
});

describe('collapseBreaks', () => {
  it('keeps at most two breaks in a row and none at the edges of a block', () => {
    const root = tree('<p><br>a<br> <br> <br>b<br></p>');
    collapseBreaks(root);
    expect(root.innerHTML).toBe('<p>a<br> <br> b</p>');
  });
});

describe('trimEdges', () => {
  it('removes trailing rules and breaks inside the last block and trims the edge text', () => {
    const root = tree('<hr>  <p> 正文 </p><div>尾<br><hr></div><br>');
    trimEdges(root);
    expect(root.innerHTML).toBe('<p>正文 </p><div>尾</div>');
  });
});

describe('truncateChildren', () => {
  it('keeps whole nodes that fit and drops the rest', () => {
    const root = tree('<p>aaaa</p><p>bbbb</p><p>cccc</p>');
    expect(truncateChildren(root, 25)).toBe(true);
    expect(root.innerHTML).toBe('<p>aaaa</p><p>bbbb</p>');
  });

  it('counts escaped characters in text at their serialized length', () => {
    const root = tree('<p>x</p>a&amp;b');
    expect(truncateChildren(root, 10)).toBe(true);
    expect(root.innerHTML).toBe('<p>x</p>');
  });

  it('does nothing when everything fits', () => {
    const root = tree('<p>a</p>');
    expect(truncateChildren(root, 100)).toBe(false);
    expect(root.innerHTML).toBe('<p>a</p>');
  });
});
