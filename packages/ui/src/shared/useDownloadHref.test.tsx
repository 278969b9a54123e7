import { AitreProvider } from '@aitre/react';
import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { useDownloadHref } from './useDownloadHref.js';

function hrefs(imageProxy: string | undefined, urls: string[]): string[] {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <AitreProvider imageProxy={imageProxy}>{children}</AitreProvider>
  );
  const { result } = renderHook(() => useDownloadHref(), { wrapper });
  return urls.map((url) => result.current(url));
}

describe('useDownloadHref', () => {
  const remote = 'https://cdn.example.com/fox.png?sig=a&b=1';

  it('sends an image of another origin through the imageProxy route, for download', () => {
    expect(hrefs('/api/aitre/image', [remote])).toEqual([
      `/api/aitre/image?url=${encodeURIComponent(remote)}&download=1`,
    ]);
  });

  it('keeps data, blob and same-origin URLs, and every URL without a route', () => {
    const local = `${window.location.origin}/files/fox.png`;
    const kept = ['data:image/png;base64,AAAA', 'blob:http://localhost/1', local, 'not a url'];
    expect(hrefs('/api/aitre/image', kept)).toEqual(kept);
    expect(hrefs(undefined, [remote])).toEqual([remote]);
  });
});
