import type { Messages } from './Messages.js';

/** A partial override of a message table: any subset of groups and keys. */
export type MessagesOverride = {
  [Group in keyof Messages]?: Partial<Messages[Group]>;
};

/** Returns `base` with the groups and keys of `override` replacing its own. */
export function mergeMessages(base: Messages, override: MessagesOverride | undefined): Messages {
  if (!override) return base;
  const merged = { ...base } as Record<string, unknown>;
  for (const [group, values] of Object.entries(override)) {
    if (values === undefined) continue;
    merged[group] = { ...(base[group as keyof Messages] as object), ...values };
  }
  return merged as unknown as Messages;
}
