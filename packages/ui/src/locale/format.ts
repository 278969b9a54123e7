/** Replaces each `{name}` in a template by `params[name]`; placeholders without a value stay visible. */
export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (match, name: string) => {
    const value = params[name];
    return value === undefined ? match : String(value);
  });
}
