import type { Meta, StoryObj } from '@storybook/react-vite';
import { Button, type ButtonVariant } from './Button.js';
import { IconButton } from './IconButton.js';

const variants: ButtonVariant[] = ['solid', 'soft', 'outline', 'ghost', 'danger'];

const meta = {
  title: 'Shared/Button',
  component: Button,
  args: { children: 'Generate', variant: 'solid', size: 'md', loading: false, disabled: false },
  argTypes: {
    variant: { control: 'inline-radio', options: variants },
    size: { control: 'inline-radio', options: ['sm', 'md', 'lg'] },
  },
} satisfies Meta<typeof Button>;

// Storybook reads the story group from a default export.
export default meta;

type Story = StoryObj<typeof meta>;

/** One button, driven by the controls. */
export const Playground: Story = {};

/** Every variant in every size. */
export const Variants: Story = {
  render: () => (
    <div style={{ display: 'grid', gap: 12 }}>
      {(['sm', 'md', 'lg'] as const).map((size) => (
        <div key={size} style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
          {variants.map((variant) => (
            <Button key={variant} variant={variant} size={size}>
              {variant}
            </Button>
          ))}
        </div>
      ))}
    </div>
  ),
};

/** A running action: spinner, disabled, aria-busy. */
export const Loading: Story = { args: { loading: true, children: 'Generating…' } };

/** Icon-only buttons carry an accessible label and a tooltip. */
export const IconButtons: Story = {
  render: () => (
    <div style={{ display: 'flex', gap: 8 }}>
      {(['ghost', 'soft', 'outline', 'solid', 'danger'] as const).map((variant) => (
        <IconButton key={variant} aria-label={`Close (${variant})`} variant={variant}>
          <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16" fill="none">
            <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.5" />
          </svg>
        </IconButton>
      ))}
    </div>
  ),
};
