export { readSSE } from './readSSE.js';
export type { SSEEvent } from './SSEDecoder.js';
export { SSEDecoder } from './SSEDecoder.js';
