import type { Model } from '../client/index.js';

/** The groups a model list is sorted into. */
export type ModelGroup =
  | 'chat'
  | 'reasoning'
  | 'image'
  | 'audio-tts'
  | 'audio-stt'
  | 'embedding'
  | 'midjourney'
  | 'other';

/** Model lists by group, each in the gateway's order. */
export type GroupedModels = Record<ModelGroup, Model[]>;

const BY_ID: Array<[ModelGroup, RegExp]> = [
  ['midjourney', /(^mj[_-])|midjourney|niji|swap_face/i],
  ['embedding', /embed|(^|[-/])(bge|e5|gte|m3e|jina)(?=[-/]|$)/i],
  ['audio-stt', /whisper|transcribe|(^|[-/])(stt|asr)(?=[-/]|$)/i],
  ['audio-tts', /(^|[-/])tts(?=[-/]|$)|speech/i],
  [
    'image',
    /dall-e|gpt-image|flux|stable-diffusion|(^|[-/])(sd|sdxl|sd3)(?=[-/.]|$)|imagen|ideogram|recraft|kolors|seedream|cogview|hunyuan-image|wanx|playground|image-generation/i,
  ],
  [
    'reasoning',
    /(^|[-/])o[1-9](?=[-/]|$)|reasoner|thinking|(^|[-/])r1(?=[-/]|$)|qwq|qvq|deepseek-r|grok-[0-9.]+-mini-reasoning|magistral/i,
  ],
  [
    'chat',
    /gpt|claude|gemini|gemma|llama|qwen|deepseek|mistral|mixtral|glm|moonshot|kimi|yi-|doubao|ernie|grok|chat|command|phi-|hunyuan|baichuan|spark|minimax|abab|step-|sonar|nova/i,
  ],
];

const CHAT_ENDPOINTS = new Set(['openai', 'openai-response', 'anthropic', 'gemini']);

/** The group of one model: `supported_endpoint_types` when it is decisive, else the id. */
export function modelGroup(model: Pick<Model, 'id' | 'supported_endpoint_types'>): ModelGroup {
  const endpoints = model.supported_endpoint_types ?? [];
  if (endpoints.includes('image-generation')) return 'image';
  if (endpoints.includes('embeddings')) return 'embedding';
  const byId = BY_ID.find(([, pattern]) => pattern.test(model.id))?.[0];
  if (byId) return byId;
  return endpoints.some((e) => CHAT_ENDPOINTS.has(e)) ? 'chat' : 'other';
}

/** Sorts models into chat, reasoning, image, audio-tts, audio-stt, embedding, midjourney and other. */
export function groupModels(models: readonly Model[]): GroupedModels {
  const groups: GroupedModels = {
    chat: [],
    reasoning: [],
    image: [],
    'audio-tts': [],
    'audio-stt': [],
    embedding: [],
    midjourney: [],
    other: [],
  };
  for (const model of models) groups[modelGroup(model)].push(model);
  return groups;
}
