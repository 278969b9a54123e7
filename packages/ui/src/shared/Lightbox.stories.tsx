import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { fn } from 'storybook/test';
import { Button } from './Button.js';
import { Lightbox } from './Lightbox.js';

/** A PNG drawn at runtime, so the story needs no network. */
function samplePng(): string {
  const canvas = document.createElement('canvas');
  canvas.width = 960;
  canvas.height = 640;
  const context = canvas.getContext('2d');
  if (!context) return '';
  const gradient = context.createRadialGradient(480, 320, 40, 480, 320, 560);
  gradient.addColorStop(0, '#fde68a');
  gradient.addColorStop(1, '#4f46e5');
  context.fillStyle = gradient;
  context.fillRect(0, 0, 960, 640);
  return canvas.toDataURL('image/png');
}

const meta = {
  title: 'Shared/Lightbox',
  component: Lightbox,
  args: {
    open: true,
    onOpenChange: fn(),
    src: '',
    alt: 'A warm radial gradient',
    downloadName: 'gradient.png',
  },
} satisfies Meta<typeof Lightbox>;

// Storybook reads the story group from a default export.
export default meta;

type Story = StoryObj<typeof meta>;

/** Opened from a button; Escape, the close button or a click outside closes it. */
export const Default: Story = {
  render: (args) => {
    const [src] = useState(samplePng);
    const [open, setOpen] = useState(args.open);
    return (
      <>
        <Button onClick={() => setOpen(true)}>Open image</Button>
        <Lightbox
          {...args}
          src={src}
          open={open}
          onOpenChange={(next) => {
            args.onOpenChange(next);
            setOpen(next);
          }}
        />
      </>
    );
  },
};

/** With a title other than the alt text. */
export const WithTitle: Story = {
  ...Default,
  args: { title: 'Generated image 1 of 4' },
};
