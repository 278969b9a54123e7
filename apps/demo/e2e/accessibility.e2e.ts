import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type AxeFinding, axeViolations, tabIds, useDemo } from './harness.js';

// Known and reported: in the light theme, text in --aitre-color-text-subtle (#7c7c87) is 4.12:1
// on white and 3.85:1 on the surface colour, below WCAG AA's 4.5:1 (@aitre/ui styles.css).
const LIGHT_CONTRAST =
  '@aitre/ui light token --aitre-color-text-subtle (#7c7c87) is below 4.5:1 on white';

describe('accessibility', () => {
  const demo = useDemo();

  async function scanTabs(theme: 'light' | 'dark', rules: 'contrast' | 'other' | 'all') {
    const page = await demo.open(`/?theme=${theme}`, { colorScheme: theme });
    await page.getByRole('button', { name: 'Settings' }).click();
    const found: Record<string, AxeFinding[]> = {};
    for (const id of await tabIds(page)) {
      await page.locator(`#tab-${id}`).click();
      await page.waitForLoadState('networkidle');
      const violations = (await axeViolations(page)).filter(
        (violation) =>
          rules === 'all' || (violation.id === 'color-contrast') === (rules === 'contrast'),
      );
      if (violations.length > 0) found[id] = violations;
    }
    return found;
  }

  it('has no serious axe-core violations on any tab (dark)', async () => {
    assert.deepEqual(await scanTabs('dark', 'all'), {});
  });

  it('has no serious axe-core violations but contrast on any tab (light)', async () => {
    assert.deepEqual(await scanTabs('light', 'other'), {});
  });

  it('has enough colour contrast on every tab (light)', { todo: LIGHT_CONTRAST }, async () => {
    assert.deepEqual(await scanTabs('light', 'contrast'), {});
  });
});
