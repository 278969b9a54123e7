import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { imagesDecoded, solidPng, useDemo } from './harness.js';

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

/** Opens one of the studio's tools (Blend, Describe, …) and returns its panel. */
async function tool(page: Page, name: string) {
  await panel(page)
    .getByRole('tablist', { name: 'MidJourney tools' })
    .getByRole('tab', { name, exact: true })
    .click();
  return panel(page).getByRole('tabpanel', { name, exact: true });
}

function png(name: string, rgb: [number, number, number], width = 16, height = 16) {
  return { name, mimeType: 'image/png', buffer: solidPng(rgb, width, height) };
}

/** The finished task's result image, once decoded; returns its natural size. */
async function resultImage(page: Page): Promise<{ width: number; height: number }> {
  await page.locator(`${TASK}[data-status="success"]`).waitFor();
  const image = page.locator(TASK).getByRole('img', { name: 'Result image' });
  await imagesDecoded(image);
  return image.evaluate((img: HTMLImageElement) => ({
    width: img.naturalWidth,
    height: img.naturalHeight,
  }));
}

describe('MidJourney tools', () => {
  // Short steps: these flows check what each tool shows, not the progress (checked above).
  const demo = useDemo({ gateway: { mock: { mj: { stepMs: 150, steps: 2 } } } });

  it('blends two images into a landscape result', async () => {
    const page = await demo.open('/#midjourney');
    const blend = await tool(page, 'Blend');
    await blend
      .getByLabel('Images to blend (2 to 5)')
      .setInputFiles([png('red.png', [220, 30, 30]), png('blue.png', [30, 30, 220])]);
    await imagesDecoded(blend.getByRole('img', { name: /^Image \d$/ }));
    assert.equal(await blend.getByRole('img', { name: /^Image \d$/ }).count(), 2);
    await blend.getByLabel('Dimensions').selectOption({ label: 'Landscape' });
    await blend.getByRole('button', { name: 'Blend', exact: true }).click();
    const size = await resultImage(page);
    assert.ok(size.width > size.height, `a landscape grid, got ${size.width}x${size.height}`);
  });

  it('describes an image in four prompts, and imagines the one clicked', async () => {
    const page = await demo.open('/#midjourney');
    const describe = await tool(page, 'Describe');
    await describe.getByLabel('Image to describe').setInputFiles(png('green.png', [30, 200, 60]));
    await imagesDecoded(describe.getByRole('img', { name: 'Image 1' }));
    await describe.getByRole('button', { name: 'Describe', exact: true }).click();
    const prompts = page.getByRole('region', { name: 'Suggested prompts' });
    await prompts.waitFor();
    const items = prompts.getByRole('listitem');
    assert.equal(await items.count(), 4);
    const chosen = ((await items.nth(2).getByRole('paragraph').textContent()) ?? '').trim();
    assert.match(chosen, /\w+.* --ar 1:1$/, "a prompt with the image's aspect ratio");
    await items.nth(2).getByRole('button', { name: 'Use this prompt' }).click();
    // A new imagine task with that prompt becomes the current one, and runs to its grid.
    const current = panel(page).getByRole('region', { name: 'History' }).locator('[aria-current]');
    await current.filter({ hasText: chosen }).filter({ hasText: 'Imagine' }).waitFor();
    await resultImage(page);
    await page.locator(TASK).getByRole('button', { name: 'U1: upscale image 1' }).waitFor();
  });

  it('shortens a prompt into suggestions', async () => {
    const page = await demo.open('/#midjourney');
    const shorten = await tool(page, 'Shorten');
    await shorten
      .getByRole('textbox', { name: 'Prompt' })
      .fill('A very detailed painting of the old lighthouse at dusk --ar 3:2');
    await shorten.getByRole('button', { name: 'Shorten', exact: true }).click();
    const suggestions = page.getByRole('region', { name: 'Shorter prompts' });
    await suggestions.waitFor();
    const texts = await suggestions.getByRole('paragraph').allTextContents();
    assert.equal(texts.length, 5, `suggestions: ${texts.join(' | ')}`);
    // Filler words dropped, the parameters kept; each suggestion shorter than the one before.
    assert.equal(texts[0], 'detailed painting old lighthouse dusk --ar 3:2');
    for (let i = 1; i < texts.length; i++) {
      assert.ok((texts[i] as string).length < (texts[i - 1] as string).length, texts.join(' | '));
    }
  });

  it('swaps a face onto a target image', async () => {
    const page = await demo.open('/#midjourney');
    const swap = await tool(page, 'Swap face');
    await swap.getByLabel('Face to use').setInputFiles(png('face.png', [240, 200, 170]));
    await swap
      .getByLabel('Image to change')
      .setInputFiles(png('photo.png', [90, 120, 200], 48, 32));
    await swap.getByRole('button', { name: 'Swap face', exact: true }).click();
    const size = await resultImage(page);
    assert.deepEqual(size, { width: 48, height: 32 }, "the result keeps the target image's size");
  });
});
