import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { useDemo } from './harness.js';
import { XSS_VECTORS, type XssVector } from './xssVectors.js';

const ANSWER = '[data-slot="chat-message"][data-role="assistant"]';
const BATCH = 12;

// Runs in the page before the app: the trap the vectors call.
const TRAP = `window.pwn = (n) => { window.__pwned = n; };`;

// Runs in the page: elements and attributes that model text must never create inside messages
// (a markdown task item's disabled checkbox is the one input markdown makes).
const DANGEROUS = `(() => {
  const found = [];
  const tags = 'script, iframe, frame, object, embed, base, meta, link, style, form, template, textarea, input:not(.aitre-md-task[type=checkbox][disabled]), select, math, svg image, svg foreignObject, svg animate, svg set';
  for (const body of document.querySelectorAll('[data-slot="chat-message-body"]')) {
    for (const element of body.querySelectorAll(tags)) found.push('<' + element.tagName.toLowerCase() + '>');
    for (const element of body.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        const value = attribute.value.trim().toLowerCase();
        if (attribute.name.startsWith('on')) found.push(attribute.name);
        else if (/^(?:href|src|srcset|action|formaction|xlink:href|style)$/.test(attribute.name) &&
          /^(?:javascript|vbscript|data:text|data:image\\/svg)|expression\\(|url\\(/.test(value)) {
          found.push(attribute.name + '=' + value.slice(0, 40));
        }
      }
    }
  }
  return found;
})()`;

function batches(vectors: readonly XssVector[]): XssVector[][] {
  const out: XssVector[][] = [];
  for (let at = 0; at < vectors.length; at += BATCH) out.push(vectors.slice(at, at + BATCH));
  return out;
}

async function echo(page: Page, text: string, answers: number): Promise<void> {
  const input = page
    .getByRole('tabpanel', { name: 'Chat' })
    .getByRole('textbox', { name: 'Message' });
  await input.fill(text);
  await input.press('Enter');
  await page
    .locator(`${ANSWER}[data-status="done"]`)
    .nth(answers - 1)
    .waitFor();
}

describe('hostile model output', () => {
  const demo = useDemo({ gateway: { mock: { tokenDelayMs: 0 } } });

  it(`shows ${XSS_VECTORS.length} XSS vectors streamed by the gateway as readable text, running nothing`, async () => {
    assert.ok(XSS_VECTORS.length >= 100, 'at least 100 vectors');
    const dialogs: string[] = [];
    const foreign: string[] = [];
    const page = await demo.open('/#chat', {
      prepare: async (page) => {
        await page.addInitScript(TRAP);
        const origin = new URL(demo.server.url).origin;
        // Nothing may leave the test server: record and refuse every other origin.
        await page.context().route('**/*', (route) => {
          const url = route.request().url();
          if (new URL(url).origin === origin) return route.continue();
          foreign.push(url);
          return route.abort('blockedbyclient');
        });
        page.on('request', (request) => {
          const url = request.url();
          if (/^(?:https?|wss?|ftp):/i.test(url) && new URL(url).origin !== origin)
            foreign.push(url);
        });
        page.on('dialog', (dialog) => {
          dialogs.push(`${dialog.type()}: ${dialog.message()}`);
          void dialog.dismiss();
        });
      },
    });
    assert.equal(await page.evaluate('typeof window.pwn'), 'function', 'the trap is set');
    await page
      .getByRole('tabpanel', { name: 'Chat' })
      .getByLabel('Choose a model')
      .selectOption('mock-echo');

    const groups = batches(XSS_VECTORS);
    for (const [index, group] of groups.entries()) {
      await echo(page, group.map((vector) => vector.text).join('\n\n'), index + 1);
    }
    await page.waitForLoadState('networkidle');

    assert.equal(await page.evaluate('window.__pwned'), undefined, 'no vector called the trap');
    assert.deepEqual(dialogs, [], 'no dialog opened');
    assert.deepEqual([...new Set(foreign)], [], 'no request left the test server');
    assert.deepEqual(await page.evaluate(DANGEROUS), [], 'no active element or URL was created');
    // Foreign markdown images wait behind a placeholder naming their host instead of loading.
    const blocked = page.locator(`${ANSWER} .aitre-md-img-blocked[data-state="blocked"]`);
    assert.ok((await blocked.count()) >= 8, 'foreign images are held back');
    assert.match((await blocked.first().textContent()) ?? '', /evil\.example/);

    // Off-screen messages skip rendering (content-visibility), so each is scrolled into view
    // before its rendered text is read.
    const bodies = page.locator(`${ANSWER} [data-slot="chat-message-body"]`);
    assert.equal(await bodies.count(), groups.length);
    const answers: string[] = [];
    for (let index = 0; index < groups.length; index++) {
      await bodies.nth(index).scrollIntoViewIfNeeded();
      await page.evaluate(
        'new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))',
      );
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a reader sees.
      answers.push(await bodies.nth(index).innerText());
    }
    const unreadable = groups.flatMap((group, index) =>
      group
        .filter((vector) => !answers[index]?.includes(vector.token))
        .map((vector) => vector.token),
    );
    assert.deepEqual(unreadable, [], 'every vector is followed by its readable token');
    const overflow = await page.evaluate(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    assert.equal(overflow, 0, 'long lines wrap instead of widening the page');
  });
});
