const SUFFIX = /\s*\(request id: ([^)]+)\)\s*$/i;

/** A message without the gateway's ` (request id: X)` suffix, and the id it carried. */
export function stripRequestId(message: string): { message: string; requestId?: string } {
  const match = SUFFIX.exec(message);
  if (match === null) return { message };
  return { message: message.slice(0, match.index), requestId: match[1]!.trim() };
}
