import { useAitreLocale } from '@aitre/react';
import { type DemoMessages, demoMessages } from './demoMessages.js';

/** The demo chrome's strings in the AitreProvider's locale. */
export function useDemoMessages(): DemoMessages {
  return demoMessages[useAitreLocale()];
}
