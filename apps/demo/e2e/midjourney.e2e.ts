import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { useDemo } from './harness.js';

const TASK = '[data-slot="midjourney-task"]';

function panel(page: Page) {
  return page.getByRole('tabpanel', { name: 'MidJourney' });
}

async function imagine(page: Page, prompt: string): Promise<void> {
  await panel(page).getByRole('textbox', { name: 'Prompt', exact: true }).fill(prompt);
  await panel(page).getByRole('button', { name: 'Imagine', exact: true }).click();
}

/** Polls the task's progress bar until the task succeeds; returns the values seen. */
async function progressUntilDone(page: Page): Promise<number[]> {
  const seen: number[] = [];
  const bar = page.locator(`${TASK} [data-slot="midjourney-status"] [role="progressbar"]`);
  for (let i = 0; i < 200; i++) {
    if ((await page.locator(`${TASK}[data-status="success"]`).count()) > 0) break;
    const now = Number(
      (await bar
        .first()
        .getAttribute('aria-valuenow')
        .catch(() => null)) ?? NaN,
    );
    if (Number.isFinite(now) && now !== seen.at(-1)) seen.push(now);
    await page.waitForTimeout(100);
  }
  await page.locator(`${TASK}[data-status="success"]`).waitFor();
  return seen;
}

async function imageDecoded(page: Page): Promise<void> {
  await page.waitForFunction((selector) => {
    const img = document.querySelector<HTMLImageElement>(`${selector} img`);
    return img?.complete === true && img.naturalWidth > 0;
  }, TASK);
}

describe('MidJourney tab', () => {
  // Steps long enough for the task poll (about 1 s apart) to see the progress rise.
  const demo = useDemo({ gateway: { mock: { mj: { stepMs: 500 } } } });

  it('imagines with rising progress, then upscales U2 and zooms out', async () => {
    const page = await demo.open('/#midjourney');
    await imagine(page, 'A lighthouse at dusk, oil painting --ar 3:2');
    const progress = await progressUntilDone(page);
    assert.ok(progress.length >= 2, `progress seen: ${progress.join(', ')}`);
    assert.deepEqual(
      [...progress].sort((a, b) => a - b),
      progress,
      'progress only rises',
    );
    await imageDecoded(page);
    const task = page.locator(TASK);
    for (const index of [1, 2, 3, 4]) {
      await task.getByRole('button', { name: `U${index}: upscale image ${index}` }).waitFor();
    }
    await task.getByRole('button', { name: 'V2: variations of image 2' }).waitFor();

    await task.getByRole('button', { name: 'U2: upscale image 2' }).click();
    await progressUntilDone(page);
    await imageDecoded(page);
    const zoomOut = task.getByRole('button', { name: 'Zoom out 2x' });
    await zoomOut.waitFor();
    await zoomOut.click();
    await page.locator(`${TASK}[data-status="success"]`).waitFor({ state: 'detached' });
    await progressUntilDone(page);
    await imageDecoded(page);
    await task.getByRole('button', { name: 'U1: upscale image 1' }).waitFor();
  });
});

describe('MidJourney tab, quick tasks', () => {
  const demo = useDemo({ gateway: { mock: { mj: { stepMs: 300 } } } });

  it('varies a painted region through the modal', async () => {
    const page = await demo.open('/#midjourney');
    await imagine(page, 'A red fox in the snow');
    await progressUntilDone(page);
    const task = page.locator(TASK);
    await task.getByRole('button', { name: 'U1: upscale image 1' }).click();
    await progressUntilDone(page);
    await task.getByRole('button', { name: 'Vary (Region)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Vary (Region)' });
    await dialog.waitFor();
    const canvas = dialog.locator('canvas').first();
    await canvas.waitFor();
    const box = await canvas.boundingBox();
    assert.ok(box, 'the mask canvas is visible');
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5, { steps: 8 });
    await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.7, { steps: 8 });
    await page.mouse.up();
    await dialog.getByRole('button', { name: 'Submit' }).click();
    await dialog.waitFor({ state: 'detached' });
    await progressUntilDone(page);
    await imageDecoded(page);
  });

  it('resumes a running task after a reload', async () => {
    const page = await demo.open('/#midjourney');
    await imagine(page, 'A castle in the clouds');
    await page.locator(`${TASK}[data-status="running"]`).waitFor();
    await page.reload();
    await panel(page).waitFor();
    await progressUntilDone(page);
    await imageDecoded(page);
    await page.locator(TASK).getByRole('button', { name: 'U1: upscale image 1' }).waitFor();
  });
});
