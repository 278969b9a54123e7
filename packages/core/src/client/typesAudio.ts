/** Request body of POST /v1/audio/speech. */
export interface SpeechParams {
  model: string;
  /** At most 4096 characters. */
  input: string;
  voice: string;
  instructions?: string;
  response_format?: 'mp3' | 'opus' | 'aac' | 'flac' | 'wav' | 'pcm';
  speed?: number;
  stream_format?: 'sse' | 'audio';
  /** Gateway-specific fields, merged into the body as they are. */
  extra?: Record<string, unknown>;
}

/** Output formats of transcriptions and translations. */
export type AudioResponseFormat = 'json' | 'text' | 'srt' | 'verbose_json' | 'vtt';

/** Multipart body of POST /v1/audio/translations. */
export interface TranslationParams {
  /** The audio: a File (its name's extension matters) or a Blob with an audio type; at most 25 MiB. */
  file: Blob;
  model: string;
  prompt?: string;
  response_format?: AudioResponseFormat;
  temperature?: number;
}

/** Multipart body of POST /v1/audio/transcriptions. */
export interface TranscriptionParams extends TranslationParams {
  /** ISO-639-1 code, e.g. 'en'. */
  language?: string;
  /** Needs `response_format: 'verbose_json'`; sent as repeated `timestamp_granularities[]`. */
  timestamp_granularities?: ('word' | 'segment')[];
}

/** `json` answer. */
export interface Transcription {
  text: string;
  usage?: Record<string, unknown>;
}

/** One segment of a verbose answer. */
export interface TranscriptionSegment {
  id: number;
  start: number;
  end: number;
  text: string;
  seek?: number;
  tokens?: number[];
  temperature?: number;
  avg_logprob?: number;
  compression_ratio?: number;
  no_speech_prob?: number;
}

/** `verbose_json` answer. */
export interface TranscriptionVerbose {
  task?: string;
  language: string;
  duration: number;
  text: string;
  segments?: TranscriptionSegment[];
  words?: { word: string; start: number; end: number }[];
  usage?: Record<string, unknown>;
}
