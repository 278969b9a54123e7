import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { MidjourneyButtonIcon } from './MidjourneyButtonIcon.js';

const meta = {
  title: 'MidJourney/Parts/ButtonIcon',
  component: MidjourneyButtonIcon,
  args: { icon: 'reroll' },
  argTypes: { icon: { control: 'select', options: ['reroll', 'left', 'right', 'up', 'down'] } },
} satisfies Meta<typeof MidjourneyButtonIcon>;

// Storybook reads the story group from a default export.
export default meta;

type Story = StoryObj<typeof meta>;

/** Reroll: drawn instead of MidJourney's 🔄, which many systems have no font for. */
export const Reroll: Story = {
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
  },
};

/** The four pan directions, in place of ⬅️ ➡️ ⬆️ ⬇️. */
export const PanDirections: Story = {
  render: () => (
    <div style={{ display: 'flex', gap: 16 }}>
      {(['left', 'right', 'up', 'down'] as const).map((icon) => (
        <MidjourneyButtonIcon key={icon} icon={icon} />
      ))}
    </div>
  ),
  play: async ({ canvasElement }) => {
    const paths = [...canvasElement.querySelectorAll('path')].map((p) => p.getAttribute('d'));
    await expect(paths).toHaveLength(4);
    await expect(new Set(paths).size).toBe(4);
  },
};
