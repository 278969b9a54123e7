import { describe, expect, it } from 'vitest';
import { chatModelGroup, groupChatModels, isChatImageModel } from './chatModels.js';

describe('groupChatModels', () => {
  it('sorts gateway models into chat, reasoning and image groups and leaves out non-chat models', () => {
    const sections = groupChatModels([
      { id: 'gpt-4o-mini', object: 'model', created: 0, owned_by: 'openai' },
      { id: 'deepseek-reasoner', object: 'model', created: 0, owned_by: 'deepseek' },
      { id: 'gpt-4o-image', object: 'model', created: 0, owned_by: 'custom' },
      {
        id: 'dall-e-3',
        object: 'model',
        created: 0,
        owned_by: 'openai',
        supported_endpoint_types: ['image-generation'],
      },
      { id: 'tts-1', object: 'model', created: 0, owned_by: 'openai' },
      { id: 'text-embedding-3-small', object: 'model', created: 0, owned_by: 'openai' },
      { id: 'mj_imagine', object: 'model', created: 0, owned_by: 'midjourney' },
    ]);
    expect(sections.map((s) => [s.group, s.options.map((o) => o.id)])).toEqual([
      ['chat', ['gpt-4o-mini']],
      ['reasoning', ['deepseek-reasoner']],
      ['image', ['gpt-4o-image']],
    ]);
  });

  it('keeps a group given with an option and puts unknown ids under other', () => {
    const sections = groupChatModels(['house-model', { id: 'gpt-4o', group: 'reasoning' }]);
    expect(sections.map((s) => [s.group, s.options.map((o) => o.id)])).toEqual([
      ['reasoning', ['gpt-4o']],
      ['other', ['house-model']],
    ]);
  });
});

describe('chat image models', () => {
  it('recognises the reseller image-through-chat models', () => {
    expect(isChatImageModel('gpt-4o-image')).toBe(true);
    expect(isChatImageModel('gpt-4o-image-vip')).toBe(true);
    expect(isChatImageModel('gpt-4o-all')).toBe(true);
    expect(isChatImageModel('gpt-image-1-vip')).toBe(true);
    expect(isChatImageModel('gpt-4o-mini')).toBe(false);
    expect(isChatImageModel(undefined)).toBe(false);
    expect(chatModelGroup({ id: 'gpt-image-1-vip' })).toBe('image');
  });
});
