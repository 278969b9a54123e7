import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useDemo } from './harness.js';

const MODELS = ['dall-e-3', 'gpt-image-1', 'flux-schnell'];

describe('images tab', () => {
  const demo = useDemo();

  it('generates with dall-e-3, gpt-image-1 and flux, each image decoding and downloadable', async () => {
    const page = await demo.open('/#images');
    const panel = page.getByRole('tabpanel', { name: 'Images' });
    const gallery = panel.getByRole('region', { name: 'Results' });
    for (const [index, model] of MODELS.entries()) {
      await panel.getByLabel('Model', { exact: true }).selectOption(model);
      await panel.getByLabel('Prompt', { exact: true }).fill(`A lighthouse at dusk, ${model}`);
      await panel.getByRole('button', { name: 'Generate', exact: true }).click();
      await gallery.locator('[data-slot="image-card"]').nth(index).waitFor({ timeout: 20_000 });
    }
    const cards = gallery.locator('[data-slot="image-card"]');
    assert.equal(await cards.count(), MODELS.length);
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLImageElement>('[data-slot="image-card"] img')].every(
        (img) => img.complete && img.naturalWidth > 0,
      ),
    );
    for (const link of await gallery.getByRole('link', { name: 'Download' }).all()) {
      const download = await link.getAttribute('download');
      assert.ok(download, 'the link has a download file name');
      const href = (await link.getAttribute('href')) ?? '';
      const status = await page.evaluate((url) => fetch(url).then((r) => r.status), href);
      assert.equal(status, 200, `${download} fetches`);
    }
  });

  it('opens an image in the lightbox and closes it with Escape', async () => {
    const page = await demo.open('/#images');
    const panel = page.getByRole('tabpanel', { name: 'Images' });
    await panel.getByLabel('Prompt', { exact: true }).fill('A red fox in the snow');
    await panel.getByRole('button', { name: 'Generate', exact: true }).click();
    await panel.getByRole('button', { name: 'Open generated image 1' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[role="dialog"] img');
      return img?.complete === true && img.naturalWidth > 0;
    });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });
});
