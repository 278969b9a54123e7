/** Decodes base64 little-endian float32 bytes (the embeddings wire format) into a Float32Array. */
export function decodeFloat32Base64(base64: string): Float32Array {
  const binary = atob(base64);
  const count = binary.length >> 2;
  const bytes = new Uint8Array(count << 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = binary.charCodeAt(i);
  const view = new DataView(bytes.buffer);
  const vector = new Float32Array(count);
  for (let i = 0; i < count; i++) vector[i] = view.getFloat32(i << 2, true);
  return vector;
}
