import { describe, expect, it } from 'vitest';
import { toDataUrl } from './toDataUrl.js';

describe('toDataUrl', () => {
  it('encodes a blob with its media type', async () => {
    const blob = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' });
    expect(await toDataUrl(blob)).toBe('data:image/png;base64,iVBORw==');
  });

  it('encodes blobs larger than one chunk', async () => {
    const bytes = new Uint8Array(40_000).map((_, i) => i % 256);
    const url = await toDataUrl(new Blob([bytes], { type: 'image/jpeg' }));
    const decoded = Uint8Array.from(atob(url.slice('data:image/jpeg;base64,'.length)), (c) =>
      c.charCodeAt(0),
    );
    expect(decoded).toEqual(bytes);
  });
});
