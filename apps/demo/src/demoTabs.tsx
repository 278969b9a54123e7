import { localStorageAdapter } from '@aitre/react';
import { Chat, EmbeddingsPlayground, ImageStudio, MidjourneyStudio } from '@aitre/ui';
import type { ReactNode } from 'react';
import { AudioPanel } from './AudioPanel.js';
import { CompletionPanel } from './CompletionPanel.js';
import type { DemoMessages } from './demoMessages.js';
import { ModelsPanel } from './ModelsPanel.js';

/** The id of a tab, also its URL hash. */
export type TabId = keyof DemoMessages['tabs'];

/**
 * The page's tabs in order. A `null` panel shows a short notice instead, so wiring a component
 * is one import plus one line here.
 */
export const TABS: ReadonlyArray<{ id: TabId; panel: ReactNode }> = [
  {
    id: 'chat',
    panel: <Chat id="demo-chat" storage={localStorageAdapter()} className="demo-chat" />,
  },
  { id: 'images', panel: <ImageStudio /> },
  { id: 'audio', panel: <AudioPanel /> },
  { id: 'midjourney', panel: <MidjourneyStudio historyKey="aitre-demo:midjourney" /> },
  { id: 'embeddings', panel: <EmbeddingsPlayground /> },
  { id: 'completions', panel: <CompletionPanel /> },
  { id: 'models', panel: <ModelsPanel /> },
];
