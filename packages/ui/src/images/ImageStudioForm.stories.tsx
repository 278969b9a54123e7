import { createGateway } from '@aitre/mock-gateway';
import { AitreProvider } from '@aitre/react';
import type { Decorator, Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect } from 'storybook/test';
import { ImageStudioForm } from './ImageStudioForm.js';
import { ImageStudioRoot, type ImageStudioRootProps } from './ImageStudioRoot.js';

/** An in-memory gateway per story; files as data URLs since there is no server to serve them. */
const withGateway: Decorator = (Story) => {
  const [gateway] = useState(() => createGateway({ tokenDelayMs: 0, fileUrls: 'data' }));
  return (
    <AitreProvider baseURL="http://127.0.0.1:8787" fetch={gateway.fetch}>
      <Story />
    </AitreProvider>
  );
};

/** The form part alone inside its root. */
function FormOnly(props: ImageStudioRootProps) {
  return (
    <ImageStudioRoot {...props}>
      <ImageStudioForm />
    </ImageStudioRoot>
  );
}

const meta = {
  title: 'Images/Parts/Form',
  component: FormOnly,
  args: { defaultPrompt: 'A lighthouse on a cliff at dusk' },
  decorators: [withGateway],
} satisfies Meta<typeof FormOnly>;
// Storybook reads the story group from a default export.
export default meta;
type Story = StoryObj<typeof meta>;

const QUALITY = /^(Quality|质量)$/;
const STYLE = /^(Style|风格)$/;
const BACKGROUND = /^(Background|背景)$/;
const FORMAT = /^(Format|格式)$/;

/** dall-e-3: quality standard/HD and a style. */
export const DallE3: Story = {
  args: { defaultModel: 'dall-e-3' },
  play: async ({ canvas }) => {
    const quality = (await canvas.findByRole('combobox', { name: QUALITY })) as HTMLSelectElement;
    expect([...quality.options].map((o) => o.value)).toEqual(['standard', 'hd']);
    expect([...quality.options].map((o) => o.text)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^(HD|高清)$/)]),
    );
    await expect(canvas.getByRole('combobox', { name: STYLE })).toBeVisible();
    expect(canvas.queryByRole('combobox', { name: BACKGROUND })).toBeNull();
  },
};

/** gpt-image-1: background (transparent) and output format, no style. */
export const GptImage1: Story = {
  args: { defaultModel: 'gpt-image-1' },
  play: async ({ canvas }) => {
    const background = await canvas.findByRole('combobox', { name: BACKGROUND });
    expect(background.textContent).toMatch(/(Transparent|透明)/);
    await expect(canvas.getByRole('combobox', { name: FORMAT })).toBeVisible();
    expect(canvas.queryByRole('combobox', { name: STYLE })).toBeNull();
  },
};

/** flux-schnell: an aspect ratio; no quality, style or background. */
export const FluxSchnell: Story = {
  args: { defaultModel: 'flux-schnell' },
  play: async ({ canvas }) => {
    await expect(
      await canvas.findByRole('combobox', { name: /^(Aspect ratio|宽高比)$/ }),
    ).toBeVisible();
    for (const name of [QUALITY, STYLE, BACKGROUND]) {
      expect(canvas.queryByRole('combobox', { name })).toBeNull();
    }
  },
};
