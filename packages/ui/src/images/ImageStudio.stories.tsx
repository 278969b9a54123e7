import { createGateway } from '@aitre/mock-gateway';
import { AitreProvider } from '@aitre/react';
import type { Decorator, Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect } from 'storybook/test';
import { ImageStudio } from './ImageStudio.js';

/** An in-memory gateway per story; files as data URLs since there is no server to serve them. */
function withGateway(options: Parameters<typeof createGateway>[0] = {}): Decorator {
  return (Story) => {
    const [gateway] = useState(() =>
      createGateway({ tokenDelayMs: 0, fileUrls: 'data', latencyMs: 400, ...options }),
    );
    return (
      <AitreProvider baseURL="http://127.0.0.1:8787" fetch={gateway.fetch}>
        <Story />
      </AitreProvider>
    );
  };
}

const generate: Story['play'] = async ({ canvas, userEvent }) => {
  await userEvent.click(await canvas.findByRole('button', { name: /^(Generate|生成)$/ }));
};

const meta = {
  title: 'Images/ImageStudio',
  component: ImageStudio,
  args: { defaultPrompt: 'A lighthouse on a cliff at dusk, oil painting' },
  decorators: [withGateway()],
} satisfies Meta<typeof ImageStudio>;
// Storybook reads the story group from a default export.
export default meta;
type Story = StoryObj<typeof meta>;

/** Generates with the story's model and waits for the result cards. */
const generated =
  (count = 1): Story['play'] =>
  async (context) => {
    await generate?.(context);
    const { canvas } = context;
    const results = await canvas.findAllByRole(
      'button',
      { name: /^(Open generated image \d+|查看第 \d+ 张图片的大图)$/ },
      { timeout: 10_000 },
    );
    expect(results).toHaveLength(count);
  };

/** dall-e-3: size, quality and style; one image; the answer has a revised prompt. */
export const DallE3: Story = { args: { defaultModel: 'dall-e-3' }, play: generated() };

/** dall-e-2: sizes up to 1024x1024 and a count, no quality or style. */
export const DallE2: Story = { args: { defaultModel: 'dall-e-2' }, play: generated() };

/** gpt-image-1: quality, background, output format and a count; results can be edited with a mask. */
export const GptImage1: Story = { args: { defaultModel: 'gpt-image-1' }, play: generated() };

/** flux-schnell: aspect ratio, output format and a count. */
export const FluxSchnell: Story = { args: { defaultModel: 'flux-schnell' }, play: generated() };

/** flux-dev: the flux options on the slower flux model. */
export const FluxDev: Story = { args: { defaultModel: 'flux-dev' }, play: generated() };

/** flux-kontext-pro: the flux family's editing model, generating from a prompt. */
export const FluxKontextPro: Story = {
  args: { defaultModel: 'flux-kontext-pro' },
  play: generated(),
};

/** Generating: the gateway takes a minute to answer (Cancel stops it). */
export const Generating: Story = {
  decorators: [withGateway({ latencyMs: 60_000 })],
  play: generate,
};

/** A gallery of results: two gpt-image-1 images, ready to open, download or edit. */
export const ResultGallery: Story = {
  args: { defaultModel: 'gpt-image-1' },
  play: async (context) => {
    const { canvas, userEvent } = context;
    await userEvent.selectOptions(
      await canvas.findByRole('combobox', { name: /^(Number of images|生成数量)$/ }),
      '2',
    );
    await generated(2)?.(context);
  },
};

/** An error: the prompt fails the gateway's content check, the message is localized. */
export const ContentError: Story = {
  args: { defaultPrompt: 'Something forbidden' },
  play: generate,
};
