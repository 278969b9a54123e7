export type { ProxyHandler, ProxyOptions } from './createProxy.js';
export { createProxy } from './createProxy.js';
export type { NodeHandler, NodeRequestLike, NodeResponseLike } from './nodeAdapter.js';
export { nodeAdapter } from './nodeAdapter.js';
