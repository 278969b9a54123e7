import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useDemo } from './harness.js';

describe('demo page', () => {
  const demo = useDemo();

  it('switches tabs with the mouse and the arrow keys, and remembers the tab in the URL', async () => {
    const page = await demo.open('/');
    const tabs = page.getByRole('tablist');
    await page.getByRole('tab', { name: 'Models' }).click();
    assert.equal(
      await page.getByRole('tab', { name: 'Models' }).getAttribute('aria-selected'),
      'true',
    );
    assert.ok(page.url().endsWith('#models'));
    await page.keyboard.press('ArrowLeft');
    const completions = page.getByRole('tab', { name: 'Completions' });
    assert.equal(await completions.getAttribute('aria-selected'), 'true');
    assert.ok(await completions.evaluate((node) => node === document.activeElement));
    await page.keyboard.press('Home');
    assert.equal(
      await page.getByRole('tab', { name: 'Chat' }).getAttribute('aria-selected'),
      'true',
    );
    assert.equal(await tabs.getByRole('tab').count(), 7);
    await page.goto(`${demo.server.url}/#embeddings`);
    await page.reload();
    assert.equal(
      await page.getByRole('tab', { name: 'Embeddings' }).getAttribute('aria-selected'),
      'true',
    );
  });

  it('switches theme and language, and keeps both after a reload', async () => {
    const page = await demo.open('/#models');
    const root = page.locator('.demo-app');
    await page.getByRole('group', { name: 'Theme' }).getByRole('button', { name: 'Dark' }).click();
    assert.equal(await root.getAttribute('data-theme'), 'dark');
    const background = await root.evaluate((node) => getComputedStyle(node).backgroundColor);
    assert.equal(background, 'rgb(17, 17, 20)');
    await page.getByRole('button', { name: '简体中文' }).click();
    await page.getByRole('tab', { name: '模型' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
    await page.reload();
    await page.getByRole('tab', { name: '模型', selected: true }).waitFor();
    assert.equal(await root.getAttribute('data-theme'), 'dark');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('tab', { name: 'Models' }).waitFor();
  });

  it('shows the mock gateway in the settings panel', async () => {
    const page = await demo.open('/');
    const toggle = page.getByRole('button', { name: 'Settings' });
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    const settings = page.getByRole('region', { name: 'Settings' });
    await settings.getByText('Built-in mock gateway (same origin)').waitFor();
    assert.equal(await settings.getByLabel('Simulated fault').inputValue(), '');
  });

  it('lists the models grouped by capability', async () => {
    const page = await demo.open('/#models');
    const panel = page.getByRole('tabpanel', { name: 'Models' });
    for (const group of ['Chat', 'Reasoning', 'Image', 'Embedding', 'MidJourney']) {
      await panel.getByRole('region', { name: new RegExp(`^${group}`) }).waitFor();
    }
    const reasoning = panel.getByRole('region', { name: /^Reasoning/ });
    assert.ok((await reasoning.getByText('deepseek-reasoner').count()) > 0);
    const images = panel.getByRole('region', { name: /^Image/ });
    assert.ok((await images.getByText('dall-e-3').count()) > 0);
  });
});
