// @vitest-environment node
import * as core from '@aitre/core';
import * as server from '@aitre/core/server';
import { createGateway } from '@aitre/mock-gateway';
import * as react from '@aitre/react';
import { type ComponentType, createElement, type ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import * as ui from './index.js';

type AnyComponent = ComponentType<Record<string, unknown>>;

const PIXEL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

const message: core.ChatMessage = {
  id: 'm1',
  role: 'assistant',
  parts: [{ type: 'text', text: 'Hello **there**' }],
  content: 'Hello **there**',
  reasoning: '',
  images: [],
  status: 'done',
  createdAt: 0,
} as core.ChatMessage;

const noop = () => {};

// Props a component cannot render without; every other component renders with none.
const requiredProps: Record<string, Record<string, unknown>> = {
  ChatMessageView: { message },
  'Chat.Message': { message },
  CodeBlock: { code: 'const a = 1;', language: 'ts' },
  Markdown: { source: '# Title\n\nSome *text*' },
  IconButton: { 'aria-label': 'Close', children: 'x' },
  Button: { children: 'Go' },
  Lightbox: { open: true, onOpenChange: noop, src: PIXEL, alt: 'A pixel' },
  MaskPainter: { src: PIXEL },
  ModelPicker: { value: 'gpt-4o-mini', onChange: noop },
  ThemeRoot: { children: 'themed' },
  LocaleProvider: { children: 'localized', locale: 'zh-CN' },
  ProgressBar: { value: 40 },
  MidjourneyTools: {},
};

// Parts read the state of their component's root; they render inside it.
const roots: Array<[RegExp, (children: ReactNode) => ReactNode]> = [
  [
    /^Chat\.|^Chat[A-Z]/,
    (children) => createElement(ui.ChatRoot, { model: 'gpt-4o-mini' }, children),
  ],
  [
    /^SpeechStudio\.|^SpeechStudio[A-Z]|^SpeechPlayer$/,
    (children) => createElement(ui.SpeechStudioRoot, null, children),
  ],
  [
    /^Transcriber\.|^Transcriber[A-Z]/,
    (children) => createElement(ui.TranscriberRoot, null, children),
  ],
  [
    /^EmbeddingsPlayground\.|^Embeddings[A-Z]/,
    (children) => createElement(ui.EmbeddingsPlaygroundRoot, null, children),
  ],
  [
    /^ImageStudio\.|^Image(Editor|Gallery|Studio[A-Z])/,
    (children) => createElement(ui.ImageStudioRoot, null, children),
  ],
  [
    /^MidjourneyStudio\.|^Midjourney[A-Z]/,
    (children) => createElement(ui.MidjourneyStudioRoot, null, children),
  ],
];

function isComponent(value: unknown): value is AnyComponent {
  if (typeof value === 'function') return true;
  // forwardRef and memo components are objects tagged by React.
  return typeof value === 'object' && value !== null && '$$typeof' in value;
}

/** Every component @aitre/ui exports, with the parts hung on them (`Chat.Thread`). */
function exportedComponents(): Array<[string, AnyComponent]> {
  const found: Array<[string, AnyComponent]> = [];
  for (const [name, value] of Object.entries(ui)) {
    if (!/^[A-Z]/.test(name) || !isComponent(value) || name === name.toUpperCase()) continue;
    found.push([name, value]);
    for (const [part, child] of Object.entries(value)) {
      if (/^[A-Z]/.test(part) && isComponent(child)) found.push([`${name}.${part}`, child]);
    }
  }
  return found;
}

function renderOnServer(name: string, component: AnyComponent, fetch: typeof globalThis.fetch) {
  let node: ReactNode = createElement(component, requiredProps[name] ?? {});
  const root = roots.find(([pattern]) => pattern.test(name));
  // A root component is its own state holder.
  if (root && !/Root$|\.Root$/.test(name)) node = root[1](node);
  return renderToString(
    createElement(react.AitreProvider, { baseURL: 'http://127.0.0.1:8787', fetch }, node),
  );
}

describe('every package on the server', () => {
  it('imports without a window or document', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
    expect(typeof core.createClient).toBe('function');
    expect(typeof server.createProxy).toBe('function');
    expect(typeof react.useChat).toBe('function');
    expect(typeof ui.Chat).toBe('object');
  });

  const components = exportedComponents();

  it('finds the big components and their parts among the exports', () => {
    const names = components.map(([name]) => name);
    for (const expected of [
      'Chat',
      'Chat.Thread',
      'Chat.Composer',
      'ImageStudio',
      'Transcriber',
      'SpeechStudio',
      'MidjourneyStudio',
      'EmbeddingsPlayground',
      'ModelPicker',
    ]) {
      expect(names).toContain(expected);
    }
    expect(names.length).toBeGreaterThan(40);
  });

  it.each(components)('renders %s to markup without requests', (name, component) => {
    const gateway = createGateway();
    const html = renderOnServer(name, component, gateway.fetch);
    expect(html.trim()).not.toBe('');
    expect(gateway.requests).toEqual([]);
  });
});
