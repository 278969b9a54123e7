import type { Messages } from './Messages.js';

/** A partial override of a message table: any subset of groups and keys. */
export type MessagesOverride = {
  [Group in keyof Messages]?: Partial<Messages[Group]>;
};

/**
 * Returns `base` with the groups and keys of `override` replacing its own. Groups `base` does
 * not hold are left out (a part of the table, such as the chat's groups, stays that part).
 */
export function mergeMessages<T extends Partial<Messages>>(
  base: T,
  override: MessagesOverride | undefined,
): T {
  if (!override) return base;
  const merged = { ...base } as Record<string, unknown>;
  for (const [group, values] of Object.entries(override)) {
    if (values === undefined || !(group in base)) continue;
    merged[group] = { ...(base[group as keyof T] as object), ...values };
  }
  return merged as T;
}
