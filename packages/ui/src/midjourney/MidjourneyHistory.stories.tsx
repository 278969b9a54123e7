import type { AitreClient } from '@aitre/core';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import { STAGE, Stage } from '../test-utils/midjourneyStage.js';
import { MidjourneyStudio } from './MidjourneyStudio.js';

const KEY = 'aitre-story:mj-history';

/** Two tasks on the gateway, saved as history; resolves to the newer one. */
async function twoTasks(client: AitreClient) {
  const map = await client.midjourney.imagine({ prompt: 'an old map of the coast' });
  const boat = await client.midjourney.imagine({ prompt: 'a paper boat on a pond' });
  localStorage.setItem(
    KEY,
    JSON.stringify([
      {
        id: boat.taskId,
        action: 'IMAGINE',
        status: 'SUCCESS',
        text: 'a paper boat on a pond',
        at: 2,
      },
      {
        id: map.taskId,
        action: 'UPSCALE',
        status: 'FAILURE',
        text: 'an old map of the coast',
        at: 1,
      },
    ]),
  );
  return boat.taskId;
}

const meta = {
  title: 'MidJourney/Parts/History',
  component: Stage,
} satisfies Meta<typeof Stage>;

// Storybook reads the story group from a default export.
export default meta;

type Story = StoryObj<typeof meta>;

/** The saved tasks with localized action and status; opening the older one selects it. */
export const TwoTasks: Story = {
  args: {
    mj: { stepMs: 10, steps: 2 },
    prepare: twoTasks,
    layout: () => (
      <MidjourneyStudio.Root historyKey={KEY} resume={false}>
        <MidjourneyStudio.History />
      </MidjourneyStudio.Root>
    ),
  },
  play: async ({ canvas, canvasElement, userEvent }) => {
    const items = await canvas.findAllByRole('listitem', {}, STAGE);
    expect(items).toHaveLength(2);
    expect(items[1]?.textContent).toMatch(/(Upscale|放大)/);
    expect(items[1]?.textContent).toMatch(/(Failed|失败)/);
    const older = items[1]?.querySelector('button') as HTMLButtonElement;
    await userEvent.click(older);
    await waitFor(() => expect(older.getAttribute('aria-current')).toBe('true'), STAGE);
    const root = canvasElement.querySelector('[data-slot="midjourney-studio"]');
    expect(root?.getAttribute('data-task-id')).toBe(older.title.split(' ').at(-1));
  },
};

/** Nothing saved yet. */
export const Empty: Story = {
  args: {
    layout: () => (
      <MidjourneyStudio.Root historyKey={null}>
        <MidjourneyStudio.History />
      </MidjourneyStudio.Root>
    ),
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByText(/^(No tasks yet\.|还没有任务。)$/)).toBeVisible();
  },
};
