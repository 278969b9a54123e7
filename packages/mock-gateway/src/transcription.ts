import type { RequestContext } from './context.js';
import { errorResponse, invalidField } from './errors.js';
import { jsonResponse, textResponse } from './http.js';
import { hashString, pick } from './random.js';
import { wavDuration } from './wav.js';

const EXTENSIONS = ['flac', 'mp3', 'mp4', 'mpeg', 'mpga', 'm4a', 'ogg', 'oga', 'wav', 'webm'];
const FORMATS = ['json', 'text', 'srt', 'verbose_json', 'vtt'];
const MAX_BYTES = 25 * 1024 * 1024;

const LANGUAGES: Record<string, string> = {
  en: 'english',
  zh: 'chinese',
  ja: 'japanese',
  ko: 'korean',
  fr: 'french',
  de: 'german',
  es: 'spanish',
  it: 'italian',
  pt: 'portuguese',
  ru: 'russian',
};

const ENGLISH = [
  'Thanks for taking the time to listen to this recording.',
  'Today we are going to look at how the new release works.',
  'The first thing to notice is how quickly the results come back.',
  'After that, we will walk through a few examples together.',
  'Please let me know if anything is unclear.',
  'This part of the recording explains the settings in more detail.',
  'We tested it on several machines and the numbers were consistent.',
  'That brings us to the end of this short overview.',
];

const CHINESE = [
  '感谢您收听这段录音。',
  '今天我们来看看新版本是如何工作的。',
  '首先要注意的是结果返回得非常快。',
  '接下来我们一起看几个例子。',
  '如果有不清楚的地方，请告诉我。',
  '这一部分更详细地介绍了各项设置。',
];

/** Recognises common audio containers by their first bytes. */
function sniffAudio(bytes: Uint8Array): boolean {
  const text = String.fromCharCode(...bytes.subarray(0, 12));
  return (
    (text.startsWith('RIFF') && text.slice(8, 12) === 'WAVE') ||
    text.startsWith('ID3') ||
    text.startsWith('OggS') ||
    text.startsWith('fLaC') ||
    text.slice(4, 8) === 'ftyp' ||
    (bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) ||
    (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0)
  );
}

interface Segment {
  id: number;
  seek: number;
  start: number;
  end: number;
  text: string;
  tokens: number[];
  temperature: number;
  avg_logprob: number;
  compression_ratio: number;
  no_speech_prob: number;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

function clock(seconds: number, separator: ',' | '.'): string {
  const ms = Math.round(seconds * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}${separator}${pad(ms % 1000, 3)}`;
}

/** SubRip subtitles of segments. */
export function toSrt(segments: Segment[]): string {
  return segments
    .map((s, i) => `${i + 1}\n${clock(s.start, ',')} --> ${clock(s.end, ',')}\n${s.text.trim()}\n`)
    .join('\n');
}

/** WebVTT subtitles of segments. */
export function toVtt(segments: Segment[]): string {
  return `WEBVTT\n\n${segments
    .map((s) => `${clock(s.start, '.')} --> ${clock(s.end, '.')}\n${s.text.trim()}\n`)
    .join('\n')}`;
}

/** POST /v1/audio/transcriptions and /v1/audio/translations (translations always answer English). */
export async function handleTranscription(
  ctx: RequestContext,
  task: 'transcribe' | 'translate',
): Promise<Response> {
  const form = ctx.form as FormData;
  const file = form.get('file');
  if (!file || typeof file === 'string') return invalidField(ctx, 'file');
  const model = form.get('model');
  if (typeof model !== 'string' || model === '') return invalidField(ctx, 'model');
  if (file.size > MAX_BYTES) {
    return errorResponse(
      ctx,
      413,
      `Maximum content size limit (${MAX_BYTES}) exceeded (${file.size} bytes read)`,
      {
        type: 'invalid_request_error',
        code: 'file_too_large',
        param: 'file',
      },
    );
  }
  const name = file instanceof File ? file.name : 'blob';
  const bytes = new Uint8Array(await file.arrayBuffer());
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  const known =
    (extension !== undefined && EXTENSIONS.includes(extension)) ||
    /^(audio|video)\//.test(file.type) ||
    sniffAudio(bytes);
  if (!known || bytes.length === 0) {
    return errorResponse(
      ctx,
      400,
      `Invalid file format. Supported formats: ${JSON.stringify(EXTENSIONS)}`,
      {
        type: 'invalid_request_error',
        code: 'invalid_file_format',
        param: 'file',
      },
    );
  }
  const format = (form.get('response_format') as string | null) ?? 'json';
  if (!FORMATS.includes(format)) {
    return invalidField(
      ctx,
      'response_format',
      `response_format must be one of ${FORMATS.join(', ')}`,
    );
  }
  if (/^gpt-4o/.test(model) && format !== 'json' && format !== 'text') {
    return invalidField(
      ctx,
      'response_format',
      `response_format '${format}' is not compatible with model '${model}'; use json or text`,
    );
  }
  const granularities = [
    ...form.getAll('timestamp_granularities[]'),
    ...form.getAll('timestamp_granularities'),
  ];
  if (granularities.length > 0 && format !== 'verbose_json') {
    return invalidField(
      ctx,
      'timestamp_granularities',
      'timestamp_granularities requires response_format verbose_json',
    );
  }
  const languageCode =
    task === 'translate' ? 'en' : ((form.get('language') as string | null) ?? 'en');
  const language = LANGUAGES[languageCode] ?? languageCode;
  // Real duration for WAV uploads; otherwise estimated from size as ~128 kbit/s.
  const duration = round2(Math.max(1, wavDuration(bytes) ?? bytes.length / 16_000));
  const seed = hashString(`${name}:${bytes.length}`);
  const pool = languageCode === 'zh' ? CHINESE : ENGLISH;
  const count = Math.min(12, Math.max(1, Math.round(duration / 4)));
  const sentences = Array.from({ length: count }, (_, i) => pick(pool, seed + i));
  const segments: Segment[] = sentences.map((sentence, id) => {
    const start = round2((duration * id) / count);
    return {
      id,
      seek: Math.round(start * 100),
      start,
      end: round2((duration * (id + 1)) / count),
      text: ` ${sentence}`,
      tokens: Array.from({ length: 6 }, (_, k) => 50_000 + ((seed >>> k) % 1000)),
      temperature: 0,
      avg_logprob: -0.25,
      compression_ratio: 1.2,
      no_speech_prob: 0.01,
    };
  });
  const text = sentences.join(languageCode === 'zh' ? '' : ' ');
  if (format === 'text') return textResponse(ctx, `${text}\n`);
  if (format === 'srt') return textResponse(ctx, toSrt(segments));
  if (format === 'vtt') return textResponse(ctx, toVtt(segments), 'text/vtt; charset=utf-8');
  const usage = { type: 'duration', seconds: Math.ceil(duration) };
  if (format === 'json') return jsonResponse(ctx, { text, usage });
  const verbose: Record<string, unknown> = { task, language, duration, text, segments, usage };
  if (task === 'transcribe' && granularities.includes('word')) {
    verbose.words = segments.flatMap((segment) => {
      const words = segment.text.trim().split(/\s+/);
      const step = (segment.end - segment.start) / words.length;
      return words.map((word, i) => ({
        word: word.replace(/[.,!?。，]$/u, ''),
        start: round2(segment.start + step * i),
        end: round2(segment.start + step * (i + 1)),
      }));
    });
  }
  return jsonResponse(ctx, verbose);
}
