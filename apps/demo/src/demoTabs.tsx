import type { ReactNode } from 'react';
import { CompletionPanel } from './CompletionPanel.js';
import type { DemoMessages } from './demoMessages.js';
import { ModelsPanel } from './ModelsPanel.js';

/** The id of a tab, also its URL hash. */
export type TabId = keyof DemoMessages['tabs'];

/**
 * The page's tabs in order. A `null` panel shows a short notice instead: wiring a component
 * that @aitre/ui exports later is one import plus this one line.
 */
export const TABS: ReadonlyArray<{ id: TabId; panel: ReactNode }> = [
  { id: 'chat', panel: null },
  { id: 'images', panel: null },
  { id: 'audio', panel: null },
  { id: 'midjourney', panel: null },
  { id: 'embeddings', panel: null },
  { id: 'completions', panel: <CompletionPanel /> },
  { id: 'models', panel: <ModelsPanel /> },
];
