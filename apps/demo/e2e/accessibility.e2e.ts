import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { fillTabs } from './fillTabs.js';
import { type AxeFinding, axeViolations, tabIds, useDemo } from './harness.js';

type Theme = 'light' | 'dark';

/** The page's background and the subtle text colour, as Chromium computes them. */
function themeColours(page: Page): Promise<{ bg: string; subtle: string }> {
  return page.locator('.demo-app').evaluate((root) => {
    const probe = root.ownerDocument.createElement('span');
    probe.style.color = 'var(--aitre-color-text-subtle)';
    root.append(probe);
    const colours = {
      bg: getComputedStyle(root).backgroundColor,
      subtle: getComputedStyle(probe).color,
    };
    probe.remove();
    return colours;
  });
}

const LIGHT = { bg: 'rgb(255, 255, 255)', subtle: 'rgb(105, 105, 115)' };
const DARK = { bg: 'rgb(17, 17, 20)', subtle: 'rgb(147, 147, 160)' };

describe('accessibility', () => {
  const demo = useDemo({ gateway: { mock: { tokenDelayMs: 2, mj: { stepMs: 150 } } } });

  it('has no axe-core violations on any tab with results, light and dark', async () => {
    const page = await demo.open('/?theme=light');
    await fillTabs(page);
    const found: Record<string, AxeFinding[]> = {};
    const scanned: string[] = [];
    for (const theme of ['light', 'dark'] as const satisfies readonly Theme[]) {
      await page
        .getByRole('group', { name: 'Theme' })
        .getByRole('button', { name: theme === 'light' ? 'Light' : 'Dark' })
        .click();
      assert.deepEqual(await themeColours(page), theme === 'light' ? LIGHT : DARK);
      for (const id of await tabIds(page)) {
        await page.locator(`#tab-${id}`).click();
        await page.waitForLoadState('networkidle');
        if (id === 'midjourney') {
          // The reroll button shows only an emoji (no font for it in headless Chromium): its
          // name must come from the locale.
          await page.getByRole('button', { name: 'Reroll', exact: true }).waitFor();
        }
        const violations = await axeViolations(page);
        if (violations.length > 0) found[`${id} (${theme})`] = violations;
        scanned.push(`${id}-${theme}`);
      }
    }
    assert.deepEqual(found, {});
    assert.equal(scanned.length, 14, `scanned: ${scanned.join(', ')}`);
  });

  it('takes the dark tokens from data-theme and from the system setting alike', async () => {
    const cases: Array<{ system: Theme; choice: string; expected: typeof LIGHT }> = [
      { system: 'light', choice: 'system', expected: LIGHT },
      { system: 'dark', choice: 'system', expected: DARK },
      { system: 'dark', choice: 'light', expected: LIGHT },
      { system: 'light', choice: 'dark', expected: DARK },
    ];
    for (const { system, choice, expected } of cases) {
      const page = await demo.open(`/?theme=${choice}#models`, { colorScheme: system });
      assert.deepEqual(await themeColours(page), expected, `${choice} theme, ${system} system`);
    }
  });
});
