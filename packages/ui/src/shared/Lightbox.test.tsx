import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LocaleProvider } from '../locale/LocaleProvider.js';
import { Lightbox } from './Lightbox.js';

afterEach(cleanup);

const src = 'https://img.example/cat.png';

function Harness({ onOpenChange }: { onOpenChange?: (open: boolean) => void }) {
  const [open, setOpen] = useState(true);
  return (
    <div className="aitre-root" data-theme="dark">
      <Lightbox
        open={open}
        onOpenChange={(next) => {
          onOpenChange?.(next);
          setOpen(next);
        }}
        src={src}
        alt="A cat"
        downloadName="cat.png"
      />
    </div>
  );
}

function Opener() {
  const [open, setOpen] = useState(false);
  return (
    <div className="aitre-root">
      <button type="button" onClick={() => setOpen(true)}>
        Open
      </button>
      <Lightbox open={open} onOpenChange={setOpen} src={src} alt="A cat" />
    </div>
  );
}

describe('Lightbox', () => {
  it('shows the image in a titled dialog with a download link', () => {
    render(<Harness />);
    const dialog = screen.getByRole('dialog', { name: 'A cat' });
    expect(dialog.dataset.slot).toBe('lightbox');
    expect(screen.getByRole('img', { name: 'A cat' }).getAttribute('src')).toBe(src);
    const download = screen.getByRole('link', { name: 'Download' });
    expect(download.getAttribute('href')).toBe(src);
    expect(download.getAttribute('download')).toBe('cat.png');
  });

  it('renders inside the nearest themed root so it keeps the theme', () => {
    render(<Harness />);
    expect(screen.getByRole('dialog').closest('.aitre-root')!.getAttribute('data-theme')).toBe(
      'dark',
    );
  });

  it('closes on Escape', () => {
    const onOpenChange = vi.fn();
    render(<Harness onOpenChange={onOpenChange} />);
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(onOpenChange).toHaveBeenCalledWith(false);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('closes with the labelled close button', () => {
    render(
      <LocaleProvider locale="zh-CN">
        <Harness />
      </LocaleProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: '关闭' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('falls back to the localized viewer title without alt text', () => {
    render(<Lightbox open onOpenChange={() => {}} src={src} />);
    expect(screen.getByRole('dialog', { name: 'Image viewer' })).toBeTruthy();
  });

  it('moves focus into the dialog and gives it back to the opener on close', async () => {
    render(<Opener />);
    const opener = screen.getByRole('button', { name: 'Open' });
    opener.focus();
    fireEvent.click(opener);
    const dialog = screen.getByRole('dialog');
    expect(dialog.contains(document.activeElement)).toBe(true);
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(opener));
  });
});
