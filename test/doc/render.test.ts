// The document renderers escape every piece of text: a policy title
// cannot start a list, break a table, open a link or inject markup.
import { describe, expect, it } from 'vitest';
import { DocumentBuilder, renderHtml, renderMarkdown, slug, type Document } from '../../compiler/index.js';

const hostile = '# *bold* _x_ [link](http://e.test) <img src=x onerror=alert(1)> | pipe ` tick &amp; ~~gone~~';

function documentOf(build: (doc: DocumentBuilder) => void): Document {
  const doc = new DocumentBuilder();
  build(doc);
  return { title: 'T', blocks: doc.blocks };
}

const mermaid = { source: 'window.mermaid = {};', notice: 'mermaid 0, test licence' };

describe('renderMarkdown', () => {
  it('escapes Markdown and HTML in text, headings and table cells', () => {
    const text = renderMarkdown(
      documentOf((doc) => {
        doc.heading(2, hostile);
        doc.paragraph(hostile);
        doc.table(['a'], [[[hostile, { code: 'a | b ` c' }]]]);
      }),
    );
    expect(text).toBe(
      [
        '## # \\*bold\\* \\_x\\_ \\[link\\](http://e.test) \\<img src=x onerror=alert(1)\\> \\| pipe \\` tick \\&amp; \\~\\~gone\\~\\~',
        '',
        '\\# \\*bold\\* \\_x\\_ \\[link\\](http://e.test) \\<img src=x onerror=alert(1)\\> \\| pipe \\` tick \\&amp; \\~\\~gone\\~\\~',
        '',
        '| a |',
        '| --- |',
        '| # \\*bold\\* \\_x\\_ \\[link\\](http://e.test) \\<img src=x onerror=alert(1)\\> \\| pipe \\` tick \\&amp; \\~\\~gone\\~\\~``a \\| b ` c`` |',
        '',
      ].join('\n'),
    );
  });

  it('leaves an underscore inside a name alone, and starts no list or heading', () => {
    expect(renderMarkdown(documentOf((doc) => doc.paragraph('MOC_Secure and _x_')))).toBe('MOC_Secure and \\_x\\_\n');
    expect(renderMarkdown(documentOf((doc) => doc.paragraph('- 1. x')))).toBe('\\- 1. x\n');
    expect(renderMarkdown(documentOf((doc) => doc.paragraph('12. x')))).toBe('12\\. x\n');
  });

  it('links contents to headings with GitHub anchors, numbering repeats', () => {
    const text = renderMarkdown(
      documentOf((doc) => {
        doc.contents([2, 3]);
        doc.heading(2, '2.5.2 Account switch');
        doc.heading(3, 'Step A');
        doc.heading(3, 'Step A');
      }),
    );
    expect(text).toContain('- [2.5.2 Account switch](#252-account-switch)\n  - [Step A](#step-a)\n  - [Step A](#step-a-1)\n');
    expect(slug('MOC_Secure/DA')).toBe('moc_secureda');
  });

  it('puts diagrams in mermaid blocks', () => {
    expect(renderMarkdown(documentOf((doc) => doc.diagram('flowchart TD\n  a --> b\n', 'd')))).toBe('```mermaid\nflowchart TD\n  a --> b\n```\n');
  });
});

describe('renderHtml', () => {
  it('escapes text, inlines the library safely, and forbids every request', () => {
    const page = renderHtml(
      documentOf((doc) => {
        doc.heading(1, hostile);
        doc.diagram('flowchart TD\n  a["</pre><script>alert(1)</script>"]\n', 'a <b> diagram');
      }),
      { mermaid: { source: 'var s = "</script><!--";', notice: 'mermaid */ 0' } },
    );
    expect(page).toContain('<h1 id="-bold-_x_-linkhttpetest-img-srcx-onerroralert1--pipe--tick-amp-gone">#');
    expect(page).not.toContain('<img');
    expect(page).toContain('&#60;/pre&#62;&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(page).toContain('var s = "<\\/script><\\!--";');
    expect(page).toContain('/*! mermaid  0 */');
    expect(page).toContain(`content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:"`);
    expect(page.match(/<script>/g)).toHaveLength(2);
    expect(renderHtml(documentOf(() => {}), { mermaid })).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
  });
});
