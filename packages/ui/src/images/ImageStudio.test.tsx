import { Blob as NodeBlob } from 'node:buffer';
import { createGateway } from '@aitre/mock-gateway';
import { AitreProvider } from '@aitre/react';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImageStudio } from './ImageStudio.js';

// jsdom cannot compute colours (contrast is checked in the browser); landmarks belong to the page.
const axeOptions = {
  rules: { 'color-contrast': { enabled: false }, region: { enabled: false } },
};

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const baseURL = 'http://127.0.0.1:8787';
// A real 1x1 PNG, so the gateway accepts the mask.
const PNG_1X1 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

function setup(locale: 'en' | 'zh-CN' = 'en') {
  const gateway = createGateway({ tokenDelayMs: 0, fileUrls: 'data' });
  const view = render(
    <AitreProvider baseURL={baseURL} fetch={gateway.fetch} locale={locale}>
      <ImageStudio />
    </AitreProvider>,
  );
  const apiRequests = () => gateway.requests.filter((r) => !r.path.startsWith('/v1/models'));
  return { gateway, apiRequests, ...view };
}

function chooseModel(model: string) {
  fireEvent.change(screen.getByRole('combobox', { name: 'Model' }), { target: { value: model } });
}

function typePrompt(text: string) {
  fireEvent.change(screen.getByRole('textbox', { name: 'Prompt' }), { target: { value: text } });
}

// jsdom has no canvas: any fill or stroke paints the whole layer, erasing or clearRect clears it.
function fakeCanvas() {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (
    this: HTMLCanvasElement,
  ) {
    const canvas = this as HTMLCanvasElement & { layer?: Uint8ClampedArray };
    const layer = () => {
      const size = canvas.width * canvas.height * 4;
      if (canvas.layer?.length !== size) canvas.layer = new Uint8ClampedArray(size);
      return canvas.layer;
    };
    const context = {
      canvas,
      globalCompositeOperation: 'source-over',
      save() {},
      restore() {},
      beginPath() {},
      moveTo() {},
      lineTo() {},
      arc() {},
      fill: () => layer().fill(context.globalCompositeOperation === 'destination-out' ? 0 : 255),
      stroke: () => layer().fill(context.globalCompositeOperation === 'destination-out' ? 0 : 255),
      clearRect: () => layer().fill(0),
      getImageData: () => ({ data: layer() }),
      createImageData: (w: number, h: number) => ({ data: new Uint8ClampedArray(w * h * 4) }),
      putImageData() {},
    };
    return context as unknown as CanvasRenderingContext2D;
  } as unknown as typeof HTMLCanvasElement.prototype.getContext);
  vi.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockReturnValue(
    `data:image/png;base64,${PNG_1X1}`,
  );
}

describe('ImageStudio', () => {
  it('offers style but no background and no image count for dall-e-3', () => {
    setup();
    expect(screen.getByRole('combobox', { name: 'Style' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Size' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Quality' })).toBeTruthy();
    expect(screen.queryByRole('combobox', { name: 'Background' })).toBeNull();
    expect(screen.queryByRole('combobox', { name: 'Format' })).toBeNull();
    expect(screen.queryByRole('combobox', { name: 'Number of images' })).toBeNull();
  });

  it('offers background, format and a count but no style for gpt-image-1', () => {
    setup();
    chooseModel('gpt-image-1');
    const background = screen.getByRole('combobox', { name: 'Background' });
    expect(within(background).getByRole('option', { name: 'Transparent' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Format' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Number of images' })).toBeTruthy();
    expect(screen.queryByRole('combobox', { name: 'Style' })).toBeNull();
    const quality = screen.getByRole('combobox', { name: 'Quality' }) as HTMLSelectElement;
    expect([...quality.options].map((o) => o.value)).toEqual(['low', 'medium', 'high', 'auto']);
  });

  it('offers an aspect ratio instead of a size for flux-schnell', () => {
    setup();
    chooseModel('flux-schnell');
    expect(screen.getByRole('combobox', { name: 'Aspect ratio' })).toBeTruthy();
    expect(screen.queryByRole('combobox', { name: 'Size' })).toBeNull();
    expect(screen.queryByRole('combobox', { name: 'Style' })).toBeNull();
  });

  it('generates a dall-e-3 image and shows its revised prompt and a download link', async () => {
    const { apiRequests } = setup();
    typePrompt('a lighthouse at dusk');
    fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    // While it runs, the results show where the images will come, not the empty-state text.
    const gallery = screen.getByRole('region', { name: 'Results' });
    expect(gallery.querySelector('[data-slot="image-pending"]')?.textContent).toBe('Generating…');
    expect(within(gallery).queryByText('Generated images will appear here.')).toBeNull();
    const image = await screen.findByRole('img', { name: 'Generated image 1' });
    expect(gallery.querySelector('[data-slot="image-pending"]')).toBeNull();
    expect(image.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(screen.getByText('Revised prompt')).toBeTruthy();
    expect(screen.getByText(/illustration of a lighthouse at dusk/)).toBeTruthy();
    const download = screen.getByRole('link', { name: 'Download' });
    expect(download.getAttribute('href')).toBe(image.getAttribute('src'));
    expect(download.getAttribute('download')).toMatch(/^dall-e-3-.+-1\.png$/);
    expect(apiRequests().map((r) => r.path)).toEqual(['/v1/images/generations']);
  });

  it('downloads a URL result from another origin through the imageProxy route', async () => {
    // Images served by the gateway's origin (127.0.0.1:8787), not the page's.
    const gateway = createGateway({ tokenDelayMs: 0, fileUrls: 'gateway' });
    // The route refuses this origin: the result stays a link, downloaded through the route.
    const route = vi.fn(async () => new Response(null, { status: 403 }));
    vi.stubGlobal('fetch', route);
    const view = (imageProxy?: string) => (
      <AitreProvider baseURL={baseURL} fetch={gateway.fetch} imageProxy={imageProxy}>
        <ImageStudio />
      </AitreProvider>
    );
    const { rerender } = render(view('/api/aitre/image'));
    typePrompt('a red fox');
    fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    const image = await screen.findByRole('img', { name: 'Generated image 1' });
    const src = image.getAttribute('src') ?? '';
    expect(src.startsWith(`${baseURL}/files/`)).toBe(true);
    const download = () => screen.getAllByRole('link', { name: 'Download' })[0] as HTMLElement;
    expect(download().getAttribute('href')).toBe(
      `/api/aitre/image?url=${encodeURIComponent(src)}&download=1`,
    );
    // The lightbox's Download goes the same way.
    fireEvent.click(screen.getByRole('button', { name: 'Open generated image 1' }));
    const dialog = screen.getByRole('dialog', { name: 'Generated image 1' });
    expect(within(dialog).getByRole('link', { name: 'Download' }).getAttribute('href')).toBe(
      `/api/aitre/image?url=${encodeURIComponent(src)}&download=1`,
    );
    fireEvent.keyDown(dialog, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // Without the route, the link keeps the image's own URL.
    rerender(view());
    expect(download().getAttribute('href')).toBe(src);
    expect(route).toHaveBeenCalledWith(
      `/api/aitre/image?url=${encodeURIComponent(src)}`,
      expect.anything(),
    );
  });

  it('fetches a URL result through the imageProxy route, so it can be edited and saved', async () => {
    const gateway = createGateway({ tokenDelayMs: 0, fileUrls: 'gateway' });
    // The app's image route, answered here by the gateway that serves the image.
    vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
      const url = new URL(input, 'http://localhost').searchParams.get('url') ?? '';
      return gateway.fetch(url, init);
    });
    render(
      <AitreProvider baseURL={baseURL} fetch={gateway.fetch} imageProxy="/api/aitre/image">
        <ImageStudio />
      </AitreProvider>,
    );
    typePrompt('a red fox');
    fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    await waitFor(() =>
      expect(screen.getByRole('img', { name: 'Generated image 1' }).getAttribute('src')).toMatch(
        /^blob:/,
      ),
    );
    const src = screen.getByRole('img', { name: 'Generated image 1' }).getAttribute('src');
    // Saved from the page's own bytes, and offered as an edit source like a b64 answer.
    expect(screen.getByRole('link', { name: 'Download' }).getAttribute('href')).toBe(src);
    expect(screen.getByRole('button', { name: 'Use as edit source' })).toBeTruthy();
  });

  it('opens the lightbox from a result and closes it with Escape', async () => {
    setup();
    typePrompt('a red fox');
    fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Open generated image 1' }));
    const dialog = screen.getByRole('dialog', { name: 'Generated image 1' });
    expect(within(dialog).getByRole('link', { name: 'Download' })).toBeTruthy();
    fireEvent.keyDown(dialog, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('shows a localized validation error without sending a request', async () => {
    const { apiRequests } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Enter a prompt first.');
    expect(apiRequests()).toEqual([]);
  });

  it('edits a generated gpt-image-1 image with a painted mask', async () => {
    // jsdom's Blob and FormData reach Node's fetch as the text "undefined": Node's own keep the
    // bytes, as a browser's would.
    vi.stubGlobal('Blob', NodeBlob);
    const form = await new Response('a=1', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    }).formData();
    vi.stubGlobal('FormData', form.constructor);
    fakeCanvas();
    const { apiRequests, container } = setup();
    chooseModel('gpt-image-1');
    typePrompt('a cat on a sofa');
    fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Use as edit source' }));
    const editor = screen.getByRole('region', { name: 'Edit source' });
    // jsdom loads no images: give the source a size and announce it loaded.
    const source = within(editor).getByRole('img', { name: 'Edit source' });
    Object.defineProperty(source, 'naturalWidth', { value: 16 });
    Object.defineProperty(source, 'naturalHeight', { value: 16 });
    fireEvent.load(source);
    const canvas = within(editor).getByRole('application', { name: 'Mask editor' });
    fireEvent.pointerDown(canvas, { button: 0, pointerId: 1, clientX: 2, clientY: 2 });
    fireEvent.pointerUp(canvas, { pointerId: 1 });
    typePrompt('add a hat');
    fireEvent.click(within(editor).getByRole('button', { name: 'Edit image' }));
    await waitFor(() =>
      expect(
        container.querySelector('[data-slot="image-generation"][data-kind="edit"]'),
      ).not.toBeNull(),
    );
    expect(apiRequests().map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'POST /v1/images/generations 200',
      'POST /v1/images/edits 200',
    ]);
  });

  it('switches to gpt-image-1 when a dall-e-3 result becomes the edit source', async () => {
    setup();
    typePrompt('a harbour');
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Prompt' }), {
      key: 'Enter',
      ctrlKey: true,
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Use as edit source' }));
    expect((screen.getByRole('combobox', { name: 'Model' }) as HTMLSelectElement).value).toBe(
      'gpt-image-1',
    );
    const editor = screen.getByRole('region', { name: 'Edit source' });
    expect(within(editor).getByRole('button', { name: 'Edit image' })).toBeTruthy();
    fireEvent.click(within(editor).getByRole('button', { name: 'Remove edit source' }));
    const picker = within(editor).getByLabelText('Edit source');
    expect(picker.getAttribute('type')).toBe('file');
    // The visible button speaks the locale, never the browser's "Choose File".
    expect(within(editor).getByText('Choose an image to edit').getAttribute('for')).toBe(picker.id);
  });

  it('generates a flux-schnell image from an aspect ratio', async () => {
    const { apiRequests } = setup();
    chooseModel('flux-schnell');
    fireEvent.change(screen.getByRole('combobox', { name: 'Aspect ratio' }), {
      target: { value: '16:9' },
    });
    typePrompt('a mountain lake');
    fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    expect(await screen.findByRole('img', { name: 'Generated image 1' })).toBeTruthy();
    expect(apiRequests().map((r) => `${r.path} ${r.status}`)).toEqual([
      '/v1/images/generations 200',
    ]);
  });

  it('renders a themed root with the given class and style, and its state', () => {
    const gateway = createGateway({ tokenDelayMs: 0 });
    const { container } = render(
      <AitreProvider baseURL={baseURL} fetch={gateway.fetch}>
        <ImageStudio theme="dark" className="mine" style={{ maxWidth: 900 }} />
      </AitreProvider>,
    );
    const root = container.firstElementChild as HTMLElement;
    expect(root.className).toBe('aitre-root aitre-image-studio mine');
    expect(root.dataset.theme).toBe('dark');
    expect(root.dataset.status).toBe('idle');
    expect(root.style.maxWidth).toBe('900px');
  });

  it('speaks zh-CN when the provider says so', () => {
    setup('zh-CN');
    expect(screen.getByRole('textbox', { name: '提示词' })).toBeTruthy();
    expect(screen.getByText('生成的图片会显示在这里。')).toBeTruthy();
  });

  it('has no axe violations with results and the editor open', async () => {
    setup();
    chooseModel('gpt-image-1');
    typePrompt('a cat');
    fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Use as edit source' }));
    expect((await axe.run(document.body, axeOptions)).violations).toEqual([]);
  });

  it('renders on the server without a request', () => {
    const gateway = createGateway();
    const html = renderToString(
      <AitreProvider baseURL={baseURL} fetch={gateway.fetch}>
        <ImageStudio />
      </AitreProvider>,
    );
    expect(html).toContain('aitre-image-studio');
    expect(gateway.requests).toEqual([]);
  });
});
