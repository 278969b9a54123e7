import type { Page } from 'playwright-core';

/**
 * Puts a result on every tab that makes one (a chat answer, an image, speech, an MJ grid,
 * embeddings, a completion), so screenshots and accessibility scans see content, not only
 * empty states. Expects a quick mock gateway (few ms per token, short MJ steps).
 */
export async function fillTabs(page: Page): Promise<void> {
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

  await page.getByRole('tab', { name: 'Audio' }).click();
  await tab('Audio').getByLabel('Text', { exact: true }).fill('Hello from the AITRE demo page.');
  await tab('Audio').getByRole('button', { name: 'Generate speech' }).click();
  await tab('Audio').locator('audio').waitFor({ state: 'attached' });

  await page.getByRole('tab', { name: 'MidJourney' }).click();
  await tab('MidJourney').getByRole('textbox', { name: 'Prompt', exact: true }).fill('A castle');
  await tab('MidJourney').getByRole('button', { name: 'Imagine', exact: true }).click();
  await page.locator('[data-slot="midjourney-task"][data-status="success"]').waitFor();

  await page.getByRole('tab', { name: 'Embeddings' }).click();
  await tab('Embeddings').getByLabel('Text 1', { exact: true }).fill('The cat sat on the mat.');
  await tab('Embeddings').getByLabel('Text 2', { exact: true }).fill('A cat sat on a rug.');
  await tab('Embeddings').getByRole('button', { name: 'Embed', exact: true }).click();
  await tab('Embeddings').locator('[data-slot="similarity"]').first().waitFor();

  await page.getByRole('tab', { name: 'Completions' }).click();
  await tab('Completions').getByLabel('Prompt').fill('Once upon a time');
  await tab('Completions').getByRole('button', { name: 'Complete' }).click();
  await tab('Completions').locator('form[data-status="idle"]').waitFor();
}
