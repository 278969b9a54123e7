import { createGateway } from '@aitre/mock-gateway';
import { AitreProvider } from '@aitre/react';
import type { Decorator, Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, waitFor } from 'storybook/test';
import { ModelPicker } from './ModelPicker.js';

const baseURL = 'http://127.0.0.1:8787';

/** Each story gets its own in-memory gateway (so the model list loads afresh). */
function withGateway(
  options: Parameters<typeof createGateway>[0] = {},
  apiKey?: string,
): Decorator {
  return (Story) => {
    const [gateway] = useState(() => createGateway({ tokenDelayMs: 0, ...options }));
    return (
      <AitreProvider baseURL={baseURL} fetch={gateway.fetch} {...(apiKey ? { apiKey } : {})}>
        <div style={{ maxWidth: 320 }}>
          <Story />
        </div>
      </AitreProvider>
    );
  };
}

const status = (root: HTMLElement) =>
  root.querySelector('[data-slot="model-picker"]')?.getAttribute('data-status');

const meta = {
  title: 'Models/ModelPicker',
  component: ModelPicker,
  args: { value: 'gpt-4o', onChange: () => {} },
  argTypes: { onChange: { action: 'change' } },
  decorators: [withGateway()],
  render: (args) => {
    const [value, setValue] = useState(args.value);
    return (
      <ModelPicker
        {...args}
        value={value}
        onChange={(model) => {
          args.onChange(model);
          setValue(model);
        }}
      />
    );
  },
} satisfies Meta<typeof ModelPicker>;
// Storybook reads the story group from a default export.
export default meta;
type Story = StoryObj<typeof meta>;

/** Every model the gateway lists, grouped by capability. */
export const AllGroups: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(status(canvasElement)).toBe('success'));
    const groups = canvasElement.querySelectorAll('optgroup');
    expect(groups.length).toBeGreaterThan(3);
  },
};

/** Only image models, as ImageStudio offers them. */
export const ImageModels: Story = {
  args: { value: 'dall-e-3', capabilities: ['image'] },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(status(canvasElement)).toBe('success'));
    expect(canvasElement.querySelectorAll('optgroup')).toHaveLength(1);
  },
};

/** Loading: the gateway answers after three seconds. */
export const Loading: Story = {
  decorators: [withGateway({ latencyMs: 3000 })],
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent(/^(Loading models…|正在加载模型…)$/);
  },
};

/** The list failed to load (wrong API key): the current value stays, with a retry. */
export const LoadError: Story = {
  decorators: [withGateway({ apiKey: 'sk-right' }, 'sk-wrong')],
  play: async ({ canvas }) => {
    const alert = await canvas.findByRole('alert', {}, { timeout: 5000 });
    await expect(alert).toBeVisible();
  },
};
