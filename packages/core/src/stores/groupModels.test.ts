import { describe, expect, it } from 'vitest';
import { groupModels, modelGroup } from './groupModels.js';

const m = (id: string, supported_endpoint_types?: string[]) => ({
  id,
  object: 'model',
  created: 0,
  owned_by: 'x',
  ...(supported_endpoint_types ? { supported_endpoint_types } : {}),
});

describe('groupModels', () => {
  it('groups models by id', () => {
    const ids = (list: { id: string }[]) => list.map((x) => x.id);
    const groups = groupModels(
      [
        'gpt-4o-mini',
        'claude-sonnet-4',
        'o3-mini',
        'deepseek-reasoner',
        'dall-e-3',
        'gpt-image-1',
        'flux-kontext-pro',
        'tts-1',
        'gpt-4o-mini-tts',
        'whisper-1',
        'gpt-4o-transcribe',
        'text-embedding-3-small',
        'mj_imagine',
        'swap_face',
        'something-else',
      ].map((id) => m(id)),
    );
    expect(ids(groups.chat)).toEqual(['gpt-4o-mini', 'claude-sonnet-4']);
    expect(ids(groups.reasoning)).toEqual(['o3-mini', 'deepseek-reasoner']);
    expect(ids(groups.image)).toEqual(['dall-e-3', 'gpt-image-1', 'flux-kontext-pro']);
    expect(ids(groups['audio-tts'])).toEqual(['tts-1', 'gpt-4o-mini-tts']);
    expect(ids(groups['audio-stt'])).toEqual(['whisper-1', 'gpt-4o-transcribe']);
    expect(ids(groups.embedding)).toEqual(['text-embedding-3-small']);
    expect(ids(groups.midjourney)).toEqual(['mj_imagine', 'swap_face']);
    expect(ids(groups.other)).toEqual(['something-else']);
  });

  it('prefers supported_endpoint_types when present', () => {
    expect(modelGroup(m('my-painter', ['image-generation']))).toBe('image');
    expect(modelGroup(m('vectors-v2', ['embeddings']))).toBe('embedding');
    expect(modelGroup(m('house-model', ['openai']))).toBe('chat');
    expect(modelGroup(m('house-video', ['openai-video']))).toBe('other');
  });
});
