import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import meta, * as stories from './MidjourneyStudio.stories.js';

afterEach(cleanup);

const Stage = meta.component;

const status = () =>
  document.querySelector('[data-slot="midjourney-task"]')?.getAttribute('data-status');
const statusText = () => document.querySelector('.aitre-mj-status-text')?.textContent;

async function show(story: { args?: object }) {
  render(<Stage {...story.args} />);
  await waitFor(
    () => expect(document.querySelector('[data-slot="midjourney-task"]')).toBeTruthy(),
    {
      timeout: 4000,
    },
  );
}

describe('MidjourneyStudio stories', () => {
  it('Submitted stays submitted', async () => {
    await show(stories.Submitted);
    await waitFor(() => expect(statusText()).toBe('Submitted'), { timeout: 4000 });
  });

  it('Progress45 shows 45% with a preview image', async () => {
    await show(stories.Progress45);
    await waitFor(() => expect(screen.getByText('45%')).toBeTruthy(), { timeout: 4000 });
    expect(screen.getByRole('img', { name: 'Preview while generating' })).toBeTruthy();
  });

  it('SuccessGrid, Upscaled, Failure, DescribeResult and BlendResult reach their stage', async () => {
    await show(stories.SuccessGrid);
    await waitFor(
      () => expect(screen.getByRole('button', { name: 'U4: upscale image 4' })).toBeTruthy(),
      {
        timeout: 4000,
      },
    );
    cleanup();
    await show(stories.Upscaled);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Pan down' })).toBeTruthy(), {
      timeout: 4000,
    });
    cleanup();
    await show(stories.Failure);
    await waitFor(() => expect(status()).toBe('failure'), { timeout: 4000 });
    cleanup();
    await show(stories.DescribeResult);
    await waitFor(
      () => expect(screen.getAllByRole('button', { name: 'Use this prompt' })).toHaveLength(4),
      {
        timeout: 4000,
      },
    );
    cleanup();
    await show(stories.BlendResult);
    await waitFor(
      () => expect(screen.getByRole('button', { name: 'U1: upscale image 1' })).toBeTruthy(),
      {
        timeout: 4000,
      },
    );
  });

  it('VaryRegionModal opens the dialog with the mask painter', async () => {
    await show(stories.VaryRegionModal);
    const dialog = await screen.findByRole('dialog', { name: 'Vary (Region)' }, { timeout: 4000 });
    expect(dialog.querySelector('[data-slot="mask-painter"]')).toBeTruthy();
  });
});
