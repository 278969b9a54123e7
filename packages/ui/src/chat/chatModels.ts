import { type Model, modelGroup } from '@aitre/core';

/** The groups of the chat model picker. */
export type ChatModelGroup = 'chat' | 'reasoning' | 'image' | 'other';

/** A model offered by the chat's model picker. */
export interface ChatModelOption {
  /** The model id sent to the gateway. */
  id: string;
  /** Text shown in the picker; defaults to the id. */
  label?: string;
  /** Picker group; guessed from the id when absent. */
  group?: ChatModelGroup;
}

/** Models of one picker group, in the given order. */
export interface ChatModelSection {
  /** The group. */
  group: ChatModelGroup;
  /** Its models. */
  options: ChatModelOption[];
}

// Reseller models that draw through the chat endpoint (progress text, then a markdown image).
const CHAT_IMAGE_MODEL = /(?:^|\/)(?:gpt-4o-image|gpt-4o-all|gpt-image-1-vip)/i;

const ORDER: readonly ChatModelGroup[] = ['chat', 'reasoning', 'image', 'other'];

/** Whether a model id answers chat requests with gpt-4o-image style progress and images. */
export function isChatImageModel(id: string | undefined): boolean {
  return id !== undefined && CHAT_IMAGE_MODEL.test(id);
}

/**
 * The picker group of a gateway model, or undefined when it cannot chat (image endpoints,
 * speech, embeddings, MidJourney).
 */
export function chatModelGroup(
  model: Pick<Model, 'id' | 'supported_endpoint_types'>,
): ChatModelGroup | undefined {
  if (isChatImageModel(model.id)) return 'image';
  const group = modelGroup(model);
  return group === 'chat' || group === 'reasoning' || group === 'other' ? group : undefined;
}

/** Sorts model options into picker sections (chat, reasoning, image, other), empty ones left out. */
export function groupChatModels(
  models: readonly (string | ChatModelOption | Model)[],
): ChatModelSection[] {
  const sections = new Map<ChatModelGroup, ChatModelOption[]>(ORDER.map((g) => [g, []]));
  for (const model of models) {
    const option: ChatModelOption = typeof model === 'string' ? { id: model } : model;
    const group =
      'group' in option && option.group ? option.group : chatModelGroup(option as Model);
    if (group) sections.get(group)?.push({ ...option, group });
  }
  return ORDER.map((group) => ({ group, options: sections.get(group) ?? [] })).filter(
    (section) => section.options.length > 0,
  );
}
