import { type AitreClient, createClient, type MjTask } from '@aitre/core';
import { createGateway } from '@aitre/mock-gateway';
import { type AitreLocale, AitreProvider } from '@aitre/react';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { zhCN } from '../locale/zhCN.js';
import { MidjourneyModalDialog } from './MidjourneyModalDialog.js';
import { MidjourneyStudioRoot } from './MidjourneyStudioRoot.js';
import { MidjourneyTaskView } from './MidjourneyTaskView.js';

const BASE = 'http://127.0.0.1:8787';
const POLL = { initialDelayMs: 5, maxIntervalMs: 10, maxErrorIntervalMs: 20 };

async function until(client: AitreClient, id: string): Promise<MjTask> {
  for (;;) {
    const task = await client.midjourney.fetchTask(id);
    if (task.status === 'SUCCESS' || task.status === 'FAILURE') return task;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

// jsdom has no canvas: enough of a 2D context for the mask painter to mount.
function fakeCanvas() {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (
    this: HTMLCanvasElement,
  ) {
    const size = () => this.width * this.height * 4;
    return {
      canvas: this,
      save() {},
      restore() {},
      beginPath() {},
      moveTo() {},
      lineTo() {},
      arc() {},
      fill() {},
      stroke() {},
      clearRect() {},
      getImageData: () => ({ data: new Uint8ClampedArray(size()) }),
      createImageData: (w: number, h: number) => ({ data: new Uint8ClampedArray(w * h * 4) }),
      putImageData() {},
    } as unknown as CanvasRenderingContext2D;
  } as unknown as typeof HTMLCanvasElement.prototype.getContext);
  Object.defineProperty(HTMLImageElement.prototype, 'naturalWidth', {
    configurable: true,
    get: () => 64,
  });
  Object.defineProperty(HTMLImageElement.prototype, 'naturalHeight', {
    configurable: true,
    get: () => 64,
  });
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  Reflect.deleteProperty(HTMLImageElement.prototype, 'naturalWidth');
  Reflect.deleteProperty(HTMLImageElement.prototype, 'naturalHeight');
});

/** An upscaled task (U1 of a grid) shown in a task view with the modal dialog beside it. */
async function setup(locale?: AitreLocale) {
  const gateway = createGateway({ tokenDelayMs: 0, mj: { stepMs: 5, steps: 2 } });
  const client = createClient({ baseURL: BASE, fetch: gateway.fetch });
  const grid = await until(client, (await client.midjourney.imagine({ prompt: 'a fox' })).taskId);
  const u1 = grid.buttons.find((b) => /upsample::1/.test(b.customId));
  if (!u1) throw new Error('no U1');
  const upscaled = await until(
    client,
    (await client.midjourney.action(u1.customId, grid.id)).taskId,
  );
  render(
    <AitreProvider client={client} locale={locale}>
      <MidjourneyStudioRoot pollOptions={POLL} historyKey={null} defaultTaskId={upscaled.id}>
        <MidjourneyTaskView />
        <MidjourneyModalDialog className="custom-modal" />
      </MidjourneyStudioRoot>
    </AitreProvider>,
  );
  return { gateway };
}

describe('MidjourneyModalDialog', () => {
  it('opens Vary (Region) with the prompt and a mask painter; Escape closes and focus returns to the task', async () => {
    fakeCanvas();
    const { gateway } = await setup();
    const vary = await screen.findByRole('button', { name: 'Vary (Region)' }, { timeout: 4000 });
    expect(screen.queryByRole('dialog')).toBeNull();
    vary.focus();
    fireEvent.click(vary);
    const dialog = await screen.findByRole('dialog', { name: 'Vary (Region)' }, { timeout: 4000 });
    expect(dialog.classList.contains('custom-modal')).toBe(true);
    expect(dialog.getAttribute('data-region')).toBe('true');
    // Portalled into the studio's themed root.
    expect(dialog.closest('[data-slot="midjourney-studio"]')).toBeTruthy();
    expect(
      (within(dialog).getByRole('textbox', { name: 'Prompt' }) as HTMLTextAreaElement).value,
    ).toBe('a fox');
    fireEvent.load(within(dialog).getByRole('img'));
    expect(within(dialog).getByRole('application')).toBeTruthy();

    fireEvent.keyDown(dialog, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement?.getAttribute('data-slot')).toBe('midjourney-task');
    expect(gateway.requests.some((r) => r.path === '/mj/submit/modal')).toBe(false);
  });

  it('titles Custom Zoom in zh-CN and prefills --zoom 2', async () => {
    await setup('zh-CN');
    const zh = zhCN.midjourney;
    fireEvent.click(await screen.findByRole('button', { name: zh.customZoom }, { timeout: 4000 }));
    const dialog = await screen.findByRole('dialog', { name: zh.customZoom }, { timeout: 4000 });
    expect(
      (within(dialog).getByRole('textbox', { name: zh.modalPrompt }) as HTMLTextAreaElement).value,
    ).toBe('a fox --zoom 2');
    expect(within(dialog).queryByRole('application')).toBeNull();
    expect(within(dialog).getByRole('button', { name: zh.modalCancel })).toBeTruthy();
  });
});
