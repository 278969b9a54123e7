import { cleanup, fireEvent, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BlockNode } from './ast.js';
import { Markdown } from './Markdown.js';

// Every top-level block rendering goes through renderBlock: record the type of each call.
const rendered = vi.hoisted(() => [] as string[]);

vi.mock('./renderBlock.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./renderBlock.js')>();
  return {
    ...actual,
    renderBlock: (...args: Parameters<typeof actual.renderBlock>) => {
      rendered.push(args[0].type);
      return actual.renderBlock(...args);
    },
  };
});

function renderCount(type: BlockNode['type']): number {
  return rendered.filter((rendering) => rendering === type).length;
}

beforeEach(() => {
  rendered.length = 0;
});
afterEach(cleanup);

describe('Markdown while streaming', () => {
  it('renders an unclosed code fence as a code block', () => {
    const { container } = render(<Markdown source={'Here:\n\n```python\nprint("hi")'} streaming />);
    const pre = container.querySelector('pre');
    expect(pre).not.toBeNull();
    expect(pre!.textContent).toBe('print("hi")');
    expect(container.querySelector('[data-streaming]')).not.toBeNull();
  });

  it('holds back a trailing partial fence instead of flashing it as text', () => {
    const { container } = render(<Markdown source={'Here:\n\n``'} streaming />);
    expect(container.textContent).not.toContain('``');
  });

  it('does not re-render finished blocks when text is appended', () => {
    const chunks = [
      '# Title\n\n',
      'First para',
      'graph.\n\n- one\n',
      '- two\n\n```ts\n',
      'const a',
      ' = 1;\n',
    ];
    let text = '';
    const { rerender, container } = render(<Markdown source="" streaming />);
    for (const chunk of chunks) {
      text += chunk;
      rerender(<Markdown source={text} streaming />);
    }
    expect(renderCount('heading')).toBe(1);
    // The paragraph rendered while growing ("First para", then "First paragraph."), then never again.
    expect(renderCount('paragraph')).toBe(2);
    expect(renderCount('list')).toBe(2);
    expect(renderCount('code')).toBe(3);

    rerender(<Markdown source={`${text}\`\`\`\n\nDone.`} />);
    expect(renderCount('heading')).toBe(1);
    expect(renderCount('paragraph')).toBe(3);
    expect(container.querySelector('code')!.textContent).toBe('const a = 1;');
  });

  it('does not re-render blocks when only the image handler changes, and calls the newest', () => {
    const source = '![a](https://img.example/a.png)';
    const first = vi.fn();
    const second = vi.fn();
    const { rerender, getByRole } = render(<Markdown source={source} onImageClick={first} />);
    rerender(<Markdown source={source} onImageClick={second} />);
    expect(renderCount('paragraph')).toBe(1);
    fireEvent.click(getByRole('button'));
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith('https://img.example/a.png', 'a');
  });

  it('re-renders blocks when image clicks are turned on or off', () => {
    const source = '![a](https://img.example/a.png)';
    const { rerender, queryByRole } = render(<Markdown source={source} />);
    expect(queryByRole('button')).toBeNull();
    rerender(<Markdown source={source} onImageClick={() => {}} />);
    expect(queryByRole('button')).not.toBeNull();
  });
});
