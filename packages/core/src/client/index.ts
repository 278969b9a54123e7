export type { AudioAnswer, AudioApi } from './audio.js';
export { ChatCompletionStream } from './ChatCompletionStream.js';
export { CompletionStream } from './CompletionStream.js';
export type { ChatApi, ChatCompletionsApi } from './chat.js';
export type { ExtraArea } from './clientAreas.js';
export {
  withAudio,
  withCompletions,
  withEmbeddings,
  withImages,
  withMidjourney,
} from './clientAreas.js';
export type { CompletionsApi } from './completions.js';
export type { ChatClient } from './createChatClient.js';
export { createChatClient } from './createChatClient.js';
export type { AitreClient } from './createClient.js';
export { createClient } from './createClient.js';
export type { EmbeddingsApi } from './embeddings.js';
export { imageModelFamily, imageModelOptions, imageModelTable } from './imageModelOptions.js';
export { imageRouteUrl } from './imageRouteUrl.js';
export type { ImagesApi } from './images.js';
export type { StreamOptions } from './JsonEventStream.js';
export type { MidjourneyApi } from './midjourney.js';
export type { ModelsApi } from './models.js';
export type * from './typesAudio.js';
export type * from './typesChat.js';
export type * from './typesCommon.js';
export type * from './typesCompletions.js';
export type * from './typesEmbeddings.js';
export type * from './typesImages.js';
export type * from './typesMidjourney.js';
export type * from './typesModels.js';
export {
  AUDIO_EXTENSIONS,
  audioExtension,
  MAX_AUDIO_BYTES,
  MAX_EMBEDDING_INPUTS,
  MAX_SPEECH_INPUT,
  validateAudioFile,
  validateChat,
  validateCompletion,
  validateEmbeddings,
  validateImageEdit,
  validateImageGenerate,
  validateMjBlend,
  validateSpeech,
  validateTranscription,
} from './validate.js';
