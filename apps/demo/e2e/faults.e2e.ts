import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { textOf, useDemo } from './harness.js';

const TEXT = '[data-testid="completion-text"]';
const ANSWER = '[data-slot="chat-message"][data-role="assistant"]';

/** Asks the chat a question; returns the statuses of the page's chat completion requests. */
async function ask(page: Page, question: string): Promise<number[]> {
  const statuses: number[] = [];
  page.on('response', (response) => {
    if (response.url().endsWith('/v1/chat/completions')) statuses.push(response.status());
  });
  const input = page
    .getByRole('tabpanel', { name: 'Chat' })
    .getByRole('textbox', { name: 'Message' });
  await input.fill(question);
  await input.press('Enter');
  return statuses;
}

describe('gateway faults', () => {
  const demo = useDemo({ gateway: { mock: { tokenDelayMs: 5 } } });

  it('keeps the partial chat answer when the connection drops, says so, and retry answers', async () => {
    const page = await demo.open('/?fault=drop:1#chat');
    const panel = page.getByRole('tabpanel', { name: 'Chat' });
    const input = panel.getByRole('textbox', { name: 'Message' });
    await input.fill('Tell me about lighthouses');
    await input.press('Enter');
    const answer = panel.locator('[data-slot="chat-message"][data-role="assistant"]');
    await answer.and(page.locator('[data-status="error"]')).waitFor();
    const alert = answer.getByRole('alert');
    assert.match(await textOf(alert), /Could not reach the gateway/);
    const partial = await textOf(answer.locator('[data-slot="markdown"]'));
    assert.ok(partial.trim().length > 0, 'the partial answer stays');
    await alert.getByRole('button', { name: 'Retry' }).click();
    await answer.and(page.locator('[data-status="done"]')).waitFor();
    assert.equal(await answer.getByRole('alert').count(), 0);
    assert.equal(await answer.count(), 1);
  });

  it('keeps the partial completion when the connection drops, says so, and retry completes it', async () => {
    // drop:1 cuts the first streamed answer per endpoint mid-way; the next one succeeds.
    const page = await demo.open('/?fault=drop:1#completions');
    const panel = page.getByRole('tabpanel', { name: 'Completions' });
    await panel.getByLabel('Prompt').fill('Once upon a time');
    await panel.getByRole('button', { name: 'Complete' }).click();
    const alert = panel.getByRole('alert');
    await alert.waitFor();
    assert.match((await alert.textContent()) ?? '', /Could not reach the gateway/);
    const partial = (await panel.locator(TEXT).textContent()) ?? '';
    assert.ok(partial.length > 0, 'the partial text stays');
    await panel.getByRole('button', { name: 'Retry' }).click();
    await panel.locator('form[data-status="idle"]').waitFor();
    assert.equal(await alert.count(), 0);
    const full = (await panel.locator(TEXT).textContent()) ?? '';
    assert.ok(full.length > partial.length, 'the retried answer is complete');
  });

  it('shows a gateway error event in the chosen language', async () => {
    const page = await demo.open('/?fault=error-event:1&lang=zh-CN#completions');
    const panel = page.getByRole('tabpanel', { name: '文本补全' });
    await panel.getByLabel('提示词').fill('你好');
    await panel.getByRole('button', { name: '补全' }).click();
    const alert = panel.getByRole('alert');
    await alert.waitFor();
    assert.ok(((await alert.textContent()) ?? '').length > 0);
    assert.ok(((await panel.locator(TEXT).textContent()) ?? '').length > 0, 'partial text kept');
    await panel.getByRole('button', { name: '重试' }).click();
    await panel.locator('form[data-status="idle"]').waitFor();
    assert.equal(await alert.count(), 0);
  });

  it('waits out a 429 and answers without bothering the user', async () => {
    // 429:1 refuses the first request with retry-after; the client waits and asks again.
    const page = await demo.open('/?fault=429:1#chat');
    const statuses = await ask(page, 'What is a rate limit?');
    await page.locator(`${ANSWER}[data-status="done"]`).waitFor();
    assert.deepEqual(statuses, [429, 200], 'refused once, then answered');
    assert.equal(await page.getByRole('alert').count(), 0);
    assert.ok((await textOf(page.locator(ANSWER))).length > 20, 'the answer arrived');
  });

  it('says when to try again after repeated 429s, keeps the draft, and retry answers', async () => {
    // 429:3 outlasts the client's two retries; the fourth request succeeds.
    const page = await demo.open('/?fault=429:3#chat');
    const statuses = await ask(page, 'Are you busy?');
    const panel = page.getByRole('tabpanel', { name: 'Chat' });
    const alert = panel.getByRole('alert');
    await alert.waitFor();
    assert.match(await textOf(alert), /^Too many requests\. Try again in 1 s\./);
    assert.deepEqual(statuses, [429, 429, 429]);
    assert.equal(
      await panel.getByRole('textbox', { name: 'Message' }).inputValue(),
      'Are you busy?',
    );
    await alert.getByRole('button', { name: 'Retry' }).click();
    await page.locator(`${ANSWER}[data-status="done"]`).waitFor();
    assert.equal(await alert.count(), 0);
    assert.match(await textOf(page.getByRole('article', { name: 'You' })), /Are you busy\?/);
    assert.equal(await page.getByRole('article', { name: 'You' }).count(), 1);
  });

  it('explains a 500 in the chosen language, keeps the question, and retry answers', async () => {
    const page = await demo.open('/?fault=500:3&lang=zh-CN#chat');
    const panel = page.getByRole('tabpanel', { name: '对话' });
    const input = panel.getByRole('textbox', { name: '消息' });
    await input.fill('灯塔是怎么工作的？');
    await input.press('Enter');
    const alert = panel.getByRole('alert');
    await alert.waitFor();
    const message = await textOf(alert);
    assert.match(message, /^[\u4e00-\u9fff]/, `a Chinese message first: ${message}`);
    assert.equal(
      await input.inputValue(),
      '灯塔是怎么工作的？',
      'the question stays in the composer',
    );
    await alert.getByRole('button', { name: '重试' }).click();
    await panel.locator(`${ANSWER}[data-status="done"]`).waitFor();
    assert.equal(await alert.count(), 0);
    const question = panel.locator('[data-slot="chat-message"][data-role="user"]');
    assert.equal(await question.count(), 1, 'the question is asked once');
    assert.match(await textOf(question), /灯塔是怎么工作的？/);
  });

  it('keeps the prompt after a 500 on completions, and retry completes', async () => {
    const page = await demo.open('/?fault=500:3#completions');
    const panel = page.getByRole('tabpanel', { name: 'Completions' });
    await panel.getByLabel('Prompt').fill('The lighthouse keeper');
    await panel.getByRole('button', { name: 'Complete' }).click();
    const alert = panel.getByRole('alert');
    await alert.waitFor();
    assert.match(await textOf(alert), /The upstream provider failed to answer/);
    assert.equal(await panel.getByLabel('Prompt').inputValue(), 'The lighthouse keeper');
    await panel.getByRole('button', { name: 'Retry' }).click();
    await panel.locator('form[data-status="idle"]').waitFor();
    assert.equal(await alert.count(), 0);
    assert.ok((await textOf(panel.locator(TEXT))).length > 0, 'the completion arrived');
  });
});
