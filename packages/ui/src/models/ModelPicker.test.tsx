import { createGateway } from '@aitre/mock-gateway';
import { AitreProvider } from '@aitre/react';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { useState } from 'react';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ModelPicker, type ModelPickerProps } from './ModelPicker.js';

// jsdom cannot compute colours (contrast is checked in the browser); landmarks belong to the page.
const axeOptions = {
  rules: { 'color-contrast': { enabled: false }, region: { enabled: false } },
};

afterEach(cleanup);

const baseURL = 'http://127.0.0.1:8787';

function Picker(props: Partial<ModelPickerProps> & { initial?: string }) {
  const [value, setValue] = useState(props.initial ?? 'gpt-4o');
  return (
    <ModelPicker
      {...props}
      value={value}
      onChange={(model) => {
        props.onChange?.(model);
        setValue(model);
      }}
    />
  );
}

describe('ModelPicker', () => {
  it('groups the gateway models by capability in optgroups', async () => {
    const gateway = createGateway({ tokenDelayMs: 0 });
    const { container } = render(
      <AitreProvider baseURL={baseURL} fetch={gateway.fetch}>
        <Picker />
      </AitreProvider>,
    );
    expect(screen.getByRole('status').textContent).toBe('Loading models…');
    await screen.findByRole('option', { name: 'dall-e-3' });
    const labels = [...container.querySelectorAll('optgroup')].map((g) => g.label);
    expect(labels).toEqual([
      'Chat',
      'Reasoning',
      'Image',
      'Text to speech',
      'Speech to text',
      'Embeddings',
      'MidJourney',
    ]);
    const image = container.querySelector('optgroup[label="Image"]') as HTMLElement;
    expect(within(image).getByRole('option', { name: 'gpt-image-1' })).toBeTruthy();
    expect(container.querySelector('[data-slot="model-picker"]')!.getAttribute('data-status')).toBe(
      'success',
    );
  });

  it('offers only the groups named in capabilities, plus extra models', async () => {
    const gateway = createGateway({ tokenDelayMs: 0 });
    const { container } = render(
      <AitreProvider baseURL={baseURL} fetch={gateway.fetch}>
        <Picker initial="dall-e-3" capabilities={['image']} extraModels={['my-image-model']} />
      </AitreProvider>,
    );
    await screen.findByRole('option', { name: 'flux-schnell' });
    expect([...container.querySelectorAll('optgroup')].map((g) => g.label)).toEqual(['Image']);
    expect(screen.queryByRole('option', { name: 'gpt-4o' })).toBeNull();
    expect(screen.getByRole('option', { name: 'my-image-model' })).toBeTruthy();
  });

  it('reports the chosen model', async () => {
    const gateway = createGateway({ tokenDelayMs: 0 });
    const onChange = vi.fn();
    render(
      <AitreProvider baseURL={baseURL} fetch={gateway.fetch}>
        <Picker onChange={onChange} capabilities={['embedding']} initial="text-embedding-3-small" />
      </AitreProvider>,
    );
    await screen.findByRole('option', { name: 'text-embedding-3-large' });
    const select = screen.getByRole('combobox', { name: 'Model' }) as HTMLSelectElement;
    fireEvent.change(select, { target: { value: 'text-embedding-3-large' } });
    expect(onChange).toHaveBeenCalledWith('text-embedding-3-large');
    expect(select.value).toBe('text-embedding-3-large');
  });

  it('shows a load failure with a retry, keeping the current value', async () => {
    const gateway = createGateway({ tokenDelayMs: 0, apiKey: 'sk-right' });
    render(
      <AitreProvider baseURL={baseURL} apiKey="sk-wrong" fetch={gateway.fetch}>
        <Picker initial="dall-e-3" />
      </AitreProvider>,
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not load the model list.');
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeTruthy();
    expect((screen.getByRole('combobox') as HTMLSelectElement).value).toBe('dall-e-3');
  });

  it('speaks zh-CN when the provider says so', async () => {
    const gateway = createGateway({ tokenDelayMs: 0 });
    const { container } = render(
      <AitreProvider baseURL={baseURL} fetch={gateway.fetch} locale="zh-CN">
        <Picker capabilities={['image', 'audio-tts']} />
      </AitreProvider>,
    );
    await screen.findByRole('option', { name: 'tts-1' });
    expect(screen.getByRole('combobox', { name: '模型' })).toBeTruthy();
    expect([...container.querySelectorAll('optgroup')].map((g) => g.label)).toEqual([
      '图像',
      '语音合成',
    ]);
  });

  it('has no axe violations once loaded', async () => {
    const gateway = createGateway({ tokenDelayMs: 0 });
    render(
      <AitreProvider baseURL={baseURL} fetch={gateway.fetch}>
        <Picker />
      </AitreProvider>,
    );
    await screen.findByRole('option', { name: 'dall-e-3' });
    expect((await axe.run(document.body, axeOptions)).violations).toEqual([]);
  });

  it('renders on the server without a request', () => {
    const gateway = createGateway();
    const html = renderToString(
      <AitreProvider baseURL={baseURL} fetch={gateway.fetch}>
        <ModelPicker value="gpt-4o" onChange={() => {}} />
      </AitreProvider>,
    );
    expect(html).toContain('gpt-4o');
    expect(gateway.requests).toEqual([]);
  });
});
