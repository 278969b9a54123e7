import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { textOf, useDemo } from './harness.js';

const ANSWER = '[data-slot="chat-message"][data-role="assistant"]';

// Runs in the page. What shows keyboard focus on the focused element: its own outline or
// box-shadow in the focus colour, the ring of the label that stands in for a visually hidden
// file input, or (for the chat text box) the composer's border.
// Returns '' when focus is visible, otherwise what is wrong. Source text: tsx helpers do not
// exist in the page.
const FOCUS_PROBLEM = `(() => {
  const element = document.activeElement;
  if (!element || element === document.body) return 'nothing is focused';
  const probe = document.createElement('span');
  probe.style.color = 'var(--aitre-color-focus)';
  element.closest('.aitre-root').append(probe);
  const focus = getComputedStyle(probe).color;
  probe.remove();
  const name = element.tagName.toLowerCase() + ' ' + (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40);
  if (!element.matches(':focus-visible')) return name + ': not :focus-visible';
  const style = getComputedStyle(element);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 && style.outlineColor === focus;
  if (outline || style.boxShadow.includes(focus)) return '';
  const label = element.type === 'file' ? element.nextElementSibling : null;
  if (label && getComputedStyle(label).boxShadow.includes(focus)) return '';
  const composer = element.closest('.aitre-chat-composer');
  if (composer && getComputedStyle(composer).borderColor === focus) return '';
  return name + ': no outline or box-shadow in the focus colour ' + focus;
})()`;

/** Fails unless the focused element shows keyboard focus. */
async function assertVisibleFocus(page: Page): Promise<void> {
  assert.equal(await page.evaluate(FOCUS_PROBLEM), '', 'keyboard focus is visible');
}

/** Fails unless `target` takes focus within `timeout` ms. */
async function waitForFocus(
  page: Page,
  target: Locator,
  message: string,
  timeout = 5_000,
): Promise<void> {
  const element = await target.elementHandle();
  const focused = await page
    .waitForFunction((node) => node === document.activeElement, element, { timeout })
    .then(
      () => true,
      () => false,
    );
  assert.ok(focused, message);
}

/**
 * Presses Tab (Shift+Tab with `back`) until `target` has focus, checking at every stop that
 * focus is visible. Fails after `limit` presses.
 */
async function tabTo(page: Page, target: Locator, back = false, limit = 40): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    await assertVisibleFocus(page);
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  assert.fail(`${target} was not reached with ${limit} presses of ${back ? 'Shift+Tab' : 'Tab'}`);
}

describe('keyboard only', () => {
  const demo = useDemo({ gateway: { mock: { tokenDelayMs: 30, mj: { stepMs: 150 } } } });

  it('chats: types, sends with Enter, stops, copies and regenerates the answer', async () => {
    const page = await demo.open('/#chat');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: demo.server.url,
    });
    const chat = page.getByRole('tabpanel', { name: 'Chat' });
    await chat.getByRole('textbox', { name: 'Message' }).waitFor();
    await tabTo(page, chat.getByRole('textbox', { name: 'Message' }));
    await page.keyboard.type('Write a long story about a lighthouse');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (selector) => (document.querySelector(selector)?.textContent?.length ?? 0) > 30,
      ANSWER,
    );
    await tabTo(page, chat.getByRole('button', { name: 'Stop' }));
    await page.keyboard.press('Enter');
    const answer = page.locator(ANSWER).last();
    await page.locator(`${ANSWER}[data-status="stopped"]`).waitFor();

    const copy = answer.getByRole('button', { name: 'Copy', exact: true });
    await tabTo(page, copy, true);
    await page.keyboard.press('Enter');
    await answer.getByRole('button', { name: 'Copied' }).waitFor();
    const copied = (await page.evaluate('navigator.clipboard.readText()')) as string;
    const partial = await textOf(answer.locator('[data-slot="chat-message-body"]'));
    assert.ok(copied.length > 30, 'the partial answer is on the clipboard');
    assert.ok(partial.includes(copied.trim().slice(0, 30)), 'the clipboard holds the answer');

    await tabTo(page, answer.getByRole('button', { name: 'Regenerate' }));
    await page.keyboard.press('Space');
    await page.locator(`${ANSWER}[data-status="streaming"]`).waitFor();
    await page.locator(`${ANSWER}[data-status="done"]`).waitFor({ timeout: 30_000 });
    assert.equal(await page.locator(ANSWER).count(), 1, 'the answer is replaced, not added');
  });

  it('imagines, upscales U1 and opens and closes the vary-region dialog', async () => {
    const page = await demo.open('/');
    await page.getByRole('tab', { name: 'Chat' }).waitFor();
    await tabTo(page, page.getByRole('tab', { name: 'Chat' }));
    for (let step = 0; step < 3; step++) await page.keyboard.press('ArrowRight');
    const tab = page.getByRole('tab', { name: 'MidJourney' });
    assert.equal(await tab.getAttribute('aria-selected'), 'true');
    await assertVisibleFocus(page);

    const panel = page.getByRole('tabpanel', { name: 'MidJourney' });
    await tabTo(page, panel.getByRole('textbox', { name: 'Prompt', exact: true }));
    await page.keyboard.type('A lighthouse at dusk');
    await tabTo(page, panel.getByRole('button', { name: 'Imagine', exact: true }));
    await page.keyboard.press('Enter');
    const task = panel.locator('[data-slot="midjourney-task"]');
    await panel.locator('[data-slot="midjourney-task"][data-status="success"]').waitFor();

    await tabTo(page, task.getByRole('button', { name: /^U1\b/ }));
    await page.keyboard.press('Enter');
    const varyRegion = task.getByRole('button', { name: 'Vary (Region)' });
    await varyRegion.waitFor();
    await tabTo(page, varyRegion);
    await page.keyboard.press('Space');
    const dialog = page.getByRole('dialog', { name: 'Vary (Region)' });
    await dialog.waitFor();
    assert.ok(
      await dialog.evaluate((element) => element.contains(document.activeElement)),
      'focus moves into the dialog',
    );
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // The opener gave way to the modal task; focus returns to the task view around it, which
    // shows the upscaled image again with its buttons. Radix moves focus a task after the
    // dialog unmounts, so this waits for it rather than reading it at once.
    await waitForFocus(page, task, 'focus returns to the task view');
    await assertVisibleFocus(page);
    await tabTo(page, varyRegion);
  });
});
