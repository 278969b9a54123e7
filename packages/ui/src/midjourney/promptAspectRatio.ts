/** Width / height from a prompt's `--ar W:H` (or `--aspect W:H`); undefined when it has none. */
export function promptAspectRatio(prompt: string | null | undefined): number | undefined {
  const match = /--(?:ar|aspect)\s+(\d+(?:\.\d+)?)\s*:\s*(\d+(?:\.\d+)?)/.exec(prompt ?? '');
  if (!match) return undefined;
  const ratio = Number(match[1]) / Number(match[2]);
  return Number.isFinite(ratio) && ratio > 0 ? ratio : undefined;
}
