import { createClient } from '@aitre/core';
import { createGateway } from '@aitre/mock-gateway';
import { type AitreLocale, AitreProvider } from '@aitre/react';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { en } from '../locale/en.js';
import { zhCN } from '../locale/zhCN.js';
import { MidjourneyHistory } from './MidjourneyHistory.js';
import { MidjourneyStudioRoot } from './MidjourneyStudioRoot.js';

const BASE = 'http://127.0.0.1:8787';
const POLL = { initialDelayMs: 5, maxIntervalMs: 10, maxErrorIntervalMs: 20 };
const KEY = 'test:mj:history-part';

beforeEach(() => localStorage.clear());
afterEach(cleanup);

const studio = () => document.querySelector('[data-slot="midjourney-studio"]');

/** Two finished tasks on a fresh gateway, saved in the history, shown by the history part alone. */
async function setup(locale?: AitreLocale) {
  const gateway = createGateway({ tokenDelayMs: 0, mj: { stepMs: 5, steps: 2 } });
  const client = createClient({ baseURL: BASE, fetch: gateway.fetch });
  const first = await client.midjourney.imagine({ prompt: 'an old map' });
  const second = await client.midjourney.imagine({ prompt: 'a paper boat' });
  localStorage.setItem(
    KEY,
    JSON.stringify([
      { id: second.taskId, action: 'UPSCALE', status: 'SUCCESS', text: 'a paper boat', at: 2 },
      { id: first.taskId, action: 'IMAGINE', status: 'FAILURE', text: 'an old map', at: 1 },
    ]),
  );
  render(
    <AitreProvider client={client} locale={locale}>
      <MidjourneyStudioRoot pollOptions={POLL} historyKey={KEY}>
        <MidjourneyHistory className="custom-history" />
      </MidjourneyStudioRoot>
    </AitreProvider>,
  );
  return { gateway, first: first.taskId, second: second.taskId };
}

describe('MidjourneyHistory', () => {
  it('lists tasks newest first with localized action and status; reopening one selects it', async () => {
    const { gateway, first, second } = await setup();
    const region = screen.getByRole('region', { name: en.midjourney.history });
    expect(region.classList.contains('custom-history')).toBe(true);
    const items = await within(region).findAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      `a paper boat${en.midjourney.actionUpscale}${en.midjourney.statusSuccess}`,
      `an old map${en.midjourney.actionImagine}${en.midjourney.statusFailure}`,
    ]);
    const old = screen.getByTitle(`Open task ${first}`);
    expect(old.getAttribute('aria-current')).toBeNull();
    fireEvent.click(old);
    await waitFor(() => expect(studio()?.getAttribute('data-task-id')).toBe(first));
    expect(old.getAttribute('aria-current')).toBe('true');
    expect(screen.getByTitle(`Open task ${second}`).getAttribute('aria-current')).toBeNull();
    await waitFor(() =>
      expect(gateway.requests.some((r) => r.path === `/mj/task/${first}/fetch`)).toBe(true),
    );
  });

  it('names a blend by its action, not by the Discord command the relay ran', async () => {
    localStorage.setItem(
      KEY,
      JSON.stringify([
        { id: 'b1', action: 'BLEND', status: 'SUCCESS', text: '/blend 1795680995483775 2', at: 1 },
      ]),
    );
    const client = createClient({ baseURL: BASE, fetch: createGateway().fetch });
    render(
      <AitreProvider client={client}>
        <MidjourneyStudioRoot pollOptions={POLL} historyKey={KEY}>
          <MidjourneyHistory />
        </MidjourneyStudioRoot>
      </AitreProvider>,
    );
    const [item] = await screen.findAllByRole('listitem');
    expect(item?.textContent).toBe(`${en.midjourney.actionBlend}${en.midjourney.statusSuccess}`);
  });

  it('speaks zh-CN and clears the history', async () => {
    await setup('zh-CN');
    const m = zhCN.midjourney;
    const region = screen.getByRole('region', { name: m.history });
    await within(region).findAllByRole('listitem');
    expect(within(region).getByText(m.actionUpscale)).toBeTruthy();
    expect(within(region).getByText(m.statusFailure)).toBeTruthy();
    fireEvent.click(within(region).getByRole('button', { name: m.clearHistory }));
    expect(within(region).queryByRole('list')).toBeNull();
    expect(within(region).getByText(m.historyEmpty)).toBeTruthy();
    expect(within(region).queryByRole('button', { name: m.clearHistory })).toBeNull();
  });
});
