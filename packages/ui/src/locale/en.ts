import { enAreas } from './enAreas.js';
import { enBase } from './enBase.js';
import type { Messages } from './Messages.js';

/** English strings, the default locale. */
export const en: Messages = { ...enBase, ...enAreas };
