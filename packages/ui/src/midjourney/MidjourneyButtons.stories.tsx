import type { AitreClient } from '@aitre/core';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { STAGE, Stage, settled } from '../test-utils/midjourneyStage.js';
import { MidjourneyStudio } from './MidjourneyStudio.js';

const grid = async (client: AitreClient) =>
  settled(client, (await client.midjourney.imagine({ prompt: 'a red fox in snow' })).taskId);

async function upscaled(client: AitreClient) {
  const task = await grid(client);
  const u2 = task.buttons.find((b) => /upsample::2::/.test(b.customId));
  if (!u2) throw new Error('the grid has no U2');
  return (await settled(client, (await client.midjourney.action(u2.customId, task.id)).taskId)).id;
}

/** The buttons part alone, for the prepared task. */
const buttonsOnly = (taskId: string | undefined) => (
  <MidjourneyStudio.Root historyKey={null} defaultTaskId={taskId}>
    <MidjourneyStudio.Buttons />
  </MidjourneyStudio.Root>
);

const meta = {
  title: 'MidJourney/Parts/Buttons',
  component: Stage,
} satisfies Meta<typeof Stage>;

// Storybook reads the story group from a default export.
export default meta;

type Story = StoryObj<typeof meta>;

/** A finished grid: U1-U4 with reroll drawn as an icon, then V1-V4. */
export const FinishedGrid: Story = {
  args: {
    mj: { stepMs: 10, steps: 2 },
    prepare: async (client) => (await grid(client)).id,
    layout: buttonsOnly,
  },
  play: async ({ canvas }) => {
    const u1 = await canvas.findByRole(
      'button',
      { name: /^(U1: upscale image 1|U1：放大第 1 张)$/ },
      STAGE,
    );
    expect(u1.textContent).toBe('U1');
    expect(canvas.getAllByRole('button', { name: /upscale image|放大第/ })).toHaveLength(4);
    expect(canvas.getAllByRole('button', { name: /variations of image|变换第/ })).toHaveLength(4);
    const reroll = canvas.getByRole('button', { name: /^(Reroll|重绘)$/ });
    expect(reroll.querySelector('svg[aria-hidden="true"]')).not.toBeNull();
  },
};

/** An upscaled image: vary, zoom, pan (arrow icons) and upscale buttons. */
export const Upscaled: Story = {
  args: { mj: { stepMs: 10, steps: 2 }, prepare: upscaled, layout: buttonsOnly },
  play: async ({ canvas }) => {
    const left = await canvas.findByRole('button', { name: /^(Pan left|向左平移)$/ }, STAGE);
    expect(left.querySelector('svg')).not.toBeNull();
    await expect(
      canvas.getByRole('button', { name: /^(Vary \(Region\)|局部重绘)$/ }),
    ).toBeVisible();
    expect(
      canvas.queryByRole('button', { name: /^(U1: upscale image 1|U1：放大第 1 张)$/ }),
    ).toBeNull();
  },
};
