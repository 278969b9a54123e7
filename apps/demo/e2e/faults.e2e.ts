import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { textOf, useDemo } from './harness.js';

const TEXT = '[data-testid="completion-text"]';

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
});
