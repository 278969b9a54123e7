import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { fillTabs } from './fillTabs.js';
import { resultPath, tabIds, useDemo } from './harness.js';

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
