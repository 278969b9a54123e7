export * from './client/index.js';
export * from './errors.js';
export * from './sse/index.js';
export * from './stores/index.js';
