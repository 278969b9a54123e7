export { frameScheduler } from './frameScheduler.js';
export type { ExternalStore, Listener, Notify } from './Store.js';
export { Store } from './Store.js';
