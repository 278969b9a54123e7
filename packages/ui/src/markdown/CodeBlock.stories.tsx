import type { Meta, StoryObj } from '@storybook/react-vite';
import { CodeBlock } from './CodeBlock.js';

const meta = {
  title: 'Markdown/CodeBlock',
  component: CodeBlock,
  args: {
    language: 'tsx',
    code: 'import { Chat } from \'@aitre/ui\';\n\nexport function App() {\n  return <Chat model="gpt-4o-mini" />;\n}',
  },
} satisfies Meta<typeof CodeBlock>;

// Storybook reads the story group from a default export.
export default meta;

type Story = StoryObj<typeof meta>;

/** A code block with its language and copy button. */
export const Default: Story = {};

/** Without a language, the label says plain text. */
export const PlainText: Story = { args: { language: null, code: 'Just some output\nline two' } };

/** Long lines scroll sideways. */
export const LongLines: Story = {
  args: {
    language: 'json',
    code: JSON.stringify({
      model: 'gpt-4o-mini',
      messages: Array(6).fill({ role: 'user', content: 'hello there' }),
    }),
  },
};
