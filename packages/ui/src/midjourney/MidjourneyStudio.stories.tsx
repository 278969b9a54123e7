import type { AitreClient, MjTask } from '@aitre/core';
import type { MidjourneyOptions } from '@aitre/mock-gateway';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useState } from 'react';
import { expect, waitFor, within } from 'storybook/test';
import { STAGE, Stage, settled, until } from '../test-utils/midjourneyStage.js';
import { MidjourneyStudio } from './MidjourneyStudio.js';
import { useMidjourneyStudio } from './MidjourneyStudioRoot.js';

const QUICK: MidjourneyOptions = { stepMs: 10, steps: 2 };

/** Imagines a prompt and waits for its grid. */
async function grid(client: AitreClient, prompt: string): Promise<MjTask> {
  const { taskId } = await client.midjourney.imagine({ prompt });
  return settled(client, taskId);
}

/** Presses a button (by customId pattern) of a finished task and waits for the new task. */
async function press(client: AitreClient, task: MjTask, pattern: RegExp): Promise<MjTask> {
  const button = task.buttons.find((b) => pattern.test(b.customId));
  if (!button) throw new Error(`no button ${pattern}`);
  const result = await client.midjourney.action(button.customId, task.id);
  return settled(client, result.taskId);
}

/** Presses the first button of `kind` once the resumed task has finished (for the modal story). */
function PressOnce({ kind, needsModal }: { kind: string; needsModal: boolean }) {
  const { task, press } = useMidjourneyStudio();
  const [pressed, setPressed] = useState(false);
  const button = task.buttons.find((b) => b.kind === kind && b.needsModal === needsModal);
  useEffect(() => {
    if (pressed || task.status !== 'success' || !button) return;
    setPressed(true);
    void press(button);
  }, [pressed, task.status, button, press]);
  return null;
}

const meta = {
  title: 'MidJourney/MidjourneyStudio',
  component: Stage,
  parameters: { layout: 'fullscreen' },
} satisfies Meta<typeof Stage>;

// Storybook reads the story group from a default export.
export default meta;

type Story = StoryObj<typeof meta>;

const U1 = /^(U1: upscale image 1|U1：放大第 1 张)$/;
const taskStatus = (root: HTMLElement) =>
  root.querySelector('[data-slot="midjourney-task"]')?.getAttribute('data-status');

/** Interaction test: imagine a prompt, watch the progress, get the grid, press U1, get the upscale. */
export const ImagineThenUpscale: Story = {
  name: 'Imagine, then U1',
  args: { mj: { stepMs: 150, steps: 4 } },
  play: async ({ canvas, canvasElement, userEvent }) => {
    const prompt = await canvas.findByRole('textbox', { name: /^(Prompt|提示词)$/ });
    await userEvent.type(prompt, 'a red fox in snow --ar 3:2');
    await userEvent.click(canvas.getByRole('button', { name: /^(Imagine|绘图)$/ }));
    const bar = await canvas.findByRole('progressbar', { name: /^(Progress|进度)$/ }, STAGE);
    await waitFor(
      () => expect(Number(bar.getAttribute('aria-valuenow'))).toBeGreaterThan(0),
      STAGE,
    );
    const u1 = await canvas.findByRole('button', { name: U1 }, STAGE);
    await expect(canvas.getByRole('img', { name: /^(Result image|生成结果)$/ })).toBeVisible();
    expect(canvas.getAllByRole('button', { name: /upscale image|放大第/ })).toHaveLength(4);
    await userEvent.click(u1);
    // The upscale is a task of its own: its buttons are the ones of a single image.
    await canvas.findByRole('button', { name: /^(Zoom out 2x|扩图 2 倍)$/ }, STAGE);
    expect(taskStatus(canvasElement)).toBe('success');
    expect(canvas.queryByRole('button', { name: U1 })).toBeNull();
    await expect(canvas.getByRole('img', { name: /^(Result image|生成结果)$/ })).toBeVisible();
  },
};

/** Live against the in-memory gateway (about 6 s per task): try every tool and button. */
export const Playground: Story = { args: {} };

const submitted = (client: AitreClient) =>
  client.midjourney
    .imagine({ prompt: 'a lighthouse at dusk, oil painting --ar 3:2' })
    .then((r) => r.taskId);

/** Just submitted: the gateway has not started the task (the lifecycle is slowed to a crawl). */
export const Submitted: Story = {
  args: { mj: { stepMs: 1e9 }, prepare: submitted },
  play: async ({ canvasElement }) => {
    await waitFor(() => {
      const statusLine = canvasElement.querySelector('.aitre-mj-status-text');
      expect(statusLine?.textContent).toMatch(/^(Submitted|已提交)$/);
    }, STAGE);
    expect(taskStatus(canvasElement)).toBe('running');
  },
};

const stuckAt45 = async (client: AitreClient) => {
  // mj-stuck holds a task halfway: with 10 steps that is 5/11 = 45%.
  const { taskId } = await client.midjourney.imagine(
    { prompt: 'a red fox in snow --ar 3:2' },
    { headers: { 'x-mock-fault': 'mj-stuck' } },
  );
  await until(client, taskId, (task) => task.progress === '45%');
  return taskId;
};

/** In progress at 45%, with the low-resolution preview in a frame reserved from --ar 3:2. */
export const Progress45: Story = {
  name: 'In progress (45%)',
  args: { mj: { stepMs: 10, steps: 10 }, prepare: stuckAt45 },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('45%', {}, STAGE)).toBeVisible();
    await expect(
      canvas.getByRole('img', { name: /^(Preview while generating|生成中的预览图)$/ }),
    ).toBeVisible();
  },
};

/** The finished grid with U1-U4, reroll and V1-V4. */
export const SuccessGrid: Story = {
  args: {
    mj: QUICK,
    prepare: async (client) => (await grid(client, 'a red fox in snow --ar 3:2')).id,
  },
  play: async ({ canvas }) => {
    await canvas.findByRole('button', { name: U1 }, STAGE);
    expect(canvas.getAllByRole('button', { name: /upscale image|放大第/ })).toHaveLength(4);
  },
};

const upscaled = async (client: AitreClient) =>
  (await press(client, await grid(client, 'a red fox in snow --ar 3:2'), /upsample::2::/)).id;

/** After U2: Vary (Strong/Subtle/Region), Zoom Out 2x/1.5x, Custom Zoom, pan arrows, upscales. */
export const Upscaled: Story = {
  args: { mj: QUICK, prepare: upscaled },
  play: async ({ canvas }) => {
    await canvas.findByRole('button', { name: /^(Pan down|向下平移)$/ }, STAGE);
    await expect(canvas.getByRole('button', { name: /^(Zoom out 2x|扩图 2 倍)$/ })).toBeVisible();
  },
};

/** Vary (Region): the dialog with the prompt and a white-on-black mask painter. */
export const VaryRegionModal: Story = {
  args: {
    mj: QUICK,
    prepare: upscaled,
    layout: (taskId) => (
      <MidjourneyStudio.Root historyKey={null} defaultTaskId={taskId}>
        <PressOnce kind="vary" needsModal />
        <div className="aitre-mj-controls">
          <MidjourneyStudio.Options />
          <MidjourneyStudio.Tools />
        </div>
        <MidjourneyStudio.TaskView />
        <MidjourneyStudio.ModalDialog />
      </MidjourneyStudio.Root>
    ),
  },
  play: async ({ canvasElement }) => {
    // The dialog is portalled to the body, outside the story's canvas.
    const body = within(canvasElement.ownerDocument.body);
    const dialog = await body.findByRole('dialog', { name: /^(Vary \(Region\)|局部重绘)$/ }, STAGE);
    expect(dialog.querySelector('[data-slot="mask-painter"]')).not.toBeNull();
  },
};

/** A banned word: the task fails and the gateway's reason is shown inside the localized message. */
export const Failure: Story = {
  args: {
    mj: QUICK,
    prepare: async (client) => (await grid(client, 'a forbidden castle')).id,
  },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(taskStatus(canvasElement)).toBe('failure'), STAGE);
    const statusLine = canvasElement.querySelector('.aitre-mj-status-text');
    expect(statusLine?.textContent).toMatch(/^(Failed|失败)$/);
  },
};

const described = async (client: AitreClient) => {
  const source = await grid(client, 'a harbour at dawn, watercolor');
  const image = source.imageUrl ?? '';
  const { taskId } = await client.midjourney.describe({ base64: image });
  await settled(client, taskId);
  return taskId;
};

/** Describe: the image and its four prompts, each one click from a new imagine. */
export const DescribeResult: Story = {
  args: { mj: QUICK, prepare: described, defaultTool: 'describe' },
};

const blended = async (client: AitreClient) => {
  const a = await grid(client, 'a red fox');
  const b = await grid(client, 'a blue whale');
  const { taskId } = await client.midjourney.blend({
    base64Array: [a.imageUrl ?? '', b.imageUrl ?? ''],
    dimensions: 'LANDSCAPE',
  });
  await settled(client, taskId);
  return taskId;
};

/** Blend: two images merged into a landscape grid (the Blend tab open; one image shows the count error). */
export const BlendResult: Story = {
  args: { mj: QUICK, prepare: blended, defaultTool: 'blend' },
};

const notFound = () =>
  Promise.resolve(
    new Response('<!doctype html><title>404</title>', {
      status: 404,
      headers: { 'content-type': 'text/html' },
    }),
  );

/** A gateway without the /mj relay: one clear message once something is submitted. */
export const NoMidjourneyRelay: Story = { args: { fetch: notFound } };
