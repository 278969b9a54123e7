import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { en } from '../locale/en.js';
import { LocaleProvider } from '../locale/LocaleProvider.js';
import { zhCN } from '../locale/zhCN.js';
import { type ImageOrigins, ImageOriginsContext } from './imageOrigins.js';
import { MarkdownImage } from './MarkdownImage.js';

afterEach(cleanup);

const SRC = 'https://cdn.example/cat.png';

function withOrigins(origins: ImageOrigins, children: ReactNode) {
  return render(
    <ImageOriginsContext.Provider value={origins}>{children}</ImageOriginsContext.Provider>,
  );
}

describe('MarkdownImage', () => {
  it('renders a bare lazy image with its alt and title, sending no referrer, without a click handler', () => {
    const { container } = withOrigins(
      'any',
      <MarkdownImage src={SRC} alt="A cat" title="Napping" />,
    );
    const img = screen.getByRole('img', { name: 'A cat' });
    expect(img.getAttribute('src')).toBe(SRC);
    expect(img.getAttribute('title')).toBe('Napping');
    expect(img.getAttribute('loading')).toBe('lazy');
    expect(img.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(container.querySelector('button')).toBeNull();
  });

  it('omits the title attribute when the markdown gave none', () => {
    withOrigins('any', <MarkdownImage src={SRC} alt="A cat" title={null} />);
    expect(screen.getByRole('img').hasAttribute('title')).toBe(false);
  });

  it('wraps the image in a lightbox trigger named by its alt text', () => {
    const onImageClick = vi.fn();
    withOrigins(
      'any',
      <MarkdownImage src={SRC} alt="A cat" title={null} onImageClick={onImageClick} />,
    );
    const trigger = screen.getByRole('button', { name: `${en.common.openImage}: A cat` });
    fireEvent.click(trigger);
    expect(onImageClick).toHaveBeenCalledWith(SRC, 'A cat');
    // Keyboard users reach it like any button.
    trigger.focus();
    expect(document.activeElement).toBe(trigger);
  });

  it('names a trigger of an image without alt text by the action alone, in zh-CN too', () => {
    render(
      <LocaleProvider locale="zh-CN">
        <MarkdownImage src={SRC} alt="" title={null} onImageClick={() => {}} />
      </LocaleProvider>,
    );
    expect(screen.getByRole('button', { name: zhCN.common.openImage })).toBeTruthy();
  });

  it('keeps the alt text as the tooltip of a blocked image, with or without a link around it', () => {
    const origins = ['http://127.0.0.1:8787'];
    const { container } = withOrigins(
      origins,
      <MarkdownImage src={SRC} alt="A cat" title={null} />,
    );
    const blocked = screen.getByRole('button', { name: 'Image from cdn.example — Load' });
    expect(blocked.getAttribute('title')).toBe('A cat');
    expect(container.querySelector('img')).toBeNull();
    cleanup();
    const linked = withOrigins(
      origins,
      <MarkdownImage src={SRC} alt="A cat" title={null} inLink />,
    );
    expect(linked.container.querySelector('button')).toBeNull();
    const span = screen.getByText('Image from cdn.example');
    expect(span.getAttribute('title')).toBe('A cat');
    expect(span.getAttribute('data-state')).toBe('blocked');
  });
});
