import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { MaskPainter, type PaintedMask } from './MaskPainter.js';

/** A landscape drawn at runtime, so the story needs no network. */
function samplePng(): string {
  const canvas = document.createElement('canvas');
  canvas.width = 768;
  canvas.height = 512;
  const context = canvas.getContext('2d');
  if (!context) return '';
  const sky = context.createLinearGradient(0, 0, 0, 512);
  sky.addColorStop(0, '#93c5fd');
  sky.addColorStop(1, '#fde68a');
  context.fillStyle = sky;
  context.fillRect(0, 0, 768, 512);
  context.fillStyle = '#166534';
  context.beginPath();
  context.moveTo(0, 400);
  context.quadraticCurveTo(384, 260, 768, 420);
  context.lineTo(768, 512);
  context.lineTo(0, 512);
  context.fill();
  context.fillStyle = '#f97316';
  context.beginPath();
  context.arc(560, 150, 60, 0, Math.PI * 2);
  context.fill();
  return canvas.toDataURL('image/png');
}

function WithPreview(props: { maskStyle: 'alpha' | 'white-on-black' }) {
  const [src] = useState(samplePng);
  const [mask, setMask] = useState<PaintedMask>();
  return (
    <div style={{ display: 'grid', gap: 16, maxWidth: 560 }}>
      <MaskPainter
        src={src}
        alt="A hill under a setting sun"
        maskStyle={props.maskStyle}
        onMaskChange={setMask}
      />
      {mask ? (
        <img
          src={mask.dataUrl}
          alt=""
          style={{
            width: 192,
            border: '1px solid var(--aitre-color-border)',
            background: 'repeating-conic-gradient(#ccc 0 25%, #fff 0 50%) 0 0 / 16px 16px',
          }}
        />
      ) : null}
    </div>
  );
}

const meta = {
  title: 'Shared/MaskPainter',
  component: WithPreview,
  args: { maskStyle: 'alpha' },
} satisfies Meta<typeof WithPreview>;
// Storybook reads the story group from a default export.
export default meta;
type Story = StoryObj<typeof meta>;

/** gpt-image-1 edits: the exported PNG is transparent where painted (checkerboard shows through). */
export const AlphaMask: Story = {};

/** MidJourney Vary (Region): white where painted, on black. */
export const WhiteOnBlackMask: Story = { args: { maskStyle: 'white-on-black' } };
