import { afterEach, describe, expect, it, vi } from 'vitest';
import { base64ToBlob, canCreateObjectUrl, createObjectUrl, revokeObjectUrl } from './objectUrl.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('objectUrl', () => {
  it('decodes base64 with or without a data: prefix', async () => {
    const plain = base64ToBlob(btoa('hello'), 'text/plain');
    const prefixed = base64ToBlob(`data:text/plain;base64,${btoa('hello')}`, 'text/plain');
    expect(plain.type).toBe('text/plain');
    expect(await plain.text()).toBe('hello');
    expect(await prefixed.text()).toBe('hello');
  });

  it('creates blob: URLs and revokes only blob: URLs', () => {
    expect(canCreateObjectUrl()).toBe(true);
    const revoke = vi.spyOn(URL, 'revokeObjectURL');
    const url = createObjectUrl(new Blob(['x']));
    expect(url).toMatch(/^blob:/);
    revokeObjectUrl(url);
    revokeObjectUrl('https://cdn.example/a.png');
    revokeObjectUrl(undefined);
    expect(revoke).toHaveBeenCalledTimes(1);
    expect(revoke).toHaveBeenCalledWith(url);
  });
});
