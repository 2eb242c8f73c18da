import { describe, expect, it } from 'vitest';
import { articleTags, MAX_TAGS, postTagsOf } from '../../src/lib/article/article-tags.ts';
import { plainText } from '../../src/lib/article/normalize.ts';

/** A China Digital Times feed footer in the shape the archive's bodies end with (written for this test). */
const FOOTER =
  '<p><small><a href="https://chinadigitaltimes.net/chinese/share">分享</a><br/>Post tags: <a href="https://chinadigitaltimes.net/chinese/tag/a/" rel="tag">言论自由</a>, ' +
  '<a href="https://chinadigitaltimes.net/chinese/tag/b/" rel="tag">A &amp; B</a>, <a href="https://chinadigitaltimes.net/chinese/tag/c/" rel="tag">维权</a><br/></small></p>' +
  '<p><small>Feed enhanced by <a href="http://planetozh.com/blog/">Better Feed</a></small></p>';

describe('postTagsOf', () => {
  it('reads the tags of the "Post tags:" line, in order', () => {
    expect(postTagsOf(`<p>正文</p>${FOOTER}`)).toEqual(['言论自由', 'A &amp; B', '维权']);
  });

  it('reads only the last such line (one quoted in the story is text)', () => {
    const quoted = '<p>Post tags: <a rel="tag">引用</a></p><p>正文</p>';
    expect(postTagsOf(quoted + FOOTER)).toEqual(['言论自由', 'A &amp; B', '维权']);
  });

  it('finds nothing in a body without the line, or with the words but no tag links', () => {
    expect(postTagsOf('<p>正文</p>')).toEqual([]);
    expect(postTagsOf('<p>Post tags: none</p>')).toEqual([]);
  });
});

describe('articleTags', () => {
  const sources = { tags: [] as string[], categories: [] as string[], postTags: [] as string[], outlet: '法广' };

  it('leaves out outlet names in any spelling, the feed\'s own name and generic words', () => {
    const tags = articleTags({ ...sources, tags: ['RFI', '香港', 'News'], categories: ['news', '法广', '新闻'], postTags: ['城寨 Singjai', '国安法'], author: '某网站' }, plainText);
    expect(tags).toEqual(['香港', '国安法']);
    expect(articleTags({ ...sources, tags: ['某网站', '评论'], author: '某网站' }, plainText)).toEqual(['评论']);
  });

  it('decodes entities and keeps the first spelling of a repeated tag (width and case folded)', () => {
    expect(articleTags({ ...sources, tags: ['ＣＯＶＩＤ'], postTags: ['covid', 'A &amp; B'] }, plainText)).toEqual(['ＣＯＶＩＤ', 'A & B']);
  });

  it('drops sentences posing as tags and stops at MAX_TAGS', () => {
    expect(articleTags({ ...sources, tags: ['这是一个非常非常长的标签'.repeat(5)] }, plainText)).toEqual([]);
    const many = Array.from({ length: MAX_TAGS + 5 }, (_, i) => `标签${i}`);
    expect(articleTags({ ...sources, tags: many }, plainText)).toHaveLength(MAX_TAGS);
  });
});
