import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TABS } from '../src/demoTabs.js';
import { axeViolations, useDemo } from './harness.js';

describe('accessibility', () => {
  const demo = useDemo();

  for (const theme of ['light', 'dark'] as const) {
    it(`has no serious axe-core violations on any tab (${theme})`, async () => {
      const page = await demo.open(`/?theme=${theme}`, { colorScheme: theme });
      await page.getByRole('button', { name: 'Settings' }).click();
      const found: Record<string, unknown> = {};
      for (const { id } of TABS) {
        await page.locator(`#tab-${id}`).click();
        await page.waitForLoadState('networkidle');
        const violations = await axeViolations(page);
        if (violations.length > 0) found[id] = violations;
      }
      assert.deepEqual(found, {});
    });
  }
});
