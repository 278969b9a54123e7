import { createGateway } from '@aitre/mock-gateway';
import { type AitreLocale, AitreProvider } from '@aitre/react';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { en } from '../locale/en.js';
import type { Messages } from '../locale/Messages.js';
import { zhCN } from '../locale/zhCN.js';
import { ImageStudioForm } from './ImageStudioForm.js';
import { ImageStudioRoot } from './ImageStudioRoot.js';

afterEach(cleanup);

/** The form part alone inside its root, on the in-memory mock gateway. */
function setup(locale: AitreLocale = 'en', headers?: Record<string, string>) {
  const gateway = createGateway({ tokenDelayMs: 0, fileUrls: 'data' });
  render(
    <AitreProvider
      baseURL="http://127.0.0.1:8787"
      fetch={gateway.fetch}
      locale={locale}
      headers={headers}
    >
      <ImageStudioRoot>
        <ImageStudioForm className="custom-form" />
      </ImageStudioRoot>
    </AitreProvider>,
  );
  const m: Messages = locale === 'zh-CN' ? zhCN : en;
  const select = (name: string) =>
    screen.queryByRole('combobox', { name }) as HTMLSelectElement | null;
  const labels = (name: string) => [...(select(name)?.options ?? [])].map((o) => [o.value, o.text]);
  const choose = (model: string) =>
    fireEvent.change(screen.getByRole('combobox', { name: m.images.model }), {
      target: { value: model },
    });
  return { gateway, m, select, labels, choose };
}

describe('ImageStudioForm', () => {
  it('offers dall-e-3 quality standard/hd and style with English labels', () => {
    const { m, select, labels } = setup();
    expect(document.querySelector('form')?.classList.contains('custom-form')).toBe(true);
    expect(labels(m.images.quality)).toEqual([
      ['standard', 'Standard'],
      ['hd', 'HD'],
    ]);
    expect(labels(m.images.style)).toEqual([
      ['vivid', 'Vivid'],
      ['natural', 'Natural'],
    ]);
    expect(select(m.images.background)).toBeNull();
    expect(select(m.images.format)).toBeNull();
  });

  it('changes the options with the model, labelled in zh-CN', () => {
    const { m, select, labels, choose } = setup('zh-CN');
    expect(labels(m.images.quality)).toEqual([
      ['standard', zhCN.images.qualityStandard],
      ['hd', zhCN.images.qualityHd],
    ]);
    expect(labels(m.images.style).map(([, text]) => text)).toEqual([
      zhCN.images.styleVivid,
      zhCN.images.styleNatural,
    ]);

    choose('gpt-image-1');
    expect(select(m.images.style)).toBeNull();
    const background = select(m.images.background) as HTMLSelectElement;
    expect(
      within(background).getByRole('option', { name: zhCN.images.backgroundTransparent }),
    ).toBeTruthy();
    expect(
      within(background).getByRole('option', { name: zhCN.images.backgroundOpaque }),
    ).toBeTruthy();
    expect(labels(m.images.format).map(([value]) => value)).toContain('png');
    expect(labels(m.images.quality).map(([, text]) => text)).toEqual([
      zhCN.images.qualityLow,
      zhCN.images.qualityMedium,
      zhCN.images.qualityHigh,
      zhCN.images.qualityAuto,
    ]);

    choose('flux-schnell');
    for (const name of [m.images.quality, m.images.style, m.images.background]) {
      expect(select(name), name).toBeNull();
    }
    // Flux keeps a format of its own (no background, so no transparency-only formats).
    expect(labels(m.images.format).map(([value]) => value)).toEqual(['jpeg', 'png']);
    expect(select(m.images.aspectRatio)).toBeTruthy();
  });

  it('disables the options and offers Cancel while generating', async () => {
    // The gateway never answers: the request stays in flight until cancelled.
    const { m, select } = setup('en', { 'x-mock-fault': 'timeout' });
    fireEvent.change(screen.getByRole('textbox', { name: m.images.prompt }), {
      target: { value: 'a lighthouse' },
    });
    fireEvent.click(screen.getByRole('button', { name: m.images.generate }));
    const cancel = await screen.findByRole('button', { name: m.common.cancel });
    expect(select(m.images.quality)?.disabled).toBe(true);
    expect(select(m.images.style)?.disabled).toBe(true);
    fireEvent.click(cancel);
    expect(await screen.findByRole('button', { name: m.images.generate })).toBeTruthy();
    expect(select(m.images.quality)?.disabled).toBe(false);
  });
});
