import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TABS } from '../src/demoTabs.js';
import { resultPath, useDemo } from './harness.js';

describe('screenshots', () => {
  const demo = useDemo();

  for (const theme of ['light', 'dark'] as const) {
    it(`saves every tab in the ${theme} theme to test-results/`, async () => {
      const page = await demo.open(`/?theme=${theme}`, { colorScheme: theme });
      for (const { id } of TABS) {
        await page.locator(`#tab-${id}`).click();
        const panel = page.locator(`#panel-${id}`);
        await panel.waitFor();
        // The model list arrives once per page; wait for it where a panel shows it.
        await page.waitForLoadState('networkidle');
        const path = await resultPath(`${id}-${theme}.png`);
        await page.screenshot({ path, fullPage: true });
        assert.equal(await page.locator('.demo-app').getAttribute('data-theme'), theme);
      }
    });
  }
});
