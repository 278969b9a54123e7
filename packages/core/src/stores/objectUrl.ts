type UrlStatics = {
  createObjectURL?: (blob: Blob) => string;
  revokeObjectURL?: (url: string) => void;
};

const urlStatics = (): UrlStatics => (typeof URL === 'undefined' ? {} : (URL as UrlStatics));

/** True where `URL.createObjectURL` exists (browsers, Node 16+; not every test environment). */
export function canCreateObjectUrl(): boolean {
  return typeof urlStatics().createObjectURL === 'function';
}

/** Makes an object URL for `blob`, or undefined where the platform cannot. */
export function createObjectUrl(blob: Blob): string | undefined {
  const create = urlStatics().createObjectURL;
  return typeof create === 'function' ? create.call(URL, blob) : undefined;
}

/** Revokes a URL from `createObjectUrl`; ignores undefined and non-blob URLs. */
export function revokeObjectUrl(url: string | undefined): void {
  if (!url?.startsWith('blob:')) return;
  urlStatics().revokeObjectURL?.call(URL, url);
}

/** Decodes base64 (with or without a `data:...;base64,` prefix) into a Blob of `type`. */
export function base64ToBlob(base64: string, type: string): Blob {
  const comma = base64.startsWith('data:') ? base64.indexOf(',') : -1;
  const binary = atob(comma >= 0 ? base64.slice(comma + 1) : base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type });
}
