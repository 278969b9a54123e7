import { describe, expect, it } from 'vitest';
import { parseButton, parseButtons } from './parseButtons.js';

const b = (customId: string, label = '', emoji = '') => ({
  customId,
  label,
  emoji,
  type: 2,
  style: 2,
});

describe('parseButtons', () => {
  it('decodes U and V buttons with their image index', () => {
    expect(parseButton(b('MJ::JOB::upsample::3::9a8b', 'U3'))).toEqual({
      customId: 'MJ::JOB::upsample::3::9a8b',
      label: 'U3',
      emoji: '',
      kind: 'upscale',
      index: 3,
      needsModal: false,
    });
    expect(parseButton(b('MJ::JOB::variation::2::9a8b', 'V2'))).toMatchObject({
      kind: 'variation',
      index: 2,
      needsModal: false,
    });
  });

  it('decodes reroll, second-stage upscales and vary strong/subtle', () => {
    expect(parseButton(b('MJ::JOB::reroll::0::h::SOLO', '', '🔄'))).toMatchObject({
      kind: 'reroll',
      emoji: '🔄',
    });
    const hd = parseButton(b('MJ::JOB::upsample_v6_2x_subtle::1::h::SOLO', 'Upscale (Subtle)'));
    expect(hd).toMatchObject({ kind: 'upscale', label: 'Upscale (Subtle)' });
    expect(hd.index).toBeUndefined();
    expect(parseButton(b('MJ::JOB::high_variation::1::h::SOLO', 'Vary (Strong)'))).toMatchObject({
      kind: 'vary',
      needsModal: false,
    });
    expect(parseButton(b('MJ::JOB::low_variation::1::h::SOLO'))).toMatchObject({ kind: 'vary' });
  });

  it('decodes zoom-out factors and marks Custom Zoom and Vary (Region) as modal actions', () => {
    expect(parseButton(b('MJ::Outpaint::50::1::h::SOLO'))).toMatchObject({
      kind: 'zoom',
      zoom: 2,
      needsModal: false,
    });
    expect(parseButton(b('MJ::Outpaint::75::1::h::SOLO'))).toMatchObject({ zoom: 1.5 });
    expect(parseButton(b('MJ::Outpaint::100::1::h::SOLO'))).toMatchObject({ zoom: 1 });
    const custom = parseButton(b('MJ::CustomZoom::h', 'Custom Zoom'));
    expect(custom).toMatchObject({ kind: 'zoom', needsModal: true });
    expect(custom.zoom).toBeUndefined();
    expect(parseButton(b('MJ::Inpaint::1::h::SOLO', 'Vary (Region)'))).toMatchObject({
      kind: 'vary',
      needsModal: true,
    });
  });

  it('decodes pan directions', () => {
    for (const direction of ['left', 'right', 'up', 'down']) {
      expect(parseButton(b(`MJ::JOB::pan_${direction}::1::h::SOLO`))).toMatchObject({
        kind: 'pan',
        direction,
      });
    }
  });

  it('keeps unknown ids as custom buttons with their label and emoji', () => {
    expect(parseButton(b('MJ::BOOKMARK::h', '', '❤️'))).toEqual({
      customId: 'MJ::BOOKMARK::h',
      label: '',
      emoji: '❤️',
      kind: 'custom',
      needsModal: false,
    });
    expect(parseButton(b('something::new', 'Animate'))).toMatchObject({
      kind: 'custom',
      label: 'Animate',
    });
    expect(parseButton(b('MJ::Job::PicReader::2', '', '2️⃣'))).toMatchObject({
      kind: 'custom',
      index: 2,
      needsModal: true,
    });
  });

  it('reads a task, dropping buttons without a customId and tolerating no buttons', () => {
    expect(parseButtons(undefined)).toEqual([]);
    expect(parseButtons({ buttons: [] })).toEqual([]);
    const parsed = parseButtons({
      buttons: [b('MJ::JOB::upsample::1::h', 'U1'), b('', 'link')],
    });
    expect(parsed.map((x) => x.label)).toEqual(['U1']);
  });
});
