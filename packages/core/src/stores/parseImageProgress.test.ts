import { describe, expect, it } from 'vitest';
import { parseImageProgress } from './parseImageProgress.js';

const tuzi =
  '```\n{\n  "prompt": "画个牛马",\n  "ratio": "1:1"\n}\n```\n\n\n\n> ID: `task_01jqwtd9rvev28cr2kechxszq1`\n\n' +
  '> 排队中.\n\n> 生成中..\n\n> 进度 14%.\n\n> 进度 44%.\n\n> 进度 74%.\n\n> 进度 83%\n\n> 生成完成 ✅\n\n\n' +
  '> gen_id: `gen_01jqwte8yjf7haxqc521b7z2wf`\n\n\n' +
  '![gen_01jqwte8yjf7haxqc521b7z2wf](https://filesystem.site/cdn/20250403/k0kVgLClcJyhH3Pybb5AInvsLptmQV.png)';

describe('parseImageProgress', () => {
  it('reports no stage for text without progress marks', () => {
    expect(parseImageProgress('{\n  "prompt": "a cat"\n}')).toEqual({
      stage: null,
      percent: null,
      images: [],
      downloads: [],
    });
  });

  it('walks through queued, generating and done on the accumulated text', () => {
    const at = (marker: string) => tuzi.slice(0, tuzi.indexOf(marker) + marker.length);
    expect(parseImageProgress(at('排队中.'))).toMatchObject({ stage: 'queued', percent: null });
    expect(parseImageProgress(at('生成中..'))).toMatchObject({
      stage: 'generating',
      percent: null,
    });
    expect(parseImageProgress(at('进度 44%.'))).toMatchObject({ stage: 'generating', percent: 44 });
    expect(parseImageProgress(at('生成完成 ✅'))).toMatchObject({ stage: 'done', percent: 100 });
    expect(parseImageProgress(tuzi).images).toEqual([
      {
        alt: 'gen_01jqwte8yjf7haxqc521b7z2wf',
        url: 'https://filesystem.site/cdn/20250403/k0kVgLClcJyhH3Pybb5AInvsLptmQV.png',
      },
    ]);
  });

  it('does not read a number cut by a chunk boundary', () => {
    expect(parseImageProgress('> 进度 14%.\n\n> 进度 4').percent).toBe(14);
    expect(parseImageProgress('> 进度 14%.\n\n> 进度 44%').percent).toBe(44);
  });

  it('reads bold percentages and finds download links', () => {
    const text =
      '{\n  "prompt": "A Tibetan Mastiff"\n}\n\n> 进度 **2%**\n\n\n> 进度 **34%**\n\n\n> 进度 **67%**\n\n';
    expect(parseImageProgress(text)).toMatchObject({ stage: 'generating', percent: 67 });
    const done = `${text}\n![file_0](https://filesystem.site/cdn/x.png)\n[下载⏬](https://filesystem.site/cdn/download/x.png)\n\n`;
    expect(parseImageProgress(done)).toEqual({
      stage: 'done',
      percent: 100,
      images: [{ alt: 'file_0', url: 'https://filesystem.site/cdn/x.png' }],
      downloads: ['https://filesystem.site/cdn/download/x.png'],
    });
  });

  it('reads the running variant with dotted numbers', () => {
    const text = '> 排队中..\n> 生成中...\n> 🏃 进度 42..54..67..';
    expect(parseImageProgress(text)).toMatchObject({ stage: 'generating', percent: 67 });
    expect(parseImageProgress('> 🏃 进度 42..5').percent).toBe(42);
  });

  it('treats the emoji variant and click-to-download links alike', () => {
    const text =
      '> 🎨 生成中...\n![https://a.example/i.png](https://a.example/i.png)\n[点击下载](https://pro.filesystem.site/cdn/download/i.png)';
    expect(parseImageProgress(text)).toMatchObject({
      stage: 'done',
      downloads: ['https://pro.filesystem.site/cdn/download/i.png'],
    });
  });

  it('ignores images that are not http(s)', () => {
    expect(
      parseImageProgress('![x](javascript:alert(1)) ![y](data:image/png;base64,AAAA)').images,
    ).toEqual([]);
  });
});
