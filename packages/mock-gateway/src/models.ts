import type { RequestContext } from './context.js';
import { errorResponse } from './errors.js';
import { jsonResponse } from './http.js';

const CREATED = 1_700_000_000;

/** Every model the mock relays, grouped as new-api reports them with `supported_endpoint_types`. */
export const MODELS: ReadonlyArray<{ id: string; owned_by: string; types: string[] }> = [
  ...['gpt-4o', 'gpt-4o-mini', 'gpt-4.1', 'gpt-4.1-mini', 'deepseek-chat', 'claude-sonnet-4'].map(
    (id) => ({
      id,
      owned_by: id.startsWith('deepseek')
        ? 'deepseek'
        : id.startsWith('claude')
          ? 'anthropic'
          : 'openai',
      types: ['openai'],
    }),
  ),
  ...['o3-mini', 'o4-mini', 'deepseek-reasoner', 'deepseek-r1', 'qwen3-thinking'].map((id) => ({
    id,
    owned_by: id.startsWith('deepseek') ? 'deepseek' : id.startsWith('qwen') ? 'qwen' : 'openai',
    types: ['openai'],
  })),
  { id: 'gpt-3.5-turbo-instruct', owned_by: 'openai', types: ['openai'] },
  { id: 'gpt-4o-image', owned_by: 'custom', types: ['openai'] },
  { id: 'gpt-4o-all', owned_by: 'custom', types: ['openai'] },
  // Streams the last user message back verbatim (see ECHO_MODEL in chat.ts).
  { id: 'mock-echo', owned_by: 'mock', types: ['openai'] },
  ...['dall-e-3', 'dall-e-2', 'gpt-image-1', 'flux-schnell', 'flux-dev', 'flux-kontext-pro'].map(
    (id) => ({
      id,
      owned_by: id.startsWith('flux') ? 'black-forest-labs' : 'openai',
      types: ['image-generation'],
    }),
  ),
  ...['tts-1', 'tts-1-hd', 'gpt-4o-mini-tts'].map((id) => ({
    id,
    owned_by: 'openai',
    types: ['openai'],
  })),
  ...['whisper-1', 'gpt-4o-transcribe', 'gpt-4o-mini-transcribe'].map((id) => ({
    id,
    owned_by: 'openai',
    types: ['openai'],
  })),
  ...['text-embedding-3-small', 'text-embedding-3-large', 'text-embedding-ada-002'].map((id) => ({
    id,
    owned_by: 'openai',
    types: ['embeddings'],
  })),
  ...[
    'mj_imagine',
    'mj_variation',
    'mj_reroll',
    'mj_upscale',
    'mj_blend',
    'mj_describe',
    'mj_shorten',
    'mj_modal',
    'mj_inpaint',
    'mj_zoom',
    'mj_custom_zoom',
    'mj_pan',
    'mj_high_variation',
    'mj_low_variation',
    'swap_face',
  ].map((id) => ({ id, owned_by: 'midjourney', types: ['openai'] })),
];

function toModel(model: (typeof MODELS)[number]) {
  return {
    id: model.id,
    object: 'model',
    created: CREATED,
    owned_by: model.owned_by,
    supported_endpoint_types: model.types,
  };
}

/** GET /v1/models. */
export function handleModels(ctx: RequestContext): Response {
  return jsonResponse(ctx, { success: true, object: 'list', data: MODELS.map(toModel) });
}

/** GET /v1/models/{id}. */
export function handleModel(ctx: RequestContext, id: string): Response {
  const model = MODELS.find((m) => m.id === id);
  if (!model) {
    return errorResponse(ctx, 404, `The model '${id}' does not exist`, {
      type: 'invalid_request_error',
      code: 'model_not_found',
      param: 'model',
    });
  }
  return jsonResponse(ctx, toModel(model));
}
