import { createGateway } from '@aitre/mock-gateway';
import { AitreProvider } from '@aitre/react';
import type { Decorator, Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect } from 'storybook/test';
import { SpeechStudio } from './SpeechStudio.js';

function withGateway(): Decorator {
  return (Story) => {
    const [gateway] = useState(() => createGateway({ tokenDelayMs: 0, latencyMs: 400 }));
    return (
      <AitreProvider baseURL="http://127.0.0.1:8787" fetch={gateway.fetch}>
        <div style={{ maxWidth: 640 }}>
          <Story />
        </div>
      </AitreProvider>
    );
  };
}

const meta = {
  title: 'Audio/SpeechStudio',
  component: SpeechStudio,
  decorators: [withGateway()],
  args: { defaultText: 'The quick brown fox jumps over the lazy dog.' },
} satisfies Meta<typeof SpeechStudio>;
// Storybook reads the story group from a default export.
export default meta;
type Story = StoryObj<typeof meta>;

/** Ready to speak. */
export const Default: Story = {};

/** Spoken: the player with Play / Pause and download (the mock answers WAV tones). */
export const Spoken: Story = {
  args: { defaultModel: 'gpt-4o-mini-tts', defaultVoice: 'verse' },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: /^(Generate speech|生成语音)$/ }));
    await expect(
      await canvas.findByRole('button', { name: /^(Play|播放)$/ }, { timeout: 5000 }),
    ).toBeVisible();
  },
};

/** Over 4096 characters: the counter turns red and Generate explains why nothing is sent. */
export const TooLong: Story = { args: { defaultText: 'word '.repeat(900) } };
