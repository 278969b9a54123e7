import type { Messages } from './Messages.js';
import { zhCNAreas } from './zhCNAreas.js';
import { zhCNBase } from './zhCNBase.js';

/** Simplified Chinese strings (zh-CN). */
export const zhCN: Messages = { ...zhCNBase, ...zhCNAreas };
