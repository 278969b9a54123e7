import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
  growthSteps,
  imagesDecoded,
  sampleTextLengthPerFrame,
  solidPng,
  textOf,
  useDemo,
} from './harness.js';

const ANSWER = '[data-slot="chat-message"][data-role="assistant"]';
const ANSWER_BODY = `${ANSWER} [data-slot="chat-message-body"]`;

async function send(page: Page, text: string, model?: string): Promise<void> {
  const panel = page.getByRole('tabpanel', { name: 'Chat' });
  if (model) await panel.getByLabel('Choose a model').selectOption(model);
  const input = panel.getByRole('textbox', { name: 'Message' });
  await input.fill(text);
  await input.press('Enter');
}

function answerText(page: Page): Promise<string> {
  return textOf(page.locator(ANSWER_BODY).last());
}

describe('chat tab', () => {
  const demo = useDemo({ gateway: { mock: { tokenDelayMs: 15 } } });

  it('sends on Enter and streams the answer in word by word', async () => {
    const page = await demo.open('/#chat');
    await send(page, 'Explain HTTP streaming in a few sentences');
    await page.getByRole('article', { name: 'You' }).getByText('Explain HTTP streaming').waitFor();
    const lengths = await sampleTextLengthPerFrame(page, ANSWER_BODY);
    assert.ok(growthSteps(lengths) >= 5, `the answer grew in only ${growthSteps(lengths)} frames`);
    await page.locator(`${ANSWER}[data-status="done"]`).waitFor();
    assert.ok((await answerText(page)).length > 40);
  });

  it('stops mid-way keeping the partial answer, then regenerates it', async () => {
    const page = await demo.open('/#chat');
    await send(page, 'Write a long story about a lighthouse');
    await page.waitForFunction(
      (selector) => (document.querySelector(selector)?.textContent?.length ?? 0) > 30,
      ANSWER_BODY,
    );
    await page.getByRole('button', { name: 'Stop' }).click();
    await page.locator(`${ANSWER}[data-status="stopped"]`).waitFor();
    const partial = await answerText(page);
    assert.ok(partial.includes('Stopped'));
    await page.waitForTimeout(200);
    assert.equal(await answerText(page), partial, 'nothing arrives after stop');

    await page.getByRole('button', { name: 'Regenerate' }).click();
    await page.locator(`${ANSWER}[data-status="streaming"]`).waitFor();
    await page.locator(`${ANSWER}[data-status="done"]`).waitFor();
    assert.equal(await page.locator(ANSWER).count(), 1, 'the answer is replaced, not added');
    assert.ok(!(await answerText(page)).includes('Stopped'));
  });

  it('shows the thinking of a reasoning model in its own panel', async () => {
    const page = await demo.open('/#chat');
    await send(page, 'Is 391 a prime number?', 'deepseek-reasoner');
    const reasoning = page.locator(`${ANSWER} [data-slot="chat-reasoning"]`);
    await reasoning.waitFor();
    await page.locator(`${ANSWER}[data-status="done"]`).waitFor();
    const toggle = reasoning.getByRole('button');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    const thinking = (await textOf(reasoning)).trim();
    assert.ok(thinking.length > 20, 'the thinking is shown');
    assert.match(await textOf(toggle), /Thought for \d+ s|Reasoning/);
  });

  it('shows the picture a chat image model draws', async () => {
    const page = await demo.open('/#chat');
    await send(page, 'Draw a red fox in the snow', 'gpt-4o-image');
    await page.locator(`${ANSWER}[data-status="done"]`).waitFor({ timeout: 30_000 });
    const image = page.locator(`${ANSWER} img`).first();
    await image.waitFor();
    await page.waitForFunction((selector) => {
      const img = document.querySelector<HTMLImageElement>(selector);
      return img?.complete === true && img.naturalWidth > 0;
    }, `${ANSWER} img`);
    assert.ok((await image.evaluate((img: HTMLImageElement) => img.naturalWidth)) > 0);
  });

  it('attaches an image, previews it in the composer and sends it with the question', async () => {
    const page = await demo.open('/#chat');
    const panel = page.getByRole('tabpanel', { name: 'Chat' });
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      panel.getByRole('button', { name: 'Attach image' }).click(),
    ]);
    await chooser.setFiles({
      name: 'red.png',
      mimeType: 'image/png',
      buffer: solidPng([220, 30, 30]),
    });
    const previews = panel.getByRole('list', { name: 'Attachments' });
    await imagesDecoded(previews.getByRole('img'));
    assert.equal(await previews.getByRole('img').count(), 1);
    await previews.getByRole('button', { name: /^Remove/ }).waitFor();

    await send(page, 'What colour is this picture?', 'gpt-4o');
    const question = page.getByRole('article', { name: 'You' });
    await question.getByText('What colour is this picture?').waitFor();
    await imagesDecoded(question.getByRole('img'));
    assert.equal(await previews.count(), 0, 'the composer is cleared after sending');
    await page.locator(`${ANSWER}[data-status="done"]`).waitFor();
    assert.match(await answerText(page), /I see 1 image/, 'the model was sent the image');
  });
});
