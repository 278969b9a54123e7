import { type AitreClient, createClient, type MjTask } from '@aitre/core';
import { createGateway } from '@aitre/mock-gateway';
import { type AitreLocale, AitreProvider } from '@aitre/react';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { MidjourneyButtons } from './MidjourneyButtons.js';
import { MidjourneyStudioRoot } from './MidjourneyStudioRoot.js';

const BASE = 'http://127.0.0.1:8787';
const POLL = { initialDelayMs: 5, maxIntervalMs: 10, maxErrorIntervalMs: 20 };

afterEach(cleanup);

async function until(client: AitreClient, id: string): Promise<MjTask> {
  for (;;) {
    const task = await client.midjourney.fetchTask(id);
    if (task.status === 'SUCCESS' || task.status === 'FAILURE') return task;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A finished grid (and optionally its U1 upscale) on a fresh in-memory gateway, shown by the buttons alone. */
async function setup({ upscaled = false, locale }: { upscaled?: boolean; locale?: AitreLocale }) {
  const gateway = createGateway({ tokenDelayMs: 0, mj: { stepMs: 5, steps: 2 } });
  const client = createClient({ baseURL: BASE, fetch: gateway.fetch });
  let task = await until(client, (await client.midjourney.imagine({ prompt: 'a fox' })).taskId);
  if (upscaled) {
    const u1 = task.buttons.find((b) => /upsample::1/.test(b.customId));
    if (!u1) throw new Error('no U1');
    task = await until(client, (await client.midjourney.action(u1.customId, task.id)).taskId);
  }
  render(
    <AitreProvider client={client} locale={locale}>
      <MidjourneyStudioRoot pollOptions={POLL} historyKey={null} defaultTaskId={task.id}>
        <MidjourneyButtons />
      </MidjourneyStudioRoot>
    </AitreProvider>,
  );
  const fieldset = await screen.findByRole('group', {}, { timeout: 4000 });
  return { gateway, fieldset };
}

describe('MidjourneyButtons', () => {
  it('names U1..V4 with their visible text and draws reroll as an icon with a localized name', async () => {
    await setup({});
    for (const n of [1, 2, 3, 4]) {
      const u = screen.getByRole('button', { name: `U${n}: upscale image ${n}` });
      const v = screen.getByRole('button', { name: `V${n}: variations of image ${n}` });
      expect(u.textContent).toBe(`U${n}`);
      expect(v.textContent).toBe(`V${n}`);
      expect(u.getAttribute('aria-label')).toContain(u.textContent);
    }
    const reroll = screen.getByRole('button', { name: 'Reroll' });
    expect(reroll.textContent).toBe('');
    expect(reroll.querySelector('svg[aria-hidden="true"] path')).toBeTruthy();
    expect(reroll.closest('[data-row]')?.getAttribute('data-row')).toBe('upscale');
  });

  it('draws pan buttons as distinct icons named in zh-CN', async () => {
    await setup({ upscaled: true, locale: 'zh-CN' });
    const left = screen.getByRole('button', { name: '向左平移' });
    const right = screen.getByRole('button', { name: '向右平移' });
    for (const pan of [left, right]) {
      expect(pan.textContent).toBe('');
      expect(pan.querySelector('svg[aria-hidden="true"]')).toBeTruthy();
      expect(pan.getAttribute('data-kind')).toBe('pan');
    }
    expect(left.querySelector('path')?.getAttribute('d')).not.toBe(
      right.querySelector('path')?.getAttribute('d'),
    );
  });

  it('disables every button while a press is submitting', async () => {
    const { gateway } = await setup({});
    const buttons = screen.getAllByRole('button') as HTMLButtonElement[];
    expect(buttons.every((b) => !b.disabled)).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'V3: variations of image 3' }));
    await waitFor(() => {
      const now = screen.queryAllByRole('button') as HTMLButtonElement[];
      expect(now.length).toBe(buttons.length);
      expect(now.every((b) => b.disabled)).toBe(true);
      // Only the pressed one shows it is in flight.
      const busy = document.querySelectorAll('[aria-busy="true"]');
      expect(busy.length).toBe(1);
      expect(busy[0]?.getAttribute('aria-label')).toContain('V3');
    });
    expect(gateway.requests.some((r) => r.path === '/mj/submit/action')).toBe(true);
  });
});
