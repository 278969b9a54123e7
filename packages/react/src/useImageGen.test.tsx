import { createClient } from '@aitre/core';
import { createGateway } from '@aitre/mock-gateway';
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useImageGen } from './useImageGen.js';

function setup() {
  const gateway = createGateway({ fileUrls: 'data' });
  let requests = 0;
  const client = createClient({
    baseURL: 'http://127.0.0.1:8787',
    fetch: (input, init) => {
      requests += 1;
      return gateway.fetch(input, init);
    },
  });
  return { client, requests: () => requests };
}

// jsdom has no object URLs: count what the store creates and revokes.
let created: string[] = [];
const revoke = vi.fn();

beforeEach(() => {
  created = [];
  revoke.mockClear();
  let n = 0;
  URL.createObjectURL = () => {
    const url = `blob:test/${++n}`;
    created.push(url);
    return url;
  };
  URL.revokeObjectURL = revoke;
});

afterEach(() => {
  cleanup();
});

describe('useImageGen', () => {
  it('generates images as object URLs and exposes the model option table', async () => {
    const { client } = setup();
    const { result } = renderHook(() => useImageGen({ model: 'gpt-image-1', client }));
    expect(result.current.modelOptions?.family).toBe('gpt-image');
    expect(result.current.modelOptions?.sizes).toContain('1024x1024');
    await act(async () => {
      await result.current.generate({ prompt: 'a red fox', n: 2 });
    });
    expect(result.current.status).toBe('success');
    expect(result.current.images.map((i) => i.url)).toEqual(created);
    expect(result.current.history).toHaveLength(1);
  });

  it('revokes image URLs on unmount', async () => {
    const { client } = setup();
    const { result, unmount } = renderHook(() => useImageGen({ model: 'gpt-image-1', client }));
    await act(async () => {
      await result.current.generate({ prompt: 'one' });
    });
    await act(async () => {
      await result.current.generate({ prompt: 'two' });
    });
    expect(created).toHaveLength(2);
    expect(revoke).not.toHaveBeenCalled();
    unmount();
    expect(revoke.mock.calls.map(([url]) => url).sort()).toEqual([...created].sort());
  });

  it('reports validation errors before any request', async () => {
    const { client, requests } = setup();
    const { result } = renderHook(() => useImageGen({ model: 'dall-e-3', client }));
    await act(async () => {
      await result.current.generate({ prompt: 'two foxes', n: 2 });
    });
    expect(result.current.status).toBe('error');
    expect(result.current.error).toMatchObject({ kind: 'validation', code: 'dalle3_n' });
    expect(requests()).toBe(0);
  });
});
