import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { growthSteps, sampleTextLengthPerFrame, useDemo } from './harness.js';

const TEXT = '[data-testid="completion-text"]';

describe('completions tab', () => {
  const demo = useDemo({ gateway: { mock: { tokenDelayMs: 25 } } });

  it('streams the completion in over many frames', async () => {
    const page = await demo.open('/#completions');
    const panel = page.getByRole('tabpanel', { name: 'Completions' });
    await panel.getByLabel('Prompt').fill('The quick brown fox');
    await panel.getByRole('button', { name: 'Complete' }).click();
    const lengths = await sampleTextLengthPerFrame(page, TEXT);
    assert.ok(growthSteps(lengths) >= 5, `text grew in only ${growthSteps(lengths)} frames`);
    await panel.locator('form[data-status="idle"]').waitFor();
    assert.ok(((await panel.locator(TEXT).textContent()) ?? '').length > 20);
  });

  it('keeps the partial text when stopped', async () => {
    const page = await demo.open('/#completions');
    const panel = page.getByRole('tabpanel', { name: 'Completions' });
    await panel.getByLabel('Prompt').fill('Tell me a long story');
    await panel.getByRole('button', { name: 'Complete' }).click();
    await page.waitForFunction(
      (selector) => (document.querySelector(selector)?.textContent?.length ?? 0) > 15,
      TEXT,
    );
    await panel.getByRole('button', { name: 'Stop' }).click();
    await panel.locator('form[data-status="idle"]').waitFor();
    const stopped = (await panel.locator(TEXT).textContent()) ?? '';
    assert.ok(stopped.length > 15);
    await page.waitForTimeout(300);
    assert.equal(await panel.locator(TEXT).textContent(), stopped, 'no text after stop');
  });
});
