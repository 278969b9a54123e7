import type { Meta, StoryObj } from '@storybook/react-vite';
import { ProgressBar } from './ProgressBar.js';
import { Spinner } from './Spinner.js';

const meta = {
  title: 'Shared/ProgressBar',
  component: ProgressBar,
  args: { value: 45 },
  argTypes: { value: { control: { type: 'range', min: 0, max: 100 } } },
} satisfies Meta<typeof ProgressBar>;

// Storybook reads the story group from a default export.
export default meta;

type Story = StoryObj<typeof meta>;

/** A task partway done, as MidJourney reports "45%". */
export const Determinate: Story = {};

/** Complete: the bar turns to the success colour. */
export const Complete: Story = { args: { value: 100 } };

/** Unknown progress, e.g. a queued task. */
export const Indeterminate: Story = { args: { value: null } };

/** Spinners in three sizes, next to the bar. */
export const Spinners: Story = {
  render: () => (
    <div style={{ display: 'flex', gap: 16, alignItems: 'center' }}>
      <Spinner size="sm" />
      <Spinner />
      <Spinner size="lg" />
    </div>
  ),
};
