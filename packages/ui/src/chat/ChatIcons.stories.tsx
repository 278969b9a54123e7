import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import * as icons from './ChatIcons.js';

/** Every chat icon with the name of its export. */
function ChatIconSheet() {
  return (
    <ul className="aitre-root" style={{ display: 'flex', flexWrap: 'wrap', gap: 16, padding: 0 }}>
      {Object.entries(icons).map(([name, Icon]) => (
        <li key={name} style={{ listStyle: 'none', display: 'grid', justifyItems: 'center' }}>
          <Icon />
          <code>{name}</code>
        </li>
      ))}
    </ul>
  );
}

const meta = {
  title: 'Chat/Parts/Icons',
  component: ChatIconSheet,
} satisfies Meta<typeof ChatIconSheet>;

// Storybook reads the story group from a default export.
export default meta;

type Story = StoryObj<typeof meta>;

/** Copy, check, regenerate, edit, send, stop, attach, jump to latest and close. */
export const All: Story = {
  play: async ({ canvasElement }) => {
    const svgs = canvasElement.querySelectorAll('svg[aria-hidden="true"]');
    await expect(svgs).toHaveLength(Object.keys(icons).length);
    for (const svg of svgs) await expect(svg.querySelector('path')?.getAttribute('d')).toBeTruthy();
  },
};
