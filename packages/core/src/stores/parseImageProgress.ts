import { extractMarkdownImages, type MarkdownImage } from './extractMarkdownImages.js';

/** Where a chat-based image generation (gpt-4o-image and similar) stands. */
export type ImageProgressStage = 'queued' | 'generating' | 'done';

/** What the accumulated text of a gpt-4o-image answer says so far. */
export interface ImageProgress {
  /** `null` while the text shows no progress marks at all (e.g. only the echoed prompt). */
  stage: ImageProgressStage | null;
  /** The last percentage reported (0-100), 100 once done; `null` when none was given yet. */
  percent: number | null;
  /** The http(s) images found (`![alt](url)`). */
  images: MarkdownImage[];
  /** Download links (`[下载⏬](url)`, `[点击下载](url)`, links under `/download/`). */
  downloads: string[];
}

// Quote lines carry the progress: `> 进度 14%.`, `> 进度 **34%**`, `> 🏃 进度 42..54..`.
// A number counts only once something follows it, so `> 进度 1` (of `14%`) is not read as 1%.
const PROGRESS_LINE = /^>[^\n]*?(?:进度|progress)([^\n]*)/gim;
const NUMBER = /(\d{1,3})(?:\.\d+)?(?=[^\d.]|\.(?!\d))/g;
const LINK = /(?<!!)\[([^\]\n]*)\]\(\s*<?(https?:\/\/[^\s)>]+)>?\s*\)/g;
const DOWNLOAD_TEXT = /下载|download/i;

/**
 * Reads progress from the accumulated text of a gpt-4o-image style answer. Parse the whole
 * text each time, never single chunks: a mark like `> 进度 14%` arrives split across chunks.
 */
export function parseImageProgress(text: string): ImageProgress {
  let percent: number | null = null;
  for (const line of text.matchAll(PROGRESS_LINE)) {
    for (const n of (line[1] ?? '').matchAll(NUMBER)) {
      const value = Number(n[1]);
      if (value <= 100) percent = value;
    }
  }
  const images = extractMarkdownImages(text);
  const downloads: string[] = [];
  for (const link of text.matchAll(LINK)) {
    const url = link[2];
    if (url === undefined || downloads.includes(url)) continue;
    if (DOWNLOAD_TEXT.test(link[1] ?? '') || url.includes('/download/')) downloads.push(url);
  }

  let stage: ImageProgressStage | null = null;
  if (/生成完成/.test(text) || images.length > 0) stage = 'done';
  else if (percent !== null || /生成中|generating/i.test(text)) stage = 'generating';
  else if (/排队中|queued|queuing/i.test(text)) stage = 'queued';

  return { stage, percent: stage === 'done' ? 100 : percent, images, downloads };
}
