import { parseButton } from '@aitre/core';
import { describe, expect, it } from 'vitest';
import { en } from '../locale/en.js';
import { zhCN } from '../locale/zhCN.js';
import { buttonText, isPromptFollowUp } from './buttonText.js';

const b = (customId: string, label = '', emoji = '') =>
  parseButton({ customId, label, emoji, type: 2, style: 2 });

describe('buttonText', () => {
  it('names grid buttons by image and keeps their short text', () => {
    expect(buttonText(b('MJ::JOB::upsample::3::h', 'U3'), en.midjourney)).toEqual({
      text: 'U3',
      label: 'U3: upscale image 3',
    });
    expect(buttonText(b('MJ::JOB::variation::1::h', 'V1'), zhCN.midjourney)).toEqual({
      text: 'V1',
      label: 'V1：变换第 1 张',
    });
    // Emoji buttons become drawn icons: many systems have no emoji font.
    expect(buttonText(b('MJ::JOB::reroll::0::h::SOLO', '', '🔄'), en.midjourney)).toEqual({
      text: 'Reroll',
      label: 'Reroll',
      icon: 'reroll',
    });
    expect(buttonText(b('MJ::JOB::pan_left::1::h::SOLO', '', '⬅️'), zhCN.midjourney).icon).toBe(
      'left',
    );
  });

  it('localizes the buttons of an upscaled image', () => {
    const m = zhCN.midjourney;
    expect(buttonText(b('MJ::JOB::high_variation::1::h::SOLO', 'Vary (Strong)'), m).text).toBe(
      '强变换',
    );
    expect(buttonText(b('MJ::JOB::low_variation::1::h::SOLO', 'Vary (Subtle)'), m).text).toBe(
      '弱变换',
    );
    expect(buttonText(b('MJ::Inpaint::1::h::SOLO', 'Vary (Region)'), m).text).toBe('局部重绘');
    expect(buttonText(b('MJ::Outpaint::75::1::h::SOLO', 'Zoom Out 1.5x'), m).text).toBe(
      '扩图 1.5 倍',
    );
    expect(buttonText(b('MJ::CustomZoom::h', 'Custom Zoom'), m).text).toBe('自定义扩图');
    expect(buttonText(b('MJ::JOB::pan_up::1::h::SOLO', '', '⬆️'), m)).toEqual({
      text: '向上平移',
      label: '向上平移',
      icon: 'up',
    });
    expect(
      buttonText(b('MJ::JOB::upsample_v6_2x_creative::1::h::SOLO', 'Upscale (Creative)'), m).text,
    ).toBe('放大（创意）');
  });

  it('keeps the bookmark heart visible and names it for screen readers', () => {
    expect(buttonText(b('MJ::BOOKMARK::h', '', '❤️'), en.midjourney)).toEqual({
      text: '❤️',
      label: 'Bookmark',
    });
    expect(buttonText(b('MJ::BOOKMARK::h', '', '❤️'), zhCN.midjourney).label).toBe('收藏');
  });

  it('offers unknown buttons with their own label or emoji', () => {
    expect(buttonText(b('MJ::Something::new', '', '✨'), en.midjourney)).toEqual({
      text: '✨',
      label: '✨',
    });
    expect(buttonText(b('MJ::Something::new', 'Animate'), en.midjourney).text).toBe('Animate');
    expect(
      buttonText(b('MJ::JOB::upsample_v5_4x::1::h::SOLO', 'Upscale (4x)'), en.midjourney).text,
    ).toBe('Upscale (4x)');
  });

  it('recognises the describe and shorten follow-ups gateways refuse', () => {
    expect(isPromptFollowUp(b('MJ::Job::PicReader::2', '', '2️⃣'))).toBe(true);
    expect(isPromptFollowUp(b('MJ::Picread::Retry', '', '🔄'))).toBe(true);
    expect(isPromptFollowUp(b('MJ::Job::PromptAnalyzer::h::1', '', '1️⃣'))).toBe(true);
    expect(isPromptFollowUp(b('MJ::JOB::reroll::0::h::SOLO', '', '🔄'))).toBe(false);
  });
});
