import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Markdown } from './Markdown.js';

afterEach(cleanup);

function renderMd(source: string) {
  return render(<Markdown source={source} />).container.firstElementChild as HTMLElement;
}

describe('Markdown safety', () => {
  it('shows raw HTML as literal text and creates no element from it', () => {
    const source =
      'a <img src=x onerror=alert(1)> b\n\n<script>alert(1)</script>\n\n<iframe src="x">';
    const root = renderMd(source);
    expect(root.querySelector('img, script, iframe')).toBeNull();
    expect(root.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(root.textContent).toContain('<script>alert(1)</script>');
    expect(root.querySelector('[onerror]')).toBeNull();
  });

  it.each([
    ['javascript:alert(1)'],
    ['JAVASCRIPT:alert(1)'],
    ['jav&#x61;script:alert(1)'],
    ['&#106;avascript:alert(1)'],
    ['java\u200bscript:alert(1)'],
    ['java\tscript:alert(1)'],
    ['\u0001javascript:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['vbscript:msgbox(1)'],
    ['VbScRiPt:msgbox(1)'],
    ['//evil.example/path'],
    ['/relative'],
    ['file:///etc/passwd'],
  ])('renders a link to %j as plain text', (url) => {
    const root = renderMd(`[click me](${url}) and <${url}>`);
    expect(root.querySelector('a')).toBeNull();
    expect(root.querySelector('[href]')).toBeNull();
    expect(root.textContent).toContain('click me');
  });

  it('refuses an https link hiding a zero-width character', () => {
    const root = renderMd('[x](https://exa\u200bmple.com)');
    expect(root.querySelector('a')).toBeNull();
  });

  it('renders a javascript: autolink as text', () => {
    const root = renderMd('<javascript:alert(1)> <JaVaScRiPt:alert(1)>');
    expect(root.querySelector('a')).toBeNull();
    expect(root.textContent).toContain('javascript:alert(1)');
  });

  it.each([
    ['javascript:alert(1)'],
    ['data:image/svg+xml;base64,PHN2Zz48L3N2Zz4='],
    ['DATA:IMAGE/SVG+XML,%3Csvg%20onload=alert(1)%3E'],
    ['data:text/html;base64,PHNjcmlwdD4='],
    ['data:image/png;charset=svg+xml;base64,AAAA'],
    ['vbscript:x'],
    ['jav&#x61;script:alert(1)'],
    ['/local.png'],
  ])('shows an image from %j as its alt text', (url) => {
    const root = renderMd(`![the alt](${url})`);
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('[src]')).toBeNull();
    expect(root.textContent).toBe('the alt');
  });

  it('accepts raster data images in any letter case', () => {
    const root = renderMd('![ok](DATA:image/JPEG;BASE64,/9j/4AAQ)');
    expect(root.querySelector('img')!.getAttribute('src')).toBe('DATA:image/JPEG;BASE64,/9j/4AAQ');
  });

  it('never puts markup from a link title or text into the DOM', () => {
    const root = renderMd('[<b>bold</b>](https://ok.example "<i>t</i>")');
    const link = root.querySelector('a')!;
    expect(link.querySelector('b')).toBeNull();
    expect(link.textContent).toBe('<b>bold</b>');
    expect(link.getAttribute('title')).toBe('<i>t</i>');
  });

  it('keeps entity-encoded markup as text', () => {
    const root = renderMd('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(root.querySelector('script')).toBeNull();
    expect(root.textContent).toBe('<script>alert(1)</script>');
  });
});
