import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Markdown } from './Markdown.js';

afterEach(cleanup);

function renderMd(source: string) {
  return render(<Markdown source={source} />).container.firstElementChild as HTMLElement;
}

describe('Markdown blocks', () => {
  it('renders paragraphs separated by blank lines', () => {
    const root = renderMd('first line\nsame paragraph\n\nsecond');
    const paragraphs = root.querySelectorAll('p');
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs[0]!.textContent).toBe('first line\nsame paragraph');
  });

  it('renders ATX and setext headings at their level', () => {
    const root = renderMd('# One\n\n### Three ###\n\nTwo\n---');
    expect(root.querySelector('h1')!.textContent).toBe('One');
    expect(root.querySelector('h3')!.textContent).toBe('Three');
    expect(root.querySelector('h2')!.textContent).toBe('Two');
  });

  it('renders unordered and ordered lists with nesting and a start number', () => {
    const root = renderMd('- a\n  - nested\n- b\n\n3. three\n4. four');
    const ul = root.querySelector('ul')!;
    expect(ul.children).toHaveLength(2);
    expect(ul.querySelector('li ul li')!.textContent).toBe('nested');
    const ol = root.querySelector('ol')!;
    expect(ol.getAttribute('start')).toBe('3');
    expect(ol.querySelectorAll('li')).toHaveLength(2);
  });

  it('renders tight list items without paragraphs and loose ones with them', () => {
    const tight = renderMd('- a\n- b');
    expect(tight.querySelector('li p')).toBeNull();
    cleanup();
    const loose = renderMd('- a\n\n- b');
    expect(loose.querySelectorAll('li p')).toHaveLength(2);
  });

  it('renders task items as disabled checkboxes', () => {
    const root = renderMd('- [x] done\n- [ ] todo');
    const boxes = root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]');
    expect(boxes).toHaveLength(2);
    expect(boxes[0]!.checked).toBe(true);
    expect(boxes[1]!.checked).toBe(false);
    expect(boxes[0]!.disabled).toBe(true);
    expect(root.querySelectorAll('li')[0]!.textContent).toBe(' done');
    expect(screen.getByRole('checkbox', { name: 'Done' })).toBe(boxes[0]);
    expect(screen.getByRole('checkbox', { name: 'Not done' })).toBe(boxes[1]);
  });

  it('renders blockquotes with nested blocks and lazy continuation', () => {
    const root = renderMd('> quoted\nlazy\n>\n> - item');
    const quote = root.querySelector('blockquote')!;
    expect(quote.querySelector('p')!.textContent).toBe('quoted\nlazy');
    expect(quote.querySelector('li')!.textContent).toBe('item');
  });

  it('renders fenced code with its language and keeps markup in it as text', () => {
    const root = renderMd('```ts\nconst a = <b>1</b>;\n**not bold**\n```');
    const code = root.querySelector('pre code')!;
    expect(code.textContent).toBe('const a = <b>1</b>;\n**not bold**');
    expect(code.getAttribute('data-language')).toBe('ts');
    expect(root.querySelector('.aitre-codeblock-language')!.textContent).toBe('ts');
    expect(root.querySelector('strong')).toBeNull();
  });

  it('renders tilde fences and indented code', () => {
    const root = renderMd('~~~\ntilde\n~~~\n\n    indented\n      more');
    const blocks = root.querySelectorAll('pre code');
    expect(blocks[0]!.textContent).toBe('tilde');
    expect(blocks[1]!.textContent).toBe('indented\n  more');
  });

  it('renders tables with alignment inside a horizontal scroller', () => {
    renderMd('| L | C | R |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n| a \\| b |');
    const scroller = screen.getByRole('region', { name: 'Table' });
    expect(scroller.tabIndex).toBe(0);
    const table = scroller.querySelector('table')!;
    const heads = table.querySelectorAll('th');
    expect([...heads].map((th) => th.style.textAlign)).toEqual(['left', 'center', 'right']);
    const rows = table.querySelectorAll('tbody tr');
    expect(rows).toHaveLength(2);
    expect(rows[1]!.querySelectorAll('td')[0]!.textContent).toBe('a | b');
    expect(rows[1]!.querySelectorAll('td')).toHaveLength(3);
  });

  it('renders thematic breaks', () => {
    const root = renderMd('above\n\n***\n\nbelow');
    expect(root.querySelector('hr')).not.toBeNull();
  });
});

describe('Markdown inlines', () => {
  it('renders emphasis, strong, nested and strikethrough', () => {
    const root = renderMd('*em* __strong__ ***both*** ~~gone~~ snake_case_word');
    expect(root.querySelector('em')!.textContent).toBe('em');
    expect(root.querySelector('strong')!.textContent).toBe('strong');
    expect(root.querySelector('em strong, strong em')!.textContent).toBe('both');
    expect(root.querySelector('del')!.textContent).toBe('gone');
    expect(root.textContent).toContain('snake_case_word');
  });

  it('renders inline code verbatim', () => {
    const root = renderMd('use `` a `tick` `` and `<br>`');
    const codes = root.querySelectorAll('code');
    expect(codes[0]!.textContent).toBe('a `tick`');
    expect(codes[1]!.textContent).toBe('<br>');
    expect(root.querySelector('br')).toBeNull();
  });

  it('renders links that open in a new tab without an opener', () => {
    const root = renderMd(
      '[site](https://example.com/a?b=1 "Title") <https://x.org> www.test.com.',
    );
    const links = root.querySelectorAll('a');
    expect(links[0]!.getAttribute('href')).toBe('https://example.com/a?b=1');
    expect(links[0]!.getAttribute('title')).toBe('Title');
    expect(links[0]!.getAttribute('target')).toBe('_blank');
    expect(links[0]!.getAttribute('rel')).toBe('noopener noreferrer');
    expect(links[1]!.getAttribute('href')).toBe('https://x.org/');
    expect(links[2]!.getAttribute('href')).toBe('http://www.test.com/');
    expect(links[2]!.textContent).toBe('www.test.com');
  });

  it('renders email autolinks as mailto links', () => {
    const root = renderMd('<me@example.com> and [mail](mailto:you@example.com)');
    const links = root.querySelectorAll('a');
    expect(links[0]!.getAttribute('href')).toBe('mailto:me@example.com');
    expect(links[1]!.getAttribute('href')).toBe('mailto:you@example.com');
  });

  it('renders images and reports clicks with src and alt', () => {
    const onImageClick = vi.fn();
    const { container } = render(
      <Markdown source="![a cat](https://img.example/cat.png)" onImageClick={onImageClick} />,
    );
    const img = container.querySelector('img')!;
    expect(img.getAttribute('src')).toBe('https://img.example/cat.png');
    expect(img.getAttribute('alt')).toBe('a cat');
    fireEvent.click(screen.getByRole('button', { name: 'Open image: a cat' }));
    expect(onImageClick).toHaveBeenCalledWith('https://img.example/cat.png', 'a cat');
  });

  it('renders an image inside a link as a plain image in the link', () => {
    const { container } = render(
      <Markdown
        source="[![badge](https://img.example/b.png)](https://ci.example)"
        onImageClick={() => {}}
      />,
    );
    const link = container.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://ci.example/');
    expect(link.querySelector('img')!.getAttribute('alt')).toBe('badge');
    expect(container.querySelector('button')).toBeNull();
  });

  it('keeps parentheses that belong to a URL', () => {
    const root = renderMd(
      '[wiki](https://en.wikipedia.org/wiki/Fish_(food)) (see https://example.com/a_(b)).',
    );
    const links = root.querySelectorAll('a');
    expect(links[0]!.getAttribute('href')).toBe('https://en.wikipedia.org/wiki/Fish_(food)');
    expect(links[1]!.textContent).toBe('https://example.com/a_(b)');
    expect(root.textContent!.endsWith(').')).toBe(true);
  });

  it('follows CommonMark emphasis rules for intraword and mismatched markers', () => {
    const root = renderMd('2*3*4 and foo_bar_baz and *a **b** c* and **unclosed');
    expect(root.querySelectorAll('em')).toHaveLength(2);
    expect(root.querySelector('em em, em strong')!.textContent).toBe('b');
    expect(root.textContent).toContain('foo_bar_baz');
    expect(root.textContent).toContain('**unclosed');
  });

  it('renders images as plain images when no click handler is given', () => {
    const root = renderMd('![pic](data:image/png;base64,iVBORw0KGgo=)');
    expect(root.querySelector('img')!.getAttribute('src')).toBe(
      'data:image/png;base64,iVBORw0KGgo=',
    );
    expect(root.querySelector('button')).toBeNull();
  });

  it('renders hard breaks from two spaces or a backslash', () => {
    const root = renderMd('one  \ntwo\\\nthree');
    expect(root.querySelectorAll('br')).toHaveLength(2);
  });

  it('decodes HTML entities as text', () => {
    const root = renderMd('&copy; &amp;lt;b&amp;gt; &#x4E2D;&#25991; &bogus;');
    expect(root.textContent).toBe('© &lt;b&gt; 中文 &bogus;');
    expect(root.querySelector('b')).toBeNull();
  });

  it('keeps backslash-escaped markdown characters literal', () => {
    const root = renderMd('\\*not em\\* \\[not link\\](x)');
    expect(root.querySelector('em')).toBeNull();
    expect(root.textContent).toBe('*not em* [not link](x)');
  });
});
