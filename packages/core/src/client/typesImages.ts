/** Request body of POST /v1/images/generations. */
export interface ImageGenerateParams {
  model: string;
  prompt: string;
  n?: number;
  size?: string;
  quality?: string;
  style?: 'vivid' | 'natural';
  response_format?: 'url' | 'b64_json';
  background?: 'transparent' | 'opaque' | 'auto';
  output_format?: 'png' | 'jpeg' | 'webp';
  output_compression?: number;
  moderation?: 'low' | 'auto';
  /** Flux: 21:9 ... 9:21. */
  aspect_ratio?: string;
  user?: string;
  /** Vendor fields (seed, safety_tolerance, input_image ...) merged into the body untouched. */
  extra?: Record<string, unknown>;
}

/** Multipart body of POST /v1/images/edits. */
export interface ImageEditParams {
  model: string;
  prompt: string;
  /** One image is sent as `image`, several as repeated `image[]`. */
  image: Blob | Blob[];
  /** PNG whose transparent pixels mark the area to edit. */
  mask?: Blob;
  size?: string;
  quality?: string;
  n?: number;
  background?: 'transparent' | 'opaque' | 'auto';
  output_format?: 'png' | 'jpeg' | 'webp';
  output_compression?: number;
  input_fidelity?: 'high' | 'low';
  response_format?: 'url' | 'b64_json';
  user?: string;
  /** Vendor fields appended to the form (objects as JSON). */
  extra?: Record<string, unknown>;
}

/** One generated image: a URL or base64 (never both empty, never a data: prefix). */
export interface ImageData {
  url?: string;
  b64_json?: string;
  revised_prompt?: string;
}

/** Normalised response of image generation and edits. */
export interface ImagesResponse {
  created: number;
  data: ImageData[];
  background?: string;
  output_format?: string;
  quality?: string;
  size?: string;
  usage?: {
    input_tokens?: number;
    output_tokens?: number;
    total_tokens?: number;
    input_tokens_details?: Record<string, number>;
    output_tokens_details?: Record<string, number>;
  };
}

/** Image model families with known option tables. */
export type ImageModelFamily = 'dall-e-3' | 'dall-e-2' | 'gpt-image' | 'flux';

/** What a known image model accepts; the UI renders only these choices. */
export interface ImageModelOptions {
  /** The family the model id belongs to. */
  family: ImageModelFamily;
  /** Sizes to offer (for flux: common ones; any WxH is accepted). */
  sizes: readonly string[];
  /** Whether any `WxH` size is accepted beyond `sizes`. */
  anySize: boolean;
  /** `quality` values, when the model takes one. */
  qualities?: readonly string[];
  /** `style` values (dall-e-3). */
  styles?: readonly string[];
  /** `background` values (gpt-image). */
  backgrounds?: readonly string[];
  /** `output_format` values. */
  outputFormats?: readonly string[];
  /** `response_format` values the model honours. */
  responseFormats?: readonly string[];
  /** `aspect_ratio` values (flux). */
  aspectRatios?: readonly string[];
  /** Allowed image count. */
  n: { min: number; max: number };
  /** Longest prompt in characters, when the model has a documented limit. */
  promptMaxLength?: number;
  /** Whether /v1/images/edits works with the model. */
  edits: boolean;
}
