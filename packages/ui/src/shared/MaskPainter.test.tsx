import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import axe from 'axe-core';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LocaleProvider } from '../locale/LocaleProvider.js';
import { MaskPainter, type PaintedMask } from './MaskPainter.js';

// jsdom has no canvas: a tiny 2D context whose one-pixel-per-canvas "layer" is painted by any
// fill or stroke, cleared by erasing or clearRect, enough to follow what the painter does.
function fakeContext(canvas: HTMLCanvasElement) {
  const state = canvas as HTMLCanvasElement & {
    layer?: Uint8ClampedArray;
    put?: Uint8ClampedArray;
  };
  const size = () => canvas.width * canvas.height * 4;
  const layer = () => {
    if (state.layer?.length !== size()) state.layer = new Uint8ClampedArray(size());
    return state.layer;
  };
  const context = {
    canvas,
    globalCompositeOperation: 'source-over',
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    lineCap: 'butt',
    lineJoin: 'miter',
    save() {},
    restore() {},
    beginPath() {},
    moveTo() {},
    lineTo() {},
    arc() {},
    mark() {
      layer().fill(context.globalCompositeOperation === 'destination-out' ? 0 : 255);
    },
    fill() {
      context.mark();
    },
    stroke() {
      context.mark();
    },
    clearRect() {
      layer().fill(0);
    },
    getImageData: () => ({ data: layer() }),
    createImageData: (w: number, h: number) => ({ data: new Uint8ClampedArray(w * h * 4) }),
    putImageData(image: { data: Uint8ClampedArray }) {
      state.put = image.data;
    },
  };
  return context;
}

// jsdom cannot compute colours (contrast is checked in the browser); landmarks belong to the page.
const axeOptions = {
  rules: { 'color-contrast': { enabled: false }, region: { enabled: false } },
};

beforeEach(() => {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (
    this: HTMLCanvasElement,
  ) {
    return fakeContext(this) as unknown as CanvasRenderingContext2D;
  } as unknown as typeof HTMLCanvasElement.prototype.getContext);
  // The exported PNG "encodes" the first mask pixel so tests can read what was drawn.
  vi.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockImplementation(function (
    this: HTMLCanvasElement,
  ) {
    const put = (this as HTMLCanvasElement & { put?: Uint8ClampedArray }).put ?? [];
    return `data:image/png;base64,${btoa(String.fromCharCode(...Array.from(put).slice(0, 4)))}`;
  });
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function firstPixel(mask: PaintedMask): number[] {
  const bytes = atob(mask.dataUrl.slice(mask.dataUrl.indexOf(',') + 1));
  return [...bytes].map((c) => c.charCodeAt(0));
}

function paintStroke(canvas: HTMLElement) {
  fireEvent.pointerDown(canvas, { button: 0, pointerId: 1, clientX: 4, clientY: 4 });
  fireEvent.pointerMove(canvas, { pointerId: 1, clientX: 6, clientY: 6 });
  fireEvent.pointerUp(canvas, { pointerId: 1 });
}

describe('MaskPainter', () => {
  it('emits a transparent-where-painted PNG after a pointer stroke', () => {
    const onMaskChange = vi.fn();
    render(<MaskPainter src="x.png" width={8} height={8} onMaskChange={onMaskChange} />);
    paintStroke(screen.getByRole('application', { name: 'Mask editor' }));
    const mask = onMaskChange.mock.lastCall?.[0] as PaintedMask;
    expect(mask.dataUrl.startsWith('data:image/png;base64,')).toBe(true);
    expect(mask.blob.type).toBe('image/png');
    expect([mask.width, mask.height]).toEqual([8, 8]);
    expect(firstPixel(mask)).toEqual([0, 0, 0, 0]);
  });

  it('paints white on black in white-on-black style', () => {
    const onMaskChange = vi.fn();
    render(
      <MaskPainter
        src="x.png"
        width={8}
        height={8}
        maskStyle="white-on-black"
        onMaskChange={onMaskChange}
      />,
    );
    paintStroke(screen.getByRole('application'));
    expect(firstPixel(onMaskChange.mock.lastCall?.[0])).toEqual([255, 255, 255, 255]);
  });

  it('undoes the last stroke and reports an empty mask', () => {
    const onMaskChange = vi.fn();
    render(<MaskPainter src="x.png" width={8} height={8} onMaskChange={onMaskChange} />);
    const undo = screen.getByRole('button', { name: 'Undo' }) as HTMLButtonElement;
    expect(undo.disabled).toBe(true);
    paintStroke(screen.getByRole('application'));
    expect(undo.disabled).toBe(false);
    fireEvent.click(undo);
    expect(onMaskChange).toHaveBeenLastCalledWith(undefined);
    expect(undo.disabled).toBe(true);
  });

  it('clears the mask, and undo brings it back', () => {
    const onMaskChange = vi.fn();
    render(<MaskPainter src="x.png" width={8} height={8} onMaskChange={onMaskChange} />);
    const clear = screen.getByRole('button', { name: 'Clear mask' }) as HTMLButtonElement;
    expect(clear.disabled).toBe(true);
    paintStroke(screen.getByRole('application'));
    fireEvent.click(clear);
    expect(onMaskChange).toHaveBeenLastCalledWith(undefined);
    expect(clear.disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(onMaskChange.mock.lastCall?.[0]).toMatchObject({ width: 8, height: 8 });
  });

  it('erases what was painted with the eraser tool', () => {
    const onMaskChange = vi.fn();
    const { container } = render(
      <MaskPainter src="x.png" width={8} height={8} onMaskChange={onMaskChange} />,
    );
    const canvas = screen.getByRole('application');
    paintStroke(canvas);
    const erase = screen.getByRole('button', { name: 'Erase' });
    fireEvent.click(erase);
    expect(erase.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'Paint' }).getAttribute('aria-pressed')).toBe(
      'false',
    );
    expect(container.querySelector('[data-slot="mask-painter"]')!.getAttribute('data-tool')).toBe(
      'erase',
    );
    paintStroke(canvas);
    // Everything erased: no mask, though the history still has strokes to undo.
    expect(onMaskChange).toHaveBeenLastCalledWith(undefined);
  });

  it('paints with the keyboard and undoes with Ctrl+Z', () => {
    const onMaskChange = vi.fn();
    render(<MaskPainter src="x.png" width={64} height={64} onMaskChange={onMaskChange} />);
    const canvas = screen.getByRole('application');
    canvas.focus();
    fireEvent.keyDown(canvas, { key: 'ArrowRight' });
    fireEvent.keyDown(canvas, { key: ' ' });
    expect(onMaskChange.mock.lastCall?.[0]).toMatchObject({ width: 64 });
    fireEvent.keyDown(canvas, { key: 'z', ctrlKey: true });
    expect(onMaskChange).toHaveBeenLastCalledWith(undefined);
  });

  it('sets the brush size with a labelled slider', () => {
    render(<MaskPainter src="x.png" width={8} height={8} defaultBrushSize={20} />);
    const slider = screen.getByRole('slider', { name: 'Brush size' }) as HTMLInputElement;
    expect(slider.value).toBe('20');
    fireEvent.change(slider, { target: { value: '60' } });
    expect(slider.value).toBe('60');
  });

  it('disables painting and every control when disabled', () => {
    const onMaskChange = vi.fn();
    render(<MaskPainter src="x.png" width={8} height={8} disabled onMaskChange={onMaskChange} />);
    paintStroke(screen.getByRole('application'));
    expect(onMaskChange).not.toHaveBeenCalled();
    for (const button of screen.getAllByRole('button')) {
      expect((button as HTMLButtonElement).disabled).toBe(true);
    }
  });

  it('speaks the locale of the provider', () => {
    render(
      <LocaleProvider locale="zh-CN">
        <MaskPainter src="x.png" width={8} height={8} />
      </LocaleProvider>,
    );
    expect(screen.getByRole('button', { name: '涂抹' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '擦除' })).toBeTruthy();
    expect(screen.getByRole('application', { name: '蒙版编辑器' })).toBeTruthy();
  });

  it('has no axe violations', async () => {
    render(<MaskPainter src="x.png" alt="A photo" width={8} height={8} />);
    expect((await axe.run(document.body, axeOptions)).violations).toEqual([]);
  });

  it('renders on the server', () => {
    const html = renderToString(<MaskPainter src="x.png" width={8} height={8} />);
    expect(html).toContain('aitre-mask-painter');
  });
});
