import type { AitreClient } from '@aitre/core';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useState } from 'react';
import { expect, within } from 'storybook/test';
import { STAGE, Stage, settled } from '../test-utils/midjourneyStage.js';
import { MidjourneyStudio } from './MidjourneyStudio.js';
import { useMidjourneyStudio } from './MidjourneyStudioRoot.js';

/** U1 of a finished grid: the task whose Vary (Region) and Custom Zoom open the dialog. */
async function upscaled(client: AitreClient) {
  const grid = await settled(
    client,
    (await client.midjourney.imagine({ prompt: 'a lighthouse at dusk' })).taskId,
  );
  const u1 = grid.buttons.find((b) => /upsample::1::/.test(b.customId));
  if (!u1) throw new Error('the grid has no U1');
  return (await settled(client, (await client.midjourney.action(u1.customId, grid.id)).taskId)).id;
}

/** Presses the task's modal button of `kind` once, as a user would. */
function Open({ kind }: { kind: 'vary' | 'zoom' }) {
  const { task, press } = useMidjourneyStudio();
  const [done, setDone] = useState(false);
  const button = task.buttons.find((b) => b.kind === kind && b.needsModal);
  useEffect(() => {
    if (done || task.status !== 'success' || !button) return;
    setDone(true);
    void press(button);
  }, [done, task.status, button, press]);
  return null;
}

const withDialog = (kind: 'vary' | 'zoom') => (taskId: string | undefined) => (
  <MidjourneyStudio.Root historyKey={null} defaultTaskId={taskId}>
    <Open kind={kind} />
    <MidjourneyStudio.TaskView />
    <MidjourneyStudio.ModalDialog />
  </MidjourneyStudio.Root>
);

const meta = {
  title: 'MidJourney/Parts/ModalDialog',
  component: Stage,
} satisfies Meta<typeof Stage>;

// Storybook reads the story group from a default export.
export default meta;

type Story = StoryObj<typeof meta>;

/** Open for Vary (Region): the prompt prefilled and the mask painter over the image. */
export const VaryRegionOpen: Story = {
  args: { mj: { stepMs: 10, steps: 2 }, prepare: upscaled, layout: withDialog('vary') },
  play: async ({ canvasElement }) => {
    // The dialog is portalled, outside the story's canvas.
    const body = within(canvasElement.ownerDocument.body);
    const dialog = await body.findByRole('dialog', { name: /^(Vary \(Region\)|局部重绘)$/ }, STAGE);
    const prompt = within(dialog).getByRole('textbox') as HTMLTextAreaElement;
    expect(prompt.value).toBe('a lighthouse at dusk');
    expect(dialog.querySelector('[data-slot="mask-painter"]')).not.toBeNull();
  },
};

/** Open for Custom Zoom: the prompt prefilled with --zoom 2, no mask. */
export const CustomZoomOpen: Story = {
  args: { mj: { stepMs: 10, steps: 2 }, prepare: upscaled, layout: withDialog('zoom') },
  play: async ({ canvasElement }) => {
    const body = within(canvasElement.ownerDocument.body);
    const dialog = await body.findByRole('dialog', { name: /^(Custom zoom|自定义扩图)$/ }, STAGE);
    const prompt = within(dialog).getByRole('textbox') as HTMLTextAreaElement;
    expect(prompt.value).toBe('a lighthouse at dusk --zoom 2');
    expect(dialog.querySelector('[data-slot="mask-painter"]')).toBeNull();
  },
};
