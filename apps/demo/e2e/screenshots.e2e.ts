import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { resultPath, tabIds, useDemo } from './harness.js';

/** Puts something on most tabs, so the screenshots show results and not only empty states. */
async function fillTabs(page: Page): Promise<void> {
  const tab = (name: string) => page.getByRole('tabpanel', { name });
  await page.getByRole('tab', { name: 'Chat' }).click();
  const message = tab('Chat').getByRole('textbox', { name: 'Message' });
  await message.fill('Show me a TypeScript debounce function');
  await message.press('Enter');
  await page.locator('[data-role="assistant"][data-status="done"]').waitFor();

  await page.getByRole('tab', { name: 'Images' }).click();
  await tab('Images').getByLabel('Prompt', { exact: true }).fill('A lighthouse at dusk');
  await tab('Images').getByRole('button', { name: 'Generate', exact: true }).click();
  await tab('Images').locator('[data-slot="image-card"] img').waitFor();

  await page.getByRole('tab', { name: 'MidJourney' }).click();
  await tab('MidJourney').getByRole('textbox', { name: 'Prompt', exact: true }).fill('A castle');
  await tab('MidJourney').getByRole('button', { name: 'Imagine', exact: true }).click();
  await page.locator('[data-slot="midjourney-task"][data-status="success"]').waitFor();

  await page.getByRole('tab', { name: 'Completions' }).click();
  await tab('Completions').getByLabel('Prompt').fill('Once upon a time');
  await tab('Completions').getByRole('button', { name: 'Complete' }).click();
  await tab('Completions').locator('form[data-status="idle"]').waitFor();
}

async function shootTabs(page: Page, theme: 'light' | 'dark'): Promise<void> {
  for (const id of await tabIds(page)) {
    await page.locator(`#tab-${id}`).click();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: await resultPath(`${id}-${theme}.png`), fullPage: true });
  }
}

describe('screenshots', () => {
  const demo = useDemo({ gateway: { mock: { tokenDelayMs: 2, mj: { stepMs: 150 } } } });

  it('saves every tab, with results, in the light and dark themes to test-results/', async () => {
    const page = await demo.open('/?theme=light');
    await fillTabs(page);
    await shootTabs(page, 'light');
    await page.getByRole('group', { name: 'Theme' }).getByRole('button', { name: 'Dark' }).click();
    assert.equal(await page.locator('.demo-app').getAttribute('data-theme'), 'dark');
    await shootTabs(page, 'dark');
  });
});
