import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { StrokeIcon } from './StrokeIcon.js';

const meta = {
  title: 'Shared/StrokeIcon',
  component: StrokeIcon,
  args: { d: 'M3 8.5l3 3 7-7' },
} satisfies Meta<typeof StrokeIcon>;

// Storybook reads the story group from a default export.
export default meta;

type Story = StoryObj<typeof meta>;

/** One path at 16px, in the surrounding text colour, hidden from assistive technology. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const svg = canvasElement.querySelector('svg');
    await expect(svg?.getAttribute('aria-hidden')).toBe('true');
    await expect(svg?.querySelector('path')?.getAttribute('d')).toBe('M3 8.5l3 3 7-7');
  },
};

/** The icon takes the colour of the control that holds it (here the danger and muted tones). */
export const InheritsColour: Story = {
  render: (args) => (
    <div className="aitre-root" style={{ display: 'flex', gap: 16 }}>
      <span style={{ color: 'var(--aitre-color-danger)' }}>
        <StrokeIcon {...args} />
      </span>
      <span style={{ color: 'var(--aitre-color-text-subtle)' }}>
        <StrokeIcon {...args} />
      </span>
    </div>
  ),
  play: async ({ canvasElement }) => {
    const paths = canvasElement.querySelectorAll('path');
    await expect(paths).toHaveLength(2);
    for (const path of paths) await expect(path.getAttribute('stroke')).toBe('currentColor');
  },
};
