import { createGateway } from '@aitre/mock-gateway';
import { AitreProvider } from '@aitre/react';
import type { Decorator, Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, waitFor } from 'storybook/test';
import { EmbeddingsPlayground } from './EmbeddingsPlayground.js';

function withGateway(): Decorator {
  return (Story) => {
    const [gateway] = useState(() => createGateway({ tokenDelayMs: 0, latencyMs: 300 }));
    return (
      <AitreProvider baseURL="http://127.0.0.1:8787" fetch={gateway.fetch}>
        <div style={{ maxWidth: 720 }}>
          <Story />
        </div>
      </AitreProvider>
    );
  };
}

const meta = {
  title: 'Embeddings/EmbeddingsPlayground',
  component: EmbeddingsPlayground,
  decorators: [withGateway()],
} satisfies Meta<typeof EmbeddingsPlayground>;
// Storybook reads the story group from a default export.
export default meta;
type Story = StoryObj<typeof meta>;

/** Two empty texts. */
export const Empty: Story = {};

/** Three texts embedded: the similarity of each pair with bars, dimensions and usage. */
export const Compared: Story = {
  args: {
    defaultTexts: [
      'The cat sat on the mat.',
      'A cat was sitting on a rug.',
      'Quarterly revenue grew by twelve percent.',
    ],
  },
  play: async ({ canvas, canvasElement, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: /^(Embed|生成向量)$/ }));
    // Three texts make three pairs, each with a score.
    await waitFor(
      () =>
        expect(canvasElement.querySelectorAll('[data-slot="similarity-score"]')).toHaveLength(3),
      { timeout: 5000 },
    );
  },
};
