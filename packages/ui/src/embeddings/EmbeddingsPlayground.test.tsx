import { createGateway } from '@aitre/mock-gateway';
import { AitreProvider } from '@aitre/react';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { EmbeddingsPlayground, type EmbeddingsPlaygroundProps } from './EmbeddingsPlayground.js';

// jsdom cannot compute colours (contrast is checked in the browser); landmarks belong to the page.
const axeOptions = {
  rules: { 'color-contrast': { enabled: false }, region: { enabled: false } },
};

afterEach(cleanup);

function setup(props: EmbeddingsPlaygroundProps = {}, locale: 'en' | 'zh-CN' = 'en') {
  const gateway = createGateway({ tokenDelayMs: 0 });
  render(
    <AitreProvider baseURL="http://127.0.0.1:8787" fetch={gateway.fetch} locale={locale}>
      <EmbeddingsPlayground {...props} />
    </AitreProvider>,
  );
  return gateway;
}

describe('EmbeddingsPlayground', () => {
  it('shows the cosine similarity of two texts, the dimensions and the usage', async () => {
    setup();
    fireEvent.change(screen.getByRole('textbox', { name: 'Text 1' }), {
      target: { value: 'The cat sat on the mat.' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: 'Text 2' }), {
      target: { value: 'A cat was sitting on a rug.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Embed' }));
    const results = await screen.findByRole('region', { name: 'Cosine similarity' });
    const pair = within(results).getByRole('listitem');
    expect(pair.textContent).toMatch(/^Text 1 and Text 2/);
    const score = Number(within(pair).getByText(/^-?\d\.\d{3}$/).textContent);
    expect(score).toBeGreaterThanOrEqual(-1);
    expect(score).toBeLessThanOrEqual(1);
    expect(within(results).getByText('1536 dimensions')).toBeTruthy();
    expect(within(results).getByText(/^Usage: \d+ tokens$/)).toBeTruthy();
  });

  it('compares every pair of three texts and asks for the chosen dimensions', async () => {
    setup({ defaultTexts: ['red', 'green', 'blue'] });
    fireEvent.change(screen.getByRole('combobox', { name: 'Dimensions' }), {
      target: { value: '256' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Embed' }));
    const results = await screen.findByRole('region', { name: 'Cosine similarity' });
    expect(
      within(results)
        .getAllByRole('listitem')
        .map((li) => li.firstChild?.textContent),
    ).toEqual(['Text 1 and Text 2', 'Text 1 and Text 3', 'Text 2 and Text 3']);
    expect(within(results).getByText('256 dimensions')).toBeTruthy();
  });

  it('adds and removes texts, keeping at least two', () => {
    setup();
    expect(screen.queryByRole('button', { name: /^Remove / })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Add input' }));
    expect(screen.getByRole('textbox', { name: 'Text 3' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove Text 3' }));
    expect(screen.queryByRole('textbox', { name: 'Text 3' })).toBeNull();
  });

  it('refuses empty texts before any request, in zh-CN', async () => {
    const gateway = setup({}, 'zh-CN');
    fireEvent.click(screen.getByRole('button', { name: '生成向量' }));
    expect((await screen.findByRole('alert')).textContent).toBe('请先输入内容。');
    expect(gateway.requests.filter((r) => r.path === '/v1/embeddings')).toEqual([]);
  });

  it('has no axe violations with results', async () => {
    setup({ defaultTexts: ['one', 'two', 'three'] });
    fireEvent.click(screen.getByRole('button', { name: 'Embed' }));
    await screen.findByRole('region', { name: 'Cosine similarity' });
    expect((await axe.run(document.body, axeOptions)).violations).toEqual([]);
  });

  it('renders on the server without a request', () => {
    const gateway = createGateway();
    const html = renderToString(
      <AitreProvider baseURL="http://127.0.0.1:8787" fetch={gateway.fetch}>
        <EmbeddingsPlayground />
      </AitreProvider>,
    );
    expect(html).toContain('aitre-embeddings');
    expect(gateway.requests).toEqual([]);
  });
});
